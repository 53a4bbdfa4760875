//! S3 buckets, as far as Lambda code, grants and event notifications need them.

mod notifications;
mod notifications_handler;

pub use notifications::{EventType, NotificationKeyFilter};
pub use notifications_handler::NOTIFICATIONS_HANDLER_SOURCE;

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::iam::{PolicyDocument, PolicyStatement};
use crate::Result;

/// An `AWS::S3::Bucket`, retained on removal as aws-cdk-lib does by default.
#[derive(Clone)]
pub struct Bucket {
    base: ResourceBase,
    policy: Rc<RefCell<Option<BucketPolicy>>>,
    /// `Notifications`, made by the first event notification.
    notifications: Rc<RefCell<Option<notifications::BucketNotifications>>>,
}

/// The bucket's `AWS::S3::BucketPolicy`, made on the first statement.
#[derive(Clone)]
struct BucketPolicy {
    node: ConstructNode,
    document: PolicyDocument,
}

resource_construct! {
    Bucket {
        /// `{"Ref": <bucket>}`: the bucket name.
        fn bucket_name = Ref;
        /// `{"Fn::GetAtt": [<bucket>, "Arn"]}`.
        fn bucket_arn = GetAtt("Arn");
    }
}

#[lambda_builder::builders]
impl Bucket {
    /// A new bucket under `scope`.
    ///
    /// ```
    /// use lambda_core::s3::Bucket;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let bucket = Bucket::builder().versioned(true).build(&stack, "Code")?;
    /// # let _ = bucket;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// Keep every version of every object (required for `S3ObjectVersion` code).
        #[builder(default)]
        versioned: bool,
        /// What happens to the bucket when it leaves the stack; retained when unset, as in
        /// aws-cdk-lib.
        #[builder(default = RemovalPolicy::Retain)]
        removal_policy: RemovalPolicy,
    ) -> Result<Self> {
        let mut properties = Vec::new();
        if versioned {
            properties.push((
                "VersioningConfiguration",
                Value::object([("Status", Value::from("Enabled"))]),
            ));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_s3.Bucket",
            "AWS::S3::Bucket",
            properties,
        )?;
        base.resource.apply_removal_policy(removal_policy);
        Ok(Bucket {
            base,
            policy: Rc::default(),
            notifications: Rc::default(),
        })
    }
}

impl Bucket {
    /// The ARN of the objects matching `key_pattern` (`<bucket arn>/<pattern>`).
    pub fn arn_for_objects(&self, key_pattern: &str) -> Value {
        Value::join("", [self.bucket_arn(), format!("/{key_pattern}").into()])
    }

    /// Adds a statement to the bucket policy, creating the `AWS::S3::BucketPolicy` on first
    /// use; returns the policy construct, which dependents may wait for.
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) -> Result<ConstructNode> {
        if self.policy.borrow().is_none() {
            let node = self.base.node.add_child(
                "Policy",
                NodeKind::Construct,
                "aws-cdk-lib.aws_s3.BucketPolicy",
            )?;
            let document = PolicyDocument::new();
            CfnResource::create(
                &node,
                "Resource",
                "AWS::S3::BucketPolicy",
                [
                    ("Bucket", self.bucket_name()),
                    ("PolicyDocument", document.to_value(&node)),
                ],
            )?;
            *self.policy.borrow_mut() = Some(BucketPolicy { node, document });
        }
        let policy = self.policy.borrow();
        let policy = policy.as_ref().expect("created above");
        policy.document.add_statements([statement]);
        Ok(policy.node.clone())
    }
}
