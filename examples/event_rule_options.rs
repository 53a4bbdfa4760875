//! EventBridge rules with each option (rate and cron schedules, event pattern, disabled state,
//! description, name) and Lambda targets with retry policies, an alias target and one function
//! targeted twice by one rule (oracle app `event-rule-options`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "event-rule-options")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "Worker")?;
    let alias = Alias::builder()
        .alias_name("live")
        .version(&function.current_version()?)
        .build(&stack, "Live")?;

    let hourly = Rule::builder()
        .schedule(Schedule::rate(Duration::from_secs(120 * 60))?)
        .description("every two hours")
        .rule_name("every-two-hours")
        .build(&stack, "Hourly")?;
    hourly.add_target(
        &LambdaFunction::builder(&function)
            .retry_attempts(2)
            .max_event_age(Duration::from_secs(2 * 3600))
            .build(),
    )?;
    hourly.add_target(&LambdaFunction::builder(&function).retry_attempts(0).build())?;
    hourly.add_target(
        &LambdaFunction::builder(&alias)
            .max_event_age(Duration::from_secs(300))
            .build(),
    )?;

    let on_ec2 = Rule::builder()
        .enabled(false)
        .event_pattern(EventPattern {
            version: Some(vec!["0".into()]),
            detail_type: Some(vec!["EC2 Instance State-change Notification".into()]),
            source: Some(vec!["aws.ec2".into()]),
            region: Some(vec!["eu-west-1".into()]),
            detail: Some(Value::object([(
                "state",
                Value::list(["running".into(), "stopped".into()]),
            )])),
            ..EventPattern::default()
        })
        .build(&stack, "OnEc2")?;
    on_ec2.add_target(&LambdaFunction::builder(&function).build())?;

    Rule::builder()
        .schedule(Schedule::cron(CronOptions {
            hour: Some("8".into()),
            week_day: Some("MON".into()),
            ..CronOptions::default()
        })?)
        .build(&stack, "Mondays")?;
    app.synth()?;
    Ok(())
}
