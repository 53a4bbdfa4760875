//! `JSON.stringify(Runtime.ALL)` from aws-cdk-lib 2.276.0, reproduced byte for byte.
//!
//! The data file is a copy of the reference dump kept beside this test, so the crate
//! never reads outside its own folder.

use lambda_spec::Runtime;

const CDK_RUNTIME_ALL: &str = include_str!("data/runtime-all-2.276.0.json");

#[test]
fn runtime_all_matches_cdk_byte_for_byte() {
    let joined: Vec<String> = Runtime::ALL.iter().map(Runtime::to_cdk_json).collect();
    let ours = format!("[{}]", joined.join(","));
    // The dump ends with one newline; the JSON itself is the part before it.
    let theirs = CDK_RUNTIME_ALL
        .strip_suffix('\n')
        .unwrap_or(CDK_RUNTIME_ALL);
    if ours != theirs {
        let at = ours
            .bytes()
            .zip(theirs.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(ours.len().min(theirs.len()));
        let from = at.saturating_sub(80);
        panic!(
            "differs at byte {at}:\n ours:   {}\n theirs: {}",
            &ours[from..(at + 80).min(ours.len())],
            &theirs[from..(at + 80).min(theirs.len())]
        );
    }
    assert_eq!(Runtime::all_to_cdk_json(), theirs);
}

#[test]
fn every_entry_is_one_catalogue_constant() {
    let entries = CDK_RUNTIME_ALL.matches("{\"name\":").count();
    assert_eq!(entries, 52);
    assert_eq!(Runtime::ALL.len(), entries);
}
