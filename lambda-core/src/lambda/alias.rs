//! `Alias`: a stable name pointing at a function version.

use super::function::Function;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::Result;

/// An `AWS::Lambda::Alias`.
#[derive(Clone)]
pub struct Alias {
    node: ConstructNode,
    resource: CfnResource,
    lambda: Function,
}

impl Construct for Alias {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Alias {
    /// An alias `alias_name` of `function` pointing at `function_version` (a [`Version`](super::Version)'s
    /// `version()`, or `"$LATEST"`).
    pub fn new(
        scope: &dyn Construct,
        id: &str,
        alias_name: &str,
        function: &Function,
        function_version: Value,
        description: Option<&str>,
    ) -> Result<Self> {
        let node =
            scope
                .node()
                .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_lambda.Alias")?;
        let mut properties: Vec<(String, Value)> = Vec::new();
        if let Some(d) = description {
            properties.push(("Description".into(), d.into()));
        }
        properties.push(("FunctionName".into(), function.function_name()));
        properties.push(("FunctionVersion".into(), function_version));
        properties.push(("Name".into(), alias_name.into()));
        let resource = CfnResource::new(&node, "Resource", "AWS::Lambda::Alias", properties)?;
        Ok(Alias {
            node,
            resource,
            lambda: function.clone(),
        })
    }

    /// `{"Ref": <alias>}`: the alias ARN.
    pub fn alias_arn(&self) -> Value {
        self.resource.ref_value()
    }

    /// The function the alias belongs to (aws-cdk-lib's `alias.lambda`).
    pub fn lambda(&self) -> &Function {
        &self.lambda
    }

    /// The L1 `AWS::Lambda::Alias`.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.resource
    }
}
