use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    reserved_concurrent_executions = -1,
)]
pub struct Orders;

fn main() {}
