//! `Function`: an `AWS::Lambda::Function` with its execution role, as aws-cdk-lib builds it.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, SnapStartApplyOn,
    SystemLogLevel, Tracing,
};

use super::adot::AdotInstrumentationConfig;
use super::alias::{add_alias, Alias};
use super::code::Code;
use super::code_signing::CodeSigningConfig;
use super::dead_letter::DeadLetterProps;
use super::destinations::Destination;
use super::durable_config::DurableConfig;
use super::event_invoke_config::EventInvokeConfigOptions;
use super::extensions::Extensions;
use super::function_hash::{calculate_function_hash, md5_hex, trim_from_start, FunctionRegistry};
use super::insights::LambdaInsightsVersion;
use super::layer::LayerVersion;
use super::params_and_secrets::ParamsAndSecretsLayerVersion;
use super::rules;
use super::runtime_management::RuntimeManagementMode;
use super::tenancy::TenancyConfig;
use super::version::{Version, VersionOptions};
use super::version_props::prop;
use crate::cloudwatch::Metric;
use crate::codeguruprofiler::ProfilingGroup;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::flags::{RECOGNIZE_LAYER_VERSION, USE_CDK_MANAGED_LOG_GROUP};
use crate::core::logical_id::make_unique_id;
use crate::core::tree::{NodeId, NodeKind};
use crate::core::value::{Lazy, Value};
use crate::iam::{ManagedPolicy, PolicyStatement, Principal, Role};
use crate::logs::LogGroup;
use crate::size::Size;
use crate::sns::Topic;
use crate::sqs::Queue;
use crate::synth::resolve::Resolver;
use crate::{Error, Result};

