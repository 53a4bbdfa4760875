//! `Connections`: who may talk to whom, over which port (aws-cdk-lib's `ec2.Connections`).

use super::{Peer, Port, SecurityGroup};
use crate::Result;

/// The security groups of a resource and its default port; opening a connection adds the
/// ingress rule on one side and the egress rule on the other.
#[derive(Clone, Default)]
pub struct Connections {
    /// The groups traffic is allowed through.
    pub security_groups: Vec<SecurityGroup>,
    /// The port used by `allow_default_port_from`.
    pub default_port: Option<Port>,
}

impl Connections {
    /// Connections through `security_groups`.
    pub fn new(security_groups: Vec<SecurityGroup>, default_port: Option<Port>) -> Self {
        Connections {
            security_groups,
            default_port,
        }
    }

    /// Lets `other` reach this on `port`: an ingress rule here, an egress rule there.
    pub fn allow_from(&self, other: &Connections, port: &Port) -> Result<()> {
        for mine in &self.security_groups {
            for theirs in &other.security_groups {
                mine.add_ingress_rule(&Peer::SecurityGroup(theirs.clone()), port)?;
            }
        }
        for theirs in &other.security_groups {
            for mine in &self.security_groups {
                theirs.add_egress_rule(&Peer::SecurityGroup(mine.clone()), port)?;
            }
        }
        Ok(())
    }

    /// Lets this reach `other` on `port` (the same rules as `other.allow_from(self, port)`).
    pub fn allow_to(&self, other: &Connections, port: &Port) -> Result<()> {
        other.allow_from(self, port)
    }

    /// Lets `other` reach this on its default port (nothing when there is none).
    pub fn allow_default_port_from(&self, other: &Connections) -> Result<()> {
        match &self.default_port {
            Some(port) => self.allow_from(other, port),
            None => Ok(()),
        }
    }
}
