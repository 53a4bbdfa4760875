use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    architecture = "arm64",
    insights_version = "1.0.98.0",
)]
pub struct Orders;

fn main() {}
