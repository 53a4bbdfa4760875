//! Parity of the Lambda extensions with aws-cdk-lib 2.276.0: each example `examples/<app>.rs`
//! must synthesize what the oracle app `tests/oracle/apps/<app-with-dashes>.js` synthesizes with
//! the real library, with no context (`tests/golden/`) and with the recommended feature flags
//! (`tests/golden-recommended/`), tree.json included. Run `cargo build --examples` first.

mod common;

use common::parity;

/// Lambda Insights in an environment-agnostic stack: a `Fn::FindInMap` into the stack's
/// `CloudwatchlambdainsightsversionMap` (every region's layer), and the managed policy.
#[test]
fn insights_agnostic() {
    parity("insights-agnostic");
}

/// Lambda Insights with a known region: literal ARNs, from a version and from an ARN.
#[test]
fn insights_region() {
    parity("insights-region");
}

/// Lambda Insights on arm64: one `Fn::Join` on `AWS::Region`, no mapping.
#[test]
fn insights_arm64() {
    parity("insights-arm64");
}

/// ADOT instrumentation: JavaScript and Python SDK layers (one `Fn::Join` on `AWS::Region`
/// each), `AWS_LAMBDA_EXEC_WRAPPER`, X-Ray active tracing and its policy.
#[test]
fn adot_legacy() {
    parity("adot-legacy");
}

/// The recommended ADOT setup with plain API: layer by ARN, environment, managed policy.
#[test]
fn adot_optimized() {
    parity("adot-optimized");
}

/// The Parameters and Secrets extension by version (arm64, `ParamsandsecretslayerMap`) with
/// its environment variables, and a `Secret` and a `StringParameter` read by the function.
#[test]
fn params_secrets() {
    parity("params-secrets");
}

/// The Parameters and Secrets extension by ARN, every setting given.
#[test]
fn params_secrets_arn() {
    parity("params-secrets-arn");
}

/// CodeGuru profiling: the `ProfilingGroup` (named by aws-cdk-lib's unique-ID rule), the
/// profiler's environment variables first, the publish grant.
#[test]
fn profiling() {
    parity("profiling");
}

/// A `SigningProfile` (135-month validity), a `CodeSigningConfig` that enforces it, and the
/// function's `CodeSigningConfigArn`.
#[test]
fn code_signing() {
    parity("code-signing");
}

/// `TenancyConfig: {TenantIsolationMode: PER_TENANT}`.
#[test]
fn tenancy() {
    parity("tenancy");
}

/// Insights, ADOT and Parameters and Secrets on one function with an alias on
/// `current_version()`: both mappings, the sorted layers and the version hash over their
/// deploy-time ARNs (oracle app written for this test, goldens from `tests/oracle/regenerate.sh`).
#[test]
fn extensions_current_version() {
    parity("extensions-current-version");
}

/// `@aws-cdk/core:target-partitions` = `["aws"]` on the stack: the mapping leaves out the China
/// regions (oracle app written for this test, goldens from `tests/oracle/regenerate.sh`).
#[test]
fn insights_partitions() {
    parity("insights-partitions");
}
