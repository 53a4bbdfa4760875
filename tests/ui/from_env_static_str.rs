use lambda_cdk::prelude::*;

// A `&'static str` field is fine for the builder, but `from_env` cannot give one: the error
// is at the call, naming the type, not on the struct.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
)]
pub struct Orders {
    table_name: String,
    region: &'static str,
}

fn main() {
    let _ = Orders::from_env();
}
