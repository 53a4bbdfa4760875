//! `current_version` with options (retained, one async retry) and an alias on it
//! (oracle app `current-version-alias`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "current-version-alias")?;
    let function = Function::builder()
        .current_version_options(VersionOptions {
            removal_policy: Some(RemovalPolicy::Retain),
            retry_attempts: Some(1),
            ..Default::default()
        })
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .build(&stack, "MyFunction")?;
    function.add_alias("live")?;
    app.synth()?;
    Ok(())
}
