//! An anonymous (`NONE` auth) function URL and a `CfnOutput` of it (oracle app
//! `function-url-none`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "function-url-none")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let url = function
        .add_function_url()
        .auth_type(FunctionUrlAuthType::None)
        .build()?;
    CfnOutput::builder()
        .value(url.url())
        .build(&stack, "TheUrl")?;
    app.synth()?;
    Ok(())
}
