//! A stack's own tags next to `Tags::of` (oracle app `stack-tags`): `manifest.json` gives the CLI
//! the stack's tags to deploy with (`Tags::of` the app and the stack merged in, unless
//! `@aws-cdk/core:explicitStackTags` is on); the resources carry the `Tags::of` tags only.

use lambda_cdk::prelude::*;
use lambda_cdk::sqs::Queue;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder()
        .tags([("Project", "orders"), ("cost-center", "42")])
        .build(&app, "stack-tags")?;
    Queue::builder().build(&stack, "Queue")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => 1;"))
        .build(&stack, "Fn")?;
    Tags::of(&app).add("owner", "lambda-team");
    Tags::of(&stack).add("Project", "override");
    app.synth()?;
    Ok(())
}
