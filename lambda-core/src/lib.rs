//! Run time of lambda-cdk: the construct tree, values, synthesis of a CDK cloud assembly,
//! assets, and the Lambda constructs with the few IAM/S3/KMS/logs pieces they need.
//!
//! Templates match what aws-cdk-lib 2.276.0 writes for the same app, logical IDs included.
#![deny(missing_docs)]

pub mod applicationautoscaling;
pub mod assets;
pub mod cloudwatch;
pub mod codeguruprofiler;
mod core;
pub mod dynamodb;
pub mod ec2;
pub mod ecr;
pub mod efs;
mod error;
pub mod events;
pub mod iam;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod s3;
pub mod secretsmanager;
pub mod signer;
mod size;
pub mod sns;
pub mod sqs;
pub mod ssm;
pub mod synth;

/// What `lambda-cdk`'s generated code names (not an API).
#[doc(hidden)]
pub mod __private {
    pub use lambda_builder::Builder;
}
mod temp;

pub use crate::core::app::{App, CONTEXT_ENV, CONTEXT_OVERFLOW_ENV, DEFAULT_OUTDIR, OUTDIR_ENV};
pub use crate::core::construct::{Construct, ConstructNode, Scope};
pub use crate::core::element::{CfnResource, RemovalPolicy};
pub use crate::core::flags;
pub use crate::core::logical_id;
pub use crate::core::mapping::{regional_fact, CfnMapping, TARGET_PARTITIONS};
pub use crate::core::parameter::{CfnOutput, CfnParameter};
pub use crate::core::resolve::Resolver;
pub use crate::core::stack::{Environment, Stack, DEFAULT_MAX_RESOURCES, STACK_RESOURCE_LIMIT};
pub use crate::core::tags::{StackTags, Tags};
pub use crate::core::value::{ElementRef, Lazy, Pseudo, Target, Value};
pub use error::{Error, Result};
pub use size::Size;
pub use synth::{CloudAssembly, StackArtifact};
