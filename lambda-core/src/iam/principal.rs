//! IAM principals as aws-cdk-lib models them: who a statement is about, how it reads as a string
//! (`toString()`, which grant IDs hash) and which conditions come with it.

use std::fmt;

use serde_json::Value as Json;

use super::role::Role;
use super::statement::PolicyStatement;
use crate::core::construct::Construct;
use crate::core::value::Value;
use crate::{Pseudo, Result};

/// IAM conditions: operator -> (key -> value), both levels in the order given
/// (aws-cdk-lib's `Conditions`), e.g. `ArnLike: {"aws:SourceArn": "arn:..."}`.
#[derive(Clone, Debug, Default)]
pub struct Conditions(pub Vec<(String, Vec<(String, Value)>)>);

impl Conditions {
    /// No conditions.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `operator: {key: value}`; a key already under that operator is replaced in place.
    pub fn with(mut self, operator: &str, key: &str, value: impl Into<Value>) -> Self {
        self.insert(operator, key, value.into());
        self
    }

    fn insert(&mut self, operator: &str, key: &str, value: Value) {
        let entries = match self.0.iter_mut().position(|(op, _)| op == operator) {
            Some(i) => &mut self.0[i].1,
            None => {
                self.0.push((operator.to_owned(), Vec::new()));
                &mut self.0.last_mut().expect("just pushed").1
            }
        };
        match entries.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => entries.push((key.to_owned(), value)),
        }
    }

    /// Whether there is no condition at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of `operator: {key: ...}`, if set.
    pub fn get(&self, operator: &str, key: &str) -> Option<&Value> {
        let (_, entries) = self.0.iter().find(|(op, _)| op == operator)?;
        entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// `{ ...self, ...other }` per operator, as `PrincipalWithConditions` merges them.
    fn merged(&self, other: &Conditions) -> Conditions {
        let mut out = self.clone();
        for (op, entries) in &other.0 {
            for (key, value) in entries {
                out.insert(op, key, value.clone());
            }
        }
        out
    }

    /// `JSON.stringify` of the conditions, as aws-cdk-lib hashes them into grant IDs. Literal
    /// values are written as JSON; a value only known at deployment has no stable string form in
    /// aws-cdk-lib either (it is a random token), so its debug form stands in.
    pub(crate) fn to_json(&self) -> Json {
        Json::Object(
            self.0
                .iter()
                .map(|(op, entries)| {
                    let inner = entries
                        .iter()
                        .map(|(k, v)| (k.clone(), literal_json(v)))
                        .collect();
                    (op.clone(), Json::Object(inner))
                })
                .collect(),
        )
    }
}

fn literal_json(value: &Value) -> Json {
    match value {
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Number(n.clone()),
        Value::String(s) => Json::String(s.clone()),
        Value::List(items) => Json::Array(items.iter().map(literal_json).collect()),
        Value::Object(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), literal_json(v)))
                .collect(),
        ),
        Value::Shared(v) => literal_json(v),
        other => Json::String(format!("{other:?}")),
    }
}

/// Who a policy statement is about (aws-cdk-lib's `IPrincipal` implementations).
///
/// Principals without a policy of their own (services, accounts, organizations) are granted
/// through the resource's policy (for Lambda, an `AWS::Lambda::Permission`); a [`Role`] is
/// granted through its own identity policy.
#[derive(Clone)]
#[non_exhaustive]
pub enum Principal {
    /// An AWS service, e.g. `lambda.amazonaws.com` (`ServicePrincipal`).
    Service(String),
    /// An AWS service with conditions (`new ServicePrincipal(name, { conditions })`).
    ServiceWithConditions(String, Conditions),
    /// An AWS account (`AccountPrincipal`), rendered as its root ARN.
    Account(String),
    /// The root of the account given as a value, e.g. `{"Ref": "AWS::AccountId"}`
    /// (`AccountRootPrincipal`).
    AccountRoot(Value),
    /// Any principal identified by ARN (`ArnPrincipal`).
    Arn(String),
    /// Every identity of an AWS Organization (`OrganizationPrincipal`): `{"AWS": "*"}` with the
    /// condition `StringEquals aws:PrincipalOrgID`.
    Organization(String),
    /// Another principal with extra conditions (`PrincipalWithConditions`, from
    /// [`Principal::with_conditions`] or [`Principal::in_organization`]).
    WithConditions(Box<Principal>, Conditions),
    /// Several principals at once (`CompositePrincipal`).
    Composite(Vec<Principal>),
    /// An IAM role of this app: grants go to its DefaultPolicy.
    Role(Role),
}

