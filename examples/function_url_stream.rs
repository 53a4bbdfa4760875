//! A `RESPONSE_STREAM` function URL on a function and a `BUFFERED` one on its alias (oracle app
//! `function-url-stream`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "function-url-stream")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    function
        .add_function_url()
        .auth_type(FunctionUrlAuthType::None)
        .invoke_mode(InvokeMode::ResponseStream)
        .build()?;
    let alias = function.add_alias("live")?;
    alias
        .add_function_url()
        .invoke_mode(InvokeMode::Buffered)
        .build()?;
    app.synth()?;
    Ok(())
}
