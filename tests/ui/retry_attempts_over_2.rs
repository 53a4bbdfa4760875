use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    retry_attempts = 3,
)]
pub struct Orders;

fn main() {}
