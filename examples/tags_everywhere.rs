//! `Tags::of` on the app, the stack and a VPC (oracle app `tags-everywhere`): every taggable
//! resource below gets the tags, in the property its type reads them from (`FileSystemTags`,
//! `AccessPointTags`, a `{key: value}` map for an SSM parameter), sorted as aws-cdk-lib sorts
//! them; a nearer scope wins (the user's `Name` on the VPC over the VPC's own, each subnet's own
//! `Name` over both), and the subnet group tags stay on the subnets.

use std::time::Duration;

use lambda_cdk::codeguruprofiler::{ComputePlatform, ProfilingGroup};
use lambda_cdk::dynamodb::{Attribute, AttributeType, Table};
use lambda_cdk::ec2::Vpc;
use lambda_cdk::efs::{Acl, FileSystem, PosixUser};
use lambda_cdk::kms::Key;
use lambda_cdk::lambda::FileSystem as LambdaFileSystem;
use lambda_cdk::prelude::*;
use lambda_cdk::sns::Topic;
use lambda_cdk::sqs::Queue;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "tags-everywhere")?;
    let vpc = Vpc::builder()
        .max_azs(2)
        .nat_gateways(1)
        .build(&stack, "Vpc")?;
    let file_system = FileSystem::builder()
        .vpc(&vpc)
        .removal_policy(RemovalPolicy::Destroy)
        .build(&stack, "Efs")?;
    let access_point = file_system.add_access_point(
        "AccessPoint",
        Some("/export"),
        Some(Acl {
            owner_uid: "1001".into(),
            owner_gid: "1001".into(),
            permissions: "750".into(),
        }),
        Some(PosixUser {
            uid: "1001".into(),
            gid: "1001".into(),
        }),
    )?;
    Key::builder().build(&stack, "Key")?;
    let queue = Queue::builder().build(&stack, "Queue")?;
    Topic::builder().build(&stack, "Topic")?;
    Table::builder()
        .partition_key(Attribute::new("id", AttributeType::String))
        .build(&stack, "Table")?;
    StringParameter::builder()
        .string_value("v")
        .build(&stack, "Param")?;
    Secret::builder().build(&stack, "Secret")?;
    let log_group = LogGroup::builder().build(&stack, "Logs")?;
    let signing_profile = SigningProfile::builder()
        .platform(Platform::aws_lambda_sha384_ecdsa())
        .build(&stack, "Profile")?;
    CodeSigningConfig::builder()
        .signing_profiles(vec![signing_profile])
        .build(&stack, "Csc")?;
    ProfilingGroup::builder()
        .compute_platform(ComputePlatform::AwsLambda)
        .build(&stack, "ProfilingGroup")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => 1;"))
        .vpc(vpc.clone())
        .filesystem(LambdaFileSystem::from_efs_access_point(
            &access_point,
            "/mnt/msg",
        ))
        .log_group(log_group)
        .build(&stack, "Fn")?;
    function.add_event_source(&SqsEventSource::builder(&queue).build()?)?;
    function.add_function_url().build()?;
    function.add_alias("live")?;
    let rule = Rule::builder()
        .schedule(Schedule::rate(Duration::from_secs(3600))?)
        .build(&stack, "Rule")?;
    rule.add_target(&LambdaFunction::builder(&function).build())?;
    Tags::of(&app).add("owner", "lambda-team");
    Tags::of(&stack).add("Team", "payments");
    Tags::of(&vpc).add("Name", "custom-vpc");
    app.synth()?;
    Ok(())
}
