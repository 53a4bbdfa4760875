//! grant_invoke to an account only if it is part of the organization (oracle app `grant-account-in-org`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "grant-account-in-org")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let account = Principal::account("123456789012");
    function.grant_invoke(&account.in_organization("o-xxxxxxxxxx"))?;
    app.synth()?;
    Ok(())
}
