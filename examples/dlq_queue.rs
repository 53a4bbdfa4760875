//! A queue of the user's as the function's dead-letter queue (oracle app `dlq-queue`).

use lambda_cdk::prelude::*;
use lambda_cdk::sqs::Queue;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "dlq-queue")?;
    let dlq = Queue::builder().build(&stack, "DLQ")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(
            "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }",
        ))
        .dead_letter_queue(dlq)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
