//! `<stack>.metadata.json` equals what aws-cdk-lib 2.276.0 writes (logical IDs, warnings, in
//! its breadth-first order), minus the creation stack traces that hold the writer's paths.
//! Goldens: tests/golden-metadata/, from tests/oracle/regenerate-metadata.sh.

mod common;

use common::{files_ending, read_json, repo_root, synth_example};

fn metadata_matches(app: &str) {
    let out = synth_example(&app.replace('-', "_"), None);
    let golden = repo_root().join("tests/golden-metadata").join(app);
    let names = files_ending(&golden, ".metadata.json");
    assert!(!names.is_empty());
    for name in names {
        let want = read_json(&golden.join(&name));
        let got = read_json(&out.path().join(&name));
        assert_eq!(got, want, "{name}");
        let keys =
            |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&got), keys(&want), "{name}: paths in another order");
    }
}

#[test]
fn minimal_inline() {
    metadata_matches("minimal-inline");
}

#[test]
fn code_from_bucket_with_warnings() {
    metadata_matches("code-from-bucket");
}

#[test]
fn current_version_alias() {
    metadata_matches("current-version-alias");
}
