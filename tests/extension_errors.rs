//! aws-cdk-lib's errors for the Lambda extensions (Insights, ADOT, Parameters and Secrets,
//! profiling...), reproduced through the run-time builders: each test builds the app
//! `tests/oracle/errors/<name>.js` with lambda-cdk and expects the error aws-cdk-lib 2.276.0
//! threw for it (`tests/golden/errors/<name>.json`, from `tests/oracle/regenerate-errors.sh`):
//! the same code, construct path and message. Nothing is left in the tree by a failed build.

mod common;

use common::assert_same_error;

use lambda_cdk::prelude::*;

const INLINE: &str = "exports.handler = async () => \"hi\";";

/// A stack with the oracle error apps' fixed environment in `region`.
fn stack_in(app: &App, name: &str, region: &str) -> Stack {
    Stack::builder()
        .env(Environment {
            account: Some("123456789012".into()),
            region: Some(region.into()),
        })
        .build(app, name)
        .expect("stack")
}

/// `Function::builder()` with the oracle apps' Node.js 20 runtime, handler and inline code.
macro_rules! node20 {
    () => {
        Function::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(Code::from_inline(INLINE))
    };
}

/// Insights 1.0.98.0 has no arm64 layer in any region.
#[test]
fn insights_arm64_old() {
    let app = App::new();
    let stack = stack_in(&app, "insights-arm64-old-env", "us-east-1");
    let result = node20!()
        .architecture(Architecture::Arm64)
        .insights_version(LambdaInsightsVersion::VERSION_1_0_98_0)
        .build(&stack, "Fn");
    assert_same_error("insights-arm64-old", result);
    assert!(stack.node().try_find_child("Fn").is_none());
}

/// Insights 1.0.54.0 has no layer in af-south-1.
#[test]
fn insights_region_unsupported() {
    let app = App::new();
    let stack = stack_in(&app, "insights-region-unsupported", "af-south-1");
    let result = node20!()
        .insights_version(LambdaInsightsVersion::VERSION_1_0_54_0)
        .build(&stack, "Fn");
    assert_same_error("insights-region-unsupported", result);
}

/// The same version in an environment-agnostic stack is fine: the mapping holds the regions
/// that have a layer.
#[test]
fn insights_agnostic_accepts_any_named_version() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "agnostic").unwrap();
    for (i, version) in LambdaInsightsVersion::ALL.iter().enumerate() {
        node20!()
            .insights_version(version.clone())
            .build(&stack, &format!("Fn{i}"))
            .unwrap();
    }
    let map = stack
        .node()
        .try_find_child("Cloudwatch-lambda-insights-versionMap")
        .expect("one shared mapping");
    assert_eq!(map.path(), "agnostic/Cloudwatch-lambda-insights-versionMap");
}

/// The Parameters and Secrets layer `version` with `options`.
fn params(options: ParamsAndSecretsOptions) -> ParamsAndSecretsLayerVersion {
    ParamsAndSecretsLayerVersion::from_version(ParamsAndSecretsVersions::V1_0_103, options)
}

#[test]
fn params_secrets_cache_size() {
    let app = App::new();
    let stack = Stack::builder()
        .build(&app, "params-secrets-cache-size")
        .unwrap();
    let result = node20!()
        .params_and_secrets(params(ParamsAndSecretsOptions {
            cache_size: Some(1001),
            ..Default::default()
        }))
        .build(&stack, "Fn");
    assert_same_error("params-secrets-cache-size", result);
}

#[test]
fn params_secrets_ttl() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "params-secrets-ttl").unwrap();
    let result = node20!()
        .params_and_secrets(params(ParamsAndSecretsOptions {
            secrets_manager_ttl: Some(Duration::from_secs(301)),
            ..Default::default()
        }))
        .build(&stack, "Fn");
    assert_same_error("params-secrets-ttl", result);
}

#[test]
fn params_secrets_port() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "params-secrets-port").unwrap();
    let arn =
        "arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:4";
    let result = node20!()
        .params_and_secrets(ParamsAndSecretsLayerVersion::from_version_arn(
            arn,
            ParamsAndSecretsOptions {
                http_port: Some(0),
                ..Default::default()
            },
        ))
        .build(&stack, "Fn");
    assert_same_error("params-secrets-port", result);
}

/// No arm64 layer in il-central-1.
#[test]
fn params_secrets_region() {
    let app = App::new();
    let stack = stack_in(&app, "params-secrets-region", "il-central-1");
    let result = node20!()
        .architecture(Architecture::Arm64)
        .params_and_secrets(params(ParamsAndSecretsOptions::default()))
        .build(&stack, "Fn");
    assert_same_error("params-secrets-region", result);
}

