//! Amazon ECR repositories, as far as container-image functions need them (aws-cdk-lib's
//! `aws-ecr`): a repository of the stack or one imported by name, its image URIs, and the pull
//! grant Lambda needs.

mod repository;

pub use repository::{Repository, RepositoryRef, TagMutability};
