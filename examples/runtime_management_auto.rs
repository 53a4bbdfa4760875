//! Runtime management mode AUTO (oracle app `runtime-management-auto`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "runtime-management-auto")?;
    Function::builder()
        .runtime_management_mode(RuntimeManagementMode::AUTO)
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .build(&stack, "Lambda")?;
    app.synth()?;
    Ok(())
}
