//! `Permission`: one statement of a Lambda function's resource policy
//! (`AWS::Lambda::Permission`), rendered as aws-cdk-lib's `addPermission` renders it.

use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::value::Value;
use crate::iam::{Conditions, Principal};
use crate::{Error, Result};

/// CloudFormation type of a permission.
pub(crate) const PERMISSION_TYPE: &str = "AWS::Lambda::Permission";

/// Property names of `AWS::Lambda::Permission`, in CloudFormation's (lexicographic) order.
mod prop {
    pub const ACTION: &str = "Action";
    pub const EVENT_SOURCE_TOKEN: &str = "EventSourceToken";
    pub const FUNCTION_NAME: &str = "FunctionName";
    pub const FUNCTION_URL_AUTH_TYPE: &str = "FunctionUrlAuthType";
    pub const INVOKED_VIA_FUNCTION_URL: &str = "InvokedViaFunctionUrl";
    pub const PRINCIPAL: &str = "Principal";
    pub const PRINCIPAL_ORG_ID: &str = "PrincipalOrgID";
    pub const SOURCE_ACCOUNT: &str = "SourceAccount";
    pub const SOURCE_ARN: &str = "SourceArn";
}

/// The action a permission allows unless told otherwise.
pub const DEFAULT_ACTION: &str = "lambda:InvokeFunction";

/// How callers of a function URL authenticate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionUrlAuthType {
    /// Callers sign their requests with IAM credentials (`AWS_IAM`).
    AwsIam,
    /// Anyone may call the URL (`NONE`).
    None,
}

impl FunctionUrlAuthType {
    /// The CloudFormation value: `AWS_IAM` or `NONE`.
    pub fn as_str(self) -> &'static str {
        match self {
            FunctionUrlAuthType::AwsIam => "AWS_IAM",
            FunctionUrlAuthType::None => "NONE",
        }
    }
}

/// Who may do what with a function (aws-cdk-lib's `Permission` props of `addPermission`).
///
/// ```
/// # use lambda_core::lambda::Permission;
/// # use lambda_core::iam::Principal;
/// let p = Permission {
///     source_account: Some("111122223333".into()),
///     ..Permission::new(Principal::service("s3.amazonaws.com"))
/// };
/// assert_eq!(p.action, None); // lambda:InvokeFunction
/// ```
#[derive(Clone)]
pub struct Permission {
    /// Who is allowed: a service, an account, an ARN, an organization, or one of those with
    /// conditions (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID` become the fields
    /// below).
    pub principal: Principal,
    /// The action allowed; `lambda:InvokeFunction` when unset.
    pub action: Option<String>,
    /// Only when the call comes from this resource (`SourceArn`).
    pub source_arn: Option<Value>,
    /// Only when the call comes from this account (`SourceAccount`).
    pub source_account: Option<Value>,
    /// Only callers of this AWS Organization (`PrincipalOrgID`).
    pub organization_id: Option<Value>,
    /// Alexa Smart Home skill token (`EventSourceToken`).
    pub event_source_token: Option<String>,
    /// Only callers of the function URL with this authentication (`FunctionUrlAuthType`).
    pub function_url_auth_type: Option<FunctionUrlAuthType>,
    /// Only invocations through the function URL (`InvokedViaFunctionUrl`).
    pub invoked_via_function_url: Option<bool>,
    /// Where the permission construct is created; the function when unset.
    pub scope: Option<ConstructNode>,
}

impl std::fmt::Debug for Permission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Permission")
            .field("principal", &self.principal)
            .field("action", &self.action)
            .field("source_arn", &self.source_arn)
            .field("source_account", &self.source_account)
            .field("organization_id", &self.organization_id)
            .field("event_source_token", &self.event_source_token)
            .field("function_url_auth_type", &self.function_url_auth_type)
            .field("invoked_via_function_url", &self.invoked_via_function_url)
            .field("scope", &self.scope.as_ref().map(ConstructNode::path))
            .finish()
    }
}

impl Permission {
    /// A permission for `principal` to invoke the function, nothing else set.
    pub fn new(principal: Principal) -> Self {
        Permission {
            principal,
            action: None,
            source_arn: None,
            source_account: None,
            organization_id: None,
            event_source_token: None,
            function_url_auth_type: None,
            invoked_via_function_url: None,
            scope: None,
        }
    }

    /// The action, `lambda:InvokeFunction` when unset.
    pub(crate) fn action_or_default(&self) -> &str {
        self.action.as_deref().unwrap_or(DEFAULT_ACTION)
    }
}

