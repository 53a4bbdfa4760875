//! Legacy log retention (aws-cdk-lib's `logRetention`): a `Custom::LogRetention` resource per
//! function, served by one provider function per stack (`LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a`)
//! that sets the retention of `/aws/lambda/<function>`. The provider runs this project's own
//! handler (`handlers/log-retention/index.js`), so its code asset, and only that, differs from
//! aws-cdk-lib's.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use super::code::Code;
use super::function::Function;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::tree::NodeKind;
use crate::core::value::{Pseudo, Value};
use crate::iam::{ManagedPolicy, PolicyStatement, Principal, Role};
use crate::logs::RetentionDays;
use crate::synth::tree_props::TreeProps;
use crate::{Error, Result};

/// The provider's construct id, aws-cdk-lib's (a stack holds one).
pub const LOG_RETENTION_PROVIDER_ID: &str = "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a";

/// The handler source, written once per content into a temporary folder to be staged.
const HANDLER_SOURCE: &str = include_str!("../../handlers/log-retention/index.js");

/// How the provider retries CloudWatch Logs calls (aws-cdk-lib's `LogRetentionRetryOptions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogRetentionRetryOptions {
    /// Retries of a throttled call (`SdkRetry.maxRetries`); the handler's default (5) when unset.
    pub max_retries: Option<u32>,
}

