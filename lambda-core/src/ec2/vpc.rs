//! `Vpc`: aws-cdk-lib's `ec2.Vpc` built from its props: one subnet per group and availability
//! zone, route tables, an internet gateway for public subnets and NAT gateways for private ones.

use std::rc::Rc;

use super::cidr::{AllocError, NetworkBuilder};
use super::subnet::{Subnet, SubnetConfiguration, SubnetSelection, SubnetType};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::tags::add_tag;
use crate::core::tree::NodeKind;
use crate::{Error, Result, Value};

/// The IPv4 range of a VPC (aws-cdk-lib's `IpAddresses`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IpAddresses(String);

impl IpAddresses {
    /// A fixed CIDR block such as `10.0.0.0/16`, split among the subnets.
    pub fn cidr(cidr: impl Into<String>) -> Self {
        IpAddresses(cidr.into())
    }
}

/// The IP protocols of a VPC (aws-cdk-lib's `IpProtocol`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IpProtocol {
    /// IPv4 only.
    #[default]
    Ipv4Only,
    /// IPv4 and an Amazon-provided IPv6 block: every subnet gets a /64, private subnets an
    /// egress-only internet gateway route.
    DualStack,
}

struct VpcInner {
    node: ConstructNode,
    nat_gateways: Vec<Value>,
    resource: CfnResource,
    public: Vec<Subnet>,
    private: Vec<Subnet>,
    isolated: Vec<Subnet>,
}

/// A VPC with its subnets and gateways. Cheap to clone; clones share the VPC.
#[derive(Clone)]
pub struct Vpc(Rc<VpcInner>);

impl Construct for Vpc {
    fn node(&self) -> ConstructNode {
        self.0.node.clone()
    }
}

/// The availability zones of the stack of `scope`: `Fn::GetAZs` picks of an
/// environment-agnostic stack, else the context's (or aws-cdk-lib's dummy) list.
fn stack_azs(scope: &ConstructNode) -> Vec<Value> {
    // aws-cdk-lib's `stack.availabilityZones` acknowledges the linter rule its literal zones
    // would trip, on the stack, whatever the zones are.
    if let Some(stack) = scope.stack() {
        stack.node().acknowledge(
            "CloudFormation-Validate::W3010",
            "Literal AZs in template are the result of accessing stack.availabilityZones, this is expected and safe",
        );
    }
    let env = scope
        .stack()
        .and_then(|s| Some((s.account()?, s.region()?)));
    match env {
        None => (0..2)
            .map(|i| {
                Value::Select(
                    i,
                    Box::new(Value::object([("Fn::GetAZs", Value::from(""))])),
                )
            })
            .collect(),
        Some((account, region)) => {
            let key = format!("availability-zones:account={account}:region={region}");
            let from_context = scope.try_get_context(&key).and_then(|j| {
                j.as_array().map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(Value::from))
                        .collect::<Vec<_>>()
                })
            });
            from_context.unwrap_or_else(|| {
                ["dummy1a", "dummy1b", "dummy1c"]
                    .into_iter()
                    .map(Value::from)
                    .collect()
            })
        }
    }
}

