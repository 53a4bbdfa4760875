//! aws-cdk-lib's errors for the lifecycle and code-source features (issue 13), reproduced through
//! the run-time builders: each test builds the app `tests/oracle/errors/<name>.js` with lambda-cdk
//! and expects the error aws-cdk-lib 2.276.0 threw for it, as `tests/golden/errors/<name>.json`
//! records it (written by `tests/oracle/regenerate-errors.sh`): same code, construct path and
//! message.

mod common;

use std::time::Duration;

use common::assert_same_error;
use lambda_cdk::applicationautoscaling::{CronOptions, ScalingSchedule, Schedule};
use lambda_cdk::lambda::{AutoScalingOptions, UtilizationScalingOptions};
use lambda_cdk::prelude::*;

const INLINE: &str = "exports.handler = async () => \"hi\";";

/// An app with one stack named like the oracle app, and its Node.js 20 function `Fn`.
fn function(stack_name: &str) -> (App, Stack, Function) {
    let app = App::new();
    let stack = Stack::builder().build(&app, stack_name).expect("stack");
    let function = Function::builder()
        .runtime(Runtime::NODEJS_20_X)
        .handler("index.handler")
        .code(Code::from_inline(INLINE))
        .build(&stack, "Fn")
        .expect("function");
    (app, stack, function)
}

#[test]
fn autoscaling_min_above_max() {
    let (_app, _stack, f) = function("autoscaling-min-above-max");
    let alias = f.add_alias("live").unwrap();
    let result = alias.add_auto_scaling(
        AutoScalingOptions::builder()
            .min_capacity(10)
            .max_capacity(5)
            .build(),
    );
    assert_same_error("autoscaling-min-above-max", result);
    // Nothing was left in the tree: autoscaling can still be added.
    assert!(alias
        .add_auto_scaling(AutoScalingOptions::builder().max_capacity(5).build())
        .is_ok());
}

#[test]
fn autoscaling_utilization_target() {
    let (_app, _stack, f) = function("autoscaling-utilization-target");
    let scaling = f
        .add_alias("live")
        .unwrap()
        .add_auto_scaling(AutoScalingOptions::builder().max_capacity(5).build())
        .unwrap();
    let result = scaling.scale_on_utilization(
        UtilizationScalingOptions::builder()
            .utilization_target(0.95)
            .build(),
    );
    assert_same_error("autoscaling-utilization-target", result);
}

#[test]
fn autoscaling_schedule_no_capacity() {
    let (_app, _stack, f) = function("autoscaling-schedule-no-capacity");
    let scaling = f
        .add_alias("live")
        .unwrap()
        .add_auto_scaling(AutoScalingOptions::builder().max_capacity(5).build())
        .unwrap();
    let schedule = Schedule::rate(Duration::from_secs(86_400)).unwrap();
    let result = scaling.scale_on_schedule(
        "Nightly",
        ScalingSchedule::builder().schedule(schedule).build(),
    );
    assert_same_error("autoscaling-schedule-no-capacity", result);
}

/// The malformed cron aws-cdk-lib refuses: both a day and a week day.
#[test]
fn autoscaling_cron_day_and_weekday() {
    let result = Schedule::cron(CronOptions {
        minute: Some("0".into()),
        day: Some("1".into()),
        week_day: Some("MON".into()),
        ..CronOptions::default()
    });
    assert_same_error("autoscaling-cron-day-and-weekday", result);
}

#[test]
fn autoscaling_rate_zero() {
    assert_same_error("autoscaling-rate-zero", Schedule::rate(Duration::ZERO));
}

#[test]
fn autoscaling_rate_seconds() {
    assert_same_error(
        "autoscaling-rate-seconds",
        Schedule::rate(Duration::from_secs(90)),
    );
}

/// aws-cdk-lib's `AutoScalingAlreadyEnabledAlias`: one scalable target per alias.
#[test]
fn autoscaling_twice() {
    let (_app, _stack, f) = function("autoscaling-twice");
    let alias = f.add_alias("live").unwrap();
    let options = AutoScalingOptions::builder().max_capacity(5).build();
    alias.add_auto_scaling(options.clone()).unwrap();
    match alias.add_auto_scaling(options) {
        Err(lambda_cdk::Error::Validation {
            code,
            message,
            path,
        }) => {
            assert_eq!(code, "AutoScalingAlreadyEnabledAlias");
            assert_eq!(message, "AutoScaling already enabled for this alias");
            assert_eq!(path, "autoscaling-twice/Fn/Aliaslive");
        }
        other => panic!("expected a validation error, got {:?}", other.err()),
    }
}

