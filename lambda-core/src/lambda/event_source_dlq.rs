//! On-failure destinations of stream event sources (aws-cdk-lib's `SqsDlq` and `SnsDlq`):
//! where a batch goes once its retries are exhausted.

use super::invocable::Invocable;
use crate::core::value::Value;
use crate::sns::Topic;
use crate::sqs::Queue;
use crate::Result;

/// A queue that receives the records of a failed batch; the function's role may send to it.
#[derive(Clone)]
pub struct SqsDlq(pub Queue);

/// A topic that receives the records of a failed batch; the function's role may publish to it.
#[derive(Clone)]
pub struct SnsDlq(pub Topic);

/// Where an event source mapping sends a failed batch (`DestinationConfig.OnFailure`).
#[derive(Clone)]
pub enum OnFailureDestination {
    /// An SQS queue.
    Sqs(SqsDlq),
    /// An SNS topic.
    Sns(SnsDlq),
}

impl From<SqsDlq> for OnFailureDestination {
    fn from(d: SqsDlq) -> Self {
        OnFailureDestination::Sqs(d)
    }
}

impl From<SnsDlq> for OnFailureDestination {
    fn from(d: SnsDlq) -> Self {
        OnFailureDestination::Sns(d)
    }
}

impl OnFailureDestination {
    /// Grants `target`'s role what it needs and returns the destination ARN.
    pub(crate) fn bind(&self, target: &dyn Invocable) -> Result<Value> {
        let role = target.role();
        match self {
            OnFailureDestination::Sqs(SqsDlq(queue)) => {
                if let Some(role) = &role {
                    queue.grant_send_messages(role)?;
                }
                Ok(queue.queue_arn())
            }
            OnFailureDestination::Sns(SnsDlq(topic)) => {
                if let Some(role) = &role {
                    topic.grant_publish(role)?;
                }
                Ok(topic.topic_arn())
            }
        }
    }
}
