//! Reserved concurrent executions (oracle app `reserved-concurrency`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "reserved-concurrency")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(
            "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }",
        ))
        .reserved_concurrent_executions(100)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
