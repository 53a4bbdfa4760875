//! Runtime management pinned to a runtime version ARN, and FUNCTION_UPDATE
//! (oracle app `runtime-management-manual`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "runtime-management-manual")?;
    Function::builder()
        .runtime_management_mode(RuntimeManagementMode::manual(
            "arn:aws:lambda:us-east-1::runtime:0b3a8c8a5c2a8c4c7f1b6a0f3b8e0d1c2a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d",
        ))
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node")))
        .build(&stack, "Lambda")?;
    Function::builder()
        .runtime_management_mode(RuntimeManagementMode::FUNCTION_UPDATE)
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "OnUpdate")?;
    app.synth()?;
    Ok(())
}
