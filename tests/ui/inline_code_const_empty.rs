use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline(SOURCE),
)]
pub struct Orders;

const SOURCE: &str = "";

fn main() {}
