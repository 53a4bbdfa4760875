//! Parity of the lifecycle and code-source features with aws-cdk-lib 2.276.0 (issue 13): log
//! groups, provisioned-concurrency autoscaling, container images, custom build commands and legacy
//! log retention. Each example `examples/<app>.rs` must synthesize what the oracle app
//! `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the real library, with no context
//! (`tests/golden/`) and with the recommended feature flags (`tests/golden-recommended/`), tree.json,
//! asset manifests and staged assets included. Run `cargo build --examples` first.

mod common;

use common::parity;

/// Provisioned concurrency on versions: `current_version_options` and a `Version` of its own.
#[test]
fn version_provisioned_concurrency() {
    parity("version-provisioned-concurrency");
}

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

/// The provider's code asset of `log-retention`: lambda-cdk's own handler, not aws-cdk-lib's.
const LOG_RETENTION_CODE: &str = "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a/Code";

/// Legacy log retention (default flags): everything equals aws-cdk-lib's output but for the one
/// named difference, the provider's code asset (`LogRetentionaae0…/Code`), which is this
/// project's own handler. The test checks the staged asset holds exactly that handler, then
/// writes the handler's hash as aws-cdk-lib's (and the template hash that follows) and compares
/// template, asset manifest, manifest.json and tree.json byte for byte.
#[test]
fn log_retention() {
    let out = common::synth_example("log_retention", None);
    common::assert_matches_but_own_handler(
        &common::golden_dir("log-retention"),
        out.path(),
        "log-retention",
        common::OwnHandler {
            asset: LOG_RETENTION_CODE,
            file: "lambda-core/handlers/log-retention/index.js",
        },
        true,
    );
}

/// Under the recommended flags aws-cdk-lib refuses the app (`log_removal_policy` with the
/// CDK-managed log group): so does the example, with the same code and message.
#[test]
fn log_retention_recommended_flags_refused() {
    let bin = common::example_binary("log_retention");
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let output = std::process::Command::new(bin)
        .env("CDK_OUTDIR", dir.path().join("out"))
        .env("CDK_CONTEXT_JSON", common::recommended_context())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("LogRemovalPolicyFeatureFlagConflict")
            && stderr.contains("Cannot use `logRemovalPolicy` and `@aws-cdk/aws-lambda:useCdkManagedLogGroup` flag together."),
        "{stderr}"
    );
    assert!(!dir.path().join("out/manifest.json").exists());
}
