use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    environment(AWS_REGION = "eu-west-1"),
)]
pub struct Orders;

fn main() {}
