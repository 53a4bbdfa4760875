use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    dead_letter_queue_enabled = "yes",
)]
pub struct Orders;

fn main() {}
