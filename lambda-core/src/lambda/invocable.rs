//! `Invocable`: what every function handle offers (aws-cdk-lib's `IFunction`) — a function, an
//! alias, a version, an imported function — and the grants and permissions built on it.

use std::cell::RefCell;
use std::rc::Rc;

use base64_std::encode as base64;
use sha2::{Digest, Sha256};

use super::alias::Alias;
use super::function::{Function, LatestVersion};
use super::permission::{create_permission, FunctionUrlAuthType, Permission};
use super::version::Version;
use crate::cloudwatch::Metric;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::tree::sanitize_id;
use crate::core::tree::NodeId;
use crate::core::value::Value;
use crate::iam::{
    add_to_principal_or_resource, Conditions, Grant, GrantOptions, Grantable, Principal, Role,
};
use crate::{Error, Pseudo, Result};

/// Warning id of aws-cdk-lib for invoke permissions on a function that has versions.
pub const ADD_PERMISSIONS_TO_VERSION_OR_ALIAS: &str =
    "@aws-cdk/aws-lambda:addPermissionsToVersionOrAlias";

/// Grants already made on one function handle (aws-cdk-lib's `_invocationGrants` and
/// `_functionUrlInvocationGrants`), so repeating a grant adds nothing.
#[derive(Default)]
pub(crate) struct InvokeGrants {
    /// (handle node, grant identifier) -> the grant made.
    granted: Vec<(NodeId, String, Grant)>,
    /// An invoke permission was added before `current_version()`: warn when it is called.
    pub(crate) warn_if_current_version_called: bool,
    /// Published versions granted on, in the order first granted (their grant-id numbers).
    versions: Vec<NodeId>,
}

/// How permissions are added to one function handle: facts each implementation provides.
#[doc(hidden)]
pub struct PermissionTarget {
    /// Where permissions go by default and where grants look for them (`_functionNode`).
    pub(crate) function_node: ConstructNode,
    /// The function's account: a literal, or a value only known at deployment.
    pub(crate) account: Value,
    /// The function's region, for warnings.
    pub(crate) region: Value,
    /// Whether `add_permission` adds anything (false for functions of another environment).
    pub(crate) can_create_permissions: bool,
    /// The user manages this imported function's permissions outside CDK.
    pub(crate) skip_permissions: bool,
    /// The unqualified function whose versions the `addPermissionsToVersionOrAlias` warning
    /// is about (none for aliases, versions and imports).
    pub(crate) unqualified: Option<Function>,
    /// Grants made so far.
    pub(crate) grants: Rc<RefCell<InvokeGrants>>,
}

/// A version to grant invocation of ([`Invocable::grant_invoke_version`]): a [`Version`] or
/// `$LATEST` (aws-cdk-lib's `IVersion`).
pub trait FunctionVersion {
    /// The version number (`{"Fn::GetAtt": [version, "Version"]}`, or `$LATEST`).
    fn version(&self) -> Value;

    /// The version construct, for a published version (none for `$LATEST`).
    #[doc(hidden)]
    fn version_construct(&self) -> Option<ConstructNode> {
        None
    }

    /// Whether this is the `$LATEST` version.
    #[doc(hidden)]
    fn is_latest(&self) -> bool {
        false
    }
}

impl FunctionVersion for Version {
    fn version(&self) -> Value {
        Version::version(self)
    }

    fn version_construct(&self) -> Option<ConstructNode> {
        Some(self.node())
    }
}

impl FunctionVersion for LatestVersion {
    fn version(&self) -> Value {
        LatestVersion::version(self)
    }

    fn is_latest(&self) -> bool {
        true
    }
}

/// `$LATEST` of whichever function is granted on.
struct Latest;

impl FunctionVersion for Latest {
    fn version(&self) -> Value {
        Value::from("$LATEST")
    }

    fn is_latest(&self) -> bool {
        true
    }
}

/// The first token counter we give a version's attribute in grant identifiers (see
/// [`version_string_for_grant_id`]).
const FIRST_VERSION_TOKEN: usize = 36;

