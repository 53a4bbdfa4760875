use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
)]
/// Handles orders.
pub struct Orders {
    /// The table (TABLE_NAME).
    table_name: String,
    #[env(name = "LOG_LEVEL")]
    level: Option<String>,
    batch_size: u32,
    dry_run: Option<bool>,
    region: &'static str,
    queue_url: Value,
}

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    let orders = Orders::builder()
        .table_name("orders")
        .batch_size(10)
        .region("eu-west-1")
        .queue_url("https://sqs.example/queue")
        .maybe_level(None::<String>)
        .build(&stack, "Orders")?;
    let _ = orders.function_arn();
    Orders {
        table_name: "more".to_owned(),
        level: Some("debug".to_owned()),
        batch_size: 1,
        dry_run: Some(true),
        region: "us-east-1",
        queue_url: Value::from("q"),
    }
    .build(&stack, "More")?;
    Ok(())
}
