//! X-Ray tracing, active and pass-through (oracle app `xray-tracing`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "xray-tracing")?;
    for (id, tracing) in [
        ("MyFunction", Tracing::Active),
        ("PassThrough", Tracing::PassThrough),
    ] {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline(
                "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }",
            ))
            .tracing(tracing)
            .build(&stack, id)?;
    }
    app.synth()?;
    Ok(())
}