/// The string aws-cdk-lib hashes for `version` in a grant identifier: `$LATEST`, or, for a
/// published version, the token string of its version attribute, `${Token[TOKEN.<n>]}`.
/// aws-cdk-lib's `<n>` is a process-wide token counter that starts at a random offset, so the
/// same app gets one of ten IDs from it; we number the versions granted on a function from the
/// counter value of the oracle synthesis of `grant-latest-version` (36), in the order first
/// granted: deterministic, and distinct versions get distinct identifiers as in aws-cdk-lib.
fn version_string_for_grant_id(version: &dyn FunctionVersion, target: &PermissionTarget) -> String {
    if let Some(node) = version.version_construct() {
        let mut grants = target.grants.borrow_mut();
        let ordinal = match grants.versions.iter().position(|&v| v == node.id) {
            Some(i) => i,
            None => {
                grants.versions.push(node.id);
                grants.versions.len() - 1
            }
        };
        return format!("${{Token[TOKEN.{}]}}", FIRST_VERSION_TOKEN + ordinal);
    }
    if version.is_latest() {
        return "$LATEST".to_owned();
    }
    match version.version() {
        Value::String(s) => s,
        other => format!("{other:?}"),
    }
}

/// Anything that can be invoked as a Lambda function: a [`Function`], an [`Alias`], a
/// [`Version`], a [`SingletonFunction`](super::SingletonFunction) or an imported function
/// (aws-cdk-lib's `IFunction`). Grants and resource-policy permissions are written once here.
#[doc(alias = "IFunction")]
pub trait Invocable: Construct {
    /// The ARN to invoke (qualified for an alias or a version).
    fn function_arn(&self) -> Value;

    /// The function name (`name:qualifier` for an alias or a version).
    fn function_name(&self) -> Value;

    /// The execution role, when known.
    fn role(&self) -> Option<Role>;

    /// The construct under which permissions are created.
    fn permissions_node(&self) -> ConstructNode {
        self.permission_target().function_node
    }

    /// The ARNs an identity policy names to invoke this function (`resourceArnsForGrantInvoke`):
    /// the ARN and `ARN:*` for a function, the qualified ARN for an alias or version.
    fn resource_arns_for_grant_invoke(&self) -> Vec<Value> {
        let arn = self.function_arn();
        vec![arn.clone(), Value::join("", [arn, ":*".into()])]
    }

    /// Facts for permissions and grants; implementation detail.
    #[doc(hidden)]
    fn permission_target(&self) -> PermissionTarget;

    /// Adds a statement to the function's resource policy: an `AWS::Lambda::Permission` with
    /// construct id `id` under the function (or `permission.scope`). On a function imported
    /// from another environment nothing is added and the warning `UnclearLambdaEnvironment`
    /// says so (unless `skip_permissions` was set).
    fn add_permission(&self, id: &str, permission: Permission) -> Result<()> {
        let target = self.permission_target();
        if !target.can_create_permissions {
            if !target.skip_permissions {
                let stack = self.node().stack();
                let stack_account = stack.as_ref().map(|s| s.account_value());
                let stack_region = stack.as_ref().map(|s| s.region_value());
                self.node().add_warning_v2(
                    "UnclearLambdaEnvironment",
                    &format!(
                        "addPermission() has no effect on a Lambda Function with region={}, \
                         account={}, in a Stack with region={}, account={}. Suppress this \
                         warning if this is intentional, or pass sameEnvironment=true to \
                         fromFunctionAttributes() if you would like to add the permissions.",
                        display(&target.region),
                        display(&target.account),
                        stack_region.as_ref().map_or_else(String::new, display),
                        stack_account.as_ref().map_or_else(String::new, display),
                    ),
                );
            }
            return Ok(());
        }
        let scope = permission
            .scope
            .clone()
            .unwrap_or_else(|| target.function_node.clone());
        if let Some(function) = &target.unqualified {
            consider_version_warning(function, &scope, permission.action_or_default());
        }
        create_permission(
            &scope,
            id,
            self.function_arn(),
            &permission,
            &self.node().path(),
        )?;
        Ok(())
    }