/// Environment variables in the order given (the order aws-cdk-lib keeps until
/// `current_version()` sorts them).
#[derive(Clone, Debug, Default)]
pub struct EnvironmentVariables(pub Vec<(String, Value)>);

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for EnvironmentVariables {
    fn from_iter<T: IntoIterator<Item = (K, V)>>(iter: T) -> Self {
        EnvironmentVariables(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl<K: Into<String>, V: Into<Value>, const N: usize> From<[(K, V); N]> for EnvironmentVariables {
    fn from(vars: [(K, V); N]) -> Self {
        vars.into_iter().collect()
    }
}

impl<K: Into<String>, V: Into<Value>> From<Vec<(K, V)>> for EnvironmentVariables {
    fn from(vars: Vec<(K, V)>) -> Self {
        vars.into_iter().collect()
    }
}

pub(crate) struct FunctionState {
    pub(crate) environment: Vec<(String, Value)>,
    /// Set once `current_version()` was read: environment keys are then sorted.
    pub(crate) sort_environment: bool,
    current_version: Option<Version>,
    current_version_options: VersionOptions,
    /// `invalidate_version_based_on` strings, in call order.
    hash_mixins: Vec<String>,
    layers: Vec<LayerVersion>,
    /// Grants made on this function and its versions and aliases (see `invocable.rs`).
    pub(crate) invoke_grants: Rc<RefCell<super::invocable::InvokeGrants>>,
    /// Tenant isolation: most event sources are refused then (see `event_source.rs`).
    pub(crate) tenancy: Option<TenancyConfig>,
}

/// An AWS Lambda function. Cheap to clone; clones share the same function.
#[derive(Clone)]
pub struct Function {
    node: ConstructNode,
    resource: CfnResource,
    role: Role,
    runtime: Runtime,
    timeout: Option<Duration>,
    pub(crate) state: Rc<RefCell<FunctionState>>,
    connections: Option<crate::ec2::Connections>,
}

impl Construct for Function {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

#[lambda_builder::builders]
impl Function {
    /// Builds a function; every value is checked with the same `lambda-spec` rules the
    /// `#[lambda_function]` macro applies at compile time, errors carry aws-cdk-lib's messages.
    ///
    /// ```
    /// use lambda_core::lambda::{Code, Function, Runtime};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "MyFunction")?;
    /// assert_eq!(f.node().path(), "MyStack/MyFunction");
    /// # use lambda_core::Construct;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The runtime; `Runtime::NODEJS_22_X`...
        runtime: Runtime,
        /// `file.function` for Node.js/Python, `package.Class::method` for Java...
        #[builder(into)]
        handler: String,
        /// Where the code comes from.
        code: Code,
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
        /// Instruction set; x86_64 when unset (and then not written).
        architecture: Option<Architecture>,
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
        /// Execution role; a new one with `AWSLambdaBasicExecutionRole` when unset
        /// (`AWSLambdaBasicDurableExecutionRolePolicy` with `durable_config`).
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
        // ---- extensions (applied by `extensions.rs`) ----
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
        /// The KMS key that encrypts the environment variables (`KmsKeyArn`); Lambda's own
        /// key when unset.
        environment_encryption: Option<crate::kms::Key>,
        /// A durable function: how long executions may run and how long their history is kept.
        durable_config: Option<DurableConfig>,
        // ---- networking (see `vpc_config.rs`) ----
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
        let network = super::vpc_config::NetworkProps {
            vpc,
            vpc_subnets,
            security_groups,
            allow_public_subnet,
            allow_all_outbound,
            filesystem,
            ipv6_allowed_for_dual_stack,
            allow_all_ipv6_outbound,
        };
        let path = rules::ErrorPath::new(scope, id);
        let mut extensions = Extensions {
            architecture: architecture.unwrap_or(Architecture::DEFAULT),
            insights_version,
            adot_instrumentation,
            params_and_secrets,
            profiling,
            profiling_group,
            code_signing_config,
            tenancy_config,
        };
        // Checks in aws-cdk-lib's order, so the same input reports the same first error.
        rules::check_name_and_description(function_name.as_deref(), description.as_deref(), &path)?;
        rules::check_handler(&runtime, &handler, &path)?;
        lambda_spec::validate_image_code(matches!(code, Code::Image(_)), runtime, &handler)
            .map_err(|e| Error::spec(e, path.get()))?;
        if let Some(mb) = memory_size {
            rules::check_memory_size(mb, &path)?;
        }
        if let Some(t) = timeout {
            rules::check_timeout(t, &path)?;
        }
        if let Some(n) = reserved_concurrent_executions {
            rules::check_reserved_concurrency(i64::from(n), &path)?;
        }

        if let Code::Inline(source) = &code {
            rules::check_inline_code(&runtime, source, &path)?;
        }
        let environment = environment.unwrap_or_default().0;
        for (name, _) in &environment {
            rules::check_environment_variable(name, &path)?;
        }
        if let Some(size) = ephemeral_storage_size {
            rules::check_ephemeral_storage(size, &path)?;
        }
        if snap_start == Some(SnapStartApplyOn::PublishedVersions) {
            let ctx = lambda_spec::SnapStartContext {
                runtime,
                tenant_isolation: extensions.tenant_isolation(),
                filesystem: network.filesystem.is_some(),
                ephemeral_storage_mib: ephemeral_storage_size
                    .map(|s| u32::try_from(s.to_mebibytes()).unwrap_or(u32::MAX)),
            };
            lambda_spec::validate_snap_start(&ctx).map_err(|e| Error::spec(e, path.get()))?;
        }
        rules::check_logging(
            logging_format,
            application_log_level,
            system_log_level,
            &path,
        )?;

        for (count, layer) in layers.iter().enumerate() {
            rules::check_layer(runtime, count, layer, &path)?;
        }
        extensions.check(scope, &path.get())?;
        extensions.check_runtime(scope, runtime, &path.get())?;
        let tracing = extensions.tracing(tracing);

        let dead_letter = DeadLetterProps {
            enabled: dead_letter_queue_enabled,
            queue: dead_letter_queue,
            topic: dead_letter_topic,
        };
        dead_letter.check(&path)?;
        super::log_retention::check_log_options(
            scope,
            log_group.is_some(),
            log_retention.is_some(),
            log_removal_policy.is_some(),
            &path.get(),
        )?;

        let subnets = network.check(&path.get())?;
        if let Some(config) = &durable_config {
            config.check(&path.get())?;
        }
        // Nothing above changed the tree; from here on, a failure removes what was added.
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = scope.node().add_child(
                id,
                NodeKind::Construct,
                "aws-cdk-lib.aws_lambda.Function",
            )?;
            let role = match role {
                Some(role) => role,
                None => Role::builder()
                    .assumed_by(Principal::service("lambda.amazonaws.com"))
                    .managed_policies(vec![ManagedPolicy::from_aws_managed_policy_name(
                        if durable_config.is_some() {
                            "service-role/AWSLambdaBasicDurableExecutionRolePolicy"
                        } else {
                            "service-role/AWSLambdaBasicExecutionRole"
                        },
                    )])
                    .build(&node, "ServiceRole")?,
            };

            let bound = code.bind(&node, function_name.as_deref())?;
            let environment = extensions.profiling_environment(&node, environment)?;
            let dead_letter = dead_letter.build(&node)?;
            let state = Rc::new(RefCell::new(FunctionState {
                environment,
                sort_environment: false,
                current_version: None,
                current_version_options: current_version_options.unwrap_or_default(),
                hash_mixins: Vec::new(),
                layers: Vec::new(),
                invoke_grants: Rc::default(),
                tenancy: extensions.tenancy_config,
            }));

            let mut properties: Vec<(&'static str, Value)> = Vec::with_capacity(12);
            if let Some(arch) = architecture {
                properties.push((prop::ARCHITECTURES, Value::list([arch.as_str().into()])));
            }
            properties.push((prop::CODE, bound.property));
            if let Some(target) = &dead_letter {
                properties.push((prop::DEAD_LETTER_CONFIG, target.config()));
            }
            if let Some(d) = &description {
                properties.push((prop::DESCRIPTION, d.as_str().into()));
            }
            if let Some(config) = &durable_config {
                properties.push((prop::DURABLE_CONFIG, config.render(&node)?));
            }
            properties.push((prop::ENVIRONMENT, environment_value(&state)));
            if let Some(size) = ephemeral_storage_size {
                properties.push((
                    prop::EPHEMERAL_STORAGE,
                    Value::object([("Size", Value::from(size.to_mebibytes()))]),
                ));
            }
            if let Some(fs) = &network.filesystem {
                properties.push((prop::FILE_SYSTEM_CONFIGS, fs.config()));
            }
            if let Some(n) = &function_name {
                properties.push((prop::FUNCTION_NAME, n.as_str().into()));
            }
            // Container images have neither handler nor runtime, and say `PackageType: Image`.
            let is_image = runtime.is_from_image();
            if !is_image {
                properties.push((prop::HANDLER, handler.into()));
            }
            if let Some(config) = bound.image_config {
                properties.push((prop::IMAGE_CONFIG, config));
            }
            if let Some(key) = &environment_encryption {
                properties.push((prop::KMS_KEY_ARN, key.key_arn()));
            }
            if is_image {
                properties.push((prop::PACKAGE_TYPE, "Image".into()));
            }
            properties.push((prop::LAYERS, layers_value(&state, &node)));
            if logging_format.is_some() || log_group.is_some() {
                let mut config: Vec<(&str, Value)> = Vec::new();
                if let Some(level) = application_log_level {
                    config.push(("ApplicationLogLevel", level.as_str().into()));
                }
                if let Some(format) = logging_format {
                    config.push(("LogFormat", format.as_str().into()));
                }
                if let Some(group) = &log_group {
                    config.push(("LogGroup", group.log_group_name()));
                }
                if let Some(level) = system_log_level {
                    config.push(("SystemLogLevel", level.as_str().into()));
                }
                properties.push((prop::LOGGING_CONFIG, Value::object(config)));
            }
            if let Some(mb) = memory_size {
                properties.push((prop::MEMORY_SIZE, mb.into()));
            }
            if let Some(mode) = recursive_loop {
                properties.push((prop::RECURSIVE_LOOP, mode.as_str().into()));
            }
            if let Some(n) = reserved_concurrent_executions {
                properties.push((prop::RESERVED_CONCURRENT_EXECUTIONS, n.into()));
            }
            properties.push((prop::ROLE, role.role_arn()));
            if !is_image {
                properties.push((prop::RUNTIME, runtime.name().into()));
            }
            if let Some(mode) = &runtime_management_mode {
                properties.push((prop::RUNTIME_MANAGEMENT_CONFIG, mode.render()));
            }
            if let Some(apply_on) = snap_start {
                properties.push((
                    prop::SNAP_START,
                    Value::object([("ApplyOn", Value::from(apply_on.as_str()))]),
                ));
            }
            if let Some(t) = timeout {
                properties.push((prop::TIMEOUT, t.as_secs().into()));
            }
            properties.extend(extensions.properties());
            if let Some(mode) = tracing.and_then(Tracing::cfn_mode) {
                properties.push((
                    prop::TRACING_CONFIG,
                    Value::object([("Mode", Value::from(mode))]),
                ));
            }
            let connections = network.configure(&node, &role, &subnets, &mut properties)?;
            let resource =
                CfnResource::create(&node, "Resource", "AWS::Lambda::Function", properties)?;
            network.depend(&node, &resource, &role, &subnets, connections.as_ref())?;
            resource.set_key_slots(super::version_props::function_key_slots);
            if let Some(file) = bound.asset_file {
                resource.with(|e| e.extra_mut().asset = Some((file, prop::CODE)));
            }
            resource.node().add_dependency(&role);
            for dep in &bound.dependencies {
                resource.node().add_dependency(dep);
            }

            // Statements go to the role only once nothing can fail: the role may be the user's.
            for statement in initial_policy {
                role.add_to_principal_policy(statement)?;
            }
            extensions.grant_profiling(&role)?;
            if let Some(target) = &dead_letter {
                role.add_to_principal_policy(target.statement())?;
            }
            if tracing.and_then(Tracing::cfn_mode).is_some() {
                role.add_to_principal_policy(
                    PolicyStatement::new()
                        .actions(["xray:PutTraceSegments", "xray:PutTelemetryRecords"])
                        .resources(["*"]),
                )?;
            }

            let function = Function {
                node,
                resource,
                role,
                runtime,
                timeout,
                state,
                connections,
            };
            function.add_layers(&layers)?;
            {
                let state = function.state.clone();
                let l1 = function.resource.node().id;
                let mut tree = function.node.app.tree_mut();
                tree.extension_mut::<FunctionRegistry>()
                    .function_hashers
                    .push((
                        l1,
                        Rc::new(move |r: &Resolver<'_>| function_hash(&state, l1, r, false)),
                    ));
            }
            if let Some(retention) = log_retention {
                super::log_retention::add_log_retention(
                    &function,
                    retention,
                    log_retention_role,
                    log_retention_retry_options,
                    log_removal_policy,
                )?;
            } else if log_group.is_none() && function.node.feature_flag(USE_CDK_MANAGED_LOG_GROUP) {
                LogGroup::builder()
                    .log_group_name(Value::join(
                        "",
                        ["/aws/lambda/".into(), function.function_name()],
                    ))
                    .build(&function.node, "LogGroup")?;
            }
            extensions.configure(&function)?;
            let async_invoke = EventInvokeConfigOptions {
                max_event_age,
                retry_attempts,
                on_success,
                on_failure,
            };
            if async_invoke.is_set() {
                function.configure_async_invoke(async_invoke)?;
            }
            Ok(function)
        })
    }
}

/// The `currentVersion` hash of the function whose L1 is `function`, with or without the
/// `invalidate_version_based_on` strings.
fn function_hash(
    state: &Rc<RefCell<FunctionState>>,
    function: NodeId,
    r: &Resolver<'_>,
    with_mixins: bool,
) -> Result<String> {
    let mixins = if with_mixins {
        state.borrow().hash_mixins.concat()
    } else {
        String::new()
    };
    let layers = sorted_layers(&state.borrow(), true);
    let layers_hash = |r: &Resolver<'_>| -> Result<String> {
        let mut config = serde_json::Map::new();
        for layer in &layers {
            let (key, value) = layer.hash_entry(r)?;
            config.insert(key, value);
        }
        Ok(md5_hex(&serde_json::Value::Object(config).to_string()))
    };
    calculate_function_hash(r, function, &mixins, &layers_hash)
}

/// The `$LATEST` version of a function: whatever was deployed last, unpublished.
#[derive(Clone)]
pub struct LatestVersion {
    function: Function,
}

impl LatestVersion {
    /// `"$LATEST"`.
    pub fn version(&self) -> Value {
        Value::from("$LATEST")
    }

    /// The function ARN qualified with `:$LATEST`.
    pub fn function_arn(&self) -> Value {
        Value::join("", [self.function.function_arn(), ":$LATEST".into()])
    }

    /// The function this is the `$LATEST` version of.
    pub fn lambda(&self) -> &Function {
        &self.function
    }

    /// An alias pointing at `$LATEST` (construct id `Alias<name>` under the function).
    pub fn add_alias(&self, alias_name: &str) -> Result<Alias> {
        add_alias(&self.function, self, alias_name)
    }
}

/// Whether an invoke permission was added before `current_version()` was first called.
fn state_warns_on_current_version(state: &Rc<RefCell<FunctionState>>) -> bool {
    let state = state.borrow();
    let grants = state.invoke_grants.borrow();
    grants.warn_if_current_version_called
}

/// Layers in the order added, or sorted by construct path under `recognizeLayerVersion`.
fn sorted_layers(state: &FunctionState, sort: bool) -> Vec<LayerVersion> {
    let mut layers = state.layers.clone();
    if sort {
        // JS default sort of the layers' string form, their construct paths.
        layers.sort_by_cached_key(|l| l.node().path().encode_utf16().collect::<Vec<u16>>());
    }
    layers
}

fn layers_value(state: &Rc<RefCell<FunctionState>>, node: &ConstructNode) -> Value {
    let state = state.clone();
    let function = node.id;
    Value::Lazy(Lazy::new(move |r| {
        let sort = r.feature_flag(function, RECOGNIZE_LAYER_VERSION);
        let layers = sorted_layers(&state.borrow(), sort);
        Ok((!layers.is_empty())
            .then(|| Value::List(layers.iter().map(LayerVersion::layer_version_arn).collect())))
    }))
}

fn environment_value(state: &Rc<RefCell<FunctionState>>) -> Value {
    let state = state.clone();
    Value::Lazy(Lazy::new(move |_| {
        let state = state.borrow();
        if state.environment.is_empty() {
            return Ok(None);
        }
        let mut vars = state.environment.clone();
        if state.sort_environment {
            // JS default sort: UTF-16 code units, equal to byte order for these names.
            vars.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        }
        Ok(Some(Value::object([("Variables", Value::Object(vars))])))
    }))
}

impl Function {
    /// The L1 `AWS::Lambda::Function`, for overrides.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.resource
    }

    /// The function's security groups, when it runs in a VPC.
    pub fn connections(&self) -> Option<&crate::ec2::Connections> {
        self.connections.as_ref()
    }

    /// The execution role.
    pub fn role(&self) -> &Role {
        &self.role
    }

    /// The runtime.
    pub fn runtime(&self) -> Runtime {
        self.runtime
    }

    /// The timeout, if one was set.
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// `{"Ref": <function>}`: the function name.
    pub fn function_name(&self) -> Value {
        self.resource.ref_value()
    }

    /// `{"Fn::GetAtt": [<function>, "Arn"]}`.
    pub fn function_arn(&self) -> Value {
        self.resource.get_att("Arn")
    }

    /// Adds an environment variable after creation (kept after the ones given as props).
    pub fn add_environment(&self, key: &str, value: impl Into<Value>) -> Result<&Self> {
        rules::check_environment_variable(key, &rules::ErrorPath::of(&self.node))?;
        self.state
            .borrow_mut()
            .environment
            .push((key.to_owned(), value.into()));
        Ok(self)
    }

    /// Adds a statement to the execution role's policy.
    pub fn add_to_role_policy(&self, statement: PolicyStatement) -> Result<()> {
        self.role.add_to_principal_policy(statement)
    }

    /// A metric of this function in the `AWS/Lambda` namespace (average over 5 minutes).
    pub fn metric(&self, metric_name: &str) -> Metric {
        Metric {
            namespace: "AWS/Lambda".into(),
            metric_name: metric_name.into(),
            dimensions: vec![("FunctionName".into(), self.function_name())],
            statistic: "Average".into(),
            period_seconds: 300,
        }
    }

    /// How long each invocation takes (`Duration`, average over 5 minutes).
    pub fn metric_duration(&self) -> Metric {
        self.metric("Duration")
    }

    /// How often the function is invoked (`Invocations`, sum over 5 minutes).
    pub fn metric_invocations(&self) -> Metric {
        self.metric("Invocations").with_statistic("Sum")
    }

    /// How many invocations fail (`Errors`, sum over 5 minutes).
    pub fn metric_errors(&self) -> Metric {
        self.metric("Errors").with_statistic("Sum")
    }

    /// The version that always holds the function's current code and configuration
    /// (aws-cdk-lib's `currentVersion`). Its logical ID ends in an md5 of the function's
    /// version-locked properties, computed at synthesis, so a change to one of them publishes
    /// a new version and nothing else does. Created on first use; from then on the
    /// environment variables are written sorted, as aws-cdk-lib writes them.
    pub fn current_version(&self) -> Result<Version> {
        if let Some(v) = &self.state.borrow().current_version {
            return Ok(v.clone());
        }
        let options = self.state.borrow().current_version_options.clone();
        let version = Version::from_options(&self.node, "CurrentVersion", self, options)?;
        let original_id = {
            let tree = self.node.app.tree();
            let components = tree.components_below_stack(version.cfn_resource().node().id);
            make_unique_id(&components).map_err(Error::Synth)?
        };
        let function = self.resource.node().id;
        let state = self.state.clone();
        version.cfn_resource().set_lazy_logical_id(move |r| {
            let hash = function_hash(&state, function, r, true)?;
            Ok(format!("{}{hash}", trim_from_start(&original_id, 223)))
        });
        if state_warns_on_current_version(&self.state) {
            super::invocable::warn_invoke_function_permissions(&self.node);
        }
        let mut state = self.state.borrow_mut();
        state.sort_environment = true;
        state.current_version = Some(version.clone());
        Ok(version)
    }

    /// Adds layers (at most 5 in all); each must be compatible with the function's runtime.
    pub fn add_layers(&self, layers: &[LayerVersion]) -> Result<()> {
        let path = rules::ErrorPath::of(&self.node);
        for layer in layers {
            let count = self.state.borrow().layers.len();
            rules::check_layer(self.runtime, count, layer, &path)?;
            self.state.borrow_mut().layers.push(layer.clone());
        }
        Ok(())
    }

    /// An alias `alias_name` on [`Function::current_version`] (construct id `Alias<name>`).
    pub fn add_alias(&self, alias_name: &str) -> Result<Alias> {
        let version = self.current_version()?;
        add_alias(self, version, alias_name)
    }

    /// The unpublished `$LATEST` version of this function. Like aws-cdk-lib's `latestVersion`,
    /// the first use adds a construct `$LATEST` under the function (it has no resource, but
    /// `tree.json` lists it).
    pub fn latest_version(&self) -> LatestVersion {
        if self.node.try_find_child("$LATEST").is_none() {
            // Cannot fail: the id is free (checked above) and a function is always in a stack.
            let _ = self.node.add_child(
                "$LATEST",
                NodeKind::Construct,
                "aws-cdk-lib.aws_lambda.FunctionBase",
            );
        }
        LatestVersion {
            function: self.clone(),
        }
    }

    /// Mixes `input` into the `currentVersion` hash, to publish a new version when something
    /// outside the function's properties changed.
    pub fn invalidate_version_based_on(&self, input: impl Into<String>) {
        self.state.borrow_mut().hash_mixins.push(input.into());
    }

    /// Classifies a property for the `currentVersion` hash of every function of this app
    /// (aws-cdk-lib's `Function.classifyVersionProperty`): `locked` properties are hashed,
    /// others ignored. Needed before overriding a property aws-cdk-lib does not know.
    pub fn classify_version_property(scope: &dyn Construct, property: &str, locked: bool) {
        scope
            .node()
            .app
            .tree_mut()
            .extension_mut::<FunctionRegistry>()
            .version_classifications
            .push((property.to_owned(), locked));
    }
}
