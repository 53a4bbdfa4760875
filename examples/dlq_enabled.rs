//! `dead_letter_queue_enabled`: the function gets a queue of its own for failed asynchronous
//! events (oracle app `dlq-enabled`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "dlq-enabled")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(
            "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }",
        ))
        .dead_letter_queue_enabled(true)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
