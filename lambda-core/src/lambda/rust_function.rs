//! `RustFunction`: a `Function` whose code is a Rust package built with cargo-lambda, with
//! cargo-lambda-cdk's defaults (runtime `provided.al2023`, handler `bootstrap`). Every other
//! `Function` prop goes through as is.

use std::path::PathBuf;
use std::time::Duration;

use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, SnapStartApplyOn,
    SystemLogLevel, Tracing,
};

use super::adot::AdotInstrumentationConfig;
use super::code::{BoundCode, Code};
use super::code_signing::CodeSigningConfig;
use super::destinations::Destination;
use super::function::{EnvironmentVariables, Function};
use super::insights::LambdaInsightsVersion;
use super::layer::LayerVersion;
use super::params_and_secrets::ParamsAndSecretsLayerVersion;
use super::runtime_management::RuntimeManagementMode;
use super::rust_build::RustCode;
use super::tenancy::TenancyConfig;
use super::version::VersionOptions;
use crate::codeguruprofiler::ProfilingGroup;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::stack::FileAsset;
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::iam::{PolicyStatement, Role};
use crate::logs::LogGroup;
use crate::size::Size;
use crate::sns::Topic;
use crate::sqs::Queue;
use crate::{Error, Result};

/// A Lambda function running a Rust handler (cargo-lambda-cdk's `RustFunction`).
pub struct RustFunction;

#[lambda_builder::builders]
impl RustFunction {
    /// Builds the handler package (only when its sources changed) and a `Function` running it.
    ///
    /// ```no_run
    /// use lambda_core::lambda::RustFunction;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = RustFunction::builder()
    ///     .manifest_path("handlers/orders")
    ///     .binary_name("orders")
    ///     .memory_size(256)
    ///     .build(&stack, "Orders")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The package folder or its `Cargo.toml` (a workspace member works too).
        #[builder(into)]
        manifest_path: PathBuf,
        /// The binary to build when the package has several.
        #[builder(into)]
        binary_name: Option<String>,
        /// `X86_64` (default, always written as cargo-lambda-cdk does) or `Arm64`.
        #[builder(default = Architecture::X86_64)]
        architecture: Architecture,
        /// Cargo profile; `release` by default.
        #[builder(into)]
        profile: Option<String>,
        /// Cargo features to turn on.
        #[builder(default)]
        features: Vec<String>,
        /// A target triple other than the architecture's default.
        #[builder(into)]
        target: Option<String>,
        /// More flags for `cargo lambda build`.
        #[builder(default)]
        extra_args: Vec<String>,
        /// Environment variables of the build.
        #[builder(default)]
        build_environment: Vec<(String, String)>,
        /// The runtime; `provided.al2023` when unset.
        runtime: Option<Runtime>,
        /// The handler; `bootstrap` when unset.
        #[builder(into)]
        handler: Option<String>,
        /// `Description` (at most 256 characters).
        #[builder(into)]
        description: Option<String>,
        /// A fixed name (letters, digits, `-`, `_`; at most 64 characters).
        #[builder(into)]
        function_name: Option<String>,
        /// Memory in MB, 128 to 10240.
        memory_size: Option<u32>,
        /// At most 15 minutes; whole seconds.
        timeout: Option<Duration>,
        /// Environment variables, in order.
        #[builder(into)]
        environment: Option<EnvironmentVariables>,
        /// `/tmp` size, 512 MiB to 10240 MiB.
        ephemeral_storage_size: Option<Size>,
        /// Concurrency reserved for this function (0 stops it).
        reserved_concurrent_executions: Option<u32>,
        /// X-Ray tracing; `Active` and `PassThrough` also grant X-Ray writes.
        tracing: Option<Tracing>,
        /// `Text` or `JSON`; log levels need `JSON`.
        logging_format: Option<LoggingFormat>,
        /// Application log level (JSON format only).
        application_log_level: Option<ApplicationLogLevel>,
        /// System log level (JSON format only).
        system_log_level: Option<SystemLogLevel>,
        /// The log group the function writes to.
        log_group: Option<LogGroup>,
        /// Legacy log retention: a `Custom::LogRetention` sets the retention of
        /// `/aws/lambda/<function>` (not together with `log_group`).
        log_retention: Option<crate::logs::RetentionDays>,
        /// The role of the stack's log retention provider (a new one when unset).
        log_retention_role: Option<Role>,
        /// How the log retention provider retries throttled calls.
        log_retention_retry_options: Option<super::log_retention::LogRetentionRetryOptions>,
        /// What happens to the log group of `log_retention` when the function leaves the stack.
        log_removal_policy: Option<crate::core::element::RemovalPolicy>,
        /// When the runtime is updated.
        runtime_management_mode: Option<RuntimeManagementMode>,
        /// Recursive loop detection.
        recursive_loop: Option<RecursiveLoop>,
        /// SnapStart for published versions (Java, Python and .NET runtimes that support it).
        snap_start: Option<SnapStartApplyOn>,
        /// Execution role; a new one with `AWSLambdaBasicExecutionRole` when unset.
        role: Option<Role>,
        /// Statements added to the role's DefaultPolicy.
        #[builder(default)]
        initial_policy: Vec<PolicyStatement>,
        /// Settings of the version `current_version()` creates.
        current_version_options: Option<VersionOptions>,
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
        /// Layers (at most 5), in order.
        #[builder(default)]
        layers: Vec<LayerVersion>,
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
    ) -> Result<Function> {
        let code = RustCode::builder()
            .manifest_path(manifest_path)
            .maybe_binary_name(binary_name)
            .architecture(architecture)
            .profile(profile.unwrap_or_else(|| "release".to_string()))
            .features(features)
            .maybe_target(target)
            .extra_args(extra_args)
            .build_environment(build_environment)
            .build();
        Function::builder()
            .runtime(runtime.unwrap_or(Runtime::PROVIDED_AL2023))
            .handler(handler.unwrap_or_else(|| "bootstrap".to_string()))
            .code(Code::from_rust(code))
            .architecture(architecture)
            .maybe_description(description)
            .maybe_function_name(function_name)
            .maybe_memory_size(memory_size)
            .maybe_timeout(timeout)
            .maybe_environment(environment)
            .maybe_ephemeral_storage_size(ephemeral_storage_size)
            .maybe_reserved_concurrent_executions(reserved_concurrent_executions)
            .maybe_tracing(tracing)
            .maybe_logging_format(logging_format)
            .maybe_application_log_level(application_log_level)
            .maybe_system_log_level(system_log_level)
            .maybe_log_group(log_group)
            .maybe_log_retention(log_retention)
            .maybe_log_retention_role(log_retention_role)
            .maybe_log_retention_retry_options(log_retention_retry_options)
            .maybe_log_removal_policy(log_removal_policy)
            .maybe_runtime_management_mode(runtime_management_mode)
            .maybe_recursive_loop(recursive_loop)
            .maybe_snap_start(snap_start)
            .maybe_role(role)
            .initial_policy(initial_policy)
            .maybe_current_version_options(current_version_options)
            .maybe_dead_letter_queue_enabled(dead_letter_queue_enabled)
            .maybe_dead_letter_queue(dead_letter_queue)
            .maybe_dead_letter_topic(dead_letter_topic)
            .maybe_max_event_age(max_event_age)
            .maybe_retry_attempts(retry_attempts)
            .maybe_on_success(on_success)
            .maybe_on_failure(on_failure)
            .layers(layers)
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
            .build(scope, id)
    }
}

