//! The Parameters and Secrets extension given by layer ARN, with every setting (oracle app
//! `params-secrets-arn`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "params-secrets-arn")?;
    let layer_arn =
        "arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:4";
    let params_and_secrets = ParamsAndSecretsLayerVersion::from_version_arn(
        layer_arn,
        ParamsAndSecretsOptions {
            cache_size: Some(500),
            cache_enabled: Some(true),
            http_port: Some(8080),
            max_connections: Some(10),
            parameter_store_ttl: Some(Duration::from_secs(2 * 60)),
            secrets_manager_ttl: Some(Duration::from_secs(3 * 60)),
            parameter_store_timeout: Some(Duration::from_secs(5)),
            secrets_manager_timeout: Some(Duration::from_secs(6)),
            log_level: Some(ParamsAndSecretsLogLevel::Warn),
        },
    );
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(r#"exports.handler = async () => "hi";"#))
        .params_and_secrets(params_and_secrets)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