#[lambda_builder::builders]
impl Vpc {
    /// A VPC under `scope`. Without props: `10.0.0.0/16`, a public and a private-with-egress
    /// subnet in each of (at most 3, 2 for an environment-agnostic stack) availability zones,
    /// one NAT gateway per zone.
    ///
    /// ```
    /// use lambda_core::ec2::Vpc;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::builder().build(&app, "Net")?;
    /// let vpc = Vpc::builder().nat_gateways(1).build(&stack, "VPC")?;
    /// assert_eq!(vpc.private_subnets().len(), 2);
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// At most this many availability zones (3 when unset).
        max_azs: Option<usize>,
        /// NAT gateways (capped at the number of zones); one per zone when unset and private
        /// subnets exist.
        nat_gateways: Option<usize>,
        /// The subnet groups; public + private-with-egress when unset (public + isolated when
        /// `nat_gateways` is 0).
        subnet_configuration: Option<Vec<SubnetConfiguration>>,
        /// The IPv4 range; `10.0.0.0/16` when unset.
        ip_addresses: Option<IpAddresses>,
        /// The `Name` tag (the construct path when unset).
        #[builder(into)]
        vpc_name: Option<String>,
        /// Strip the default security group of its rules (with a custom resource); follows
        /// `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup` when unset.
        restrict_default_security_group: Option<bool>,
        /// IPv4 only when unset.
        ip_protocol: Option<IpProtocol>,
    ) -> Result<Vpc> {
        let dual_stack = ip_protocol == Some(IpProtocol::DualStack);
        let path = format!("{}/{id}", scope.node().path());
        let cidr = ip_addresses.map_or_else(|| "10.0.0.0/16".to_owned(), |i| i.0);
        let mut network = NetworkBuilder::new(&cidr).ok_or_else(|| {
            Error::validation(
                "InvalidCidrRange",
                format!("{cidr} is not a valid VPC CIDR range. VPCs must be between /16 and /28 and the minimum subnet size is /28."),
                path.clone(),
            )
        })?;
        let mut azs = stack_azs(&scope.node());
        azs.truncate(max_azs.unwrap_or(3).max(1));
        let configs = subnet_configuration.unwrap_or_else(|| {
            let second = if nat_gateways == Some(0) {
                SubnetConfiguration::new("Isolated", SubnetType::PrivateIsolated)
            } else {
                SubnetConfiguration::new("Private", SubnetType::PrivateWithEgress)
            };
            vec![
                SubnetConfiguration::new("Public", SubnetType::Public),
                second,
            ]
        });
        let nat_count = nat_gateway_count(nat_gateways, &configs, azs.len(), &path)?;

        // Allocate every block before building anything: a bad mask leaves the tree untouched.
        let requested: Vec<(SubnetConfiguration, usize)> = configs
            .iter()
            .flat_map(|c| (0..azs.len()).map(move |i| (c.clone(), i)))
            .collect();
        let alloc_err = |e: AllocError| match e {
            AllocError::Range(m) => match lambda_spec::validate_subnet_mask(m) {
                Err(e) => Error::spec(e, path.clone()),
                Ok(()) => Error::Synth(format!("/{m} could not be allocated")),
            },
            AllocError::Exceeds(m) => Error::validation(
                "SubnetCountExceedsRemainingSpace",
                format!(
                    "1 of /{m} exceeds remaining space of {}",
                    network_cidr(&cidr)
                ),
                path.clone(),
            ),
        };
        let mut blocks: Vec<Option<String>> = vec![None; requested.len()];
        for (i, (c, _)) in requested.iter().enumerate() {
            if let Some(mask) = c.cidr_mask {
                blocks[i] = Some(network.add_subnet(mask).map_err(alloc_err)?);
            }
        }
        let auto_sized = blocks.iter().filter(|b| b.is_none()).count();
        if auto_sized > 0 {
            let mask = network.mask_for_remaining(auto_sized);
            for block in blocks.iter_mut().filter(|b| b.is_none()) {
                *block = Some(network.add_subnet(mask).map_err(alloc_err)?);
            }
        }

        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node =
                scope
                    .node()
                    .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_ec2.Vpc")?;
            // aws-cdk-lib's `Tags.of(this).add('Name', ..)`: every taggable resource below
            // (internet gateways, route tables of subnets without a nearer `Name`) carries it.
            add_tag(&node, "Name", vpc_name.unwrap_or_else(|| node.path()));
            let resource = CfnResource::create(
                &node,
                "Resource",
                "AWS::EC2::VPC",
                [
                    ("CidrBlock", Value::from(network.cidr.clone())),
                    ("EnableDnsHostnames", true.into()),
                    ("EnableDnsSupport", true.into()),
                    ("InstanceTenancy", "default".into()),
                ],
            )?;
            let ipv6_block = if dual_stack {
                Some(CfnResource::create(
                    &node,
                    "ipv6cidr",
                    "AWS::EC2::VPCCidrBlock",
                    [
                        ("AmazonProvidedIpv6CidrBlock", Value::from(true)),
                        ("VpcId", resource.ref_value()),
                    ],
                )?)
            } else {
                None
            };
            let subnet_count = requested.len();
            let ipv6_cidrs = Value::shared(Value::object([(
                "Fn::Cidr",
                Value::list([
                    Value::Select(0, Box::new(resource.get_att("Ipv6CidrBlocks"))),
                    subnet_count.into(),
                    "64".into(),
                ]),
            )]));
            let (mut public, mut private, mut isolated) = (Vec::new(), Vec::new(), Vec::new());
            for (i, ((config, az_index), block)) in requested.into_iter().zip(blocks).enumerate() {
                let subnet = Subnet::create(
                    &node,
                    resource.ref_value(),
                    &format!("{}Subnet{}", config.name, az_index + 1),
                    &config,
                    (azs[az_index].clone(), az_index),
                    block.unwrap_or_default(),
                    ipv6_block
                        .as_ref()
                        .map(|b| (Value::Select(i, Box::new(ipv6_cidrs.clone())), b)),
                )?;
                match config.subnet_type {
                    SubnetType::Public => public.push(subnet),
                    SubnetType::PrivateWithEgress => private.push(subnet),
                    SubnetType::PrivateIsolated => isolated.push(subnet),
                }
            }
            let mut gateways: Vec<(usize, Value)> = Vec::new();
            let outbound = configs
                .iter()
                .any(|c| c.subnet_type != SubnetType::PrivateIsolated);
            if outbound {
                let igw = CfnResource::create(
                    &node,
                    "IGW",
                    "AWS::EC2::InternetGateway",
                    Vec::<(&str, Value)>::new(),
                )?;
                let attachment = CfnResource::create(
                    &node,
                    "VPCGW",
                    "AWS::EC2::VPCGatewayAttachment",
                    [
                        ("InternetGatewayId", igw.ref_value()),
                        ("VpcId", resource.ref_value()),
                    ],
                )?;
                for subnet in &public {
                    subnet.add_default_internet_route(igw.ref_value(), &attachment)?;
                    if dual_stack {
                        let route = subnet.add_route(
                            "DefaultRoute6",
                            Some("::/0"),
                            ("GatewayId", igw.ref_value()),
                            true,
                        )?;
                        route.node().add_dependency(&attachment);
                    }
                }
                if nat_count > 0 {
                    for subnet in public.iter().take(nat_count) {
                        let nat = subnet.add_nat_gateway()?;
                        gateways.push((subnet.az_index, nat.ref_value()));
                    }
                    // The gateway of the same zone, else round robin (aws-cdk-lib's `PrefSet`).
                    let mut next = 0;
                    for subnet in &private {
                        let gateway = match gateways.iter().find(|(az, _)| *az == subnet.az_index) {
                            Some((_, g)) => g.clone(),
                            None => {
                                let g = gateways[next % gateways.len()].1.clone();
                                next += 1;
                                g
                            }
                        };
                        subnet.add_default_nat_route(gateway)?;
                    }
                }
            }
            if dual_stack {
                let eigw = CfnResource::create(
                    &node,
                    "EIGW6",
                    "AWS::EC2::EgressOnlyInternetGateway",
                    [("VpcId", resource.ref_value())],
                )?;
                for subnet in &private {
                    subnet.add_route(
                        "DefaultRoute6",
                        Some("::/0"),
                        ("EgressOnlyInternetGatewayId", eigw.ref_value()),
                        true,
                    )?;
                }
            }
            let restrict = restrict_default_security_group.unwrap_or_else(|| {
                node.feature_flag(super::restrict_default_sg::RESTRICT_DEFAULT_SECURITY_GROUP)
            });
            if restrict {
                super::restrict_default_sg::restrict_default_security_group(
                    &node,
                    resource.get_att("DefaultSecurityGroup"),
                )?;
            }
            Ok(Vpc(Rc::new(VpcInner {
                node,
                nat_gateways: gateways.into_iter().map(|(_, g)| g).collect(),
                resource,
                public,
                private,
                isolated,
            })))
        })
    }
}

