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
