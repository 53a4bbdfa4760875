//! Legacy log retention: a `Custom::LogRetention` per function and the stack's one provider
//! function, which runs lambda-cdk's own handler (oracle app `log-retention`; under the
//! recommended flags aws-cdk-lib refuses `log_removal_policy`, and so does this example).

use lambda_cdk::lambda::LogRetentionRetryOptions;
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "log-retention")?;

    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .log_retention(RetentionDays::OneWeek)
        .build(&stack, "MyFunction")?;

    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .log_retention(RetentionDays::Infinite)
        .log_removal_policy(RemovalPolicy::Retain)
        .log_retention_retry_options(LogRetentionRetryOptions {
            max_retries: Some(7),
        })
        .build(&stack, "Retained")?;

    app.synth()?;
    Ok(())
}
