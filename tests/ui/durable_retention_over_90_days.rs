use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    durable_config(execution_timeout = "1h", retention_period = "91d"),
)]
pub struct Orders;

fn main() {}
