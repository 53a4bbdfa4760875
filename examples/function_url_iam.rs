//! An IAM-authenticated function URL, `grant_invoke_url` to a role and a `CfnOutput` of the URL
//! (oracle app `function-url-iam`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "function-url-iam")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let my_role = Role::builder()
        .assumed_by(Principal::account_root(stack.account_value()))
        .build(&stack, "MyRole")?;
    let url = function.add_function_url().build()?;
    url.grant_invoke_url(&my_role)?;
    CfnOutput::builder()
        .value(url.url())
        .build(&stack, "TheUrl")?;
    app.synth()?;
    Ok(())
}
