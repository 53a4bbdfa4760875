//! Function whose code is a local `.zip` file, published as a file asset (oracle app `asset-zip`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "asset-zip")?;
    Function::builder()
        .runtime(Runtime::JAVA_21)
        .handler("example.Handler::handleRequest")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/java-handler.zip"),
        ))
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
