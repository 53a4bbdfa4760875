//! Lambda Insights in an environment-agnostic stack whose `@aws-cdk/core:target-partitions`
//! context is `["aws"]`: the region mapping holds the `aws` partition's regions only (oracle app
//! `insights-partitions`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "insights-partitions")?;
    stack.set_context(lambda_cdk::TARGET_PARTITIONS, vec!["aws"]);
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(r#"exports.handler = async () => "hi";"#))
        .insights_version(LambdaInsightsVersion::VERSION_1_0_98_0)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