impl fmt::Debug for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Principal::Service(s) => write!(f, "Service({s:?})"),
            Principal::ServiceWithConditions(s, c) => write!(f, "Service({s:?}, {c:?})"),
            Principal::Account(a) => write!(f, "Account({a:?})"),
            Principal::AccountRoot(v) => write!(f, "AccountRoot({v:?})"),
            Principal::Arn(a) => write!(f, "Arn({a:?})"),
            Principal::Organization(o) => write!(f, "Organization({o:?})"),
            Principal::WithConditions(p, c) => write!(f, "WithConditions({p:?}, {c:?})"),
            Principal::Composite(ps) => f.debug_tuple("Composite").field(ps).finish(),
            Principal::Role(r) => write!(f, "Role({})", r.node().path()),
        }
    }
}

/// aws-cdk-lib's `principal.toString()`, which grant IDs hash:
/// `ServicePrincipal(events.amazonaws.com)`, `AccountPrincipal(123456789012)`,
/// `OrganizationPrincipal(o-1)`, `CompositePrincipal(a,b)`; a role prints its construct path.
impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Principal::Service(s) | Principal::ServiceWithConditions(s, _) => {
                write!(f, "ServicePrincipal({s})")
            }
            Principal::Account(a) => write!(f, "AccountPrincipal({a})"),
            Principal::AccountRoot(_) => f.write_str("AccountRootPrincipal()"),
            Principal::Arn(a) => write!(f, "ArnPrincipal({a})"),
            Principal::Organization(o) => write!(f, "OrganizationPrincipal({o})"),
            Principal::WithConditions(p, _) => p.fmt(f),
            Principal::Composite(ps) => {
                f.write_str("CompositePrincipal(")?;
                for (i, p) in ps.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    p.fmt(f)?;
                }
                f.write_str(")")
            }
            Principal::Role(r) => f.write_str(&r.node().path()),
        }
    }
}

impl Principal {
    /// `ServicePrincipal`: an AWS service such as `lambda.amazonaws.com`.
    pub fn service(name: impl Into<String>) -> Self {
        Principal::Service(name.into())
    }

    /// `new ServicePrincipal(name, { conditions })`.
    pub fn service_with_conditions(name: impl Into<String>, conditions: Conditions) -> Self {
        Principal::ServiceWithConditions(name.into(), conditions)
    }

    /// `AccountPrincipal`: an AWS account by id.
    pub fn account(account_id: impl Into<String>) -> Self {
        Principal::Account(account_id.into())
    }

    /// `AccountRootPrincipal`: the account a stack deploys into, given as a value
    /// (`Stack::account_value()`).
    pub fn account_root(account: impl Into<Value>) -> Self {
        Principal::AccountRoot(account.into())
    }

    /// `ArnPrincipal`: a user, role or account by ARN.
    pub fn arn(arn: impl Into<String>) -> Self {
        Principal::Arn(arn.into())
    }

    /// `OrganizationPrincipal`: every identity in an AWS Organization.
    pub fn organization(organization_id: impl Into<String>) -> Self {
        Principal::Organization(organization_id.into())
    }

    /// `CompositePrincipal`: several principals at once.
    pub fn composite(principals: impl IntoIterator<Item = Principal>) -> Self {
        Principal::Composite(principals.into_iter().collect())
    }

    /// This principal with extra conditions (`principal.withConditions(...)`); values given here
    /// win over the principal's own for the same operator and key.
    pub fn with_conditions(self, conditions: Conditions) -> Self {
        Principal::WithConditions(Box::new(self), conditions)
    }

    /// This principal only if it belongs to the organization (`inOrganization`): the condition
    /// `StringEquals aws:PrincipalOrgID`.
    pub fn in_organization(self, organization_id: impl Into<String>) -> Self {
        self.with_conditions(Conditions::new().with(
            "StringEquals",
            "aws:PrincipalOrgID",
            organization_id.into(),
        ))
    }

    /// The conditions of the principal's policy fragment (`policyFragment.conditions`).
    pub fn conditions(&self) -> Conditions {
        match self {
            Principal::ServiceWithConditions(_, c) => c.clone(),
            Principal::Organization(o) => {
                Conditions::new().with("StringEquals", "aws:PrincipalOrgID", o.as_str())
            }
            Principal::WithConditions(p, c) => p.conditions().merged(c),
            _ => Conditions::new(),
        }
    }

    /// The account the principal belongs to, if known (`principalAccount`): literal for an
    /// account, a value for a role or the stack's own account, none for services.
    pub fn principal_account(&self) -> Option<Value> {
        match self {
            Principal::Account(a) => Some(Value::from(a.as_str())),
            Principal::AccountRoot(v) => Some(v.clone()),
            Principal::WithConditions(p, _) => p.principal_account(),
            Principal::Role(r) => Some(
                r.node()
                    .stack()
                    .map_or_else(|| Pseudo::AccountId.value(), |s| s.account_value()),
            ),
            _ => None,
        }
    }

