use lambda_cdk::prelude::*;

#[lambda_function(code = rust("../../../../fixtures/handler-node"))]
pub struct Orders;

fn main() {}
