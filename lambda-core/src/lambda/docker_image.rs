//! Container-image functions: `DockerImageCode` (an image in ECR, or one the CDK CLI builds from
//! a local Dockerfile at deploy time), `Code::from_ecr_image` / `Code::from_asset_image`, and
//! `DockerImageFunction`, as aws-cdk-lib writes them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, SnapStartApplyOn,
    SystemLogLevel, Tracing, HANDLER_FROM_IMAGE,
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
use super::tenancy::TenancyConfig;
use super::version::VersionOptions;
use crate::assets::docker::plan_docker_image;
use crate::assets::{DockerImageAssetOptions, IgnoreMode};
use crate::codeguruprofiler::ProfilingGroup;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::stack::FileAsset;
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::ecr::RepositoryRef;
use crate::iam::{PolicyStatement, Principal, Role};
use crate::logs::LogGroup;
use crate::size::Size;
use crate::sns::Topic;
use crate::sqs::Queue;
use crate::{Error, Result};

/// Overrides of the image's `CMD`, `ENTRYPOINT` and `WORKDIR` (the function's `ImageConfig`).
#[derive(Clone, Debug, Default)]
struct ImageConfig {
    cmd: Option<Vec<String>>,
    entrypoint: Option<Vec<String>>,
    working_directory: Option<String>,
}

impl ImageConfig {
    /// `ImageConfig`, or `None` when nothing is overridden.
    fn property(&self) -> Option<Value> {
        let list = |items: &Vec<String>| Value::list(items.iter().map(|s| s.as_str().into()));
        let mut entries: Vec<(&str, Value)> = Vec::new();
        if let Some(cmd) = &self.cmd {
            entries.push(("Command", list(cmd)));
        }
        if let Some(entrypoint) = &self.entrypoint {
            entries.push(("EntryPoint", list(entrypoint)));
        }
        if let Some(dir) = &self.working_directory {
            entries.push(("WorkingDirectory", dir.as_str().into()));
        }
        (!entries.is_empty()).then(|| Value::object(entries))
    }
}

/// Where an image comes from.
#[derive(Clone)]
enum ImageSource {
    Ecr {
        repository: RepositoryRef,
        tag_or_digest: String,
    },
    Asset {
        directory: PathBuf,
        options: DockerImageAssetOptions,
    },
}

/// Container-image code of a function (what `Code::from_ecr_image`, `Code::from_asset_image`
/// and [`DockerImageCode`] bind to).
#[derive(Clone)]
pub struct ImageCode {
    source: ImageSource,
    config: ImageConfig,
}

/// Options of an image in ECR (aws-cdk-lib's `EcrImageCodeProps`).
#[derive(Clone, Debug, Default, lambda_builder::Builder)]
pub struct EcrImageCodeProps {
    /// A tag (`v1`) or a digest (`sha256:...`); `latest` when unset.
    #[builder(into)]
    pub tag_or_digest: Option<String>,
    /// Overrides the image's `CMD`.
    pub cmd: Option<Vec<String>>,
    /// Overrides the image's `ENTRYPOINT`.
    pub entrypoint: Option<Vec<String>>,
    /// Overrides the image's `WORKDIR`.
    #[builder(into)]
    pub working_directory: Option<String>,
}

/// Options of an image built from a local directory (aws-cdk-lib's `AssetImageCodeProps`).
#[derive(Clone, Debug, Default, lambda_builder::Builder)]
pub struct AssetImageCodeProps {
    /// Overrides the image's `CMD`.
    pub cmd: Option<Vec<String>>,
    /// Overrides the image's `ENTRYPOINT`.
    pub entrypoint: Option<Vec<String>>,
    /// Overrides the image's `WORKDIR`.
    #[builder(into)]
    pub working_directory: Option<String>,
    /// `--build-arg` values, in order.
    #[builder(default)]
    pub build_args: Vec<(String, String)>,
    /// The Dockerfile stage to build.
    #[builder(into)]
    pub target: Option<String>,
    /// The Dockerfile, relative to the directory (`Dockerfile` when unset).
    #[builder(into)]
    pub file: Option<String>,
    /// The platform (`linux/arm64`); from the function's architecture when unset.
    #[builder(into)]
    pub platform: Option<String>,
    /// Paths left out of the build context.
    #[builder(default)]
    pub exclude: Vec<String>,
    /// How `exclude` is read; `.dockerignore` semantics when unset.
    pub ignore_mode: Option<IgnoreMode>,
    /// Extra text mixed into the asset hash.
    #[builder(into)]
    pub extra_hash: Option<String>,
}

