//! ADOT instrumentation (`adot_instrumentation`): the JavaScript SDK layer (LATEST) with the
//! regular handler wrapper, and the Python SDK layer on arm64 with the instrument wrapper, in an
//! environment-agnostic stack; each function gets X-Ray active tracing (oracle app
//! `adot-legacy`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "adot-legacy")?;
    Function::builder()
        .runtime(Runtime::NODEJS_18_X)
        .handler("index.handler")
        .code(Code::from_inline(
            r#"exports.handler = function(event, ctx, cb) { return cb(null, "hi"); }"#,
        ))
        .adot_instrumentation(AdotInstrumentationConfig {
            layer_version: AdotLayerVersion::from_java_script_sdk_layer_version(
                AdotLambdaLayerJavaScriptSdkVersion::LATEST,
            ),
            exec_wrapper: AdotLambdaExecWrapper::RegularHandler,
        })
        .build(&stack, "MyFunction")?;
    Function::builder()
        .runtime(Runtime::PYTHON_3_12)
        .handler("index.handler")
        .architecture(Architecture::Arm64)
        .code(Code::from_inline(
            "def handler(event, context):\n    return \"hi\"\n",
        ))
        .adot_instrumentation(AdotInstrumentationConfig {
            layer_version: AdotLayerVersion::from_python_sdk_layer_version(
                AdotLambdaLayerPythonSdkVersion::LATEST,
            ),
            exec_wrapper: AdotLambdaExecWrapper::InstrumentHandler,
        })
        .build(&stack, "PyFunction")?;
    app.synth()?;
    Ok(())
}
