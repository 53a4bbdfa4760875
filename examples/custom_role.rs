//! A user-provided execution role with AWS managed policies added after the function
//! (oracle app `custom-role`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "custom-role")?;
    let my_role = Role::builder()
        .assumed_by(Principal::service("lambda.amazonaws.com"))
        .build(&stack, "My Role")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .role(my_role.clone())
        .build(&stack, "MyFunction")?;
    my_role.add_managed_policy(&ManagedPolicy::from_aws_managed_policy_name(
        "service-role/AWSLambdaBasicExecutionRole",
    ));
    my_role.add_managed_policy(&ManagedPolicy::from_aws_managed_policy_name(
        "service-role/AWSLambdaVPCAccessExecutionRole",
    ));
    app.synth()?;
    Ok(())
}
