//! Minimal function with inline code (oracle app `minimal-inline`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "minimal-inline")?;
    Function::builder()
        .runtime(Runtime::NODEJS_18_X)
        .handler("index.handler")
        .code(Code::from_inline(
            "exports.handler = async () => \"hello\";",
        ))
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
