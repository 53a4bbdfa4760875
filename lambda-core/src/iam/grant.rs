//! `Grant`: the outcome of giving a principal permissions on a resource, in its identity policy
//! or the resource's policy, decided as aws-cdk-lib's `Grant.addToPrincipalOrResource` decides.

use super::principal::{Conditions, Grantable};
use super::statement::PolicyStatement;
use crate::core::construct::ConstructNode;
use crate::core::value::Value;
use crate::{Pseudo, Result};

/// What a grant added: a statement in the grantee's identity policy, one in the resource's
/// policy, or both (cross-account). Cheap to keep or drop.
#[derive(Clone, Debug, Default)]
pub struct Grant {
    principal_statement: Option<PolicyStatement>,
    resource_statement: Option<PolicyStatement>,
}

impl Grant {
    /// Whether the permission landed in some policy (`grant.success`).
    pub fn success(&self) -> bool {
        self.principal_statement.is_some() || self.resource_statement.is_some()
    }

    /// The statement added to the grantee's identity policy, if any.
    pub fn principal_statement(&self) -> Option<&PolicyStatement> {
        self.principal_statement.as_ref()
    }

    /// The statement given to the resource's policy, if any.
    pub fn resource_statement(&self) -> Option<&PolicyStatement> {
        self.resource_statement.as_ref()
    }
}

/// What to grant, on what.
pub(crate) struct GrantOptions<'a> {
    pub(crate) grantee: &'a dyn Grantable,
    pub(crate) actions: Vec<String>,
    pub(crate) resource_arns: Vec<Value>,
    /// Conditions of the identity-policy statement.
    pub(crate) conditions: Conditions,
    /// The account of the resource (a literal, or a value only known at deployment).
    pub(crate) resource_account: Value,
}

/// Adds the statement to the grantee's identity policy; when the grantee has none, or is in
/// another account than the resource, also hands it to `add_to_resource_policy`. Accounts compare as aws-cdk-lib's `Token.compareStrings`: two literals
/// by value, two deployment-time values as the same account, one of each as different ones.
pub(crate) fn add_to_principal_or_resource(
    options: GrantOptions<'_>,
    add_to_resource_policy: impl FnOnce(PolicyStatement) -> Result<()>,
) -> Result<Grant> {
    let principal = options.grantee.grant_principal();
    let mut identity = PolicyStatement::new()
        .actions(options.actions.iter().map(String::as_str))
        .resources(options.resource_arns.iter().cloned());
    for (op, entries) in &options.conditions.0 {
        for (key, value) in entries {
            identity = identity.condition(op, key, value.clone());
        }
    }
    let added = principal.add_to_principal_policy(identity.clone())?;
    let same_account = principal
        .principal_account()
        .is_some_and(|account| same_account(&options.resource_account, &account));
    let principal_statement = added.then_some(identity);
    if added && same_account {
        return Ok(Grant {
            principal_statement,
            resource_statement: None,
        });
    }
    let statement = PolicyStatement::new()
        .actions(options.actions.iter().map(String::as_str))
        .resources(options.resource_arns.iter().cloned())
        .principal(principal);
    add_to_resource_policy(statement.clone())?;
    Ok(Grant {
        principal_statement,
        resource_statement: Some(statement),
    })
}

fn same_account(a: &Value, b: &Value) -> bool {
    match (a.as_literal_str(), b.as_literal_str()) {
        (Some(a), Some(b)) => a == b,
        (None, None) => true,
        _ => false,
    }
}

/// aws-cdk-lib's `Grant.addToPrincipalOrResource` as a resource with a resource policy calls it
/// (queues, topics, secrets): `actions` on `resource_arns`, the resource's account that of
/// `node`'s stack, no conditions.
pub(crate) fn grant_on_resource(
    node: &ConstructNode,
    grantee: &dyn Grantable,
    actions: &[&str],
    resource_arns: Vec<Value>,
    add_to_resource_policy: impl FnOnce(PolicyStatement) -> Result<()>,
) -> Result<Grant> {
    let account = node
        .stack()
        .map_or_else(|| Pseudo::AccountId.value(), |s| s.account_value());
    add_to_principal_or_resource(
        GrantOptions {
            grantee,
            actions: actions.iter().map(|a| (*a).to_owned()).collect(),
            resource_arns,
            conditions: Conditions::new(),
            resource_account: account,
        },
        add_to_resource_policy,
    )
}

/// aws-cdk-lib's `Grant.addToPrincipal`: the statement goes to the grantee's identity policy
/// only, whatever the accounts (a resource without a resource policy has nowhere else to put it).
pub(crate) fn add_to_principal(
    grantee: &dyn Grantable,
    actions: &[&str],
    resource_arns: Vec<Value>,
) -> Result<Grant> {
    let account = grantee
        .grant_principal()
        .principal_account()
        .unwrap_or_else(|| Pseudo::AccountId.value());
    add_to_principal_or_resource(
        GrantOptions {
            grantee,
            actions: actions.iter().map(|a| (*a).to_owned()).collect(),
            resource_arns,
            conditions: Conditions::new(),
            resource_account: account,
        },
        |_| Ok(()),
    )
}
