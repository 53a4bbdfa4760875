use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "java21",
    handler = "example.Handler.handleRequest()",
    code = asset("../../../../fixtures/java-handler.zip"),
)]
pub struct Orders;

fn main() {}
