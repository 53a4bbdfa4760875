use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = bucket("my-bucket", "code.zip"),
)]
pub struct Orders;

fn main() {}
