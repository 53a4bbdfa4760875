//! Parity of `Tags::of` with aws-cdk-lib 2.276.0: `examples/tags_everywhere.rs` must synthesize
//! what oracle app `tests/oracle/apps/tags-everywhere.js` does with the real library: tags on the
//! app, the stack and a VPC reaching every taggable resource type this crate writes (EC2, EFS with
//! its own property names, an SSM parameter's tag map, Lambda, IAM, SQS, SNS, DynamoDB, KMS, logs,
//! events, Secrets Manager, signer, CodeGuru), sorted as `localeCompare` sorts, the nearest scope
//! winning, the subnet group tags on subnets only, and the stack's tags in `manifest.json`.
//! `tree.json` too, where each L1 puts its tags in `cfnProperties`. Run `cargo build --examples`
//! first.

mod common;

use common::{assert_assembly_matches, golden_dir, synth_example};

/// Without context: template, asset manifest, `manifest.json` and `tree.json` byte for byte,
/// and accepted by cfn-lint.
#[test]
fn tags_everywhere() {
    let out = synth_example("tags_everywhere", None);
    assert_assembly_matches(&golden_dir("tags-everywhere"), out.path());
}

/// With the recommended flags (the VPC's default security group is restricted by a custom
/// resource whose provider code is ours: the one named difference, as in `parity_vpc.rs`).
#[test]
fn tags_everywhere_recommended() {
    common::recommended_with_restrict_sg_handler("tags-everywhere");
}

/// A stack's own `tags` with `Tags::of` on the app and the stack, without context: the stack's
/// tags in `manifest.json` are both merged (`Tags::of` winning on `Project`).
#[test]
fn stack_tags() {
    let out = synth_example("stack_tags", None);
    assert_assembly_matches(&golden_dir("stack-tags"), out.path());
}

/// With the recommended flags (`@aws-cdk/core:explicitStackTags`): the stack's own tags only.
#[test]
fn stack_tags_recommended() {
    let out = synth_example("stack_tags", Some(&common::recommended_context()));
    assert_assembly_matches(&common::golden_recommended_dir("stack-tags"), out.path());
}
