//! grant_invoke to a service principal, plus the equivalent explicit add_permission (oracle app `grant-service`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "grant-service")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    function.grant_invoke(&Principal::service("my-service"))?;
    function.add_permission(
        "other-service Invocation",
        Permission {
            source_account: Some("111122223333".into()),
            source_arn: Some("arn:aws:s3:::amzn-s3-demo-bucket".into()),
            ..Permission::new(Principal::service("other-service.amazonaws.com"))
        },
    )?;
    app.synth()?;
    Ok(())
}
