use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    ephemeral_storage = STORAGE,
)]
pub struct Orders;

const STORAGE: u32 = 20_480;

fn main() {}
