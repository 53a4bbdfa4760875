use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs20",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    memory_size = 64,
    timeout = "0s",
    tracing = "activ",
    descripton = "typo",
)]
pub struct Orders;

fn main() {}
