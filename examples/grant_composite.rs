//! grant_invoke_composite_principal (organization + service principal) (oracle app `grant-composite`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "grant-composite")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let composite = Principal::composite([
        Principal::organization("o-zzzzzzzzzz"),
        Principal::service("apigateway.amazonaws.com"),
    ]);
    function.grant_invoke_composite_principal(&composite)?;
    app.synth()?;
    Ok(())
}
