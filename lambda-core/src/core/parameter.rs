//! Template parameters and outputs.

use super::construct::{Construct, ConstructNode};
use super::element::{add_element, Section};
use super::value::{ElementRef, Target, Value};
use crate::Result;

/// A template parameter (`Parameters` section).
#[derive(Clone)]
pub struct CfnParameter {
    node: ConstructNode,
}

impl Construct for CfnParameter {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl CfnParameter {
    /// A parameter of CloudFormation type `type_name` (`String`, `Number`...).
    pub fn new(scope: &dyn Construct, id: &str, type_name: &str) -> Result<Self> {
        let node = add_element(
            scope,
            id,
            Section::Parameters,
            vec![("Type".into(), type_name.into())],
            "aws-cdk-lib.CfnParameter",
        )?;
        Ok(CfnParameter { node })
    }

    /// `{"Ref": <parameter>}`: its value at deploy time.
    pub fn value(&self) -> Value {
        Value::Ref(Target::Element(ElementRef(self.node.id)))
    }
}

/// A stack output (`Outputs` section).
#[derive(Clone)]
pub struct CfnOutput {
    node: ConstructNode,
}

impl Construct for CfnOutput {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl CfnOutput {
    /// An output named after its logical ID, with `value` and an optional description.
    pub fn new(
        scope: &dyn Construct,
        id: &str,
        value: impl Into<Value>,
        description: Option<&str>,
    ) -> Result<Self> {
        let mut body = Vec::new();
        if let Some(d) = description {
            body.push(("Description".to_owned(), Value::from(d)));
        }
        body.push(("Value".to_owned(), value.into()));
        let node = add_element(scope, id, Section::Outputs, body, "aws-cdk-lib.CfnOutput")?;
        Ok(CfnOutput { node })
    }
}
