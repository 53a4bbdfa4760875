//! The few IAM pieces Lambda functions need: roles, policy statements, managed policies.

mod managed_policy;
mod policy_document;
mod role;
mod statement;

pub use managed_policy::ManagedPolicy;
pub use policy_document::PolicyDocument;
pub use role::Role;
pub use statement::{Effect, PolicyStatement, Principal};
