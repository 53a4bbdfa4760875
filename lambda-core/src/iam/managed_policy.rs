//! AWS managed policies, referred to by name.

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
        ManagedPolicy {
            arn: Value::join(
                "",
                [
                    "arn:".into(),
                    Pseudo::Partition.value(),
                    format!(":iam::aws:policy/{name}").into(),
                ],
            ),
        }
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
