//! Parity with aws-cdk-lib 2.276.0 for cross-stack references (oracle app `cross-stack`): a
//! layer and a function of one stack used by a function and an output of another. Without
//! context the producer exports the values and the consumer imports them (`Fn::ImportValue`);
//! with the recommended flags (`@aws-cdk/core:defaultCrossStackReferences` = `"weak"`) the
//! producer publishes plain outputs read with `Fn::GetStackOutput`. Both ways the consumer's
//! artifact depends on the producer's in `manifest.json`. Same harness as `tests/parity.rs`.

mod common;

use common::{cdk_ls, parity, read_json, recommended_context, synth_example};

#[test]
fn cross_stack() {
    parity("cross-stack");
}

/// The consumer is warned, once, that no reference strength was configured (aws-cdk-lib's
/// warning, which the CDK CLI prints from the stack metadata); with a strength set, it is not.
#[test]
fn unconfigured_strength_is_warned_about_on_the_consumer() {
    let warning = "@aws-cdk/core:crossStackReferencesDefaultStrong";
    let out = synth_example("cross_stack", None);
    let metadata = read_json(&out.path().join("cross-stack-api.metadata.json"));
    let entries = metadata["/cross-stack-api"]
        .as_array()
        .expect("the consumer stack's metadata entries");
    let warned: Vec<_> = entries
        .iter()
        .filter(|e| e["type"] == "aws:cdk:warning")
        .filter_map(|e| e["data"].as_str())
        .collect();
    assert_eq!(warned.len(), 1, "{entries:?}");
    assert!(warned[0]
        .starts_with("No cross-stack-reference strength configured, defaulting to \"strong\"."));
    assert!(warned[0].ends_with(&format!("[ack: {warning}]")));

    let out = synth_example("cross_stack", Some(&recommended_context()));
    let metadata = std::fs::read_to_string(out.path().join("cross-stack-api.metadata.json"))
        .expect("the consumer's metadata");
    assert!(!metadata.contains(warning), "{metadata}");
}

/// The real CDK CLI reads the assembly with its stack dependency: the producer is listed
/// before the stack that imports from it.
#[test]
fn cdk_cli_lists_the_producer_first() {
    let out = synth_example("cross_stack", None);
    assert_eq!(
        cdk_ls(out.path()),
        ["cross-stack-shared", "cross-stack-api"]
    );
}
