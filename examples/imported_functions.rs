//! Functions defined outside the app, imported by ARN, by name and by attributes, used as
//! event rule targets, granted to a role and to a service (oracle app `imported-functions`).
//! The stack is environment-agnostic, so the function imported by ARN gets no permission (a
//! warning says so); the one imported by name is assumed to be in the stack's environment.

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "imported-functions")?;

    let by_arn = Function::from_function_arn(
        &stack,
        "Function",
        "arn:aws:lambda:us-east-1:123456789012:function:MyFn",
    )?;
    let by_name = Function::from_function_name(&stack, "ByName", "MyOtherFn")?;
    let by_attrs = Function::from_function_attributes(
        &stack,
        "ByAttrs",
        FunctionAttributes {
            same_environment: Some(true),
            ..FunctionAttributes::new("arn:aws:lambda:us-east-1:123456789012:function:ThirdFn")
        },
    )?;

    let rule = Rule::builder()
        .schedule(Schedule::rate(Duration::from_secs(3600))?)
        .build(&stack, "Rule")?;
    rule.add_target(&LambdaFunction::builder(&by_arn).build())?;
    rule.add_target(&LambdaFunction::builder(&by_name).build())?;

    let role = Role::builder()
        .assumed_by(Principal::account_root(stack.account_value()))
        .build(&stack, "Caller")?;
    // `by_arn.grant_invoke(&role)` would fail here: the permission cannot be added to a
    // function of another environment (aws-cdk-lib's `CannotModifyLambdaPermission`).
    by_name.grant_invoke(&role)?;
    by_attrs.grant_invoke(&role)?;
    by_attrs.grant_invoke(&Principal::service("sns.amazonaws.com"))?;

    CfnOutput::builder()
        .value(by_name.function_arn())
        .build(&stack, "ByNameArn")?;
    app.synth()?;
    Ok(())
}
