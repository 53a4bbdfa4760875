//! `Subnet` of a `Vpc`: the `AWS::EC2::Subnet`, its route table and association, its routes,
//! and for public subnets the NAT gateway, as aws-cdk-lib's `ec2.Subnet` writes them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::tags::{add_tag, add_tag_for};

const SUBNET: &str = "AWS::EC2::Subnet";
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::tree::NodeKind;
use crate::{Result, Value};

/// What a subnet is for (aws-cdk-lib's `SubnetType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubnetType {
    /// Routes to the internet gateway; instances may get public IPs.
    Public,
    /// Private, with outbound internet through a NAT gateway.
    PrivateWithEgress,
    /// Private, with no route out of the VPC.
    PrivateIsolated,
}

impl SubnetType {
    /// The `aws-cdk:subnet-type` tag value.
    fn tag(self) -> &'static str {
        match self {
            SubnetType::Public => "Public",
            SubnetType::PrivateWithEgress => "Private",
            SubnetType::PrivateIsolated => "Isolated",
        }
    }
}

/// One group of subnets, one per availability zone (aws-cdk-lib's `SubnetConfiguration`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubnetConfiguration {
    /// The group's name: construct IDs are `<name>Subnet<n>`.
    pub name: String,
    /// What the subnets are for.
    pub subnet_type: SubnetType,
    /// Prefix length of each subnet (16 to 28); the remaining space is split evenly when unset.
    pub cidr_mask: Option<u32>,
}

impl SubnetConfiguration {
    /// A group named `name` of `subnet_type`, sized automatically.
    pub fn new(name: impl Into<String>, subnet_type: SubnetType) -> Self {
        SubnetConfiguration {
            name: name.into(),
            subnet_type,
            cidr_mask: None,
        }
    }

    /// The same group with a fixed prefix length.
    pub fn with_cidr_mask(mut self, mask: u32) -> Self {
        self.cidr_mask = Some(mask);
        self
    }
}

/// Which subnets of a VPC to use (aws-cdk-lib's `SubnetSelection`); the default picks private
/// subnets, else isolated ones, else public ones.
#[derive(Clone, Default)]
pub struct SubnetSelection {
    /// Every subnet of this type.
    pub subnet_type: Option<SubnetType>,
    /// Every subnet of this group.
    pub subnet_group_name: Option<String>,
    /// These subnets exactly.
    pub subnets: Option<Vec<Subnet>>,
}

impl SubnetSelection {
    /// The subnets of one type.
    pub fn of_type(subnet_type: SubnetType) -> Self {
        SubnetSelection {
            subnet_type: Some(subnet_type),
            ..Default::default()
        }
    }

    /// The subnets of one group.
    pub fn of_group(name: impl Into<String>) -> Self {
        SubnetSelection {
            subnet_group_name: Some(name.into()),
            ..Default::default()
        }
    }
}

/// A subnet of a `Vpc`. Cheap to clone.
#[derive(Clone)]
pub struct Subnet {
    pub(crate) node: ConstructNode,
    pub(crate) subnet: CfnResource,
    pub(crate) route_table: CfnResource,
    pub(crate) subnet_type: SubnetType,
    pub(crate) group: String,
    pub(crate) az_index: usize,
    /// Resources that must exist before anything in the subnet reaches the internet.
    pub(crate) connectivity: Rc<RefCell<Vec<ConstructNode>>>,
}

