use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    environment(TABLE_NAME = "orders"),
)]
pub struct Orders {
    table_name: String,
}

fn main() {}
