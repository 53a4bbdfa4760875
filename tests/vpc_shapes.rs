//! The VPC is built from its props, not from a canned template: each shape below (zones, NAT
//! gateways, subnet groups and masks, CIDR, concrete environment with context zones) gives the
//! resources those props call for, with a function in the VPC, and cfn-lint accepts every
//! template.

mod common;

use lambda_cdk::ec2::{IpAddresses, SubnetConfiguration, SubnetSelection, SubnetType, Vpc};
use lambda_cdk::prelude::*;
use serde_json::Value as Json;

/// `Type -> count` of a template's resources.
fn count(template: &Json, type_name: &str) -> usize {
    template["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == type_name)
        .count()
}

/// The `CidrBlock`s of the template's subnets, in template order.
fn subnet_cidrs(template: &Json) -> Vec<String> {
    template["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::EC2::Subnet")
        .map(|r| r["Properties"]["CidrBlock"].as_str().unwrap().to_owned())
        .collect()
}

fn function_in(stack: &Stack, vpc: Vpc, selection: Option<SubnetSelection>) {
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => 'hi';"))
        .vpc(vpc)
        .maybe_vpc_subnets(selection)
        .build(stack, "Fn")
        .unwrap();
}

#[test]
fn shapes_follow_the_props_and_pass_cfn_lint() {
    let app = App::new();
    app.node().set_context(
        "availability-zones:account=123456789012:region=eu-west-1",
        serde_json::json!(["eu-west-1a", "eu-west-1b", "eu-west-1c"]),
    );

    let s = Stack::builder().build(&app, "Default").unwrap();
    let vpc = Vpc::builder().build(&s, "Vpc").unwrap();
    function_in(&s, vpc, None);

    let s = Stack::builder().build(&app, "OneZone").unwrap();
    let vpc = Vpc::builder().max_azs(1).build(&s, "Vpc").unwrap();
    function_in(&s, vpc, None);

    let s = Stack::builder().build(&app, "OneNat").unwrap();
    let vpc = Vpc::builder().nat_gateways(1).build(&s, "Vpc").unwrap();
    function_in(&s, vpc, None);

    let s = Stack::builder().build(&app, "Groups").unwrap();
    let vpc = Vpc::builder()
        .ip_addresses(IpAddresses::cidr("192.168.0.0/20"))
        .nat_gateways(1)
        .subnet_configuration(vec![
            SubnetConfiguration::new("Ingress", SubnetType::Public).with_cidr_mask(24),
            SubnetConfiguration::new("App", SubnetType::PrivateWithEgress).with_cidr_mask(24),
            SubnetConfiguration::new("Data", SubnetType::PrivateIsolated).with_cidr_mask(28),
        ])
        .build(&s, "Vpc")
        .unwrap();
    function_in(&s, vpc, Some(SubnetSelection::of_group("Data")));

    let s = Stack::builder().build(&app, "Isolated").unwrap();
    let vpc = Vpc::builder()
        .nat_gateways(0)
        .subnet_configuration(vec![SubnetConfiguration::new(
            "Isolated",
            SubnetType::PrivateIsolated,
        )])
        .build(&s, "Vpc")
        .unwrap();
    function_in(&s, vpc, None);

    let s = Stack::builder()
        .env(Environment {
            account: Some("123456789012".into()),
            region: Some("eu-west-1".into()),
        })
        .build(&app, "ThreeZones")
        .unwrap();
    let vpc = Vpc::builder().build(&s, "Vpc").unwrap();
    function_in(&s, vpc, None);

    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let assembly = app.synth_to(dir.path()).unwrap();
    let t = |name: &str| assembly.template(name).unwrap().clone();

    // (subnets, NAT gateways, EIPs, routes, internet gateways)
    let shape = |t: &Json| {
        (
            count(t, "AWS::EC2::Subnet"),
            count(t, "AWS::EC2::NatGateway"),
            count(t, "AWS::EC2::EIP"),
            count(t, "AWS::EC2::Route"),
            count(t, "AWS::EC2::InternetGateway"),
        )
    };
    assert_eq!(shape(&t("Default")), (4, 2, 2, 4, 1));
    assert_eq!(shape(&t("OneZone")), (2, 1, 1, 2, 1));
    assert_eq!(shape(&t("OneNat")), (4, 1, 1, 4, 1));
    assert_eq!(shape(&t("Groups")), (6, 1, 1, 4, 1));
    assert_eq!(shape(&t("Isolated")), (2, 0, 0, 0, 0));
    assert_eq!(shape(&t("ThreeZones")), (6, 3, 3, 6, 1));

    // Both private subnets of OneNat route through the one gateway.
    let one_nat = t("OneNat");
    let nat_targets: Vec<&Json> = one_nat["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|r| r["Properties"].get("NatGatewayId"))
        .collect();
    assert_eq!(nat_targets.len(), 2);
    assert_eq!(nat_targets[0], nat_targets[1]);

    assert_eq!(
        subnet_cidrs(&t("Groups")),
        [
            "192.168.0.0/24",
            "192.168.1.0/24",
            "192.168.2.0/24",
            "192.168.3.0/24",
            "192.168.4.0/28",
            "192.168.4.16/28",
        ]
    );
    assert_eq!(
        subnet_cidrs(&t("OneZone")),
        ["10.0.0.0/17", "10.0.128.0/17"]
    );
    // Zones of a concrete environment come from the context.
    let three = t("ThreeZones");
    let zones: Vec<&Json> = three["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::EC2::Subnet")
        .map(|r| &r["Properties"]["AvailabilityZone"])
        .collect();
    assert_eq!(zones[2], "eu-west-1c");

    // The function in the Data group uses exactly those subnets.
    let groups = t("Groups");
    let fn_subnets = groups["Resources"]
        .as_object()
        .unwrap()
        .values()
        .find(|r| r["Type"] == "AWS::Lambda::Function")
        .map(|r| {
            r["Properties"]["VpcConfig"]["SubnetIds"]
                .as_array()
                .unwrap()
                .len()
        })
        .unwrap();
    assert_eq!(fn_subnets, 2);

    let templates: Vec<_> = [
        "Default",
        "OneZone",
        "OneNat",
        "Groups",
        "Isolated",
        "ThreeZones",
    ]
    .iter()
    .map(|n| dir.path().join(format!("{n}.template.json")))
    .collect();
    common::cfn_lint(&templates);
}