impl Construct for Subnet {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Subnet {
    pub(crate) fn create(
        vpc: &ConstructNode,
        vpc_id: Value,
        id: &str,
        config: &SubnetConfiguration,
        (az, az_index): (Value, usize),
        cidr: String,
        ipv6: Option<(Value, &CfnResource)>,
    ) -> Result<Subnet> {
        let fqn = if config.subnet_type == SubnetType::Public {
            "aws-cdk-lib.aws_ec2.PublicSubnet"
        } else {
            "aws-cdk-lib.aws_ec2.PrivateSubnet"
        };
        let node = vpc.add_child(id, NodeKind::Construct, fqn)?;
        // aws-cdk-lib tags the subnet construct: its subnet, route table, EIP and NAT gateway.
        add_tag_for(&node, SUBNET, "aws-cdk:subnet-name", config.name.clone());
        add_tag_for(
            &node,
            SUBNET,
            "aws-cdk:subnet-type",
            config.subnet_type.tag(),
        );
        add_tag(&node, "Name", node.path());
        let mut properties: Vec<(&'static str, Value)> = Vec::new();
        if ipv6.is_some() {
            properties.push(("AssignIpv6AddressOnCreation", true.into()));
        }
        properties.push(("AvailabilityZone", az));
        properties.push(("CidrBlock", cidr.into()));
        if let Some((block, cidr_block)) = &ipv6 {
            properties.push(("Ipv6CidrBlock", block.clone()));
            // Every resource of the subnet waits for the VPC's IPv6 block.
            node.add_dependency(*cidr_block);
        }
        // Public subnets of a dual-stack VPC give no public IPv4 addresses by default.
        let map_public_ip = config.subnet_type == SubnetType::Public && ipv6.is_none();
        properties.extend([
            ("MapPublicIpOnLaunch", map_public_ip.into()),
            ("VpcId", vpc_id.clone()),
        ]);
        let subnet = CfnResource::create(&node, "Subnet", SUBNET, properties)?;
        // aws-cdk-lib imports the subnet's default network ACL here (no resource).
        node.add_child("Acl", NodeKind::Construct, "aws-cdk-lib.Resource")?;
        let route_table = CfnResource::create(
            &node,
            "RouteTable",
            "AWS::EC2::RouteTable",
            [("VpcId", vpc_id)],
        )?;
        let association = CfnResource::create(
            &node,
            "RouteTableAssociation",
            "AWS::EC2::SubnetRouteTableAssociation",
            [
                ("RouteTableId", route_table.ref_value()),
                ("SubnetId", subnet.ref_value()),
            ],
        )?;
        Ok(Subnet {
            node,
            subnet,
            route_table,
            subnet_type: config.subnet_type,
            group: config.name.clone(),
            az_index,
            connectivity: Rc::new(RefCell::new(vec![association.node()])),
        })
    }

    /// `{"Ref": <subnet>}`: the subnet ID.
    pub fn subnet_id(&self) -> Value {
        self.subnet.ref_value()
    }

    /// What the subnet is for.
    pub fn subnet_type(&self) -> SubnetType {
        self.subnet_type
    }

    /// The name of the subnet's group.
    pub fn group_name(&self) -> &str {
        &self.group
    }

    /// The resources that give the subnet its internet connectivity (its route table
    /// association and default route), which dependents wait for.
    pub fn internet_connectivity_established(&self) -> Vec<ConstructNode> {
        self.connectivity.borrow().clone()
    }

    /// The `0.0.0.0/0` route to the internet gateway, after its attachment.
    pub(crate) fn add_default_internet_route(
        &self,
        gateway: Value,
        attachment: &CfnResource,
    ) -> Result<()> {
        let route = CfnResource::create(
            &self.node,
            "DefaultRoute",
            "AWS::EC2::Route",
            [
                ("DestinationCidrBlock", Value::from("0.0.0.0/0")),
                ("GatewayId", gateway),
                ("RouteTableId", self.route_table.ref_value()),
            ],
        )?;
        route.node().add_dependency(attachment);
        self.connectivity.borrow_mut().push(route.node());
        Ok(())
    }

    /// A route of this subnet's table: `0.0.0.0/0` or the IPv6 `destination`, to `router`
    /// (`(property, id)`, e.g. `("NatGatewayId", nat)`); waited for by dependents when it
    /// gives internet connectivity.
    pub(crate) fn add_route(
        &self,
        id: &str,
        ipv6_destination: Option<&str>,
        router: (&'static str, Value),
        enables_internet: bool,
    ) -> Result<CfnResource> {
        let destination = match ipv6_destination {
            Some(d) => ("DestinationIpv6CidrBlock", Value::from(d)),
            None => ("DestinationCidrBlock", Value::from("0.0.0.0/0")),
        };
        let route = CfnResource::create(
            &self.node,
            id,
            "AWS::EC2::Route",
            [
                destination,
                router,
                ("RouteTableId", self.route_table.ref_value()),
            ],
        )?;
        if enables_internet {
            self.connectivity.borrow_mut().push(route.node());
        }
        Ok(route)
    }

    /// The NAT64 route (`64:ff9b::/96`) to the NAT gateway `nat_gateway_id`, so IPv6-only
    /// clients reach IPv4 destinations (aws-cdk-lib's `addIpv6Nat64Route`).
    pub fn add_ipv6_nat64_route(&self, nat_gateway_id: Value) -> Result<()> {
        self.add_route(
            "Nat64",
            Some("64:ff9b::/96"),
            ("NatGatewayId", nat_gateway_id),
            true,
        )?;
        Ok(())
    }

    /// The `0.0.0.0/0` route to a NAT gateway.
    pub(crate) fn add_default_nat_route(&self, nat_gateway: Value) -> Result<()> {
        let route = CfnResource::create(
            &self.node,
            "DefaultRoute",
            "AWS::EC2::Route",
            [
                ("DestinationCidrBlock", Value::from("0.0.0.0/0")),
                ("NatGatewayId", nat_gateway),
                ("RouteTableId", self.route_table.ref_value()),
            ],
        )?;
        self.connectivity.borrow_mut().push(route.node());
        Ok(())
    }

    /// A NAT gateway with a new Elastic IP in this (public) subnet.
    pub(crate) fn add_nat_gateway(&self) -> Result<CfnResource> {
        let eip = CfnResource::create(
            &self.node,
            "EIP",
            "AWS::EC2::EIP",
            [("Domain", Value::from("vpc"))],
        )?;
        let nat = CfnResource::create(
            &self.node,
            "NATGateway",
            "AWS::EC2::NatGateway",
            [
                ("AllocationId", eip.get_att("AllocationId")),
                ("SubnetId", self.subnet_id()),
            ],
        )?;
        for dep in self.connectivity.borrow().iter() {
            nat.node().add_dependency(dep);
        }
        Ok(nat)
    }
}
