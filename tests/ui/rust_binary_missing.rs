use lambda_cdk::prelude::*;

#[lambda_function(code = rust("../../../../fixtures/rust-handler", binary = "order"))]
pub struct Orders;

fn main() {}
