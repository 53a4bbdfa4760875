//! aws-cdk-lib's run-time errors of a durable function's `DurableConfig`, reproduced through the
//! run-time builder: each test builds the app `tests/oracle/errors/<name>.js` with lambda-cdk and
//! expects the error aws-cdk-lib 2.276.0 threw for it (`tests/golden/errors/<name>.json`, written
//! by `tests/oracle/regenerate-errors.sh`): the same code, construct path and message. A refused
//! function leaves nothing in the tree.

mod common;

use common::assert_same_error;
use lambda_cdk::lambda::DurableConfig;
use lambda_cdk::prelude::*;

const DAY: u64 = 24 * 3600;

/// The oracle app's stack and the function `Fn` built in it with `config`; the stack must be
/// unchanged when the build fails.
fn build(name: &str, config: DurableConfig) -> Result<Function, lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, name).expect("stack");
    let result = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .durable_config(config)
        .build(&stack, "Fn");
    if result.is_err() {
        assert!(
            stack.node().children().is_empty(),
            "{name}: left nodes behind"
        );
    }
    result
}

#[test]
fn durable_execution_timeout() {
    let config = DurableConfig::new(Duration::from_secs(367 * DAY));
    assert_same_error(
        "durable-execution-timeout",
        build("durable-execution-timeout", config),
    );
}

#[test]
fn durable_retention_period() {
    let config = DurableConfig::new(Duration::from_secs(3600))
        .retention_period(Duration::from_secs(91 * DAY));
    assert_same_error(
        "durable-retention-period",
        build("durable-retention-period", config),
    );
}

/// aws-cdk-lib's `Duration.toDays()` refuses a duration that is not whole days (an unscoped
/// error: the golden names no construct path).
#[test]
fn durable_retention_whole_days() {
    let config = DurableConfig::new(Duration::from_secs(3600))
        .retention_period(Duration::from_secs(129_600));
    assert_same_error(
        "durable-retention-whole-days",
        build("durable-retention-whole-days", config),
    );
}

/// The limits themselves are accepted: 366 days of execution, 90 days of retention, and no
/// retention period at all (Lambda's default, not written).
#[test]
fn limits_accepted() {
    build(
        "durable-limits",
        DurableConfig::new(Duration::from_secs(366 * DAY))
            .retention_period(Duration::from_secs(90 * DAY)),
    )
    .expect("366 days and 90 days are accepted");
    build(
        "durable-default-retention",
        DurableConfig::new(Duration::from_secs(1)),
    )
    .expect("1 second without a retention period is accepted");
}

/// Without a retention period only `ExecutionTimeout` is written, and the new role gets the
/// durable execution policy instead of the basic one (as aws-cdk-lib 2.276.0 writes it).
#[test]
fn default_retention_not_written() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "durable").expect("stack");
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .durable_config(DurableConfig::new(Duration::from_secs(60)))
        .build(&stack, "Fn")
        .expect("valid");
    let out = tempfile::tempdir().unwrap();
    let assembly = app.synth_to(out.path()).expect("synth");
    let template = assembly.template("durable").expect("template");
    let resources = template["Resources"].as_object().unwrap();
    let function = resources
        .values()
        .find(|r| r["Type"] == "AWS::Lambda::Function")
        .unwrap();
    assert_eq!(
        function["Properties"]["DurableConfig"],
        serde_json::json!({"ExecutionTimeout": 60})
    );
    let role = resources
        .values()
        .find(|r| r["Type"] == "AWS::IAM::Role")
        .unwrap();
    assert_eq!(
        role["Properties"]["ManagedPolicyArns"],
        serde_json::json!([{"Fn::Join": ["", [
            "arn:",
            {"Ref": "AWS::Partition"},
            ":iam::aws:policy/service-role/AWSLambdaBasicDurableExecutionRolePolicy"
        ]]}])
    );
}
