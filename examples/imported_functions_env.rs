//! A function imported by ARN into a stack of the ARN's own account and region, so permissions
//! can be added to it, and one imported by name; both targets of a schedule rule (oracle app
//! `imported-functions-env`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder()
        .env(Environment {
            account: Some("123456789012".into()),
            region: Some("us-east-1".into()),
        })
        .build(&app, "imported-functions-env")?;

    let function = Function::from_function_arn(
        &stack,
        "Function",
        "arn:aws:lambda:us-east-1:123456789012:function:MyFn",
    )?;
    let by_name = Function::from_function_name(&stack, "ByName", "MyOtherFn")?;

    let rule = Rule::builder()
        .schedule(Schedule::cron(CronOptions {
            minute: Some("0".into()),
            hour: Some("4".into()),
            ..CronOptions::default()
        })?)
        .build(&stack, "Schedule Rule")?;
    rule.add_target(&LambdaFunction::builder(&function).build())?;
    rule.add_target(&LambdaFunction::builder(&by_name).build())?;
    app.synth()?;
    Ok(())
}
