use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    memory_size = MEMORY,
)]
pub struct Orders;

const MEMORY: u32 = 64;

fn main() {}
