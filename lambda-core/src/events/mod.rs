//! Amazon EventBridge: a [`Rule`] that runs on a [`Schedule`] or matches an [`EventPattern`],
//! and its targets ([`targets::LambdaFunction`]), as aws-cdk-lib's `aws-events` and
//! `aws-events-targets` write them.

mod event_pattern;
mod rule;
mod schedule;
pub mod targets;

pub use event_pattern::EventPattern;
pub use rule::{RetryPolicy, Rule, RuleTarget, RuleTargetConfig};
pub use schedule::{CronOptions, Schedule};
