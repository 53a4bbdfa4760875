//! The app turns on `@aws-cdk/aws-lambda:useCdkManagedLogGroup` itself: the function creates its
//! own `/aws/lambda/<name>` log group, tagged like the function (oracle app `log-group-managed-flag`).

use lambda_cdk::flags::USE_CDK_MANAGED_LOG_GROUP;
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    app.set_context(USE_CDK_MANAGED_LOG_GROUP, true);
    let stack = Stack::builder().build(&app, "log-group-managed-flag")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("handler.main")
        .code(Code::from_inline("exports.main = async () => \"hi\";"))
        .build(&stack, "MyFunctionWithFFTrue")?;
    Tags::of(&function).add("env", "dev");
    app.synth()?;
    Ok(())
}
