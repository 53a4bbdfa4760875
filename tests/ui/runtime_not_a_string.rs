use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = Runtime::NODEJS_22_X,
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
)]
pub struct Orders;

fn main() {}
