//! Ephemeral storage size and memory size (oracle app `ephemeral-storage`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "ephemeral-storage")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .ephemeral_storage_size(Size::mebibytes(1024))
        .memory_size(512)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
