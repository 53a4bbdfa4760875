//! Asynchronous invocation settings and destinations: a queue, a topic, a function and the
//! default event bus (oracle app `async-invoke`).

use lambda_cdk::lambda::{Destination, EventInvokeConfigOptions};
use lambda_cdk::prelude::*;
use lambda_cdk::sns::Topic;
use lambda_cdk::sqs::Queue;

/// `Function::builder()` with the app's runtime, handler and code.
macro_rules! function {
    () => {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => \"hi\";"))
    };
}

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "async-invoke")?;
    let succeeded = Queue::builder().build(&stack, "Succeeded")?;
    let failed = Topic::builder().build(&stack, "Failed")?;
    function!()
        .max_event_age(Duration::from_secs(2 * 3600))
        .retry_attempts(1)
        .on_success(succeeded)
        .on_failure(failed)
        .build(&stack, "Orders")?;
    let handler = function!().build(&stack, "FailureHandler")?;
    let billing = function!().build(&stack, "Billing")?;
    billing.configure_async_invoke(EventInvokeConfigOptions {
        retry_attempts: Some(0),
        on_failure: Some(handler.into()),
        on_success: Some(Destination::DefaultEventBus),
        ..EventInvokeConfigOptions::default()
    })?;
    function!().retry_attempts(0).build(&stack, "Quiet")?;
    app.synth()?;
    Ok(())
}
