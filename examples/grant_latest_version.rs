//! grant_invoke_latest_version and grant_invoke_version (service principals) plus grant_invoke to a role of the stack (identity policy) (oracle app `grant-latest-version`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "grant-latest-version")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    function.grant_invoke_latest_version(&Principal::service("my-service"))?;
    let version = Version::builder()
        .lambda(&function)
        .build(&stack, "MyVersion")?;
    function.grant_invoke_version(&Principal::service("other-service"), &version)?;
    let role = Role::builder()
        .assumed_by(Principal::account_root(stack.account_value()))
        .build(&stack, "CallerRole")?;
    function.grant_invoke(&role)?;
    app.synth()?;
    Ok(())
}
