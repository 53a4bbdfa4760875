//! grant_invoke to a service principal with conditions (they become SourceArn/SourceAccount) (oracle app `grant-service-conditions`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "grant-service-conditions")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let service = Principal::service("my-service").with_conditions(
        Conditions::new()
            .with(
                "ArnLike",
                "aws:SourceArn",
                "arn:aws:s3:::amzn-s3-demo-bucket",
            )
            .with("StringEquals", "aws:SourceAccount", "111122223333"),
    );
    function.grant_invoke(&service)?;
    app.synth()?;
    Ok(())
}
