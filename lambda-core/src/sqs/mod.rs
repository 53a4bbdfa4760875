//! Amazon SQS: a [`Queue`] with aws-cdk-lib's defaults, checks and grants (aws-cdk-lib's
//! `aws-sqs`), as Lambda dead-letter queues, event sources and destinations use it.

mod key_grant;
mod queue;
mod queue_policy;

pub(crate) use key_grant::grant_on_key;
pub use queue::{DeadLetterQueue, Queue, QueueEncryption};
