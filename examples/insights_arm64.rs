//! Lambda Insights 1.0.119.0 on an arm64 function, environment-agnostic: every region's arm64
//! layer follows one pattern, so the ARN is one `Fn::Join` on `AWS::Region` and no mapping is
//! needed (oracle app `insights-arm64`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "insights-arm64")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .architecture(Architecture::Arm64)
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .insights_version(LambdaInsightsVersion::VERSION_1_0_119_0)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
