//! A rule target with a dead-letter queue and a retry policy (oracle app `event-rule-dlq`): the
//! queue's policy lets the rule send it the events it could not deliver.

use std::time::Duration;

use lambda_cdk::prelude::*;
use lambda_cdk::sqs::Queue;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "event-rule-dlq")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let queue = Queue::builder().build(&stack, "DeadLetters")?;
    let rule = Rule::builder()
        .schedule(Schedule::rate(Duration::from_secs(3600))?)
        .build(&stack, "Hourly")?;
    rule.add_target(
        &LambdaFunction::builder(&function)
            .dead_letter_queue(queue)
            .max_event_age(Duration::from_secs(2 * 3600))
            .retry_attempts(2)
            .build(),
    )?;
    app.synth()?;
    Ok(())
}