/// aws-cdk-lib's `CannotFindFile` for an image directory without a Dockerfile, at the asset's
/// construct path. Its message holds the absolute path of the directory where the golden was
/// written: the test expects the same path under this checkout.
#[test]
fn docker_missing_dockerfile() {
    use lambda_cdk::lambda::{AssetImageCodeProps, DockerImageCode, DockerImageFunction};

    let app = App::new();
    let stack = Stack::builder()
        .build(&app, "docker-missing-dockerfile")
        .unwrap();
    let dir = common::repo_root().join("fixtures").join("handler-node");
    let result = DockerImageFunction::builder()
        .code(DockerImageCode::from_image_asset(
            &dir,
            AssetImageCodeProps::default(),
        ))
        .build(&stack, "Fn");
    let want = common::golden_error("docker-missing-dockerfile");
    let golden_message = want["message"].as_str().unwrap();
    let (_, in_repo) = golden_message.split_once("/fixtures/").unwrap();
    match result {
        Err(lambda_cdk::Error::Validation {
            code,
            message,
            path,
        }) => {
            assert_eq!(code, want["name"].as_str().unwrap());
            assert_eq!(path, want["constructPath"].as_str().unwrap());
            assert_eq!(
                message,
                format!(
                    "Cannot find file at {}/fixtures/{in_repo}",
                    common::repo_root().display()
                )
            );
        }
        other => panic!("expected a validation error, got {:?}", other.err()),
    }
    // Nothing was left behind: the function can be made again under the same id.
    assert!(Function::builder()
        .runtime(Runtime::NODEJS_20_X)
        .handler("index.handler")
        .code(Code::from_inline(INLINE))
        .build(&stack, "Fn")
        .is_ok());
}

/// A custom command that exits non-zero: aws-cdk-lib's code, and its status, stdout and stderr
/// in the message.
#[test]
fn custom_command_fails() {
    use lambda_cdk::lambda::CustomCommandOptions;

    let out = common::repo_root().join("tests/oracle/errors/never-built");
    let result = Code::from_custom_command(
        &out,
        &[
            "node",
            "-e",
            "console.log(\"building\"); console.error(\"no compiler found\"); process.exit(3)",
        ],
        CustomCommandOptions::default(),
    );
    assert_same_error("custom-command-fails", result);
    assert!(!out.exists());
}

/// The command runs in its working directory with its environment.
#[test]
fn custom_command_cwd_and_env() {
    use lambda_cdk::lambda::CustomCommandOptions;

    let dir = tempfile::tempdir().unwrap();
    let result = Code::from_custom_command(
        dir.path().join("out"),
        &[
            "node",
            "-e",
            "require('fs').mkdirSync('out'); require('fs').writeFileSync('out/v', process.env.BUILD_TAG)",
        ],
        CustomCommandOptions {
            cwd: Some(dir.path().to_path_buf()),
            env: vec![("BUILD_TAG".into(), "t42".into())],
            ..CustomCommandOptions::default()
        },
    );
    assert!(result.is_ok());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/v")).unwrap(),
        "t42"
    );
    let empty = Code::from_custom_command(dir.path(), &[], CustomCommandOptions::default());
    match empty {
        Err(lambda_cdk::Error::Validation { code, .. }) => {
            assert_eq!(code, "CommandMustContainArgument")
        }
        _ => panic!("an empty command must fail"),
    }
}

/// CloudFormation's 500-resource limit, checked at synthesis as aws-cdk-lib does: 251 functions
/// with their roles are 502 resources. Nothing is written.
#[test]
fn too_many_resources() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "too-many-resources").unwrap();
    for i in 0..251 {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline(format!(
                "exports.handler = async () => {i};"
            )))
            .build(&stack, &format!("Fn{i}"))
            .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cdk.out");
    assert_same_error("too-many-resources", app.synth_to(&out));
    assert!(!out.join("manifest.json").exists());

    // The limit is context: raised, the same app synthesizes.
    stack.set_context(lambda_cdk::STACK_RESOURCE_LIMIT, 600);
    assert!(app.synth_to(&out).is_ok());
}

/// `log_retention` with `log_group`: aws-cdk-lib's `LogRetentionLogGroupConflict`.
#[test]
fn log_retention_and_group() {
    let app = App::new();
    let stack = Stack::builder()
        .build(&app, "log-retention-and-group")
        .unwrap();
    let group = LogGroup::builder().build(&stack, "Lg").unwrap();
    let result = Function::builder()
        .runtime(Runtime::NODEJS_20_X)
        .handler("index.handler")
        .code(Code::from_inline(INLINE))
        .log_retention(RetentionDays::OneDay)
        .log_group(group)
        .build(&stack, "Fn");
    assert_same_error("log-retention-and-group", result);
}

/// `log_removal_policy` with the CDK-managed log group: aws-cdk-lib's
/// `LogRemovalPolicyFeatureFlagConflict`.
#[test]
fn log_removal_policy_managed_log_group() {
    let app = App::new();
    app.set_context(lambda_cdk::flags::USE_CDK_MANAGED_LOG_GROUP, true);
    let stack = Stack::builder()
        .build(&app, "log-removal-policy-managed-log-group")
        .unwrap();
    let result = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(INLINE))
        .log_retention(RetentionDays::Infinite)
        .log_removal_policy(RemovalPolicy::Retain)
        .build(&stack, "Retained");
    assert_same_error("log-removal-policy-managed-log-group", result);
}