/// Creates the `AWS::Lambda::Permission` `id` under `scope` for the function `function_arn`.
/// `owner` is the function's path, where errors about the principal are reported.
pub(crate) fn create_permission(
    scope: &dyn Construct,
    id: &str,
    function_arn: Value,
    permission: &Permission,
    owner: &str,
) -> Result<CfnResource> {
    let principal = permission_principal(&permission.principal, owner)?;
    let from_conditions = condition_fields(&permission.principal, owner)?;
    let mut properties: Vec<(&'static str, Value)> = Vec::with_capacity(9);
    properties.push((prop::ACTION, permission.action_or_default().into()));
    if let Some(token) = &permission.event_source_token {
        properties.push((prop::EVENT_SOURCE_TOKEN, token.as_str().into()));
    }
    properties.push((prop::FUNCTION_NAME, function_arn));
    if let Some(auth) = permission.function_url_auth_type {
        properties.push((prop::FUNCTION_URL_AUTH_TYPE, auth.as_str().into()));
    }
    if let Some(via_url) = permission.invoked_via_function_url {
        properties.push((prop::INVOKED_VIA_FUNCTION_URL, via_url.into()));
    }
    properties.push((prop::PRINCIPAL, principal));
    // Explicit props win over values taken from the principal's conditions.
    let fields = [
        (
            prop::PRINCIPAL_ORG_ID,
            &permission.organization_id,
            from_conditions.principal_org_id,
        ),
        (
            prop::SOURCE_ACCOUNT,
            &permission.source_account,
            from_conditions.source_account,
        ),
        (
            prop::SOURCE_ARN,
            &permission.source_arn,
            from_conditions.source_arn,
        ),
    ];
    for (name, explicit, derived) in fields {
        if let Some(v) = explicit.clone().or(derived) {
            properties.push((name, v));
        }
    }
    CfnResource::create(scope, id, PERMISSION_TYPE, properties)
}

/// The `Principal` of a permission, as aws-cdk-lib's `parsePermissionPrincipal` finds it:
/// the account id, service name or ARN; `*` for an organization; else the single `AWS` ARN of
/// a principal without conditions.
fn permission_principal(principal: &Principal, owner: &str) -> Result<Value> {
    let principal = match principal {
        Principal::WithConditions(inner, _) => inner,
        other => other,
    };
    match principal {
        Principal::Account(a) => return Ok(a.as_str().into()),
        Principal::AccountRoot(account) => return Ok(account.clone()),
        Principal::Service(s) | Principal::ServiceWithConditions(s, _) => {
            return Ok(s.as_str().into())
        }
        Principal::Arn(a) => return Ok(a.as_str().into()),
        _ => {}
    }
    let conditions = principal.conditions();
    if let [(op, entries)] = &conditions.0[..] {
        if op == "StringEquals" && matches!(&entries[..], [(k, _)] if k == "aws:PrincipalOrgID") {
            // The organization id moves to `PrincipalOrgID`.
            return Ok("*".into());
        }
    }
    if conditions.is_empty() {
        let json = principal.principal_json();
        if let Some((_, ids)) = json.iter().find(|(kind, _)| *kind == "AWS") {
            if let [id] = &ids[..] {
                return Ok(id.clone());
            }
        }
    }
    Err(Error::validation(
        "InvalidPrincipalTypeForLambdaPermission",
        format!(
            "Invalid principal type for Lambda permission statement: {}. \
             Supported: AccountPrincipal, ArnPrincipal, ServicePrincipal, OrganizationPrincipal",
            principal.class_name()
        ),
        owner,
    ))
}

#[derive(Default)]
struct ConditionFields {
    source_arn: Option<Value>,
    source_account: Option<Value>,
    principal_org_id: Option<Value>,
}

const SUPPORTED_CONDITIONS: [(&str, &str); 3] = [
    ("ArnLike", "aws:SourceArn"),
    ("StringEquals", "aws:SourceAccount"),
    ("StringEquals", "aws:PrincipalOrgID"),
];

/// `SourceArn`, `SourceAccount` and `PrincipalOrgID` from the principal's conditions; any other
/// condition, or an organization with another condition, is refused with aws-cdk-lib's error.
fn condition_fields(principal: &Principal, owner: &str) -> Result<ConditionFields> {
    let conditions: Conditions = principal.conditions();
    if conditions.is_empty() {
        return Ok(ConditionFields::default());
    }
    let unsupported: Vec<serde_json::Value> = conditions
        .0
        .iter()
        .flat_map(|(op, entries)| entries.iter().map(move |(key, _)| (op, key)))
        .filter(|(op, key)| !SUPPORTED_CONDITIONS.contains(&(op.as_str(), key.as_str())))
        .map(|(op, key)| serde_json::json!({"operator": op, "key": key}))
        .collect();
    if !unsupported.is_empty() {
        let supported: Vec<serde_json::Value> = SUPPORTED_CONDITIONS
            .iter()
            .map(|(op, key)| serde_json::json!({"operator": op, "key": key}))
            .collect();
        return Err(Error::validation(
            "UnsupportedConditionsForLambdaPermission",
            format!(
                "PrincipalWithConditions had unsupported conditions for Lambda permission \
                 statement: {}. Supported operator/condition pairs: {}",
                serde_json::Value::Array(unsupported),
                serde_json::Value::Array(supported)
            ),
            owner,
        ));
    }
    let fields = ConditionFields {
        source_arn: conditions.get("ArnLike", "aws:SourceArn").cloned(),
        source_account: conditions.get("StringEquals", "aws:SourceAccount").cloned(),
        principal_org_id: conditions
            .get("StringEquals", "aws:PrincipalOrgID")
            .cloned(),
    };
    if fields.principal_org_id.is_some()
        && (fields.source_arn.is_some() || fields.source_account.is_some())
    {
        return Err(Error::validation(
            "PrincipalOrgIdCannotBeCombinedWithOtherConditions",
            "PrincipalWithConditions had unsupported condition combinations for Lambda permission \
             statement: principalOrgID cannot be set with other conditions.",
            owner,
        ));
    }
    Ok(fields)
}
