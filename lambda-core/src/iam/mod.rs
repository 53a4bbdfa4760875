//! The few IAM pieces Lambda functions need: roles, principals, grants, policy statements,
//! managed policies.

mod grant;
mod managed_policy;
mod policy_document;
mod principal;
mod role;
mod statement;

pub use grant::Grant;
pub(crate) use grant::{
    add_to_principal, add_to_principal_or_resource, grant_on_resource, GrantOptions,
};
pub use managed_policy::ManagedPolicy;
pub use policy_document::PolicyDocument;
pub use principal::{Conditions, Grantable, Principal};
pub use role::Role;
pub use statement::{Effect, PolicyStatement};