/// A container image cannot be a layer's content: aws-cdk-lib's `CodeDefineLocation`.
#[test]
fn image_code_in_a_layer() {
    use lambda_cdk::ecr::Repository;
    use lambda_cdk::lambda::EcrImageCodeProps;

    let app = App::new();
    let stack = Stack::builder().build(&app, "image-layer").unwrap();
    let repo = Repository::from_repository_name(&stack, "Repo", "my-repo").unwrap();
    let result = LayerVersion::builder()
        .code(Code::from_ecr_image(repo, EcrImageCodeProps::default()))
        .build(&stack, "Layer");
    match result {
        Err(lambda_cdk::Error::Validation {
            code,
            message,
            path,
        }) => {
            assert_eq!(code, "CodeDefineLocation");
            assert_eq!(message, "Code must define an S3 location");
            assert_eq!(path, "image-layer/Layer");
        }
        _ => panic!("image code in a layer must fail"),
    }
}

/// Image code needs the `FROM_IMAGE` handler and runtime, and they need image code
/// (aws-cdk-lib's `MustBeHandlerUsingImage`, `MustBeRuntimeUsingImage`).
#[test]
fn image_code_needs_from_image() {
    use lambda_cdk::ecr::Repository;
    use lambda_cdk::lambda::EcrImageCodeProps;

    let app = App::new();
    let stack = Stack::builder().build(&app, "image-pairing").unwrap();
    let repo = Repository::from_repository_name(&stack, "Repo", "my-repo").unwrap();
    let result = Function::builder()
        .runtime(Runtime::FROM_IMAGE)
        .handler("FROM_IMAGE")
        .code(Code::from_inline(INLINE))
        .build(&stack, "Inline");
    assert!(result.is_err());
    let result = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_ecr_image(repo, EcrImageCodeProps::default()))
        .build(&stack, "Image");
    match result {
        Err(lambda_cdk::Error::Validation { code, .. }) => {
            assert_eq!(code, "MustBeHandlerUsingImage")
        }
        _ => panic!("image code with a zip runtime must fail"),
    }
}

/// Not an error: an alias's fixed provisioned concurrency is its `ProvisionedConcurrencyConfig`;
/// 0 writes none, as in aws-cdk-lib. A scaling cron without a minute warns.
#[test]
fn alias_provisioned_concurrency_and_cron_warning() {
    use lambda_cdk::lambda::Alias;

    let app = App::new();
    let stack = Stack::builder().build(&app, "provisioned").unwrap();
    let f = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(INLINE))
        .build(&stack, "Fn")
        .unwrap();
    let version = f.current_version().unwrap();
    Alias::builder()
        .alias_name("live")
        .version(&version)
        .provisioned_concurrent_executions(5)
        .build(&stack, "Live")
        .unwrap();
    let none = Alias::builder()
        .alias_name("zero")
        .version(&version)
        .provisioned_concurrent_executions(0)
        .build(&stack, "Zero")
        .unwrap();
    let scaling = none
        .add_auto_scaling(AutoScalingOptions::builder().max_capacity(4).build())
        .unwrap();
    scaling
        .scale_on_schedule(
            "Hourly",
            ScalingSchedule::builder()
                .schedule(
                    Schedule::cron(CronOptions {
                        hour: Some("1".into()),
                        ..CronOptions::default()
                    })
                    .unwrap(),
                )
                .max_capacity(2)
                .build(),
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let assembly = app.synth_to(&dir.path().join("out")).unwrap();
    let template = assembly.template("provisioned").unwrap();
    let resources = template["Resources"].as_object().unwrap();
    let alias = |name: &str| {
        resources
            .values()
            .find(|r| r["Type"] == "AWS::Lambda::Alias" && r["Properties"]["Name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        alias("live")["Properties"]["ProvisionedConcurrencyConfig"],
        serde_json::json!({ "ProvisionedConcurrentExecutions": 5 })
    );
    assert!(alias("zero")["Properties"]
        .get("ProvisionedConcurrencyConfig")
        .is_none());
    let target = resources
        .values()
        .find(|r| r["Type"] == "AWS::ApplicationAutoScaling::ScalableTarget")
        .unwrap();
    assert_eq!(target["Properties"]["MinCapacity"], 1);
    assert_eq!(
        target["Properties"]["ScheduledActions"][0]["Schedule"],
        "cron(* 1 * * ? *)"
    );
    let metadata =
        std::fs::read_to_string(dir.path().join("out/provisioned.metadata.json")).unwrap();
    assert!(
        metadata.contains("@aws-cdk/aws-applicationautoscaling:defaultRunEveryMinute"),
        "{metadata}"
    );
}
