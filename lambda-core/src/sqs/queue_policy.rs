//! `QueuePolicy`: the `AWS::SQS::QueuePolicy` a queue makes for its first resource-policy
//! statement.

use crate::core::construct::Construct;
use crate::core::element::CfnResource;
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::iam::PolicyDocument;
use crate::Result;

/// A queue's resource policy (construct `Policy` under the queue).
#[derive(Clone)]
pub(crate) struct QueuePolicy {
    pub(crate) document: PolicyDocument,
}

impl QueuePolicy {
    /// Adds `Policy` under `queue`, naming `queue_url` in `Queues`.
    pub(crate) fn create(queue: &dyn Construct, queue_url: Value) -> Result<Self> {
        let node = queue.node().add_child(
            "Policy",
            NodeKind::Construct,
            "aws-cdk-lib.aws_sqs.QueuePolicy",
        )?;
        let document = PolicyDocument::new();
        CfnResource::create(
            &node,
            "Resource",
            "AWS::SQS::QueuePolicy",
            [
                ("PolicyDocument", document.to_value(&node)),
                ("Queues", Value::List(vec![queue_url])),
            ],
        )?;
        Ok(QueuePolicy { document })
    }
}
