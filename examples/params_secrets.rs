//! The Parameters and Secrets extension by version on an arm64 function in an
//! environment-agnostic stack (its layer from the stack's `ParamsandsecretslayerMap`), with a
//! secret and a parameter the function may read (oracle app `params-secrets`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "params-secrets")?;
    let secret = Secret::builder().build(&stack, "Secret")?;
    let parameter = StringParameter::builder()
        .parameter_name("mySsmParameterName")
        .string_value("mySsmParameterValue")
        .build(&stack, "Parameter")?;
    let params_and_secrets = ParamsAndSecretsLayerVersion::from_version(
        ParamsAndSecretsVersions::V1_0_103,
        ParamsAndSecretsOptions {
            cache_size: Some(500),
            log_level: Some(ParamsAndSecretsLogLevel::Debug),
            ..Default::default()
        },
    );
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .architecture(Architecture::Arm64)
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .params_and_secrets(params_and_secrets)
        .build(&stack, "MyFunction")?;
    secret.grant_read(&function)?;
    parameter.grant_read(&function)?;
    app.synth()?;
    Ok(())
}
