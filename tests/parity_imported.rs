//! Parity of imported functions (`Function::from_function_arn`, `from_function_name`,
//! `from_function_attributes`) with aws-cdk-lib 2.276.0: each example `examples/<app>.rs`
//! (`imported_functions`, `imported_functions_env`) must synthesize what the oracle app
//! `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the real library, with no context
//! (`tests/golden/`) and with the recommended feature flags (`tests/golden-recommended/`, where
//! `@aws-cdk/aws-iam:minimizePolicies` merges the role's two statements), tree.json, asset
//! manifests and manifest.json included; and `<stack>.metadata.json` (the
//! `UnclearLambdaEnvironment` warning of a permission that cannot be added, the rule's
//! unresolved-environment warning) equals `tests/golden-metadata/<app>/` (from
//! `tests/oracle/regenerate-metadata.sh`). Run `cargo build --examples` first.

mod common;

use common::{metadata_matches, parity};

/// An environment-agnostic stack: the function imported by ARN is targeted by a rule but gets
/// no permission; the ones imported by name and with `same_environment` get permissions and
/// identity-policy statements.
#[test]
fn imported_functions() {
    parity("imported-functions");
}

/// A stack in the ARN's own account and region: permissions are added to the function
/// imported by ARN.
#[test]
fn imported_functions_env() {
    parity("imported-functions-env");
}

#[test]
fn imported_functions_metadata() {
    metadata_matches("imported-functions");
}

#[test]
fn imported_functions_env_metadata() {
    metadata_matches("imported-functions-env");
}