#[test]
fn adot_python_wrapper() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "adot-python-wrapper").unwrap();
    let result = Function::builder()
        .runtime(Runtime::PYTHON_3_12)
        .handler("index.handler")
        .code(Code::from_inline(
            "def handler(event, context):\n    return \"hi\"\n",
        ))
        .adot_instrumentation(AdotInstrumentationConfig {
            layer_version: AdotLayerVersion::from_python_sdk_layer_version(
                AdotLambdaLayerPythonSdkVersion::LATEST,
            ),
            exec_wrapper: AdotLambdaExecWrapper::RegularHandler,
        })
        .build(&stack, "Fn");
    assert_same_error("adot-python-wrapper", result);
}

/// No JavaScript SDK layer in af-south-1; aws-cdk-lib's error names the stack.
#[test]
fn adot_region() {
    let app = App::new();
    let stack = stack_in(&app, "adot-region", "af-south-1");
    let result = node20!()
        .adot_instrumentation(AdotInstrumentationConfig {
            layer_version: AdotLayerVersion::from_java_script_sdk_layer_version(
                AdotLambdaLayerJavaScriptSdkVersion::LATEST,
            ),
            exec_wrapper: AdotLambdaExecWrapper::RegularHandler,
        })
        .build(&stack, "Fn");
    assert_same_error("adot-region", result);
    assert!(stack.node().children().is_empty(), "nothing left behind");
}

#[test]
fn profiling_runtime() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "profiling-runtime").unwrap();
    let result = node20!().profiling(true).build(&stack, "Fn");
    assert_same_error("profiling-runtime", result);
}

#[test]
fn snapstart_tenancy() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "snapstart-tenancy").unwrap();
    let result = Function::builder()
        .runtime(Runtime::JAVA_21)
        .handler("example.Handler::handleRequest")
        .code(Code::from_asset(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .snap_start(lambda_cdk::lambda::SnapStartApplyOn::PublishedVersions)
        .tenancy_config(TenancyConfig::PER_TENANT)
        .build(&stack, "Fn");
    assert_same_error("snapstart-tenancy", result);
}

/// A profiling group with `profiling(false)` profiles nothing, as in aws-cdk-lib (which accepts
/// it without a word): no group is created, no profiler variable, no grant.
#[test]
fn profiling_group_with_profiling_false_profiles_nothing() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let group = ProfilingGroup::builder().build(&stack, "G").unwrap();
    let f = Function::builder()
        .runtime(Runtime::PYTHON_3_12)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .profiling_group(group)
        .profiling(false)
        .build(&stack, "Fn")
        .unwrap();
    assert!(f.node().try_find_child("ProfilingGroup").is_none());
    let dir = tempfile::tempdir().unwrap();
    let assembly = app.synth_to(dir.path()).unwrap();
    let template = assembly.template("S").unwrap();
    let resources = template["Resources"].as_object().unwrap();
    let function = resources
        .values()
        .find(|r| r["Type"] == "AWS::Lambda::Function")
        .unwrap();
    assert!(function["Properties"].get("Environment").is_none());
    assert!(!resources.values().any(|r| r["Type"] == "AWS::IAM::Policy"));
}

/// A given profiling group is used as is: its name and ARN in the variables, the grant on it.
#[test]
fn profiling_group_given() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let group = ProfilingGroup::builder()
        .profiling_group_name("orders")
        .build(&stack, "G")
        .unwrap();
    Function::builder()
        .runtime(Runtime::PYTHON_3_12)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .environment([("AWS_CODEGURU_PROFILER_ENABLED", "FALSE"), ("STAGE", "dev")])
        .profiling_group(group)
        .build(&stack, "Fn")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let assembly = app.synth_to(dir.path()).unwrap();
    let template = assembly.template("S").unwrap();
    let variables = &template["Resources"]["Fn9270CBC0"]["Properties"]["Environment"]["Variables"];
    let keys: Vec<&String> = variables.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5);
    let resources = template["Resources"].as_object().unwrap();
    let (group_id, group) = resources
        .iter()
        .find(|(_, r)| r["Type"] == "AWS::CodeGuruProfiler::ProfilingGroup")
        .unwrap();
    assert_eq!(group["Properties"]["ProfilingGroupName"], "orders");
    assert_eq!(
        variables["AWS_CODEGURU_PROFILER_GROUP_NAME"]["Ref"],
        **group_id
    );
    assert_eq!(
        resources.len(),
        4,
        "group, role, policy, function: {resources:?}"
    );
    // The user's value wins, in the profiler's place.
    assert_eq!(variables["AWS_CODEGURU_PROFILER_ENABLED"], "FALSE");
}
