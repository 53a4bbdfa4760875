//! `Version`: a published, immutable snapshot of a function.

use super::function::Function;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::Result;

/// Optional settings of a [`Version`].
#[derive(Clone, Debug, Default)]
pub struct VersionProps {
    /// `CodeSha256` the deployed code must have.
    pub code_sha256: Option<String>,
    /// `Description` of the version.
    pub description: Option<String>,
    /// What happens to the version when it is replaced (kept when unset).
    pub removal_policy: Option<RemovalPolicy>,
}

/// An `AWS::Lambda::Version`.
#[derive(Clone)]
pub struct Version {
    node: ConstructNode,
    resource: CfnResource,
}

impl Construct for Version {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Version {
    /// A version of `function` under `scope`.
    pub fn new(scope: &dyn Construct, id: &str, function: &Function, props: VersionProps) -> Result<Self> {
        let node = scope
            .node()
            .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_lambda.Version")?;
        let mut properties: Vec<(String, Value)> = Vec::new();
        if let Some(sha) = props.code_sha256 {
            properties.push(("CodeSha256".into(), sha.into()));
        }
        if let Some(d) = props.description {
            properties.push(("Description".into(), d.into()));
        }
        properties.push(("FunctionName".into(), function.function_name()));
        let resource = CfnResource::new(&node, "Resource", "AWS::Lambda::Version", properties)?;
        if let Some(policy) = props.removal_policy {
            resource.apply_removal_policy(policy);
        }
        // Versions are immutable: CDK's refactoring support must never move them.
        resource.add_metadata("aws:cdk:do-not-refactor", true);
        Ok(Version { node, resource })
    }

    /// The L1 `AWS::Lambda::Version`.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.resource
    }

    /// `{"Ref": <version>}`: the version ARN.
    pub fn version_arn(&self) -> Value {
        self.resource.ref_value()
    }

    /// `{"Fn::GetAtt": [<version>, "Version"]}`: the version number.
    pub fn version(&self) -> Value {
        self.resource.get_att("Version")
    }
}
