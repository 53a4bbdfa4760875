//! Provisioned concurrency on versions (oracle app `version-provisioned-concurrency`): through
//! `current_version_options` and on a `Version` of its own.

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "version-provisioned-concurrency")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .current_version_options(VersionOptions {
            provisioned_concurrent_executions: Some(3),
            description: Some("current".into()),
            ..Default::default()
        })
        .build(&stack, "MyFunction")?;
    function.current_version()?;
    Version::builder()
        .lambda(&function)
        .provisioned_concurrent_executions(7)
        .description("pinned")
        .build(&stack, "Pinned")?;
    app.synth()?;
    Ok(())
}