    /// Lets `grantee` invoke this function: a statement in its identity policy (a role of this
    /// account), or a permission `Invoke<base64 sha256>` in the function's resource policy
    /// (services, accounts, organizations), as aws-cdk-lib names it. Repeated grants add nothing.
    fn grant_invoke(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let principal = grantee.grant_principal();
        let identifier = grant_identifier(&principal, None)?;
        grant_once(self, identifier, |this, identifier| {
            grant(
                this,
                grantee,
                identifier,
                "lambda:InvokeFunction",
                this.resource_arns_for_grant_invoke(),
                |_| {},
                Conditions::new(),
            )
        })
    }

    /// Lets `grantee` invoke `$LATEST` or the unqualified function.
    fn grant_invoke_latest_version(&self, grantee: &dyn Grantable) -> Result<Grant> {
        // aws-cdk-lib reads the function's `latestVersion`, which adds its `$LATEST` construct.
        if let Some(function) = self.permission_target().unqualified {
            function.latest_version();
        }
        self.grant_invoke_version(grantee, &Latest)
    }

    /// Lets `grantee` invoke one version of this function (`ARN:<version>`; for `$LATEST` also
    /// the unqualified ARN).
    fn grant_invoke_version(
        &self,
        grantee: &dyn Grantable,
        version: &dyn FunctionVersion,
    ) -> Result<Grant> {
        let principal = grantee.grant_principal();
        let identifier = grant_identifier(
            &principal,
            Some(&version_string_for_grant_id(
                version,
                &self.permission_target(),
            )),
        )?;
        grant_once(self, identifier, |this, identifier| {
            let arn = this.function_arn();
            let mut arns = vec![Value::join(
                "",
                [arn.clone(), ":".into(), version.version()],
            )];
            if version.is_latest() {
                arns.push(arn);
            }
            grant(
                this,
                grantee,
                identifier,
                "lambda:InvokeFunction",
                arns,
                |_| {},
                Conditions::new(),
            )
        })
    }

    /// `grant_invoke` for each principal of a composite principal (one permission each).
    fn grant_invoke_composite_principal(&self, composite: &Principal) -> Result<Vec<Grant>> {
        match composite {
            Principal::Composite(principals) => {
                principals.iter().map(|p| self.grant_invoke(p)).collect()
            }
            other => Ok(vec![self.grant_invoke(other)?]),
        }
    }

    /// Lets `grantee` invoke this function's URL with IAM authentication: permission
    /// `InvokeFunctionUrl<principal>` (`lambda:InvokeFunctionUrl`, `FunctionUrlAuthType`
    /// `AWS_IAM`) and `…-DualAuth` (`lambda:InvokeFunction`, `InvokedViaFunctionUrl`).
    fn grant_invoke_url(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let identifier = format!("InvokeFunctionUrl{}", grantee.grant_principal());
        grant_once(self, identifier, |this, identifier| {
            // aws-cdk-lib returns the second grant only.
            let _url = grant(
                this,
                grantee,
                identifier.clone(),
                "lambda:InvokeFunctionUrl",
                vec![this.function_arn()],
                |p| p.function_url_auth_type = Some(FunctionUrlAuthType::AwsIam),
                Conditions::new().with(
                    "StringEquals",
                    "lambda:FunctionUrlAuthType",
                    FunctionUrlAuthType::AwsIam.as_str(),
                ),
            )?;
            grant(
                this,
                grantee,
                format!("{identifier}-DualAuth"),
                "lambda:InvokeFunction",
                vec![this.function_arn()],
                |p| p.invoked_via_function_url = Some(true),
                Conditions::new().with("Bool", "lambda:InvokedViaFunctionUrl", true),
            )
        })
    }

