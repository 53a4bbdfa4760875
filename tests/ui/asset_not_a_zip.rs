use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = asset("../../../../README.md"),
)]
pub struct Orders;

fn main() {}
