use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    durable_config(retention_period = "30d"),
)]
pub struct Orders;

fn main() {}
