use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
)]
pub struct Orders {
    #[env(nam = "TABLE")]
    table: String,
}

fn main() {}
