use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    function_name = "orders-handler-with-a-name-far-too-long-for-aws-lambda-to-accept-it",
)]
pub struct Orders;

fn main() {}