    /// A metric of this function in the `AWS/Lambda` namespace (average over 5 minutes).
    fn metric(&self, metric_name: &str) -> Metric {
        Metric {
            namespace: "AWS/Lambda".into(),
            metric_name: metric_name.into(),
            dimensions: vec![("FunctionName".into(), self.function_name())],
            statistic: "Average".into(),
            period_seconds: 300,
        }
    }

    /// How long invocations take (`Duration`, average over 5 minutes).
    fn metric_duration(&self) -> Metric {
        self.metric("Duration")
    }

    /// How often the function is invoked (`Invocations`, sum over 5 minutes).
    fn metric_invocations(&self) -> Metric {
        self.metric("Invocations").with_statistic("Sum")
    }

    /// How many invocations were throttled (`Throttles`, sum over 5 minutes).
    fn metric_throttles(&self) -> Metric {
        self.metric("Throttles").with_statistic("Sum")
    }

    /// How many invocations failed (`Errors`, sum over 5 minutes).
    fn metric_errors(&self) -> Metric {
        self.metric("Errors").with_statistic("Sum")
    }
}

/// A value as aws-cdk-lib's messages print it: the literal, or a token marker such as
/// `${Token[AWS.Region.4]}`. aws-cdk-lib numbers its pseudo-parameter tokens when it loads,
/// from a counter that starts at a random offset (0 to 9) in each process; we print the
/// numbers of offset 0, one of the ten texts aws-cdk-lib writes, always the same.
fn display(value: &Value) -> String {
    match value {
        Value::Ref(crate::core::value::Target::Pseudo(p)) => {
            use crate::core::value::Pseudo;
            // The order of aws-cdk-lib's `Aws` constants, each one token.
            let counter = match p {
                Pseudo::AccountId => 0,
                Pseudo::UrlSuffix => 1,
                Pseudo::NotificationArns => 2,
                Pseudo::Partition => 3,
                Pseudo::Region => 4,
                Pseudo::StackId => 5,
                Pseudo::StackName => 6,
                Pseudo::NoValue => 7,
            };
            format!("${{Token[{}.{counter}]}}", p.name().replace("::", "."))
        }
        other => other
            .as_literal_str()
            .map_or_else(|| "${Token[TOKEN]}".to_owned(), str::to_owned),
    }
}

/// `Invoke` + base64(sha256(`{"principal": <toString>, "conditions": <conditions>[, "version": v]}`)),
/// the JSON as `JSON.stringify` writes it.
fn grant_identifier(principal: &Principal, version: Option<&str>) -> Result<String> {
    if let Principal::Composite(members) = principal {
        // Rendering a composite principal's policy fragment refuses conditions on its members.
        if let Some(p) = members.iter().find(|p| !p.conditions().is_empty()) {
            return Err(Error::Synth(format!(
                "Components of a CompositePrincipal must not have conditions. Tried to add \
                 the following fragment: {}",
                serde_json::json!({"conditions": p.conditions().to_json()})
            )));
        }
    }
    let mut json = serde_json::Map::new();
    json.insert("principal".into(), principal.to_string().into());
    json.insert("conditions".into(), principal.conditions().to_json());
    if let Some(v) = version {
        json.insert("version".into(), v.into());
    }
    let text = serde_json::Value::Object(json).to_string();
    Ok(format!(
        "Invoke{}",
        base64(&Sha256::digest(text.as_bytes()))
    ))
}

/// Runs `make` once per handle and identifier; later calls return the first grant.
fn grant_once<T: Invocable + ?Sized>(
    this: &T,
    identifier: String,
    make: impl FnOnce(&T, String) -> Result<Grant>,
) -> Result<Grant> {
    let target = this.permission_target();
    let handle = target.function_node.id;
    if let Some((_, _, g)) = target
        .grants
        .borrow()
        .granted
        .iter()
        .find(|(n, id, _)| *n == handle && *id == identifier)
    {
        return Ok(g.clone());
    }
    let grant = make(this, identifier.clone())?;
    target
        .grants
        .borrow_mut()
        .granted
        .push((handle, identifier, grant.clone()));
    Ok(grant)
}