impl AssetImageCodeProps {
    fn split(self) -> (ImageConfig, DockerImageAssetOptions) {
        (
            ImageConfig {
                cmd: self.cmd,
                entrypoint: self.entrypoint,
                working_directory: self.working_directory,
            },
            DockerImageAssetOptions {
                build_args: self.build_args,
                target: self.target,
                file: self.file,
                platform: self.platform,
                exclude: self.exclude,
                ignore_mode: self.ignore_mode,
                extra_hash: self.extra_hash,
            },
        )
    }
}

impl Code {
    /// An image in an ECR repository (aws-cdk-lib's `Code.fromEcrImage`); use with
    /// `Runtime::FROM_IMAGE` and handler `FROM_IMAGE`. The repository lets Lambda pull.
    pub fn from_ecr_image(repository: impl Into<RepositoryRef>, props: EcrImageCodeProps) -> Code {
        Code::Image(Box::new(ImageCode {
            source: ImageSource::Ecr {
                repository: repository.into(),
                tag_or_digest: props.tag_or_digest.unwrap_or_else(|| "latest".into()),
            },
            config: ImageConfig {
                cmd: props.cmd,
                entrypoint: props.entrypoint,
                working_directory: props.working_directory,
            },
        }))
    }

    /// An image the CDK CLI builds from `directory` at deploy time (aws-cdk-lib's
    /// `Code.fromAssetImage`).
    pub fn from_asset_image(directory: impl AsRef<Path>, props: AssetImageCodeProps) -> Code {
        let (config, options) = props.split();
        Code::Image(Box::new(ImageCode {
            source: ImageSource::Asset {
                directory: directory.as_ref().to_path_buf(),
                options,
            },
            config,
        }))
    }
}

impl ImageCode {
    /// Binds the image to `function`: the ECR pull grant, or the staged Docker image asset
    /// (construct `AssetImage`), and the `Code.ImageUri` / `ImageConfig` properties.
    pub(crate) fn bind(&self, function: &ConstructNode) -> Result<BoundCode> {
        let uri = match &self.source {
            ImageSource::Ecr {
                repository,
                tag_or_digest,
            } => {
                repository.grant_pull(Principal::service("lambda.amazonaws.com"));
                repository.repository_uri_for_tag_or_digest(tag_or_digest)
            }
            ImageSource::Asset { directory, options } => {
                bind_image_asset(function, directory, options)?
            }
        };
        Ok(BoundCode {
            property: Value::object([("ImageUri", uri)]),
            asset_file: None,
            dependencies: Vec::new(),
            image_config: self.config.property(),
        })
    }
}

/// Stages the build context as a Docker image asset under `function` and returns its URI.
fn bind_image_asset(
    function: &ConstructNode,
    directory: &Path,
    options: &DockerImageAssetOptions,
) -> Result<Value> {
    let stack = function
        .stack()
        .ok_or_else(|| Error::Synth(format!("{} is not inside a stack", function.path())))?;
    let node = function.add_child(
        "AssetImage",
        NodeKind::Construct,
        "aws-cdk-lib.aws_ecr_assets.DockerImageAsset",
    )?;
    let planned = plan_docker_image(directory, options, &function.app().outdir(), &node.path())?;
    // aws-cdk-lib's asset staging and the imported repository the image goes to.
    node.add_child("Staging", NodeKind::Construct, "aws-cdk-lib.AssetStaging")?;
    node.add_child(
        "Repository",
        NodeKind::Construct,
        "aws-cdk-lib.aws_ecr.RepositoryBase",
    )?;
    let stack_path = stack.node().path();
    let display_name = node
        .path()
        .strip_prefix(&format!("{stack_path}/"))
        .map_or_else(|| node.path(), str::to_owned);
    Ok(stack.add_docker_image_asset(FileAsset {
        hash: planned.staged.hash.clone(),
        source: directory.to_path_buf(),
        options: planned.fingerprint,
        packaging: planned.staged.packaging,
        file_name: planned.staged.file_name.clone(),
        display_name,
        docker: Some(planned.source),
    }))
}

/// The code of a [`DockerImageFunction`] (aws-cdk-lib's `DockerImageCode`): bound with the
/// function's architecture, which sets an image asset's platform.
#[derive(Clone)]
pub struct DockerImageCode {
    code: ImageCode,
}

impl DockerImageCode {
    /// An image in an ECR repository, by tag or digest (`latest` when unset).
    pub fn from_ecr(repository: impl Into<RepositoryRef>, props: EcrImageCodeProps) -> Self {
        match Code::from_ecr_image(repository, props) {
            Code::Image(code) => DockerImageCode { code: *code },
            _ => unreachable!("from_ecr_image makes image code"),
        }
    }

