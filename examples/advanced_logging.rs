//! JSON log format, system and application log levels, and a custom log group
//! (oracle app `advanced-logging`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "advanced-logging")?;
    let log_group = LogGroup::builder()
        .log_group_name("customLogGroup")
        .retention(RetentionDays::OneWeek)
        .build(&stack, "MyLogGroupWithLogGroupName")?;
    Function::builder()
        .code(Code::from_inline("foo"))
        .handler("index.handler")
        .runtime(Runtime::NODEJS_22_X)
        .logging_format(LoggingFormat::Json)
        .system_log_level(SystemLogLevel::Info)
        .application_log_level(ApplicationLogLevel::Debug)
        .log_group(log_group)
        .build(&stack, "Lambda")?;
    app.synth()?;
    Ok(())
}
