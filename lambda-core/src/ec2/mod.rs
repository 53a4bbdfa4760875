//! Amazon EC2 networking for functions in a VPC: `Vpc` with its subnets, route tables and
//! gateways as aws-cdk-lib's `ec2.Vpc` builds them, `SecurityGroup`, `Peer`, `Port` and
//! `Connections`.

mod cidr;
mod connections;
mod peer;
mod restrict_default_sg;
mod security_group;
mod subnet;
mod vpc;

pub use connections::Connections;
pub use peer::Peer;
pub use security_group::SecurityGroup;
pub use subnet::{Subnet, SubnetConfiguration, SubnetSelection, SubnetType};
pub use vpc::{IpAddresses, IpProtocol, Vpc};

/// A TCP/UDP/ICMP port range of a security group rule (aws-cdk-lib's `ec2.Port`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Port {
    protocol: &'static str,
    from: Option<i64>,
    to: Option<i64>,
    label: String,
}

impl Port {
    /// One TCP port.
    pub fn tcp(port: u16) -> Port {
        Port {
            protocol: "tcp",
            from: Some(port.into()),
            to: Some(port.into()),
            label: port.to_string(),
        }
    }

    /// A range of TCP ports.
    pub fn tcp_range(from: u16, to: u16) -> Port {
        Port {
            protocol: "tcp",
            from: Some(from.into()),
            to: Some(to.into()),
            label: format!("{from}-{to}"),
        }
    }

    /// Every TCP port.
    pub fn all_tcp() -> Port {
        Port {
            protocol: "tcp",
            from: Some(0),
            to: Some(65535),
            label: "ALL PORTS".into(),
        }
    }

    /// One UDP port.
    pub fn udp(port: u16) -> Port {
        Port {
            protocol: "udp",
            from: Some(port.into()),
            to: Some(port.into()),
            label: format!("UDP {port}"),
        }
    }

    /// All traffic, every protocol.
    pub fn all_traffic() -> Port {
        Port {
            protocol: "-1",
            from: None,
            to: None,
            label: "ALL TRAFFIC".into(),
        }
    }

    /// `IpProtocol`, `FromPort`, `ToPort` of a rule, in that order of keys.
    pub(crate) fn rule_json(&self) -> Vec<(&'static str, crate::Value)> {
        let mut v: Vec<(&'static str, crate::Value)> = Vec::new();
        if let Some(f) = self.from {
            v.push(("FromPort", f.into()));
        }
        v.push(("IpProtocol", self.protocol.into()));
        if let Some(t) = self.to {
            v.push(("ToPort", t.into()));
        }
        v
    }
}

impl std::fmt::Display for Port {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}
