use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    retry_attempts = RETRIES,
)]
pub struct Orders;

const RETRIES: u32 = 5;

fn main() {}
