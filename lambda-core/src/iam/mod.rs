//! The few IAM pieces Lambda functions need: roles, policy statements, managed policies.

mod managed_policy;
mod role;
mod statement;

pub use managed_policy::ManagedPolicy;
pub use role::{Role, RoleProps};
pub(crate) use statement::render_document;
pub use statement::{Effect, PolicyStatement, Principal};
