use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "java21",
    handler = "example.Handler::handleRequest",
    code = inline("class Handler {}"),
)]
pub struct Orders;

fn main() {}
