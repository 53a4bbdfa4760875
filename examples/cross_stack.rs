//! Cross-stack references: a layer and a function made in one stack, used from another
//! (oracle app `cross-stack`). The producer publishes each value the consumer reads as an output
//! (an `Export` read with `Fn::ImportValue`, or with `Fn::GetStackOutput` when
//! `@aws-cdk/core:defaultCrossStackReferences` is `"weak"`), and the consumer's stack depends on
//! the producer's in `manifest.json`.

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let shared = Stack::builder().build(&app, "cross-stack-shared")?;
    let layer = LayerVersion::builder()
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/layer-node"),
        ))
        .compatible_runtimes(vec![Runtime::NODEJS_22_X])
        .build(&shared, "Common")?;
    let worker = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => 1;"))
        .build(&shared, "Worker")?;

    let api_stack = Stack::builder().build(&app, "cross-stack-api")?;
    let api = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => 2;"))
        .layers(vec![layer])
        .environment([
            ("WORKER_ARN", worker.function_arn()),
            ("WORKER_NAME", worker.function_name()),
        ])
        .build(&api_stack, "Api")?;
    worker.grant_invoke(&api)?;
    CfnOutput::builder()
        .value(worker.role().role_arn())
        .build(&api_stack, "WorkerRole")?;
    app.synth()?;
    Ok(())
}
