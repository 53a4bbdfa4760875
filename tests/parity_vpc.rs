//! Parity of functions in a VPC with aws-cdk-lib 2.276.0: each example `examples/<app>.rs`
//! (`efs_vpc`, `ipv6_dual_stack`, `security_group_rules`) must synthesize what the oracle app
//! `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the real library (VPC, subnets,
//! routes, NAT, internet and egress-only gateways, security groups, EFS file system, mount
//! targets, access point, and the function's `VpcConfig`, `FileSystemConfigs` and dependencies),
//! with no context (`tests/golden/`) and with the recommended feature flags
//! (`tests/golden-recommended/`). Run `cargo build --examples` first.

mod common;

use common::{assert_assembly_matches, golden_dir, synth_example};

/// Without context: byte for byte, assets and manifest included, and accepted by cfn-lint.
#[test]
fn efs_vpc() {
    let out = synth_example("efs_vpc", None);
    assert_assembly_matches(&golden_dir("efs-vpc"), out.path());
}

/// With the recommended flags: the EFS file system policy, mount targets named by subnet, the
/// function's log group, and the custom resource that restricts the VPC's default security group
/// (one named difference, see `recommended_with_own_handler`).
#[test]
fn efs_vpc_recommended() {
    recommended_with_own_handler("efs-vpc");
}

/// A dual-stack VPC (IPv6 block, `Fn::Cidr` subnet ranges, IPv6 default routes, egress-only
/// internet gateway, a NAT64 route) and a function with `ipv6_allowed_for_dual_stack` and
/// `allow_all_ipv6_outbound`.
#[test]
fn ipv6_dual_stack() {
    let out = synth_example("ipv6_dual_stack", None);
    assert_assembly_matches(&golden_dir("ipv6-dual-stack"), out.path());
}

/// `ipv6-dual-stack` with the recommended flags: one named difference, as for `efs-vpc`.
#[test]
fn ipv6_dual_stack_recommended() {
    recommended_with_own_handler("ipv6-dual-stack");
}

/// Security group rules: an inline ingress rule from an IP range on a group without outbound
/// traffic (aws-cdk-lib's "Disallow all traffic" placeholder), and `connections().allow_to` from
/// a function without outbound traffic (an ingress resource on the target group, an egress
/// resource on the function's group, whose placeholder then goes away).
#[test]
fn security_group_rules() {
    let out = synth_example("security_group_rules", None);
    assert_assembly_matches(&golden_dir("security-group-rules"), out.path());
}

/// `security-group-rules` with the recommended flags: one named difference, as for `efs-vpc`.
#[test]
fn security_group_rules_recommended() {
    recommended_with_own_handler("security-group-rules");
}

/// The provider's code asset under the recommended flags (after `<stack>/`): lambda-cdk's own
/// `Custom::VpcRestrictDefaultSG` handler, not aws-cdk-lib's (the one named difference).
const RESTRICT_DEFAULT_SG_CODE: &str = "Custom::VpcRestrictDefaultSGCustomResourceProvider Code";

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

/// Oracle app `app` (one stack named like it) under the recommended flags. Everything equals
/// aws-cdk-lib's output but for the named difference, the restrict provider's code asset: the
/// test checks the staged asset holds exactly our handler, then writes the handler's hash as
/// aws-cdk-lib's (and the template hash that follows) and compares template, asset manifest and
/// manifest.json byte for byte; cfn-lint checks the template as written.
fn recommended_with_own_handler(app: &str) {
    use sha2::{Digest, Sha256};
    use std::fs;

    let golden = common::golden_recommended_dir(app);
    let out = synth_example(&app.replace('-', "_"), Some(&common::recommended_context()));
    let out = out.path();
    let code = format!("{app}/{RESTRICT_DEFAULT_SG_CODE}");
    let assets = format!("{app}.assets.json");
    let template_file = format!("{app}.template.json");
    let ours = asset_hash(&out.join(&assets), &code);
    let theirs = asset_hash(&golden.join(&assets), &code);
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
    let template = fs::read_to_string(out.join(&template_file))
        .unwrap()
        .replace(&ours, &theirs);
    let hex = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let our_template_hash = hex(&fs::read(out.join(&template_file)).unwrap());
    let patched_template_hash = hex(template.as_bytes());
    fs::write(patched.path().join(&template_file), &template).unwrap();
    for file in [assets.as_str(), "manifest.json"] {
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
    common::assert_template_matches(&golden.join(&template_file), &p.join(&template_file));
    common::assert_template_bytes_match(&golden.join(&template_file), &p.join(&template_file));
    common::assert_assets_manifest_matches(&golden.join(&assets), &p.join(&assets));
    common::assert_manifest_artifacts_match(
        &golden.join("manifest.json"),
        &p.join("manifest.json"),
    );
    common::cfn_lint(&[out.join(&template_file)]);
}
