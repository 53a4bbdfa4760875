//! Lambda Insights 1.0.98.0 in an environment-agnostic stack: the layer ARN is looked up at
//! deploy time in the stack's `CloudwatchlambdainsightsversionMap` (oracle app
//! `insights-agnostic`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "insights-agnostic")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .insights_version(LambdaInsightsVersion::VERSION_1_0_98_0)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
