use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    logging_format = "json",
    application_log_level = "verbose",
)]
pub struct Orders;

fn main() {}
