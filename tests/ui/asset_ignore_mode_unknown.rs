use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = asset("../../../../fixtures/handler-node", ignore_mode = "gti"),
)]
pub struct Orders;

fn main() {}