/// The folder holding the handler: `<temp>/lambda-cdk-log-retention-<hash>/index.js`, written
/// when missing (its content decides its name, so a stale one is never used).
fn handler_dir() -> Result<PathBuf> {
    let digest = Sha256::digest(HANDLER_SOURCE.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let dir = std::env::temp_dir().join(format!("lambda-cdk-log-retention-{hex}"));
    let file = dir.join("index.js");
    if std::fs::read_to_string(&file).is_ok_and(|s| s == HANDLER_SOURCE) {
        return Ok(dir);
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    // Written beside, then renamed: a concurrent synthesis never reads half a file.
    let tmp = crate::temp::TempFile::new_in(&dir, ".handler-").map_err(|e| Error::io(&dir, e))?;
    std::fs::write(tmp.path(), HANDLER_SOURCE).map_err(|e| Error::io(tmp.path(), e))?;
    tmp.persist(&file).map_err(|e| Error::io(&file, e))?;
    Ok(dir)
}

/// The stack's provider function (created on first use): its `Arn` and role.
fn ensure_provider(function: &Function, role: Option<Role>) -> Result<(Value, Role)> {
    let stack = function
        .node()
        .stack()
        .ok_or_else(|| Error::Synth(format!("{} is not inside a stack", function.node().path())))?;
    if let Some(existing) = stack.node().try_find_child(LOG_RETENTION_PROVIDER_ID) {
        return provider_parts(&existing);
    }
    let node = stack.node().add_child(
        LOG_RETENTION_PROVIDER_ID,
        NodeKind::Construct,
        "constructs.Construct",
    )?;
    let code = Code::from_asset(handler_dir()?).bind(&node, None)?;
    let role = match role {
        Some(role) => role,
        None => Role::builder()
            .assumed_by(Principal::service("lambda.amazonaws.com"))
            .managed_policies(vec![ManagedPolicy::from_aws_managed_policy_name(
                "service-role/AWSLambdaBasicExecutionRole",
            )])
            .build(&node, "ServiceRole")?,
    };
    role.add_to_principal_policy(
        PolicyStatement::new()
            .actions(["logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy"])
            .resources(["*"]),
    )?;
    let resource = plain_resource(
        &node,
        "AWS::Lambda::Function",
        vec![
            ("Handler", Value::from("index.handler")),
            ("Runtime", "nodejs24.x".into()),
            ("Timeout", 900u32.into()),
            ("Code", code.property),
            ("Role", role.role_arn()),
        ],
    )?;
    resource.set_tree_props(&TreeProps::GENERIC);
    resource.node().add_dependency(&role);
    let arn = resource.get_att("Arn");
    node.app
        .tree_mut()
        .extension_mut::<LogRetentionProviders>()
        .0
        .push((node.id, arn.clone(), role.clone()));
    Ok((arn, role))
}

/// A plain `CfnResource` (aws-cdk-lib's `new CfnResource(scope, 'Resource', {type, properties})`)
/// whose properties keep the order given, as aws-cdk-lib writes them: the first is set, the others
/// follow as overrides (which keep their order), and `tree.json` gives it no attributes.
fn plain_resource(
    node: &ConstructNode,
    type_name: &'static str,
    properties: Vec<(&'static str, Value)>,
) -> Result<CfnResource> {
    let mut properties = properties.into_iter();
    let first: Vec<(&'static str, Value)> = properties.next().into_iter().collect();
    let resource = CfnResource::create(node, "Resource", type_name, first)?;
    for (name, value) in properties {
        resource.add_property_override(name, value);
    }
    resource.set_tree_props(&TreeProps::GENERIC);
    Ok(resource)
}

/// The providers made in this app: node, `Arn` and role.
#[derive(Default)]
struct LogRetentionProviders(Vec<(crate::core::tree::NodeId, Value, Role)>);

/// The `Arn` and role of an existing provider.
fn provider_parts(node: &ConstructNode) -> Result<(Value, Role)> {
    let tree = node.app.tree();
    tree.extension::<LogRetentionProviders>()
        .and_then(|p| p.0.iter().find(|(id, _, _)| *id == node.id))
        .map(|(_, arn, role)| (arn.clone(), role.clone()))
        .ok_or_else(|| Error::Synth(format!("{} is not the log retention provider", node.path())))
}

/// Adds the `LogRetention` construct (and the `LogGroup` import aws-cdk-lib adds) to `function`.
pub(crate) fn add_log_retention(
    function: &Function,
    retention: RetentionDays,
    role: Option<Role>,
    retry: Option<LogRetentionRetryOptions>,
    removal_policy: Option<RemovalPolicy>,
) -> Result<()> {
    let (service_token, provider_role) = ensure_provider(function, role)?;
    let log_group_name = Value::join("", ["/aws/lambda/".into(), function.function_name()]);
    if removal_policy == Some(RemovalPolicy::Destroy) {
        let stack = function.node().stack();
        let account = stack
            .as_ref()
            .map_or_else(|| Pseudo::AccountId.value(), crate::Stack::account_value);
        let region = stack
            .as_ref()
            .map_or_else(|| Pseudo::Region.value(), crate::Stack::region_value);
        let arn = Value::join(
            "",
            [
                "arn:".into(),
                Pseudo::Partition.value(),
                ":logs:".into(),
                region,
                ":".into(),
                account,
                ":log-group:".into(),
                log_group_name.clone(),
                ":*".into(),
            ],
        );
        provider_role.add_to_principal_policy(
            PolicyStatement::new()
                .actions(["logs:DeleteLogGroup"])
                .resources([arn]),
        )?;
    }
    let node = function.node().add_child(
        "LogRetention",
        NodeKind::Construct,
        "aws-cdk-lib.aws_logs.LogRetention",
    )?;
    let mut properties: Vec<(&'static str, Value)> = vec![
        ("ServiceToken", service_token),
        ("LogGroupName", log_group_name),
    ];
    if let Some(n) = retry.and_then(|r| r.max_retries) {
        properties.push(("SdkRetry", Value::object([("maxRetries", Value::from(n))])));
    }
    if retention != RetentionDays::Infinite {
        properties.push(("RetentionInDays", Value::from(retention as u32)));
    }
    if let Some(policy) = removal_policy {
        let name = match policy {
            RemovalPolicy::Destroy => "destroy",
            RemovalPolicy::Retain => "retain",
            RemovalPolicy::Snapshot => "snapshot",
        };
        properties.push(("RemovalPolicy", name.into()));
    }
    let resource = plain_resource(&node, "Custom::LogRetention", properties)?;
    resource.set_tree_props(&TreeProps::GENERIC);
    function
        .node()
        .add_child("LogGroup", NodeKind::Construct, "aws-cdk-lib.Resource")?;
    Ok(())
}

/// aws-cdk-lib's checks of the log options, in its order: `log_removal_policy` with a log group
/// (`ConflictingLogPolicyOptions`) or with `@aws-cdk/aws-lambda:useCdkManagedLogGroup`
/// (`LogRemovalPolicyFeatureFlagConflict`), then `log_retention` with a log group
/// (`LogRetentionLogGroupConflict`).
pub(crate) fn check_log_options(
    scope: &dyn Construct,
    has_log_group: bool,
    has_retention: bool,
    has_removal_policy: bool,
    path: &str,
) -> Result<()> {
    if has_removal_policy {
        if has_log_group {
            return Err(Error::validation(
                "ConflictingLogPolicyOptions",
                "Cannot use `logRemovalPolicy` and `logGroup` together. Please set the removal policy on the logGroup directly",
                path,
            ));
        }
        if scope
            .node()
            .feature_flag(crate::core::flags::USE_CDK_MANAGED_LOG_GROUP)
        {
            return Err(Error::validation(
                "LogRemovalPolicyFeatureFlagConflict",
                "Cannot use `logRemovalPolicy` and `@aws-cdk/aws-lambda:useCdkManagedLogGroup` flag together. Please set the removal policy on the automatically created log group directly",
                path,
            ));
        }
    }
    if has_retention && has_log_group {
        return Err(Error::validation(
            "LogRetentionLogGroupConflict",
            "CDK does not support setting logRetention and logGroup",
            path,
        ));
    }
    Ok(())
}
