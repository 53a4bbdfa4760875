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

/// The provider's code asset of `log-retention`: lambda-cdk's own handler, not aws-cdk-lib's.
const LOG_RETENTION_CODE: &str = "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a/Code";

/// The hash of the file asset displayed as `display_name` in an asset manifest.
fn asset_hash(manifest: &std::path::Path, display_name: &str) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
    json["files"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, f)| f["displayName"] == display_name)
        .map(|(hash, _)| hash.clone())
        .unwrap_or_else(|| panic!("no asset {display_name} in {}", manifest.display()))
}

/// Legacy log retention (default flags): everything equals aws-cdk-lib's output but for the one
/// named difference, the provider's code asset (`LogRetentionaae0…/Code`), which is this
/// project's own handler. The test checks the staged asset holds exactly that handler, then
/// writes the handler's hash as aws-cdk-lib's (and the template hash that follows) and compares
/// template, asset manifest, manifest.json and tree.json byte for byte.
#[test]
fn log_retention() {
    use sha2::{Digest, Sha256};
    use std::fs;

    let app = "log-retention";
    let golden = common::golden_dir(app);
    let out = common::synth_example("log_retention", None);
    let out = out.path();
    let ours = asset_hash(&out.join("log-retention.assets.json"), LOG_RETENTION_CODE);
    let theirs = asset_hash(
        &golden.join("log-retention.assets.json"),
        LOG_RETENTION_CODE,
    );
    assert_ne!(ours, theirs, "the handler is ours, so is its hash");

    // The staged asset is exactly our handler.
    let staged = out.join(format!("asset.{ours}"));
    assert_eq!(
        common::files_ending(&staged, ""),
        vec!["index.js".to_owned()]
    );
    assert_eq!(
        fs::read(staged.join("index.js")).unwrap(),
        fs::read(common::repo_root().join("lambda-core/handlers/log-retention/index.js")).unwrap()
    );

    // Everything else is aws-cdk-lib's once the handler's hash is theirs.
    let patched = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let template = fs::read_to_string(out.join("log-retention.template.json"))
        .unwrap()
        .replace(&ours, &theirs);
    let hex = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let our_template_hash = hex(&fs::read(out.join("log-retention.template.json")).unwrap());
    let patched_template_hash = hex(template.as_bytes());
    fs::write(
        patched.path().join("log-retention.template.json"),
        &template,
    )
    .unwrap();
    for file in ["log-retention.assets.json", "manifest.json", "tree.json"] {
        let mut text = fs::read_to_string(out.join(file))
            .unwrap()
            .replace(&ours, &theirs)
            .replace(&our_template_hash, &patched_template_hash);
        if file.ends_with(".assets.json") {
            // A destination's id ends with the hash of the destination, which names the
            // object key: computed again for the patched keys.
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            for entry in json["files"].as_object().unwrap().values() {
                for (id, dest) in entry["destinations"].as_object().unwrap() {
                    let (prefix, _) = id.rsplit_once('-').unwrap();
                    let digest = hex(serde_json::to_string(dest).unwrap().as_bytes());
                    text = text.replace(id, &format!("{prefix}-{}", &digest[..8]));
                }
            }
        }
        fs::write(patched.path().join(file), text).unwrap();
    }
    let p = patched.path();
    common::assert_template_matches(
        &golden.join("log-retention.template.json"),
        &p.join("log-retention.template.json"),
    );
    common::assert_template_bytes_match(
        &golden.join("log-retention.template.json"),
        &p.join("log-retention.template.json"),
    );
    common::assert_assets_manifest_matches(
        &golden.join("log-retention.assets.json"),
        &p.join("log-retention.assets.json"),
    );
    common::assert_manifest_artifacts_match(
        &golden.join("manifest.json"),
        &p.join("manifest.json"),
    );
    common::assert_tree_matches(&golden.join("tree.json"), &p.join("tree.json"));
    common::cfn_lint(&[out.join("log-retention.template.json")]);
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
