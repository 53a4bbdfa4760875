//! `SingletonFunction`: a function created once per stack however many constructs ask for it
//! (custom resource providers use it), as aws-cdk-lib places it: directly under the stack.

use std::cell::RefCell;
use std::time::Duration;

use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, SnapStartApplyOn,
    SystemLogLevel, Tracing,
};

use super::code::Code;
use super::function::{EnvironmentVariables, Function};
use super::invocable::{Invocable, PermissionTarget};
use super::layer::LayerVersion;
use super::runtime_management::RuntimeManagementMode;
use super::version::{Version, VersionOptions};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::tree::{NodeId, NodeKind, Tree};
use crate::core::value::Value;
use crate::iam::{Grantable, PolicyStatement, Principal, Role};
use crate::logs::LogGroup;
use crate::size::Size;
use crate::{Error, Result};

thread_local! {
    /// Singleton functions made so far: (app tree address, stack, construct name) -> function.
    /// A function handle keeps its app alive, so an address is never reused by another app
    /// while its entry exists.
    static SINGLETONS: RefCell<Vec<(usize, NodeId, String, Function)>> =
        const { RefCell::new(Vec::new()) };
}

/// A Lambda function added to a stack once and only once per `uuid` + `lambda_purpose`
/// (aws-cdk-lib's `SingletonFunction`). The function lives directly under the stack with
/// construct id `<lambda_purpose or SingletonLambda><uuid without non-alphanumerics>`; later
/// instances reuse it and their function props are ignored.
#[derive(Clone)]
pub struct SingletonFunction {
    node: ConstructNode,
    function: Function,
    construct_name: String,
}

impl Construct for SingletonFunction {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

#[bon::bon]
impl SingletonFunction {
    /// Declares the singleton; the props are those of [`Function::builder`] plus `uuid` and
    /// `lambda_purpose`.
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// Identifies the function; one per stack per `uuid` + `lambda_purpose`.
        #[builder(into)]
        uuid: String,
        /// What the function is for (`SingletonLambda` when unset); part of its construct id.
        #[builder(into)]
        lambda_purpose: Option<String>,
        /// The runtime.
        runtime: Runtime,
        /// The handler.
        #[builder(into)]
        handler: String,
        /// Where the code comes from.
        code: Code,
        /// `Description`.
        #[builder(into)]
        description: Option<String>,
        /// A fixed name.
        #[builder(into)]
        function_name: Option<String>,
        /// Memory in MB.
        memory_size: Option<u32>,
        /// Timeout.
        timeout: Option<Duration>,
        /// Environment variables, in order.
        #[builder(into)]
        environment: Option<EnvironmentVariables>,
        /// Instruction set.
        architecture: Option<Architecture>,
        /// `/tmp` size.
        ephemeral_storage_size: Option<Size>,
        /// Reserved concurrency.
        reserved_concurrent_executions: Option<u32>,
        /// X-Ray tracing.
        tracing: Option<Tracing>,
        /// Log format.
        logging_format: Option<LoggingFormat>,
        /// Application log level.
        application_log_level: Option<ApplicationLogLevel>,
        /// System log level.
        system_log_level: Option<SystemLogLevel>,
        /// The log group.
        log_group: Option<LogGroup>,
        /// Runtime updates.
        runtime_management_mode: Option<RuntimeManagementMode>,
        /// Recursive loop detection.
        recursive_loop: Option<RecursiveLoop>,
        /// SnapStart.
        snap_start: Option<SnapStartApplyOn>,
        /// Execution role.
        role: Option<Role>,
        /// Statements of the role's DefaultPolicy.
        #[builder(default)]
        initial_policy: Vec<PolicyStatement>,
        /// Settings of `current_version()`.
        current_version_options: Option<VersionOptions>,
        /// Layers.
        #[builder(default)]
        layers: Vec<LayerVersion>,
    ) -> Result<SingletonFunction> {
        let node = scope.node().add_child(
            id,
            NodeKind::Construct,
            "aws-cdk-lib.aws_lambda.SingletonFunction",
        )?;
        let stack = node.stack().ok_or_else(|| {
            Error::validation(
                "SingletonFunctionOutsideStack",
                "A SingletonFunction must be created inside a Stack",
                node.path(),
            )
        })?;
        let construct_name = format!(
            "{}{}",
            lambda_purpose.as_deref().unwrap_or("SingletonLambda"),
            uuid.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        );
        let key = (tree_address(&node), stack.node().id, construct_name.clone());
        let existing = SINGLETONS.with_borrow(|all| {
            all.iter()
                .find(|(a, s, n, _)| (*a, *s, n) == (key.0, key.1, &key.2))
                .map(|(.., f)| f.clone())
        });
        let function = match existing {
            Some(f) => f,
            None => {
                let f = Function::builder()
                    .runtime(runtime)
                    .handler(handler)
                    .code(code)
                    .maybe_description(description)
                    .maybe_function_name(function_name)
                    .maybe_memory_size(memory_size)
                    .maybe_timeout(timeout)
                    .maybe_environment(environment)
                    .maybe_architecture(architecture)
                    .maybe_ephemeral_storage_size(ephemeral_storage_size)
                    .maybe_reserved_concurrent_executions(reserved_concurrent_executions)
                    .maybe_tracing(tracing)
                    .maybe_logging_format(logging_format)
                    .maybe_application_log_level(application_log_level)
                    .maybe_system_log_level(system_log_level)
                    .maybe_log_group(log_group)
                    .maybe_runtime_management_mode(runtime_management_mode)
                    .maybe_recursive_loop(recursive_loop)
                    .maybe_snap_start(snap_start)
                    .maybe_role(role)
                    .initial_policy(initial_policy)
                    .maybe_current_version_options(current_version_options)
                    .layers(layers)
                    .build(&stack, &construct_name)?;
                SINGLETONS.with_borrow_mut(|all| all.push((key.0, key.1, key.2, f.clone())));
                f
            }
        };
        Ok(SingletonFunction {
            node,
            function,
            construct_name,
        })
    }
}

