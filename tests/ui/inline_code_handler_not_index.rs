use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "app.handler",
    code = inline("exports.handler = async () => 'ok';"),
)]
pub struct Orders;

fn main() {}
