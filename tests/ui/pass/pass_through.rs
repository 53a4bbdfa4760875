use lambda_cdk::prelude::*;

const SHARED_LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:shared:3";

fn read_orders() -> PolicyStatement {
    PolicyStatement::new()
        .actions(["dynamodb:GetItem"])
        .resources(["*"])
}

// Keys without compile-time rules are handed to `Function::builder()` as written; the
// expressions run in `build`, where `scope` is the scope the function is built under.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    initial_policy = vec![read_orders()],
    current_version_options = VersionOptions {
        retry_attempts: Some(1),
        ..Default::default()
    },
    layers = vec![LayerVersion::from_layer_version_arn(scope, "Shared", SHARED_LAYER_ARN)?],
)]
pub struct Orders {
    table_name: String,
}

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Orders::builder()
        .table_name("orders")
        .build(&stack, "Orders")?;
    Ok(())
}
