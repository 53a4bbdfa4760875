//! The real CDK CLI (aws-cdk 2.1148.1, installed by ./scripts/test.sh) must read the cloud
//! assemblies we write: `cdk ls --app <assembly>` lists their stacks.

mod common;

use common::{cdk_ls, synth_example};

#[test]
fn cdk_lists_minimal_inline() {
    let out = synth_example("minimal_inline", None);
    assert_eq!(cdk_ls(out.path()), ["minimal-inline"]);
}
