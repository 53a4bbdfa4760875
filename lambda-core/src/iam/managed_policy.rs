//! AWS managed policies, referred to by name.

use crate::core::value::{Pseudo, Value};

/// A managed policy attached to a role by ARN.
#[derive(Clone, Debug)]
pub struct ManagedPolicy {
    source: Source,
}

/// The name alone for AWS managed policies: every default function role has one, and the ARN is
/// only needed when the template is written.
#[derive(Clone, Debug)]
enum Source {
    AwsManaged(String),
    Arn(Value),
}

impl ManagedPolicy {
    /// An AWS managed policy such as `service-role/AWSLambdaBasicExecutionRole`; its ARN is
    /// built with the partition pseudo parameter, as aws-cdk-lib builds it.
    pub fn from_aws_managed_policy_name(name: &str) -> Self {
        ManagedPolicy {
            source: Source::AwsManaged(name.to_owned()),
        }
    }

    /// A managed policy by its full ARN.
    pub fn from_managed_policy_arn(arn: impl Into<Value>) -> Self {
        ManagedPolicy {
            source: Source::Arn(arn.into()),
        }
    }

    /// The policy ARN.
    pub fn arn(&self) -> Value {
        match &self.source {
            Source::AwsManaged(name) => Value::join(
                "",
                [
                    "arn:".into(),
                    Pseudo::Partition.value(),
                    format!(":iam::aws:policy/{name}").into(),
                ],
            ),
            Source::Arn(arn) => arn.clone(),
        }
    }
}