    /// An image the CDK CLI builds from the Dockerfile in `directory` at deploy time; the
    /// directory is fingerprinted and staged at synthesis (no Docker engine needed then).
    pub fn from_image_asset(directory: impl AsRef<Path>, props: AssetImageCodeProps) -> Self {
        match Code::from_asset_image(directory, props) {
            Code::Image(code) => DockerImageCode { code: *code },
            _ => unreachable!("from_asset_image makes image code"),
        }
    }

    /// The function code for `architecture`: an image asset without a platform builds for it.
    fn bind(mut self, architecture: Option<Architecture>) -> Code {
        if let (ImageSource::Asset { options, .. }, Some(arch)) =
            (&mut self.code.source, architecture)
        {
            if options.platform.is_none() {
                options.platform = Some(docker_platform(arch).to_owned());
            }
        }
        Code::Image(Box::new(self.code))
    }
}

/// The Docker platform of an architecture.
fn docker_platform(architecture: Architecture) -> &'static str {
    match architecture {
        Architecture::Arm64 => "linux/arm64",
        _ => "linux/amd64",
    }
}

/// A function whose code is a container image (aws-cdk-lib's `DockerImageFunction`): a
/// [`Function`] with `Runtime::FROM_IMAGE`, handler `FROM_IMAGE` and `PackageType: Image`.
pub struct DockerImageFunction;

#[lambda_builder::builders]
impl DockerImageFunction {
    /// Builds the function; the props are [`Function`]'s, less runtime, handler and layers.
    ///
    /// ```
    /// use lambda_core::ecr::Repository;
    /// use lambda_core::lambda::{DockerImageCode, DockerImageFunction, EcrImageCodeProps};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let repo = Repository::builder().build(&stack, "Images")?;
    /// DockerImageFunction::builder()
    ///     .code(DockerImageCode::from_ecr(&repo, EcrImageCodeProps::builder().tag_or_digest("v1").build()))
    ///     .build(&stack, "Fn")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The image.
        code: DockerImageCode,
        /// `Description` (at most 256 characters).
        #[builder(into)]
        description: Option<String>,
        /// A fixed name.
        #[builder(into)]
        function_name: Option<String>,
        /// Memory in MB, 128 to 10240.
        memory_size: Option<u32>,
        /// At most 15 minutes; whole seconds.
        timeout: Option<Duration>,
        /// Environment variables, in order.
        #[builder(into)]
        environment: Option<EnvironmentVariables>,
        /// Instruction set; also the platform an image asset is built for.
        architecture: Option<Architecture>,
        /// `/tmp` size, 512 MiB to 10240 MiB.
        ephemeral_storage_size: Option<Size>,
        /// Concurrency reserved for this function.
        reserved_concurrent_executions: Option<u32>,
        /// X-Ray tracing.
        tracing: Option<Tracing>,
        /// `Text` or `JSON`.
        logging_format: Option<LoggingFormat>,
        /// The log group the function writes to.
        log_group: Option<LogGroup>,
        /// Execution role; a new one when unset.
        role: Option<Role>,
        /// Statements added to the role's DefaultPolicy.
        #[builder(default)]
        initial_policy: Vec<PolicyStatement>,
        /// Application log level (JSON format only).
        application_log_level: Option<ApplicationLogLevel>,
        /// System log level (JSON format only).
        system_log_level: Option<SystemLogLevel>,
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
        let function = Function::builder()
            .runtime(Runtime::FROM_IMAGE)
            .handler(HANDLER_FROM_IMAGE)
            .code(code.bind(architecture))
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
            .maybe_log_group(log_group)
            .maybe_role(role)
            .initial_policy(initial_policy)
            .maybe_application_log_level(application_log_level)
            .maybe_system_log_level(system_log_level)
            .maybe_log_retention(log_retention)
            .maybe_log_retention_role(log_retention_role)
            .maybe_log_retention_retry_options(log_retention_retry_options)
            .maybe_log_removal_policy(log_removal_policy)
            .maybe_runtime_management_mode(runtime_management_mode)
            .maybe_recursive_loop(recursive_loop)
            .maybe_snap_start(snap_start)
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
            .build(scope, id)?;
        let node = function.node();
        node.app.tree_mut().node_mut(node.id).fqn = "aws-cdk-lib.aws_lambda.DockerImageFunction";
        Ok(function)
    }
}
