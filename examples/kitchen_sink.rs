//! Many plain `Function` props at once (oracle app `kitchen-sink`): a fixed name and description,
//! memory, timeout, environment (one more variable added later) encrypted with a KMS key,
//! asynchronous invocation settings with a queue and a topic as destinations, recursive loop
//! detection off, a durable configuration, a security group without outbound traffic in the
//! private subnets of a VPC, an imported layer, policy statements at creation and after, and an
//! alarm on the function's errors.

use std::path::Path;

use lambda_cdk::cloudwatch::CreateAlarmOptions;
use lambda_cdk::ec2::{SecurityGroup, SubnetSelection, SubnetType, Vpc};
use lambda_cdk::kms::Key;
use lambda_cdk::lambda::DurableConfig;
use lambda_cdk::prelude::*;
use lambda_cdk::sns::Topic;
use lambda_cdk::sqs::Queue;

const DAY: u64 = 24 * 3600;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "kitchen-sink")?;
    let key = Key::builder().build(&stack, "EnvKey")?;
    let vpc = Vpc::builder()
        .max_azs(2)
        .nat_gateways(1)
        .build(&stack, "Vpc")?;
    let sg = SecurityGroup::builder()
        .vpc(&vpc)
        .allow_all_outbound(false)
        .build(&stack, "FnSg")?;
    let on_success = Queue::builder().build(&stack, "OnSuccess")?;
    let on_failure = Topic::builder().build(&stack, "OnFailure")?;

    let function = Function::builder()
        .function_name("kitchen-sink-fn")
        .description("Every prop at once")
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .memory_size(1024)
        .timeout(Duration::from_secs(30))
        .environment([("TABLE_NAME", "orders"), ("LOG_LEVEL", "info")])
        .environment_encryption(key)
        .max_event_age(Duration::from_secs(2 * 3600))
        .retry_attempts(1)
        .on_success(on_success)
        .on_failure(on_failure)
        .recursive_loop(RecursiveLoop::Allow)
        .durable_config(
            DurableConfig::new(Duration::from_secs(3600))
                .retention_period(Duration::from_secs(30 * DAY)),
        )
        .vpc(vpc)
        .vpc_subnets(SubnetSelection::of_type(SubnetType::PrivateWithEgress))
        .security_groups(vec![sg])
        .initial_policy(vec![PolicyStatement::new()
            .actions(["s3:GetObject"])
            .resources(["arn:aws:s3:::my-bucket/*"])])
        .layers(vec![LayerVersion::from_layer_version_arn(
            &stack,
            "Imported",
            "arn:aws:lambda:us-east-1:123456789012:layer:foo:3",
        )?])
        .build(&stack, "Sink")?;
    function.add_environment("ADDED_LATER", "yes")?;
    function.add_to_role_policy(
        PolicyStatement::new()
            .actions(["dynamodb:GetItem"])
            .resources(["*"]),
    )?;
    function
        .metric_errors()
        .create_alarm(&stack, "Errors", CreateAlarmOptions::new(1.0, 1))?;
    app.synth()?;
    Ok(())
}