    /// Adds `statement` to the principal's own (identity) policy; `false` when the principal has
    /// none (services, accounts, organizations).
    pub fn add_to_principal_policy(&self, statement: PolicyStatement) -> Result<bool> {
        match self {
            Principal::Role(r) => {
                r.add_to_principal_policy(statement)?;
                Ok(true)
            }
            Principal::WithConditions(p, _) => p.add_to_principal_policy(statement),
            _ => Ok(false),
        }
    }

    /// The `Principal` JSON entries (`policyFragment.principalJson`): type -> ids, in order.
    pub(crate) fn principal_json(&self) -> Vec<(&'static str, Vec<Value>)> {
        match self {
            Principal::Service(s) | Principal::ServiceWithConditions(s, _) => {
                vec![("Service", vec![Value::from(s.as_str())])]
            }
            Principal::Account(a) => vec![(
                "AWS",
                vec![Value::join(
                    "",
                    [
                        "arn:".into(),
                        Pseudo::Partition.value(),
                        format!(":iam::{a}:root").into(),
                    ],
                )],
            )],
            Principal::AccountRoot(account) => vec![(
                "AWS",
                vec![Value::join(
                    "",
                    [
                        "arn:".into(),
                        Pseudo::Partition.value(),
                        ":iam::".into(),
                        account.clone(),
                        ":root".into(),
                    ],
                )],
            )],
            Principal::Arn(arn) => vec![("AWS", vec![Value::from(arn.as_str())])],
            Principal::Organization(_) => vec![("AWS", vec![Value::from("*")])],
            Principal::WithConditions(p, _) => p.principal_json(),
            Principal::Composite(ps) => {
                let mut merged: Vec<(&'static str, Vec<Value>)> = Vec::new();
                for p in ps {
                    for (kind, ids) in p.principal_json() {
                        match merged.iter_mut().find(|(k, _)| *k == kind) {
                            Some((_, all)) => all.extend(ids),
                            None => merged.push((kind, ids)),
                        }
                    }
                }
                merged
            }
            Principal::Role(r) => vec![("AWS", vec![r.role_arn()])],
        }
    }

    /// The statement's `Principal` value: one id per type as a scalar, several as a list.
    pub(crate) fn render(&self) -> Value {
        Value::Object(
            self.principal_json()
                .into_iter()
                .map(|(kind, mut ids)| {
                    let v = if ids.len() == 1 {
                        ids.pop().expect("one id")
                    } else {
                        Value::List(ids)
                    };
                    (kind.to_owned(), v)
                })
                .collect(),
        )
    }

    /// aws-cdk-lib's class name of the principal, as error messages print it.
    pub(crate) fn class_name(&self) -> &'static str {
        match self {
            Principal::Service(_) | Principal::ServiceWithConditions(..) => "ServicePrincipal",
            Principal::Account(_) => "AccountPrincipal",
            Principal::AccountRoot(_) => "AccountRootPrincipal",
            Principal::Arn(_) => "ArnPrincipal",
            Principal::Organization(_) => "OrganizationPrincipal",
            Principal::WithConditions(..) => "PrincipalWithConditions",
            Principal::Composite(_) => "CompositePrincipal",
            Principal::Role(_) => "Role",
        }
    }
}

/// Anything permissions can be granted to (aws-cdk-lib's `IGrantable`): a principal, a role,
/// a function (through its execution role).
#[doc(alias = "IGrantable")]
pub trait Grantable {
    /// The principal that receives the permissions (`grantPrincipal`).
    fn grant_principal(&self) -> Principal;
}

impl Grantable for Principal {
    fn grant_principal(&self) -> Principal {
        self.clone()
    }
}

impl Grantable for Role {
    fn grant_principal(&self) -> Principal {
        Principal::Role(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_string_as_aws_cdk_lib() {
        let composite = Principal::composite([
            Principal::organization("o-zzzzzzzzzz"),
            Principal::service("apigateway.amazonaws.com"),
        ]);
        assert_eq!(
            composite.to_string(),
            "CompositePrincipal(OrganizationPrincipal(o-zzzzzzzzzz),ServicePrincipal(apigateway.amazonaws.com))"
        );
        let in_org = Principal::account("123456789012").in_organization("o-x");
        assert_eq!(in_org.to_string(), "AccountPrincipal(123456789012)");
        assert_eq!(
            in_org.conditions().to_json().to_string(),
            r#"{"StringEquals":{"aws:PrincipalOrgID":"o-x"}}"#
        );
    }

    #[test]
    fn additional_conditions_merge_into_the_principal_s_own() {
        let p = Principal::organization("o-1").with_conditions(
            Conditions::new()
                .with("StringEquals", "aws:SourceAccount", "1")
                .with("ArnLike", "aws:SourceArn", "arn:x"),
        );
        assert_eq!(
            p.conditions().to_json().to_string(),
            r#"{"StringEquals":{"aws:PrincipalOrgID":"o-1","aws:SourceAccount":"1"},"ArnLike":{"aws:SourceArn":"arn:x"}}"#
        );
    }
}