/// Binds Rust code: hash by source, build if no `asset.<hash>` exists yet, stage the folder.
pub(crate) fn bind_rust(code: &RustCode, function: &ConstructNode) -> Result<BoundCode> {
    let stack = function
        .stack()
        .ok_or_else(|| Error::Synth(format!("{} is not inside a stack", function.path())))?;
    let hash = code.asset_hash()?;
    let outdir = function.app().outdir();
    let folder = code.ensure_built(&hash, &outdir)?;
    let planned = crate::assets::plan_with_hash(&folder, &hash)?;
    let code_node = function.add_child(
        "Code",
        NodeKind::Construct,
        "aws-cdk-lib.aws_s3_assets.Asset",
    )?;
    let stack_path = stack.node().path();
    let display_name = code_node
        .path()
        .strip_prefix(&format!("{stack_path}/"))
        .unwrap_or(&code_node.path())
        .to_owned();
    let (bucket, key) = stack.add_file_asset(FileAsset {
        hash: planned.hash.clone(),
        source: folder,
        options: crate::assets::FingerprintOptions::default(),
        packaging: planned.packaging,
        file_name: planned.file_name.clone(),
        display_name,
        docker: None,
    });
    Ok(BoundCode {
        property: Value::object([("S3Bucket", bucket), ("S3Key", key)]),
        asset_file: Some(planned.file_name),
        dependencies: Vec::new(),
        image_config: None,
    })
}
