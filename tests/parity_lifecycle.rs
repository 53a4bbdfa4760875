//! Parity of the lifecycle and code-source features with aws-cdk-lib 2.276.0 (issue 13): log
//! groups, provisioned-concurrency autoscaling, container images, custom build commands and legacy
//! log retention. Each example `examples/<app>.rs` must synthesize what the oracle app
//! `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the real library, with no context
//! (`tests/golden/`) and with the recommended feature flags (`tests/golden-recommended/`), tree.json,
//! asset manifests and staged assets included. Run `cargo build --examples` first.

mod common;

use common::parity;

/// A log group passed by the user: `LoggingConfig.LogGroup` is its `Ref`; tags reach the role.
#[test]
fn log_group_custom() {
    parity("log-group-custom");
}

/// The flag set by the app itself: a `<Function>LogGroup` named `/aws/lambda/<function>`, tagged.
#[test]
fn log_group_managed_flag() {
    parity("log-group-managed-flag");
}

/// `add_auto_scaling` on an alias: the ScalableTarget (ResourceId split out of the alias ARN,
/// the service-linked role, two scheduled actions) and the target-tracking policy.
#[test]
fn alias_autoscaling() {
    parity("alias-autoscaling");
}

/// `DockerImageFunction` on an image of the stack's repository (its policy lets Lambda pull),
/// and `Code::from_ecr_image` of an imported repository by digest.
#[test]
fn docker_ecr() {
    parity("docker-ecr");
}

/// `DockerImageCode::from_image_asset`: the staged build contexts (`.dockerignore` applied),
/// their hashes, and the `dockerImages` entries of the asset manifest.
#[test]
fn docker_image_asset() {
    parity("docker-image-asset");
}

/// `Code::from_custom_command`: `node -e` writes `index.js` at synthesis; the folder is staged.
#[test]
fn custom_command() {
    parity("custom-command");
}
