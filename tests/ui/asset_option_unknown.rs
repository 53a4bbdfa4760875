use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = asset("../../../../fixtures/handler-node", exclud = ["*.md"]),
)]
pub struct Orders;

fn main() {}
