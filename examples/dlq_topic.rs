//! An SNS topic as the function's dead-letter target (oracle app `dlq-topic`).

use lambda_cdk::prelude::*;
use lambda_cdk::sns::Topic;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "dlq-topic")?;
    let dlt = Topic::builder().build(&stack, "DLQ")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("// your code here"))
        .dead_letter_topic(dlt)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
