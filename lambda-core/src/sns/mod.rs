//! Amazon SNS: a [`Topic`] with aws-cdk-lib's checks and grants (aws-cdk-lib's `aws-sns`), as
//! Lambda dead-letter targets, destinations and event sources use it.

mod subscription;
mod topic;
mod topic_policy;

pub use subscription::{Subscription, SubscriptionFilter, SubscriptionProtocol};
pub use topic::Topic;
