//! `SnsEventSource`: a function subscribed to a topic (aws-cdk-lib's
//! `aws-lambda-event-sources.SnsEventSource` and `aws-sns-subscriptions.LambdaSubscription`).

use super::event_source::{node_unique_id, EventSource};
use super::invocable::Invocable;
use super::permission::Permission;
use crate::core::construct::Construct;
use crate::iam::Principal;
use crate::sns::{Subscription, SubscriptionFilter, SubscriptionProtocol, Topic};
use crate::sqs::Queue;
use crate::{Error, Result};

/// SNS invokes the function with the topic's messages: a permission for `sns.amazonaws.com`
/// from the topic (`AllowInvoke:<topic's unique id>`) and a subscription named after the
/// topic, both under the function.
///
/// ```
/// use lambda_core::lambda::{Code, Function, Runtime, SnsEventSource};
/// use lambda_core::sns::{SubscriptionFilter, Topic};
/// use lambda_core::{App, Stack};
///
/// let app = App::from_env();
/// let stack = Stack::builder().build(&app, "MyStack")?;
/// let f = Function::builder()
///     .runtime(Runtime::NODEJS_22_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
///     .build(&stack, "Fn")?;
/// let topic = Topic::builder().build(&stack, "Orders")?;
/// f.add_event_source(
///     &SnsEventSource::builder(&topic)
///         .filter_policy(vec![("color".into(), SubscriptionFilter::allowlist(["red"]))])
///         .build(),
/// )?;
/// # Ok::<(), lambda_core::Error>(())
/// ```
#[derive(Clone)]
pub struct SnsEventSource {
    topic: Topic,
    filter_policy: Option<Vec<(String, SubscriptionFilter)>>,
    dead_letter_queue: Option<Queue>,
}

#[lambda_builder::builders]
impl SnsEventSource {
    /// A source on `topic`.
    #[builder]
    pub fn new(
        #[builder(start_fn)] topic: &Topic,
        /// Only messages whose attributes meet these conditions, by attribute name.
        filter_policy: Option<Vec<(String, SubscriptionFilter)>>,
        /// Where messages that cannot be delivered go.
        dead_letter_queue: Option<Queue>,
    ) -> Self {
        SnsEventSource {
            topic: topic.clone(),
            filter_policy,
            dead_letter_queue,
        }
    }
}

impl EventSource for SnsEventSource {
    fn bind(&self, target: &dyn Invocable) -> Result<()> {
        let permission_id = format!("AllowInvoke:{}", node_unique_id(&self.topic)?);
        let subscriber = target.node();
        let id = self.topic.node().id();
        if subscriber.try_find_child(&id).is_some() {
            return Err(Error::validation(
                "SubscriptionAlreadyExistsUnder",
                format!(
                    "A subscription with id \"{id}\" already exists under the scope {}",
                    subscriber.path()
                ),
                subscriber.path(),
            ));
        }
        target.add_permission(
            &permission_id,
            Permission {
                source_arn: Some(self.topic.topic_arn()),
                ..Permission::new(Principal::service("sns.amazonaws.com"))
            },
        )?;
        Subscription::builder()
            .topic(&self.topic)
            .protocol(SubscriptionProtocol::Lambda)
            .endpoint(target.function_arn())
            .maybe_filter_policy(self.filter_policy.clone())
            .maybe_dead_letter_queue(self.dead_letter_queue.clone())
            .build(&subscriber, &id)?;
        Ok(())
    }
}
