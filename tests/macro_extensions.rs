//! The extension keys of `#[lambda_function]` (`insights_version`, `profiling`,
//! `params_and_secrets(...)`, `tenancy`) synthesize exactly the template of the same function
//! written with `Function::builder()`. Their compile-time errors are in `tests/ui/`.

use std::time::Duration;

use lambda_cdk::prelude::*;
use serde_json::Value as Json;

/// Synthesizes the stack `define` builds and returns its template.
fn template(define: impl FnOnce(&Stack) -> Result<(), lambda_cdk::Error>) -> Json {
    let out = tempfile::tempdir().expect("temporary folder");
    let app = App::new().with_outdir(out.path());
    let stack = Stack::builder().build(&app, "Extensions").expect("stack");
    define(&stack).expect("function");
    let assembly = app.synth().expect("synthesis");
    assembly
        .template("Extensions")
        .expect("template of the stack")
        .clone()
}

const SOURCE: &str = "def handler(event, context):\n    return 'ok'\n";

#[lambda_function(
    runtime = "python3.12",
    handler = "index.handler",
    code = inline("def handler(event, context):\n    return 'ok'\n"),
    architecture = "arm64",
    insights_version = "1.0.333.0",
    profiling = true,
    params_and_secrets(
        version = "1.0.103",
        cache_size = 500,
        log_level = "debug",
        secrets_manager_ttl = "3m",
        parameter_store_timeout = "5s",
    ),
    tenancy = "per_tenant",
)]
struct Orders;

#[test]
fn every_extension_key_equals_the_builder() {
    let by_macro = template(|stack| Orders::builder().build(stack, "Orders").map(|_| ()));
    let by_builder = template(|stack| {
        Function::builder()
            .runtime(Runtime::PYTHON_3_12)
            .handler("index.handler")
            .code(Code::from_inline(SOURCE))
            .architecture(Architecture::Arm64)
            .insights_version(LambdaInsightsVersion::VERSION_1_0_333_0)
            .profiling(true)
            .params_and_secrets(ParamsAndSecretsLayerVersion::from_version(
                ParamsAndSecretsVersions::V1_0_103,
                ParamsAndSecretsOptions {
                    cache_size: Some(500),
                    log_level: Some(ParamsAndSecretsLogLevel::Debug),
                    secrets_manager_ttl: Some(Duration::from_secs(180)),
                    parameter_store_timeout: Some(Duration::from_secs(5)),
                    ..Default::default()
                },
            ))
            .tenancy_config(TenancyConfig::PER_TENANT)
            .build(stack, "Orders")
            .map(|_| ())
    });
    assert_eq!(by_macro, by_builder);
    // And the keys did something: the layers, the profiling group, the tenancy.
    let function = by_macro["Resources"]
        .as_object()
        .unwrap()
        .values()
        .find(|r| r["Type"] == "AWS::Lambda::Function")
        .unwrap();
    assert_eq!(
        function["Properties"]["Layers"].as_array().unwrap().len(),
        2
    );
    assert_eq!(
        function["Properties"]["TenancyConfig"]["TenantIsolationMode"],
        "PER_TENANT"
    );
    let variables = &function["Properties"]["Environment"]["Variables"];
    assert_eq!(variables["SECRETS_MANAGER_TTL"], "180");
    assert_eq!(variables["SSM_PARAMETER_STORE_TIMEOUT_MILLIS"], "5000");
    assert_eq!(variables["AWS_CODEGURU_PROFILER_ENABLED"], "TRUE");
}

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    params_and_secrets(
        arn = "arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:4",
        http_port = 8080,
        cache_enabled = false,
    ),
)]
struct ByArn;

#[test]
fn params_and_secrets_by_arn_equals_the_builder() {
    let by_macro = template(|stack| ByArn::builder().build(stack, "ByArn").map(|_| ()));
    let by_builder = template(|stack| {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => 'ok';"))
            .params_and_secrets(ParamsAndSecretsLayerVersion::from_version_arn(
                "arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:4",
                ParamsAndSecretsOptions {
                    http_port: Some(8080),
                    cache_enabled: Some(false),
                    ..Default::default()
                },
            ))
            .build(stack, "ByArn")
            .map(|_| ())
    });
    assert_eq!(by_macro, by_builder);
}