/// aws-cdk-lib's `FunctionBase.grant`: identity policy first; the resource policy through
/// `add_permission(identifier)` when needed, which must then have created the permission.
fn grant<T: Invocable + ?Sized>(
    this: &T,
    grantee: &dyn Grantable,
    identifier: String,
    action: &str,
    resource_arns: Vec<Value>,
    overrides: impl FnOnce(&mut Permission),
    conditions: Conditions,
) -> Result<Grant> {
    let target = this.permission_target();
    let options = GrantOptions {
        grantee,
        actions: vec![action.to_owned()],
        resource_arns,
        conditions,
        resource_account: target.account.clone(),
    };
    add_to_principal_or_resource(options, |_statement| {
        let mut permission = Permission::new(grantee.grant_principal());
        permission.action = Some(action.to_owned());
        overrides(&mut permission);
        this.add_permission(&identifier, permission)?;
        let wanted = sanitize_id(&identifier);
        let created = {
            let tree = target.function_node.app.tree();
            tree.node(target.function_node.id)
                .children
                .iter()
                .any(|&c| tree.node(c).id == *wanted)
        };
        if !created && !target.skip_permissions {
            return Err(Error::validation(
                "CannotModifyLambdaPermission",
                "Cannot modify permission to lambda function. Function is either imported or \
                 $LATEST version.\nIf the function is imported from the same account use \
                 `fromFunctionAttributes()` API with the `sameEnvironment` flag.\nIf the \
                 function is imported from a different account and already has the correct \
                 permissions use `fromFunctionAttributes()` API with the `skipPermissions` flag.",
                this.node().path(),
            ));
        }
        Ok(())
    })
}

/// aws-cdk-lib's `considerWarningOnInvokeFunctionPermissions`: an invoke permission on a
/// function that has a `CurrentVersion` warns now; otherwise when `current_version()` is called.
fn consider_version_warning(function: &Function, scope: &ConstructNode, action: &str) {
    if !matches!(
        action,
        "lambda:InvokeFunction" | "lambda:*" | "lambda:Invoke*"
    ) {
        return;
    }
    let has_current_version = {
        let tree = scope.app.tree();
        tree.node(scope.id)
            .children
            .iter()
            .any(|&c| tree.node(c).id == "CurrentVersion")
    };
    if has_current_version {
        warn_invoke_function_permissions(scope);
    } else {
        function
            .state
            .borrow()
            .invoke_grants
            .borrow_mut()
            .warn_if_current_version_called = true;
    }
}

/// The `@aws-cdk/aws-lambda:addPermissionsToVersionOrAlias` warning on `node`.
pub(crate) fn warn_invoke_function_permissions(node: &ConstructNode) {
    node.add_warning_v2(
        ADD_PERMISSIONS_TO_VERSION_OR_ALIAS,
        "AWS Lambda has changed their authorization strategy, which may cause client invocations \
         using the 'Qualifier' parameter of the lambda function to fail with Access Denied \
         errors.\nIf you are using a lambda Version or Alias, make sure to call 'grantInvoke' or \
         'addPermission' on the Version or Alias, not the underlying Function\nSee: \
         https://github.com/aws/aws-cdk/issues/19273",
    );
}

/// The account and region of the stack `node` is in (literals or pseudo parameters).
pub(crate) fn stack_env(node: &ConstructNode) -> (Value, Value) {
    node.stack().map_or_else(
        || (Pseudo::AccountId.value(), Pseudo::Region.value()),
        |s| (s.account_value(), s.region_value()),
    )
}

impl Grantable for Function {
    /// The execution role.
    fn grant_principal(&self) -> Principal {
        Principal::Role(self.role().clone())
    }
}

impl Invocable for Function {
    fn function_arn(&self) -> Value {
        Function::function_arn(self)
    }

