//! A function as the target of an EventBridge schedule rule (oracle app `event-rule-target`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "event-rule-target")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let rule = Rule::builder()
        .schedule(Schedule::cron(CronOptions {
            minute: Some("0".into()),
            hour: Some("4".into()),
            ..CronOptions::default()
        })?)
        .build(&stack, "Schedule Rule")?;
    rule.add_target(&LambdaFunction::builder(&function).build())?;
    app.synth()?;
    Ok(())
}
