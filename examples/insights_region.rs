//! Lambda Insights in a stack with a known region: the layer ARN is written as a literal, from
//! a named version or given by ARN (oracle app `insights-region`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder()
        .env(Environment {
            account: Some("123456789012".into()),
            region: Some("us-east-1".into()),
        })
        .build(&app, "insights-region")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .insights_version(LambdaInsightsVersion::VERSION_1_0_98_0)
        .build(&stack, "MyFunction")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(r#"exports.handler = async () => "hi";"#))
        .insights_version(LambdaInsightsVersion::from_insight_version_arn(
            "arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:14",
        ))
        .build(&stack, "FromArn")?;
    app.synth()?;
    Ok(())
}
