use lambda_cdk::prelude::*;

#[lambda_function(code = rust("../../../../fixtures/rust-handlr"))]
pub struct Orders;

fn main() {}
