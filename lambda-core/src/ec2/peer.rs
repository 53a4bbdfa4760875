//! `Peer`: the other side of a security group rule (aws-cdk-lib's `ec2.Peer`).

use super::SecurityGroup;
use crate::Value;

/// Where traffic of a rule comes from or goes to.
#[derive(Clone)]
pub enum Peer {
    /// An IPv4 range such as `10.0.0.0/16`.
    Ipv4(String),
    /// Another security group.
    SecurityGroup(SecurityGroup),
}

impl Peer {
    /// An IPv4 range.
    pub fn ipv4(cidr: impl Into<String>) -> Peer {
        Peer::Ipv4(cidr.into())
    }

    /// Any IPv4 address (`0.0.0.0/0`).
    pub fn any_ipv4() -> Peer {
        Peer::Ipv4("0.0.0.0/0".into())
    }

    /// The name aws-cdk-lib uses in rule IDs and descriptions.
    pub(crate) fn unique_id(&self) -> String {
        match self {
            Peer::Ipv4(c) => c.clone(),
            Peer::SecurityGroup(sg) => sg.unique_id(),
        }
    }

    /// `CidrIp` or `SourceSecurityGroupId`/`DestinationSecurityGroupId` of a rule.
    pub(crate) fn rule_entry(&self, ingress: bool) -> (&'static str, Value) {
        match self {
            Peer::Ipv4(c) => ("CidrIp", c.as_str().into()),
            Peer::SecurityGroup(sg) if ingress => ("SourceSecurityGroupId", sg.security_group_id()),
            Peer::SecurityGroup(sg) => ("DestinationSecurityGroupId", sg.security_group_id()),
        }
    }
}
