//! `SecurityGroup`: an `AWS::EC2::SecurityGroup` with aws-cdk-lib's default egress, inline
//! rules for IP ranges and separate rule resources between groups.

use std::cell::RefCell;
use std::rc::Rc;

use super::{Peer, Port, Vpc};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::logical_id::make_unique_id;
use crate::core::tree::NodeKind;
use crate::{Lazy, Result, Value};

#[derive(Default)]
struct Rules {
    ingress: Vec<Value>,
    egress: Vec<Value>,
    /// An egress rule was added (inline or as its own resource): no placeholder rule then.
    egress_added: bool,
}

/// A security group. Cheap to clone; clones share the group.
#[derive(Clone)]
pub struct SecurityGroup {
    node: ConstructNode,
    resource: CfnResource,
    allow_all_outbound: bool,
    rules: Rc<RefCell<Rules>>,
}

impl Construct for SecurityGroup {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl PartialEq for SecurityGroup {
    fn eq(&self, other: &Self) -> bool {
        self.node.id == other.node.id
    }
}

#[lambda_builder::builders]
impl SecurityGroup {
    /// A security group in `vpc`; all outbound traffic is allowed unless
    /// `allow_all_outbound(false)`.
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The VPC of the group.
        vpc: &Vpc,
        /// `GroupDescription` (the construct path when unset).
        #[builder(into)]
        description: Option<String>,
        /// Allow every outbound IPv4 connection (true when unset).
        allow_all_outbound: Option<bool>,
        /// A fixed name.
        #[builder(into)]
        security_group_name: Option<String>,
        /// Allow every outbound IPv6 connection (false when unset).
        #[builder(default)]
        allow_all_ipv6_outbound: bool,
    ) -> Result<SecurityGroup> {
        Self::create(
            scope,
            id,
            vpc,
            description,
            (allow_all_outbound.unwrap_or(true), allow_all_ipv6_outbound),
            security_group_name,
        )
    }
}

