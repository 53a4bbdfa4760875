use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    max_event_age = MAX_AGE,
)]
pub struct Orders;

const MAX_AGE: Duration = Duration::from_secs(7 * 3600);

fn main() {}
