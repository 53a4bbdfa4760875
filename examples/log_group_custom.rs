//! A user-supplied log group, and a tag on the function that reaches its role (oracle app
//! `log-group-custom`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "log-group-custom")?;
    let log_group = LogGroup::builder()
        .log_group_name("customLogGroup")
        .build(&stack, "MyLogGroupWithLogGroupName")?;
    let function = Function::builder()
        .code(Code::from_inline("foo"))
        .handler("index.handler")
        .runtime(Runtime::NODEJS_22_X)
        .log_group(log_group)
        .build(&stack, "Lambda")?;
    Tags::of(&function).add("env", "dev");
    app.synth()?;
    Ok(())
}