impl SecurityGroup {
    /// The group (tags reach it from its scopes: a file system's `Name`, for one).
    pub(crate) fn create(
        scope: &dyn Construct,
        id: &str,
        vpc: &Vpc,
        description: Option<String>,
        (allow_all_outbound, allow_all_ipv6_outbound): (bool, bool),
        security_group_name: Option<String>,
    ) -> Result<SecurityGroup> {
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = scope.node().add_child(
                id,
                NodeKind::Construct,
                "aws-cdk-lib.aws_ec2.SecurityGroup",
            )?;
            let rules = Rc::new(RefCell::new(Rules::default()));
            if allow_all_outbound {
                rules.borrow_mut().egress.push(Value::object([
                    ("CidrIp", Value::from("0.0.0.0/0")),
                    (
                        "Description",
                        Value::from("Allow all outbound traffic by default"),
                    ),
                    ("IpProtocol", Value::from("-1")),
                ]));
            }
            if allow_all_ipv6_outbound {
                rules.borrow_mut().egress.push(Value::object([
                    ("CidrIpv6", Value::from("::/0")),
                    (
                        "Description",
                        Value::from("Allow all outbound ipv6 traffic by default"),
                    ),
                    ("IpProtocol", Value::from("-1")),
                ]));
            }
            let mut properties: Vec<(&'static str, Value)> = vec![(
                "GroupDescription",
                description.unwrap_or_else(|| node.path()).into(),
            )];
            if let Some(name) = security_group_name {
                properties.push(("GroupName", name.into()));
            }
            let (ingress, egress) = (rules.clone(), rules.clone());
            properties.push((
                "SecurityGroupEgress",
                Lazy::new(move |_| {
                    let rules = egress.borrow();
                    let egress = &rules.egress;
                    if egress.is_empty() && rules.egress_added {
                        return Ok(None);
                    }
                    // aws-cdk-lib's placeholder: a rule that matches no traffic.
                    Ok(Some(if egress.is_empty() {
                        Value::list([Value::object([
                            ("CidrIp", Value::from("255.255.255.255/32")),
                            ("Description", Value::from("Disallow all traffic")),
                            ("FromPort", Value::from(252)),
                            ("IpProtocol", Value::from("icmp")),
                            ("ToPort", Value::from(86)),
                        ])])
                    } else {
                        Value::list(egress.iter().cloned())
                    }))
                })
                .into(),
            ));
            properties.push((
                "SecurityGroupIngress",
                Lazy::new(move |_| {
                    let ingress = &ingress.borrow().ingress;
                    Ok((!ingress.is_empty()).then(|| Value::list(ingress.iter().cloned())))
                })
                .into(),
            ));
            properties.push(("VpcId", vpc.vpc_id()));
            let resource =
                CfnResource::create(&node, "Resource", "AWS::EC2::SecurityGroup", properties)?;
            Ok(SecurityGroup {
                node,
                resource,
                allow_all_outbound,
                rules,
            })
        })
    }

    /// `{"Fn::GetAtt": [<group>, "GroupId"]}`.
    pub fn security_group_id(&self) -> Value {
        self.resource.get_att("GroupId")
    }

    /// The L1 `AWS::EC2::SecurityGroup`, for overrides.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.resource
    }

    /// This group as `Connections` (no default port), to open connections with.
    pub fn connections(&self) -> super::Connections {
        super::Connections::new(vec![self.clone()], None)
    }

    /// Whether all outbound traffic is allowed.
    pub fn allow_all_outbound(&self) -> bool {
        self.allow_all_outbound
    }

    /// aws-cdk-lib's `Names.uniqueId` of the group.
    pub(crate) fn unique_id(&self) -> String {
        let path = self.node.path();
        let parts: Vec<&str> = path.split('/').collect();
        make_unique_id(&parts).unwrap_or(path.clone())
    }

    fn rule(&self, peer: &Peer, port: &Port, ingress: bool, description: String) -> Value {
        let mut entries: Vec<(&'static str, Value)> = port.rule_json();
        entries.push(peer.rule_entry(ingress));
        entries.push(("Description", description.into()));
        entries.sort_by_key(|(k, _)| *k);
        Value::object(entries)
    }

    /// Allows traffic from `peer` on `port`: inline for an IP range, an
    /// `AWS::EC2::SecurityGroupIngress` under this group for another group.
    pub fn add_ingress_rule(&self, peer: &Peer, port: &Port) -> Result<()> {
        let description = format!("from {}:{port}", peer.unique_id());
        match peer {
            Peer::Ipv4(_) => {
                let rule = self.rule(peer, port, true, description);
                self.rules.borrow_mut().ingress.push(rule);
            }
            Peer::SecurityGroup(_) => {
                if self.node.try_find_child(&description).is_some() {
                    return Ok(());
                }
                let mut entries: Vec<(&'static str, Value)> = port.rule_json();
                entries.push(peer.rule_entry(true));
                entries.push(("Description", description.as_str().into()));
                entries.push(("GroupId", self.security_group_id()));
                entries.sort_by_key(|(k, _)| *k);
                CfnResource::create(
                    &self.node,
                    &description,
                    "AWS::EC2::SecurityGroupIngress",
                    entries,
                )?;
            }
        }
        Ok(())
    }

    /// Allows traffic to `peer` on `port`; ignored (with aws-cdk-lib's warning) when all
    /// outbound traffic is already allowed.
    pub fn add_egress_rule(&self, peer: &Peer, port: &Port) -> Result<()> {
        if self.allow_all_outbound {
            self.node.add_warning_v2(
                "@aws-cdk/aws-ec2:ipv4IgnoreEgressRule",
                "Ignoring Egress rule since 'allowAllOutbound' is set to true; To add customized rules, set allowAllOutbound=false on the SecurityGroup",
            );
            return Ok(());
        }
        self.rules.borrow_mut().egress_added = true;
        let description = format!("to {}:{port}", peer.unique_id());
        match peer {
            Peer::Ipv4(_) => {
                let rule = self.rule(peer, port, false, description);
                self.rules.borrow_mut().egress.push(rule);
            }
            Peer::SecurityGroup(_) => {
                if self.node.try_find_child(&description).is_some() {
                    return Ok(());
                }
                let mut entries: Vec<(&'static str, Value)> = port.rule_json();
                entries.push(peer.rule_entry(false));
                entries.push(("Description", description.as_str().into()));
                entries.push(("GroupId", self.security_group_id()));
                entries.sort_by_key(|(k, _)| *k);
                CfnResource::create(
                    &self.node,
                    &description,
                    "AWS::EC2::SecurityGroupEgress",
                    entries,
                )?;
            }
        }
        Ok(())
    }
}