fn tree_address(node: &ConstructNode) -> usize {
    let tree = node.app.tree();
    std::ptr::from_ref::<Tree>(&*tree) as usize
}

impl SingletonFunction {
    /// The function shared by every singleton of this stack with the same uuid and purpose.
    pub fn function(&self) -> &Function {
        &self.function
    }

    /// The function's construct id under the stack (`constructName`).
    pub fn construct_name(&self) -> &str {
        &self.construct_name
    }

    /// `{"Fn::GetAtt": [<function>, "Arn"]}`.
    pub fn function_arn(&self) -> Value {
        self.function.function_arn()
    }

    /// `{"Ref": <function>}`.
    pub fn function_name(&self) -> Value {
        self.function.function_name()
    }

    /// The shared function's execution role.
    pub fn role(&self) -> &Role {
        self.function.role()
    }

    /// Adds an environment variable to the shared function.
    pub fn add_environment(&self, key: &str, value: impl Into<Value>) -> Result<&Self> {
        self.function.add_environment(key, value)?;
        Ok(self)
    }

    /// Adds layers to the shared function.
    pub fn add_layers(&self, layers: &[LayerVersion]) -> Result<()> {
        self.function.add_layers(layers)
    }

    /// The shared function's current version.
    pub fn current_version(&self) -> Result<Version> {
        self.function.current_version()
    }

    /// Makes the shared function depend on `target` (`node.addDependency` cannot: the function
    /// does not live under this construct).
    pub fn add_dependency(&self, target: &dyn Construct) {
        self.function.node().add_dependency(target);
    }

    /// Makes `down` depend on the shared function.
    pub fn depend_on(&self, down: &dyn Construct) {
        down.node().add_dependency(&self.function);
    }
}

impl Grantable for SingletonFunction {
    fn grant_principal(&self) -> Principal {
        self.function.grant_principal()
    }
}

impl Invocable for SingletonFunction {
    fn function_arn(&self) -> Value {
        self.function.function_arn()
    }

    fn function_name(&self) -> Value {
        self.function.function_name()
    }

    fn role(&self) -> Option<Role> {
        Some(self.function.role().clone())
    }

    /// Permissions go to the shared function (`addPermission` is the function's).
    fn permission_target(&self) -> PermissionTarget {
        Invocable::permission_target(&self.function)
    }
}
