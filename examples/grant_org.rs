//! grant_invoke to an organization principal (oracle app `grant-org`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "grant-org")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    function.grant_invoke(&Principal::organization("o-xxxxxxxxxx"))?;
    app.synth()?;
    Ok(())
}
