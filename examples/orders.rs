//! The user's view from DESIGN.md, made real: a function declared with
//! `#[lambda_function]`, its environment given through a typestate builder, and the
//! cloud assembly written by `app.synth()`.
//!
//! Every value in the attribute is checked while this file compiles: try
//! `memory_size = 64`, `runtime = "nodejs20"` or removing `.table_name(..)` below.
//!
//! ```text
//! cargo run --example orders && cdk deploy --app cdk.out
//! ```

use lambda_cdk::prelude::*;

/// Handles orders.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = asset("fixtures/handler-node", exclude = ["*.test.js"]),
    memory_size = 512,
    timeout = "30s",
    architecture = "arm64",
    tracing = "active",
    environment(SERVICE = "orders"),
)]
pub struct Orders {
    /// `TABLE_NAME`: required, so the builder's `build` does not compile without it.
    table_name: String,
    /// `LOG_LEVEL`: optional.
    #[env(name = "LOG_LEVEL")]
    log_level: Option<String>,
}

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env(); // honours CDK_OUTDIR and CDK_CONTEXT_JSON
    let stack = Stack::builder().build(&app, "OrdersStack")?;
    let orders = Orders::builder()
        .table_name("orders")
        .log_level("info")
        .build(&stack, "Orders")?;
    orders.add_alias("live")?; // on current_version(): a new version whenever the code changes
    app.synth()?; // writes cdk.out/
    Ok(())
}
