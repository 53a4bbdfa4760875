//! The smallest useful app: one stack, one Node.js function whose code is a local folder,
//! declared with `#[lambda_function]` so every value is checked while this file compiles.
//!
//! `cargo run --example quickstart` writes `cdk.out/`; `cdk deploy --app cdk.out` deploys it.

use lambda_cdk::prelude::*;

/// Says hello.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = asset("fixtures/handler-node"),
    memory_size = 256,
    timeout = "10s",
    environment(GREETING = "hello"),
)]
pub struct Hello {}

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "QuickstartStack")?;
    Hello::builder().build(&stack, "Hello")?;
    let assembly = app.synth()?;
    println!(
        "wrote cloud assembly with {} stack(s) to {}",
        assembly.stacks.len(),
        assembly.directory.display()
    );
    Ok(())
}
