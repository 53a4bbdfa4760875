//! A SingletonFunction declared twice with the same uuid and purpose: one function in the
//! template (oracle app `singleton-twice`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "singleton-twice")?;
    let singleton = |id: &str| {
        SingletonFunction::builder()
            .uuid("84c0de93-353f-4217-9b0b-45b6c993251a")
            .lambda_purpose("MySingleton")
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => \"hi\";"))
            .timeout(Duration::from_secs(30))
            .build(&stack, id)
    };
    let first = singleton("First")?;
    let second = singleton("Second")?;

    // Both handles point at the same underlying function.
    first.add_environment("FROM_FIRST", "1")?;
    second.grant_invoke(&Principal::service("events.amazonaws.com"))?;
    CfnOutput::builder()
        .value(second.function_arn())
        .build(&stack, "SameArn")?;
    app.synth()?;
    Ok(())
}
