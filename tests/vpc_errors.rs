//! aws-cdk-lib's run-time errors of functions in a VPC and of `Vpc` itself, reproduced through the
//! run-time builders: each test builds the app `tests/oracle/errors/<name>.js` with lambda-cdk and
//! expects the error aws-cdk-lib 2.276.0 threw for it (`tests/golden/errors/<name>.json`, written
//! by `tests/oracle/regenerate-errors.sh`): the same code, construct path and message. Also what
//! aws-cdk-lib does not refuse: more NAT gateways than zones (capped), `nat_gateways(0)` with
//! private subnets (no default route).

mod common;

use common::assert_same_error;
use lambda_cdk::ec2::{SecurityGroup, SubnetConfiguration, SubnetSelection, SubnetType, Vpc};
use lambda_cdk::efs::FileSystem;
use lambda_cdk::lambda::FileSystem as LambdaFileSystem;
use lambda_cdk::prelude::*;

fn stack(name: &str) -> (App, Stack) {
    let app = App::new();
    let stack = Stack::builder().build(&app, name).expect("stack");
    (app, stack)
}

const INLINE: &str = "exports.handler = async () => \"hi\";";

macro_rules! node20 {
    () => {
        Function::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(Code::from_inline(INLINE))
    };
}

#[test]
fn ipv6_without_vpc() {
    let (_app, stack) = stack("ipv6-without-vpc");
    let result = node20!()
        .ipv6_allowed_for_dual_stack(true)
        .build(&stack, "Fn");
    assert_same_error("ipv6-without-vpc", result);
}

#[test]
fn vpc_public_subnet() {
    let (_app, stack) = stack("vpc-public-subnet");
    let vpc = Vpc::builder().build(&stack, "Vpc").unwrap();
    let result = node20!()
        .vpc(vpc)
        .vpc_subnets(SubnetSelection::of_type(SubnetType::Public))
        .build(&stack, "Fn");
    assert_same_error("vpc-public-subnet", result);
}

#[test]
fn security_groups_without_vpc() {
    let (_app, stack) = stack("security-groups-without-vpc");
    let vpc = Vpc::builder().build(&stack, "Vpc").unwrap();
    let sg = SecurityGroup::builder()
        .vpc(&vpc)
        .build(&stack, "Sg")
        .unwrap();
    let result = node20!().security_groups(vec![sg]).build(&stack, "Fn");
    assert_same_error("security-groups-without-vpc", result);
}

#[test]
fn efs_mount_path() {
    let (_app, stack) = stack("efs-mount-path");
    let vpc = Vpc::builder().build(&stack, "Vpc").unwrap();
    let fs = FileSystem::builder()
        .vpc(&vpc)
        .build(&stack, "Efs")
        .unwrap();
    let ap = fs
        .add_access_point("AccessPoint", None, None, None)
        .unwrap();
    let result = node20!()
        .vpc(vpc)
        .filesystem(LambdaFileSystem::from_efs_access_point(&ap, "/data"))
        .build(&stack, "Fn");
    assert_same_error("efs-mount-path", result);
}

#[test]
fn vpc_cidr_mask() {
    let (app, stack) = stack("vpc-cidr-mask");
    let result = Vpc::builder()
        .subnet_configuration(vec![
            SubnetConfiguration::new("Public", SubnetType::Public).with_cidr_mask(30)
        ])
        .build(&stack, "Vpc");
    assert_same_error("vpc-cidr-mask", result);
    // Nothing was added: the id is still free.
    assert!(Vpc::builder().build(&stack, "Vpc").is_ok());
    drop(app);
}

#[test]
fn vpc_private_without_public() {
    let (_app, stack) = stack("vpc-private-without-public");
    let result = Vpc::builder()
        .subnet_configuration(vec![SubnetConfiguration::new(
            "Private",
            SubnetType::PrivateWithEgress,
        )])
        .build(&stack, "Vpc");
    assert_same_error("vpc-private-without-public", result);
}

/// aws-cdk-lib caps NAT gateways at the number of zones instead of refusing more.
#[test]
fn more_nat_gateways_than_zones_are_capped() {
    let (app, stack) = stack("nat-capped");
    Vpc::builder()
        .max_azs(2)
        .nat_gateways(3)
        .build(&stack, "Vpc")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let assembly = app.synth_to(dir.path()).unwrap();
    let template = assembly.template("nat-capped").unwrap();
    let nats = template["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::EC2::NatGateway")
        .count();
    assert_eq!(nats, 2);
}
