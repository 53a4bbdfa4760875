use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    max_event_age = "30s",
)]
pub struct Orders;

fn main() {}
