use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    params_and_secrets(version = "1.0.104"),
)]
pub struct Orders;

fn main() {}
