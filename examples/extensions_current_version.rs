//! Lambda Insights, ADOT and the Parameters and Secrets extension on one function, with an alias
//! on `current_version()`: the version's hash covers the layers' deploy-time ARNs as aws-cdk-lib
//! hashes them (oracle app `extensions-current-version`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "extensions-current-version")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .environment([("STAGE", "prod")])
        .insights_version(LambdaInsightsVersion::VERSION_1_0_98_0)
        .adot_instrumentation(AdotInstrumentationConfig {
            layer_version: AdotLayerVersion::from_java_script_sdk_layer_version(
                AdotLambdaLayerJavaScriptSdkVersion::V1_30_0,
            ),
            exec_wrapper: AdotLambdaExecWrapper::RegularHandler,
        })
        .params_and_secrets(ParamsAndSecretsLayerVersion::from_version(
            ParamsAndSecretsVersions::V1_0_103,
            ParamsAndSecretsOptions::default(),
        ))
        .build(&stack, "MyFunction")?;
    function.add_alias("live")?;
    app.synth()?;
    Ok(())
}
