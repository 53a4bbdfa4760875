use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "app.handler",
    code = asset("../../../../fixtures/handler-node"),
)]
pub struct Orders;

fn main() {}
