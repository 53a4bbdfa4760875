//! `Subscription`: an endpoint subscribed to a topic (`AWS::SNS::Subscription`, aws-cdk-lib's
//! `sns.Subscription`), with a filter policy and a dead-letter queue.

use serde_json::Value as Json;

use super::Topic;
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::iam::{PolicyStatement, Principal};
use crate::sqs::Queue;
use crate::synth::tree_props::TreeProps;
use crate::Result;

/// How a topic delivers to the endpoint (aws-cdk-lib's `SubscriptionProtocol`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SubscriptionProtocol {
    /// A Lambda function (`lambda`).
    Lambda,
    /// An SQS queue (`sqs`).
    Sqs,
    /// An HTTPS URL (`https`).
    Https,
    /// An e-mail address (`email`).
    Email,
}

impl SubscriptionProtocol {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            SubscriptionProtocol::Lambda => "lambda",
            SubscriptionProtocol::Sqs => "sqs",
            SubscriptionProtocol::Https => "https",
            SubscriptionProtocol::Email => "email",
        }
    }
}

/// The conditions one message attribute must meet (aws-cdk-lib's `SubscriptionFilter`).
///
/// ```
/// use lambda_core::sns::SubscriptionFilter;
/// assert_eq!(SubscriptionFilter::allowlist(["red"]).to_json().to_string(), r#"["red"]"#);
/// assert_eq!(
///     SubscriptionFilter::denylist(["blue"]).to_json().to_string(),
///     r#"[{"anything-but":["blue"]}]"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct SubscriptionFilter(Vec<Json>);

impl SubscriptionFilter {
    /// The attribute is one of `values` (`stringFilter({ allowlist })`).
    pub fn allowlist<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Self {
        SubscriptionFilter(values.into_iter().map(|v| Json::from(v.into())).collect())
    }

    /// The attribute is none of `values` (`stringFilter({ denylist })`).
    pub fn denylist<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Self {
        let values: Vec<Json> = values.into_iter().map(|v| Json::from(v.into())).collect();
        SubscriptionFilter(vec![serde_json::json!({ "anything-but": values })])
    }

    /// The attribute starts with one of `prefixes` (`stringFilter({ matchPrefixes })`).
    pub fn prefixes<S: Into<String>>(prefixes: impl IntoIterator<Item = S>) -> Self {
        SubscriptionFilter(
            prefixes
                .into_iter()
                .map(|p| serde_json::json!({ "prefix": p.into() }))
                .collect(),
        )
    }

    /// The attribute is present (`existsFilter()`).
    pub fn exists() -> Self {
        SubscriptionFilter(vec![serde_json::json!({ "exists": true })])
    }

    /// The conditions as JSON.
    pub fn to_json(&self) -> Json {
        Json::Array(self.0.clone())
    }
}

/// An SNS subscription.
#[derive(Clone)]
pub struct Subscription {
    base: ResourceBase,
}

resource_construct! {
    Subscription {
        /// `{"Ref": <subscription>}`: the subscription ARN.
        fn subscription_arn = Ref;
    }
}

/// `tree.json`: filter and redrive policies are JSON (their keys are the user's).
static SUBSCRIPTION_TREE_PROPS: TreeProps = TreeProps {
    json: &["FilterPolicy", "RedrivePolicy"],
    maps: &[],
    ..TreeProps::DEFAULT
};

#[lambda_builder::builders]
impl Subscription {
    /// `endpoint` subscribed to `topic` under `scope`.
    ///
    /// ```
    /// use lambda_core::sns::{Subscription, SubscriptionProtocol, Topic};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let topic = Topic::builder().build(&stack, "Orders")?;
    /// Subscription::builder()
    ///     .topic(&topic)
    ///     .protocol(SubscriptionProtocol::Email)
    ///     .endpoint("ops@example.com")
    ///     .build(&stack, "Ops")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The topic.
        topic: &Topic,
        /// How messages are delivered.
        protocol: SubscriptionProtocol,
        /// Where: a function or queue ARN, a URL, an address.
        #[builder(into)]
        endpoint: Value,
        /// Only messages whose attributes meet these conditions, by attribute name, in order.
        filter_policy: Option<Vec<(String, SubscriptionFilter)>>,
        /// Deliver the raw message, without SNS's JSON envelope (SQS and HTTPS).
        raw_message_delivery: Option<bool>,
        /// Where messages that cannot be delivered go; SNS may send to it.
        dead_letter_queue: Option<Queue>,
    ) -> Result<Self> {
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let mut properties: Vec<(&'static str, Value)> = vec![
                ("Endpoint", endpoint),
                ("Protocol", protocol.as_str().into()),
                ("TopicArn", topic.topic_arn()),
            ];
            if let Some(policy) = filter_policy {
                let policy: serde_json::Map<String, Json> =
                    policy.into_iter().map(|(k, f)| (k, f.to_json())).collect();
                properties.push(("FilterPolicy", Value::from_json(&Json::Object(policy))));
            }
            if let Some(raw) = raw_message_delivery {
                properties.push(("RawMessageDelivery", raw.into()));
            }
            if let Some(queue) = &dead_letter_queue {
                queue.add_to_resource_policy(
                    PolicyStatement::new()
                        .actions(["sqs:SendMessage"])
                        .resources([queue.queue_arn()])
                        .principal(Principal::service("sns.amazonaws.com"))
                        .condition("ArnEquals", "aws:SourceArn", topic.topic_arn()),
                )?;
                properties.push((
                    "RedrivePolicy",
                    Value::object([("deadLetterTargetArn", queue.queue_arn())]),
                ));
            }
            let base = ResourceBase::create(
                scope,
                id,
                "aws-cdk-lib.aws_sns.Subscription",
                "AWS::SNS::Subscription",
                properties,
            )?;
            base.resource.set_tree_props(&SUBSCRIPTION_TREE_PROPS);
            Ok(Subscription { base })
        })
    }
}
