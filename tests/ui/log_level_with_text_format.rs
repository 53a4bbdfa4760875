use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    logging_format = "text",
    system_log_level = "warn",
)]
pub struct Orders;

fn main() {}
