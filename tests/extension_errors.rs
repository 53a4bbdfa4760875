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