fn network_cidr(cidr: &str) -> String {
    NetworkBuilder::new(cidr).map_or_else(|| cidr.to_owned(), |n| n.cidr)
}

/// aws-cdk-lib's `determineNatGatewayCount`.
fn nat_gateway_count(
    requested: Option<usize>,
    configs: &[SubnetConfiguration],
    azs: usize,
    path: &str,
) -> Result<usize> {
    let has_private = configs
        .iter()
        .any(|c| c.subnet_type == SubnetType::PrivateWithEgress);
    let has_public = configs.iter().any(|c| c.subnet_type == SubnetType::Public);
    let count = match requested {
        Some(n) => n.min(azs),
        None if has_private => azs,
        None => 0,
    };
    if count > 0 && !has_public {
        return Err(Error::validation(
            "ConfigureSubnetsSubnetConfigurationConfigu",
            format!("If you configure PRIVATE subnets in 'subnetConfiguration', you must also configure PUBLIC subnets to put the NAT gateways into (got {}.", configs_json(configs)),
            path,
        ));
    }
    Ok(count)
}

fn configs_json(configs: &[SubnetConfiguration]) -> String {
    let items: Vec<String> = configs
        .iter()
        .map(|c| {
            let t = match c.subnet_type {
                SubnetType::Public => "Public",
                SubnetType::PrivateWithEgress => "Private",
                SubnetType::PrivateIsolated => "Isolated",
            };
            let mask = c
                .cidr_mask
                .map(|m| format!(",\"cidrMask\":{m}"))
                .unwrap_or_default();
            format!("{{\"name\":{:?},\"subnetType\":\"{t}\"{mask}}}", c.name)
        })
        .collect();
    format!("[{}]", items.join(","))
}

