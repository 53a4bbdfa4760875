//! Parity of function URLs with aws-cdk-lib 2.276.0: each example `examples/<app>.rs` must
//! synthesize what the oracle app `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the
//! real library, with no context (`tests/golden/<app>/`) and with a new project's recommended
//! feature flags (`tests/golden-recommended/<app>/`). Run `cargo build --examples` first.

mod common;

use common::parity;

/// `AWS_IAM` auth, `grant_invoke_url` to a role, the URL as an output.
#[test]
fn function_url_iam() {
    parity("function-url-iam");
}

/// `NONE` auth: the two public permissions.
#[test]
fn function_url_none() {
    parity("function-url-none");
}

/// Every CORS option.
#[test]
fn function_url_cors() {
    parity("function-url-cors");
}

/// Invoke modes, and a URL on an alias (`Qualifier`, `DependsOn`).
#[test]
fn function_url_stream() {
    parity("function-url-stream");
}

/// What the goldens do not show: a `NONE` URL on an alias puts both public permissions under
/// the alias, on the alias ARN, and CORS without methods allows every method. aws-cdk-lib
/// 2.276.0 wrote exactly these resources for `fn.addAlias('live').addFunctionUrl({ authType:
/// NONE, cors: { allowedOrigins: ['*'] } })` in stack `S` (checked with node,
/// `CDK_VALIDATION=false`).
#[test]
fn public_alias_url_permissions_and_default_cors_methods() {
    use lambda_cdk::prelude::*;
    use serde_json::json;

    let dir = tempfile::tempdir().unwrap();
    let app = App::from_env().with_outdir(dir.path().join("cdk.out"));
    let stack = Stack::builder().build(&app, "S").unwrap();
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&stack, "Fn")
        .unwrap();
    let alias = function.add_alias("live").unwrap();
    let url = alias
        .add_function_url()
        .auth_type(FunctionUrlAuthType::None)
        .cors(FunctionUrlCorsOptions {
            allowed_origins: Some(vec!["*".into()]),
            ..Default::default()
        })
        .build()
        .unwrap();
    assert_eq!(url.auth_type(), FunctionUrlAuthType::None);
    let assembly = app.synth().unwrap();
    let resources = &assembly.template("S").unwrap()["Resources"];
    assert_eq!(
        resources["FnAliasliveFunctionUrlAF962234"],
        json!({"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "NONE",
            "Cors": {"AllowMethods": ["*"], "AllowOrigins": ["*"]}, "Qualifier": "live",
            "TargetFunctionArn": {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]}},
            "DependsOn": ["FnAliaslive17DB7803"]})
    );
    assert_eq!(
        resources["FnAliasliveinvokefunctionurl100D607A"],
        json!({"Type": "AWS::Lambda::Permission", "Properties": {
            "Action": "lambda:InvokeFunctionUrl", "FunctionName": {"Ref": "FnAliaslive17DB7803"},
            "FunctionUrlAuthType": "NONE", "Principal": "*"}})
    );
    assert_eq!(
        resources["FnAliasliveinvokefunctionDB41A2B5"],
        json!({"Type": "AWS::Lambda::Permission", "Properties": {
            "Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "FnAliaslive17DB7803"},
            "InvokedViaFunctionUrl": true, "Principal": "*"}})
    );
}
