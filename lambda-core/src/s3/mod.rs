//! S3 buckets, as far as Lambda code and grants need them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::iam::{render_document, PolicyStatement};
use crate::Result;

/// Settings of a [`Bucket`].
#[derive(Clone, Debug, Default)]
pub struct BucketProps {
    /// Keep every version of every object (required for `S3ObjectVersion` code).
    pub versioned: bool,
}

/// An `AWS::S3::Bucket`, retained on removal as aws-cdk-lib does by default.
#[derive(Clone)]
pub struct Bucket {
    node: ConstructNode,
    resource: CfnResource,
    policy: Rc<RefCell<Option<BucketPolicy>>>,
}

#[derive(Clone)]
struct BucketPolicy {
    node: ConstructNode,
    statements: Rc<RefCell<Vec<PolicyStatement>>>,
}

impl Construct for Bucket {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Bucket {
    /// A new bucket under `scope`.
    pub fn new(scope: &dyn Construct, id: &str, props: BucketProps) -> Result<Self> {
        let node = scope
            .node()
            .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_s3.Bucket")?;
        let mut properties = Vec::new();
        if props.versioned {
            properties.push((
                "VersioningConfiguration".to_owned(),
                Value::object([("Status", Value::from("Enabled"))]),
            ));
        }
        let resource = CfnResource::new(&node, "Resource", "AWS::S3::Bucket", properties)?;
        resource.apply_removal_policy(RemovalPolicy::Retain);
        Ok(Bucket {
            node,
            resource,
            policy: Rc::default(),
        })
    }

    /// `{"Ref": <bucket>}`: the bucket name.
    pub fn bucket_name(&self) -> Value {
        self.resource.ref_value()
    }

    /// `{"Fn::GetAtt": [<bucket>, "Arn"]}`.
    pub fn bucket_arn(&self) -> Value {
        self.resource.get_att("Arn")
    }

    /// The ARN of the objects matching `key_pattern` (`<bucket arn>/<pattern>`).
    pub fn arn_for_objects(&self, key_pattern: &str) -> Value {
        Value::join("", [self.bucket_arn(), format!("/{key_pattern}").into()])
    }

    /// Adds a statement to the bucket policy, creating the `AWS::S3::BucketPolicy` on first
    /// use; returns the policy construct, which dependents may wait for.
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) -> Result<ConstructNode> {
        if self.policy.borrow().is_none() {
            let node = self.node.add_child(
                "Policy",
                NodeKind::Construct,
                "aws-cdk-lib.aws_s3.BucketPolicy",
            )?;
            let statements: Rc<RefCell<Vec<PolicyStatement>>> = Rc::default();
            let doc = statements.clone();
            let policy_node = node.id;
            CfnResource::new(
                &node,
                "Resource",
                "AWS::S3::BucketPolicy",
                [
                    ("Bucket".to_owned(), self.bucket_name()),
                    (
                        "PolicyDocument".to_owned(),
                        Value::Lazy(crate::Lazy::new(move |r| {
                            let minimize =
                                r.feature_flag(policy_node, crate::flags::MINIMIZE_POLICIES);
                            Ok(Some(render_document(&doc.borrow(), minimize)))
                        })),
                    ),
                ],
            )?;
            *self.policy.borrow_mut() = Some(BucketPolicy { node, statements });
        }
        let policy = self.policy.borrow();
        let policy = policy.as_ref().expect("created above");
        policy.statements.borrow_mut().push(statement);
        Ok(policy.node.clone())
    }
}