impl Vpc {
    /// `{"Ref": <vpc>}`: the VPC ID.
    pub fn vpc_id(&self) -> Value {
        self.0.resource.ref_value()
    }

    /// `{"Fn::GetAtt": [<vpc>, "DefaultSecurityGroup"]}`.
    pub fn vpc_default_security_group(&self) -> Value {
        self.0.resource.get_att("DefaultSecurityGroup")
    }

    /// The L1 `AWS::EC2::VPC`, for overrides.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.0.resource
    }

    /// `{"Ref": <NAT gateway>}` of each NAT gateway, in the order they were made (aws-cdk-lib's
    /// `NatProvider.configuredGateways`).
    pub fn nat_gateway_ids(&self) -> &[Value] {
        &self.0.nat_gateways
    }

    /// The public subnets, zone by zone, group by group.
    pub fn public_subnets(&self) -> &[Subnet] {
        &self.0.public
    }

    /// The private subnets with egress.
    pub fn private_subnets(&self) -> &[Subnet] {
        &self.0.private
    }

    /// The isolated subnets.
    pub fn isolated_subnets(&self) -> &[Subnet] {
        &self.0.isolated
    }

    /// The subnets `selection` picks (aws-cdk-lib's `selectSubnets`); private, else
    /// isolated, else public subnets by default.
    pub fn select_subnets(&self, selection: &SubnetSelection) -> Result<Vec<Subnet>> {
        if let Some(subnets) = &selection.subnets {
            return Ok(subnets.clone());
        }
        let all = || {
            self.0
                .public
                .iter()
                .chain(&self.0.private)
                .chain(&self.0.isolated)
        };
        let picked: Vec<Subnet> = if let Some(group) = &selection.subnet_group_name {
            all().filter(|s| &s.group == group).cloned().collect()
        } else if let Some(t) = selection.subnet_type {
            all().filter(|s| s.subnet_type == t).cloned().collect()
        } else if !self.0.private.is_empty() {
            self.0.private.clone()
        } else if !self.0.isolated.is_empty() {
            self.0.isolated.clone()
        } else {
            self.0.public.clone()
        };
        if picked.is_empty() {
            return Err(Error::validation(
                "NoSubnetsMatchSelection",
                "There are no subnets matching the selection",
                self.0.node.path(),
            ));
        }
        Ok(picked)
    }
}
