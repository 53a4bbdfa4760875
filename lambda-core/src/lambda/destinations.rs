//! Destinations of asynchronous invocations (aws-cdk-lib's `aws-lambda-destinations`): where
//! Lambda sends the record of an invocation that succeeded or failed.

use super::invocable::{stack_env, Invocable};
use crate::core::construct::ConstructNode;
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::iam::{add_to_principal_or_resource, Conditions, GrantOptions, Grantable};
use crate::sns::Topic;
use crate::sqs::Queue;
use crate::{Pseudo, Result};

/// Where the record of an asynchronous invocation goes.
#[derive(Clone)]
pub enum Destination {
    /// An SQS queue (`SqsDestination`); the function may send to it.
    Queue(Queue),
    /// An SNS topic (`SnsDestination`); the function may publish to it.
    Topic(Topic),
    /// Another function (`LambdaDestination`); the function may invoke it.
    Function(super::Function),
    /// The account's default event bus (`EventBridgeDestination` without a bus); the function
    /// may put events on it.
    DefaultEventBus,
}

impl From<Queue> for Destination {
    fn from(q: Queue) -> Self {
        Destination::Queue(q)
    }
}

impl From<Topic> for Destination {
    fn from(t: Topic) -> Self {
        Destination::Topic(t)
    }
}

impl From<super::Function> for Destination {
    fn from(f: super::Function) -> Self {
        Destination::Function(f)
    }
}

impl Destination {
    /// Grants `function` what it needs and returns the destination ARN; `scope` is the invoke
    /// config (where the default event bus is imported).
    pub(crate) fn bind(&self, scope: &ConstructNode, function: &dyn Invocable) -> Result<Value> {
        let role = function.role();
        match self {
            Destination::Queue(queue) => {
                if let Some(role) = &role {
                    queue.grant_send_messages(role)?;
                }
                Ok(queue.queue_arn())
            }
            Destination::Topic(topic) => {
                if let Some(role) = &role {
                    topic.grant_publish(role)?;
                }
                Ok(topic.topic_arn())
            }
            Destination::Function(target) => {
                if let Some(role) = &role {
                    target.grant_invoke(role)?;
                }
                Ok(target.function_arn())
            }
            Destination::DefaultEventBus => {
                if scope.try_find_child("DefaultEventBus").is_none() {
                    scope.add_child(
                        "DefaultEventBus",
                        NodeKind::Construct,
                        "aws-cdk-lib.Resource",
                    )?;
                }
                let (account, region) = stack_env(&function.node());
                let arn = Value::join(
                    "",
                    [
                        "arn:".into(),
                        Pseudo::Partition.value(),
                        ":events:".into(),
                        region,
                        ":".into(),
                        account.clone(),
                        ":event-bus/default".into(),
                    ],
                );
                if let Some(role) = &role {
                    add_to_principal_or_resource(
                        GrantOptions {
                            grantee: role as &dyn Grantable,
                            actions: vec!["events:PutEvents".to_owned()],
                            resource_arns: vec![arn.clone()],
                            conditions: Conditions::new(),
                            resource_account: account,
                        },
                        |_| Ok(()),
                    )?;
                }
                Ok(arn)
            }
        }
    }
}
