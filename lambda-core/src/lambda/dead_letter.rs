//! A function's dead-letter target (aws-cdk-lib's `deadLetterQueueEnabled`,
//! `deadLetterQueue`, `deadLetterTopic`): where Lambda sends asynchronous events it gave up on.

use std::time::Duration;

use super::rules::ErrorPath;
use crate::core::construct::ConstructNode;
use crate::core::value::Value;
use crate::iam::PolicyStatement;
use crate::sns::Topic;
use crate::sqs::Queue;
use crate::{Error, Result};

/// Retention of the queue `dead_letter_queue_enabled` creates: 14 days.
const AUTO_QUEUE_RETENTION: Duration = Duration::from_secs(14 * 86_400);

/// The dead-letter props a function was given.
pub(crate) struct DeadLetterProps {
    pub(crate) enabled: Option<bool>,
    pub(crate) queue: Option<Queue>,
    pub(crate) topic: Option<Topic>,
}

/// Where a function's failed asynchronous events go.
#[derive(Clone)]
pub(crate) enum DeadLetterTarget {
    Queue(Queue),
    Topic(Topic),
}

impl DeadLetterProps {
    /// aws-cdk-lib's checks of the three props together (before anything is built).
    pub(crate) fn check(&self, path: &ErrorPath) -> Result<()> {
        lambda_spec::validate_dead_letter(lambda_spec::DeadLetterProps {
            enabled: self.enabled,
            queue: self.queue.is_some(),
            topic: self.topic.is_some(),
        })
        .map_err(|e| Error::spec(e, path.get()))
    }

    /// The target: the topic, the queue, or a new queue `DeadLetterQueue` under the function
    /// (14 days' retention) when only `enabled` is set.
    pub(crate) fn build(self, function: &ConstructNode) -> Result<Option<DeadLetterTarget>> {
        if let Some(topic) = self.topic {
            return Ok(Some(DeadLetterTarget::Topic(topic)));
        }
        if let Some(queue) = self.queue {
            return Ok(Some(DeadLetterTarget::Queue(queue)));
        }
        if self.enabled != Some(true) {
            return Ok(None);
        }
        let queue = Queue::builder()
            .retention_period(AUTO_QUEUE_RETENTION)
            .build(function, "DeadLetterQueue")?;
        Ok(Some(DeadLetterTarget::Queue(queue)))
    }
}

impl DeadLetterTarget {
    /// `DeadLetterConfig` of the function.
    pub(crate) fn config(&self) -> Value {
        Value::object([("TargetArn", self.arn())])
    }

    /// What the execution role needs to deliver to the target.
    pub(crate) fn statement(&self) -> PolicyStatement {
        let action = match self {
            DeadLetterTarget::Queue(_) => "sqs:SendMessage",
            DeadLetterTarget::Topic(_) => "sns:Publish",
        };
        PolicyStatement::new()
            .actions([action])
            .resources([self.arn()])
    }

    fn arn(&self) -> Value {
        match self {
            DeadLetterTarget::Queue(q) => q.queue_arn(),
            DeadLetterTarget::Topic(t) => t.topic_arn(),
        }
    }
}
