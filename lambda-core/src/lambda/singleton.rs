//! `SingletonFunction`: a function created once per stack however many constructs ask for it
//! (custom resource providers use it), as aws-cdk-lib places it: directly under the stack.

use std::cell::RefCell;
use std::time::Duration;

use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, SnapStartApplyOn,
    SystemLogLevel, Tracing,
};

use super::adot::AdotInstrumentationConfig;
use super::code::Code;
use super::code_signing::CodeSigningConfig;
use super::destinations::Destination;
use super::function::{EnvironmentVariables, Function};
use super::insights::LambdaInsightsVersion;
use super::invocable::{Invocable, PermissionTarget};
use super::layer::LayerVersion;
use super::params_and_secrets::ParamsAndSecretsLayerVersion;
use super::runtime_management::RuntimeManagementMode;
use super::tenancy::TenancyConfig;
use super::version::{Version, VersionOptions};
use crate::codeguruprofiler::ProfilingGroup;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::tree::{NodeId, NodeKind, Tree};
use crate::core::value::Value;
use crate::iam::{Grantable, PolicyStatement, Principal, Role};
use crate::logs::LogGroup;
use crate::size::Size;
use crate::sns::Topic;
use crate::sqs::Queue;
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

#[lambda_builder::builders]
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
        /// Legacy log retention: a `Custom::LogRetention` sets the retention of
        /// `/aws/lambda/<function>` (not together with `log_group`).
        log_retention: Option<crate::logs::RetentionDays>,
        /// The role of the stack's log retention provider (a new one when unset).
        log_retention_role: Option<Role>,
        /// How the log retention provider retries throttled calls.
        log_retention_retry_options: Option<super::log_retention::LogRetentionRetryOptions>,
        /// What happens to the log group of `log_retention` when the function leaves the stack.
        log_removal_policy: Option<crate::core::element::RemovalPolicy>,
        /// Create a queue (`DeadLetterQueue`, 14 days' retention) for failed asynchronous
        /// events; `false` with `dead_letter_queue` is an error.
        dead_letter_queue_enabled: Option<bool>,
        /// The queue for failed asynchronous events (the role may send to it).
        dead_letter_queue: Option<Queue>,
        /// The topic for failed asynchronous events (the role may publish to it); not with a
        /// queue.
        dead_letter_topic: Option<Topic>,
        /// Asynchronous invocation: how long an event may wait (60 seconds to 6 hours).
        max_event_age: Option<Duration>,
        /// Asynchronous invocation: retries of a failed invocation (0 to 2).
        retry_attempts: Option<u32>,
        /// Asynchronous invocation: where the record of a success goes.
        #[builder(into)]
        on_success: Option<Destination>,
        /// Asynchronous invocation: where the record of a failure goes.
        #[builder(into)]
        on_failure: Option<Destination>,
        /// Lambda Insights: its extension layer and the `CloudWatchLambdaInsightsExecutionRolePolicy`.
        insights_version: Option<LambdaInsightsVersion>,
        /// ADOT instrumentation: its layer, `AWS_LAMBDA_EXEC_WRAPPER`, X-Ray active tracing.
        adot_instrumentation: Option<AdotInstrumentationConfig>,
        /// The Parameters and Secrets extension: its layer and settings (environment variables).
        params_and_secrets: Option<ParamsAndSecretsLayerVersion>,
        /// CodeGuru profiling: a new `ProfilingGroup` under the function, unless one is given.
        profiling: Option<bool>,
        /// The profiling group to publish to (profiling on unless `profiling(false)`).
        profiling_group: Option<ProfilingGroup>,
        /// Only code signed by the config's profiles deploys.
        code_signing_config: Option<CodeSigningConfig>,
        /// Tenant isolation.
        tenancy_config: Option<TenancyConfig>,
        /// The KMS key that encrypts the environment variables (`KmsKeyArn`).
        environment_encryption: Option<crate::kms::Key>,
        /// A durable function: how long executions may run and how long their history is kept.
        durable_config: Option<super::DurableConfig>,
        /// The VPC to run in; adds a security group and `AWSLambdaVPCAccessExecutionRole`.
        vpc: Option<crate::ec2::Vpc>,
        /// Which subnets of `vpc` (private ones by default).
        vpc_subnets: Option<crate::ec2::SubnetSelection>,
        /// Security groups instead of a new one (needs `vpc`).
        security_groups: Option<Vec<crate::ec2::SecurityGroup>>,
        /// Allow public subnets (functions there cannot reach the internet).
        allow_public_subnet: Option<bool>,
        /// Whether the new security group allows all outbound traffic (true when unset).
        allow_all_outbound: Option<bool>,
        /// A file system to mount (needs `vpc`).
        filesystem: Option<super::FileSystem>,
        /// Outbound IPv6 from a dual-stack VPC's subnets (`VpcConfig.Ipv6AllowedForDualStack`).
        ipv6_allowed_for_dual_stack: Option<bool>,
        /// Whether the new security group allows all outbound IPv6 traffic (false when unset).
        allow_all_ipv6_outbound: Option<bool>,
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
                    .maybe_log_retention(log_retention)
                    .maybe_log_retention_role(log_retention_role)
                    .maybe_log_retention_retry_options(log_retention_retry_options)
                    .maybe_log_removal_policy(log_removal_policy)
                    .maybe_dead_letter_queue_enabled(dead_letter_queue_enabled)
                    .maybe_dead_letter_queue(dead_letter_queue)
                    .maybe_dead_letter_topic(dead_letter_topic)
                    .maybe_max_event_age(max_event_age)
                    .maybe_retry_attempts(retry_attempts)
                    .maybe_on_success(on_success)
                    .maybe_on_failure(on_failure)
                    .maybe_insights_version(insights_version)
                    .maybe_adot_instrumentation(adot_instrumentation)
                    .maybe_params_and_secrets(params_and_secrets)
                    .maybe_profiling(profiling)
                    .maybe_profiling_group(profiling_group)
                    .maybe_code_signing_config(code_signing_config)
                    .maybe_tenancy_config(tenancy_config)
                    .maybe_environment_encryption(environment_encryption)
                    .maybe_durable_config(durable_config)
                    .maybe_vpc(vpc)
                    .maybe_vpc_subnets(vpc_subnets)
                    .maybe_security_groups(security_groups)
                    .maybe_allow_public_subnet(allow_public_subnet)
                    .maybe_allow_all_outbound(allow_all_outbound)
                    .maybe_filesystem(filesystem)
                    .maybe_ipv6_allowed_for_dual_stack(ipv6_allowed_for_dual_stack)
                    .maybe_allow_all_ipv6_outbound(allow_all_ipv6_outbound)
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