    fn function_name(&self) -> Value {
        Function::function_name(self)
    }

    fn role(&self) -> Option<Role> {
        Some(Function::role(self).clone())
    }

    fn permission_target(&self) -> PermissionTarget {
        let node = self.node();
        let (account, region) = stack_env(&node);
        PermissionTarget {
            function_node: node,
            account,
            region,
            can_create_permissions: true,
            skip_permissions: false,
            unqualified: Some(self.clone()),
            grants: self.state.borrow().invoke_grants.clone(),
        }
    }

    fn metric(&self, metric_name: &str) -> Metric {
        Function::metric(self, metric_name)
    }
}

/// Facts of a version or alias of `lambda` whose node is `node`.
fn qualified_target(lambda: &Function, node: ConstructNode) -> PermissionTarget {
    let (account, region) = stack_env(&node);
    PermissionTarget {
        function_node: node,
        account,
        region,
        can_create_permissions: true,
        skip_permissions: false,
        unqualified: None,
        grants: lambda.state.borrow().invoke_grants.clone(),
    }
}

impl Invocable for Alias {
    fn function_arn(&self) -> Value {
        self.alias_arn()
    }

    /// `<function name>:<alias name>`.
    fn function_name(&self) -> Value {
        Value::join(
            "",
            [self.lambda().function_name(), ":".into(), alias_name(self)],
        )
    }

    fn role(&self) -> Option<Role> {
        Some(self.lambda().role().clone())
    }

    fn resource_arns_for_grant_invoke(&self) -> Vec<Value> {
        vec![self.alias_arn()]
    }

    fn permission_target(&self) -> PermissionTarget {
        qualified_target(self.lambda(), self.node())
    }

    /// Alias metrics name the bare function and `function:alias` as `Resource`.
    fn metric(&self, metric_name: &str) -> Metric {
        let function = self.lambda().function_name();
        Metric {
            namespace: "AWS/Lambda".into(),
            metric_name: metric_name.into(),
            dimensions: vec![
                ("FunctionName".into(), function.clone()),
                (
                    "Resource".into(),
                    Value::join("", [function, ":".into(), alias_name(self)]),
                ),
            ],
            statistic: "Average".into(),
            period_seconds: 300,
        }
    }
}

/// The alias's `Name` property.
fn alias_name(alias: &Alias) -> Value {
    alias
        .cfn_resource()
        .with(|e| e.properties.get("Name").cloned())
        .unwrap_or_else(|| Value::from(""))
}

impl Invocable for Version {
    fn function_arn(&self) -> Value {
        self.version_arn()
    }

    /// `<function name>:<version>`.
    fn function_name(&self) -> Value {
        Value::join(
            "",
            [self.lambda().function_name(), ":".into(), self.version()],
        )
    }

    fn role(&self) -> Option<Role> {
        Some(self.lambda().role().clone())
    }

    fn resource_arns_for_grant_invoke(&self) -> Vec<Value> {
        vec![self.version_arn()]
    }

    fn permission_target(&self) -> PermissionTarget {
        qualified_target(self.lambda(), self.node())
    }
}

/// Standard base64 (`+`, `/`, `=` padding), as Node's `digest('base64')` writes a digest.
mod base64_std {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub(super) fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    /// The identifiers of the reference spec (§7).
    #[test]
    fn grant_identifiers_as_aws_cdk_lib() {
        let id = |p: Principal| grant_identifier(&p, None).unwrap();
        assert_eq!(
            id(Principal::service("apigateway.amazonaws.com")),
            "InvokeFcyXBRX02EWa52GlF+ECQiCzDt0fdRUDi4mo4foC5aU="
        );
        // The spec's logical ID `FnInvokeT8aY…` lost the leading `+` to makeUniqueId.
        assert_eq!(
            id(Principal::account("111122223333")),
            "Invoke+T8aY63xajp5r0Zwc5p1NLtThlEIs6A1AP21ylEJGX4="
        );
    }
}
