use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "python3.12",
    handler = "main.handler",
    code = asset("../../../../fixtures/handler-python"),
)]
pub struct Orders;

fn main() {}
