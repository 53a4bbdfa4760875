use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index",
    code = asset("../../../../fixtures/handler-node"),
)]
pub struct Orders;

fn main() {}
