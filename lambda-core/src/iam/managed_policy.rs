//! AWS managed policies, referred to by name.

use std::cell::RefCell;

use crate::core::value::{Pseudo, Value};

/// A managed policy attached to a role by ARN.
#[derive(Clone, Debug)]
pub struct ManagedPolicy {
    arn: Value,
}

impl ManagedPolicy {
    /// An AWS managed policy such as `service-role/AWSLambdaBasicExecutionRole`; its ARN is
    /// built with the partition pseudo parameter, as aws-cdk-lib builds it.
    pub fn from_aws_managed_policy_name(name: &str) -> Self {
        // Every default function role attaches the same policy: its ARN is built once.
        thread_local! {
            static ARNS: RefCell<Vec<(String, Value)>> = const { RefCell::new(Vec::new()) };
        }
        let arn = ARNS.with_borrow_mut(|arns| {
            if let Some((_, arn)) = arns.iter().find(|(n, _)| n == name) {
                return arn.clone();
            }
            let arn = Value::shared(Value::join(
                "",
                [
                    "arn:".into(),
                    Pseudo::Partition.value(),
                    format!(":iam::aws:policy/{name}").into(),
                ],
            ));
            arns.push((name.to_owned(), arn.clone()));
            arn
        });
        ManagedPolicy { arn }
    }

    /// A managed policy by its full ARN.
    pub fn from_managed_policy_arn(arn: impl Into<Value>) -> Self {
        ManagedPolicy { arn: arn.into() }
    }

    /// The policy ARN.
    pub fn arn(&self) -> Value {
        self.arn.clone()
    }
}
