use lambda_cdk::prelude::*;

const RETRIES: u32 = 2;

// Asynchronous invocation and dead-letter keys: literals checked by the macro, constants by
// `const` assertions; destinations and targets are pass-through keys.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    dead_letter_queue_enabled = true,
    max_event_age = "2h",
    retry_attempts = RETRIES,
    on_failure = lambda_cdk::sns::Topic::builder().build(scope, "Failures")?,
)]
pub struct Orders;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    dead_letter_topic = lambda_cdk::sns::Topic::builder().build(scope, "Dlt")?,
    max_event_age = Duration::from_secs(60),
    retry_attempts = 0,
)]
pub struct Billing;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Orders::builder().build(&stack, "Orders")?;
    Billing::builder().build(&stack, "Billing")?;
    Ok(())
}
