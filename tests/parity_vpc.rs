//! Parity of functions in a VPC with aws-cdk-lib 2.276.0: the example `examples/efs_vpc.rs` must
//! synthesize what the oracle app `tests/oracle/apps/efs-vpc.js` synthesizes with the real library
//! (VPC, subnets, routes, NAT and internet gateways, security groups, EFS file system, mount
//! targets, access point, and the function's `VpcConfig`, `FileSystemConfigs` and dependencies).
//! Run `cargo build --examples` first.

mod common;

use common::{assert_assembly_matches, golden_dir, synth_example};

/// Without context: byte for byte, assets and manifest included, and accepted by cfn-lint.
#[test]
fn efs_vpc() {
    let out = synth_example("efs_vpc", None);
    assert_assembly_matches(&golden_dir("efs-vpc"), out.path());
}

/// The provider's code asset under the recommended flags: lambda-cdk's own
/// `Custom::VpcRestrictDefaultSG` handler, not aws-cdk-lib's (the one named difference).
const RESTRICT_DEFAULT_SG_CODE: &str =
    "efs-vpc/Custom::VpcRestrictDefaultSGCustomResourceProvider Code";

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

/// With the recommended flags: the EFS file system policy, mount targets named by subnet, the
/// function's log group, and the custom resource that restricts the VPC's default security
/// group. Everything equals aws-cdk-lib's output but for the named difference, the provider's
/// code asset: the test checks the staged asset holds exactly our handler, then writes the
/// handler's hash as aws-cdk-lib's (and the template hash that follows) and compares template,
/// asset manifest and manifest.json byte for byte.
#[test]
fn efs_vpc_recommended() {
    use sha2::{Digest, Sha256};
    use std::fs;

    let golden = common::golden_recommended_dir("efs-vpc");
    let out = synth_example("efs_vpc", Some(&common::recommended_context()));
    let out = out.path();
    let ours = asset_hash(&out.join("efs-vpc.assets.json"), RESTRICT_DEFAULT_SG_CODE);
    let theirs = asset_hash(
        &golden.join("efs-vpc.assets.json"),
        RESTRICT_DEFAULT_SG_CODE,
    );
    assert_ne!(ours, theirs, "the handler is ours, so is its hash");

    let staged = out.join(format!("asset.{ours}"));
    assert_eq!(
        common::files_ending(&staged, ""),
        vec!["__entrypoint__.js".to_owned()]
    );
    assert_eq!(
        fs::read(staged.join("__entrypoint__.js")).unwrap(),
        fs::read(
            common::repo_root().join("lambda-core/handlers/restrict-default-sg/__entrypoint__.js")
        )
        .unwrap()
    );

    let patched = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let template = fs::read_to_string(out.join("efs-vpc.template.json"))
        .unwrap()
        .replace(&ours, &theirs);
    let hex = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let our_template_hash = hex(&fs::read(out.join("efs-vpc.template.json")).unwrap());
    let patched_template_hash = hex(template.as_bytes());
    fs::write(patched.path().join("efs-vpc.template.json"), &template).unwrap();
    for file in ["efs-vpc.assets.json", "manifest.json"] {
        let mut text = fs::read_to_string(out.join(file))
            .unwrap()
            .replace(&ours, &theirs)
            .replace(&our_template_hash, &patched_template_hash);
        if file.ends_with(".assets.json") {
            // A destination's id ends with the hash of the destination (which names the key).
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
        &golden.join("efs-vpc.template.json"),
        &p.join("efs-vpc.template.json"),
    );
    common::assert_template_bytes_match(
        &golden.join("efs-vpc.template.json"),
        &p.join("efs-vpc.template.json"),
    );
    common::assert_assets_manifest_matches(
        &golden.join("efs-vpc.assets.json"),
        &p.join("efs-vpc.assets.json"),
    );
    common::assert_manifest_artifacts_match(
        &golden.join("manifest.json"),
        &p.join("manifest.json"),
    );
    common::cfn_lint(&[out.join("efs-vpc.template.json")]);
}
