//! An explicit `Version` of a function with environment variables (oracle app `version`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "version")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .environment([("CodeVersionString", "stringOrMethodToGetCodeVersion")])
        .build(&stack, "MyFunction")?;
    Version::builder()
        .lambda(&function)
        .build(&stack, "MyVersion")?;
    app.synth()?;
    Ok(())
}
