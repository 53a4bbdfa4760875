//! SNS event sources: a plain subscription, and one with a filter policy and a dead-letter
//! queue (oracle app `event-source-sns`).

use lambda_cdk::lambda::SnsEventSource;
use lambda_cdk::prelude::*;
use lambda_cdk::sns::{SubscriptionFilter, Topic};
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
    let stack = Stack::builder().build(&app, "event-source-sns")?;
    let topic = Topic::builder().build(&stack, "Orders")?;
    let all = function!().build(&stack, "All")?;
    all.add_event_source(&SnsEventSource::builder(&topic).build())?;

    let red = function!().build(&stack, "Red")?;
    let undelivered = Queue::builder().build(&stack, "Undelivered")?;
    red.add_event_source(
        &SnsEventSource::builder(&topic)
            .filter_policy(vec![(
                "color".into(),
                SubscriptionFilter::allowlist(["red", "orange"]),
            )])
            .dead_letter_queue(undelivered)
            .build(),
    )?;
    app.synth()?;
    Ok(())
}
