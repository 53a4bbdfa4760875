//! `<stack>.metadata.json` equals what aws-cdk-lib 2.276.0 writes (logical IDs, warnings, in
//! its breadth-first order), minus the creation stack traces that hold the writer's paths.
//! Goldens: tests/golden-metadata/, from tests/oracle/regenerate-metadata.sh.

mod common;

use common::metadata_matches;

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
