//! KMS keys, as far as Lambda functions use them.

use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::tree::NodeKind;
use crate::core::value::{Pseudo, Value};
use crate::iam::{render_document, PolicyStatement, Principal};
use crate::Result;

/// A customer managed `AWS::KMS::Key` with aws-cdk-lib's default key policy (the account's
/// root may do everything), retained on removal.
#[derive(Clone)]
pub struct Key {
    node: ConstructNode,
    resource: CfnResource,
}

impl Construct for Key {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Key {
    /// A new key under `scope`.
    pub fn new(scope: &dyn Construct, id: &str) -> Result<Self> {
        let node = scope
            .node()
            .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_kms.Key")?;
        let root = PolicyStatement::new()
            .actions(["kms:*"])
            .principal(Principal::AccountRoot(Pseudo::AccountId.value()))
            .resources(["*"]);
        let resource = CfnResource::new(
            &node,
            "Resource",
            "AWS::KMS::Key",
            [("KeyPolicy".to_owned(), render_document(&[root], false))],
        )?;
        resource.apply_removal_policy(RemovalPolicy::Retain);
        Ok(Key { node, resource })
    }

    /// `{"Fn::GetAtt": [<key>, "Arn"]}`.
    pub fn key_arn(&self) -> Value {
        self.resource.get_att("Arn")
    }
}
