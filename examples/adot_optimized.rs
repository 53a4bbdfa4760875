//! The recommended ADOT setup needs no ADOT API: the AWS OpenTelemetry distro layer by ARN,
//! `AWS_LAMBDA_EXEC_WRAPPER`, and the Application Signals managed policy (oracle app
//! `adot-optimized`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "adot-optimized")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(
            r#"exports.handler = function(event, ctx, cb) { return cb(null, "hi"); }"#,
        ))
        .environment([("AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-instrument")])
        .build(&stack, "MyFunction")?;
    function.add_layers(&[LayerVersion::from_layer_version_arn(
        &stack,
        "AdotLayer",
        "arn:aws:lambda:us-east-1:615299751070:layer:AWSOpenTelemetryDistroJs:7",
    )?])?;
    function
        .role()
        .add_managed_policy(&ManagedPolicy::from_aws_managed_policy_name(
            "CloudWatchLambdaApplicationSignalsExecutionRolePolicy",
        ));
    app.synth()?;
    Ok(())
}
