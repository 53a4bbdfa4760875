//! `currentVersion` hashing: the same function in two stacks, only the description differs,
//! so the version logical IDs differ (oracle app `hash-description`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    for (stack_name, description) in [
        ("hash-description-a", "first description"),
        ("hash-description-b", "second description"),
    ] {
        let stack = Stack::builder().build(&app, stack_name)?;
        let function = Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => \"hi\";"))
            .description(description)
            .build(&stack, "MyFunction")?;
        function.add_alias("live")?;
    }
    app.synth()?;
    Ok(())
}
