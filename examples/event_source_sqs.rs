//! An SQS event source with batch options and a filter (oracle app `event-source-sqs`).

use lambda_cdk::lambda::{FilterCriteria, FilterPattern, FilterRule, SqsEventSource};
use lambda_cdk::prelude::*;
use lambda_cdk::sqs::Queue;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "event-source-sqs")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let queue = Queue::builder()
        .visibility_timeout(Duration::from_secs(60))
        .build(&stack, "Queue")?;
    function.add_event_source(
        &SqsEventSource::builder(&queue)
            .batch_size(10)
            .max_batching_window(Duration::from_secs(5))
            .report_batch_item_failures(true)
            .filters(vec![FilterCriteria::filter(FilterPattern::object([(
                "body",
                FilterPattern::object([
                    ("id", FilterRule::exists().into()),
                    ("kind", FilterRule::is_equal("order").into()),
                ]),
            )]))])
            .build()?,
    )?;
    app.synth()?;
    Ok(())
}
