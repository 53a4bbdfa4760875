//! Parity of functions in a VPC with aws-cdk-lib 2.276.0: each example `examples/<app>.rs`
//! (`efs_vpc`, `ipv6_dual_stack`, `security_group_rules`, `kitchen_sink`) must synthesize what the oracle app
//! `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the real library (VPC, subnets,
//! routes, NAT, internet and egress-only gateways, security groups, EFS file system, mount
//! targets, access point, and the function's `VpcConfig`, `FileSystemConfigs` and dependencies),
//! with no context (`tests/golden/`) and with the recommended feature flags
//! (`tests/golden-recommended/`), `tree.json` included. Run `cargo build --examples` first.

mod common;

use common::{assert_assembly_matches, golden_dir, read_json, repo_root, synth_example};

/// Without context: byte for byte, assets and manifest included, and accepted by cfn-lint.
#[test]
fn efs_vpc() {
    let out = synth_example("efs_vpc", None);
    assert_assembly_matches(&golden_dir("efs-vpc"), out.path());
}

/// With the recommended flags: the EFS file system policy, mount targets named by subnet, the
/// function's log group, and the custom resource that restricts the VPC's default security group
/// (one named difference, see `common::recommended_with_restrict_sg_handler`).
#[test]
fn efs_vpc_recommended() {
    common::recommended_with_restrict_sg_handler("efs-vpc");
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
    common::recommended_with_restrict_sg_handler("ipv6-dual-stack");
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
    common::recommended_with_restrict_sg_handler("security-group-rules");
}

/// Many plain function props at once in a VPC: a fixed name and description, memory, timeout,
/// environment variables encrypted with a KMS key (`KmsKeyArn`), asynchronous invocation with
/// queue and topic destinations, `RecursiveLoop`, a durable configuration (`DurableConfig`, the
/// role's `AWSLambdaBasicDurableExecutionRolePolicy`), an explicit security group without
/// outbound traffic in the private subnets, an imported layer, policy statements at creation and
/// after, and an alarm made by `metric_errors().create_alarm(...)`.
#[test]
fn kitchen_sink() {
    let out = synth_example("kitchen_sink", None);
    assert_assembly_matches(&golden_dir("kitchen-sink"), out.path());
}

/// `kitchen-sink.metadata.json` (tests/golden-metadata/, from regenerate-metadata.sh): logical
/// IDs in aws-cdk-lib's breadth-first order and the info aws-cdk-lib attaches to a durable
/// function (`... [ack: aws-lambda:Function.DurableConfig]`), and the stack's
/// `aws:cdk:acknowledged-rules` (aws-cdk-lib acknowledging its own
/// `CloudFormation-Validate::W3010` once a VPC reads the stack's availability zones).
#[test]
fn kitchen_sink_metadata() {
    let out = synth_example("kitchen_sink", None);
    let name = "kitchen-sink.metadata.json";
    let want = read_json(
        &repo_root()
            .join("tests/golden-metadata/kitchen-sink")
            .join(name),
    );
    assert_eq!(
        want["/kitchen-sink"][0]["type"], "aws:cdk:acknowledged-rules",
        "the golden acknowledges W3010 before naming the template"
    );
    let got = read_json(&out.path().join(name));
    assert_eq!(got, want);
    let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&got), keys(&want), "paths in another order");
    assert_eq!(
        got["/kitchen-sink/Sink"][0]["type"], "aws:cdk:info",
        "the durable function's info"
    );
}

/// `kitchen-sink` with the recommended flags: one named difference, as for `efs-vpc`.
#[test]
fn kitchen_sink_recommended() {
    common::recommended_with_restrict_sg_handler("kitchen-sink");
}
