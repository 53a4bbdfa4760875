//! The smallest useful app: one stack, one Node.js function whose code is a local folder.
//!
//! `cargo run --example quickstart` writes `cdk.out/`; `cdk deploy --app cdk.out` deploys it.

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::new(&app, "QuickstartStack")?;
    let handler_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node");
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(handler_dir))
        .memory_size(256)
        .timeout(Duration::from_secs(10))
        .environment([("GREETING", "hello")])
        .build(&stack, "Hello")?;
    let assembly = app.synth()?;
    println!(
        "wrote cloud assembly with {} stack(s) to {}",
        assembly.stacks.len(),
        assembly.directory.display()
    );
    Ok(())
}
