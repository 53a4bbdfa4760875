//! The Lambda constructs.

mod adot;
mod alias;
mod autoscaling;
mod code;
mod code_signing;
mod custom_command;
mod dead_letter;
mod destinations;
mod docker_image;
mod durable_config;
mod event_invoke_config;
mod event_source;
mod event_source_dlq;
mod event_source_dynamodb;
mod event_source_filter;
mod event_source_mapping;
mod event_source_s3;
mod event_source_sns;
mod event_source_sqs;
mod extensions;
mod filesystem;
mod function;
mod function_hash;
mod function_url;
mod imported;
mod insights;
mod invocable;
mod layer;
mod log_retention;
mod params_and_secrets;
mod permission;
mod rules;
mod runtime_management;
mod rust_build;
mod rust_function;
mod singleton;
mod tenancy;
mod version;
mod version_props;
mod version_upgrade;
mod vpc_config;

#[cfg(test)]
mod forwarding_tests;

pub use adot::{
    AdotInstrumentationConfig, AdotLambdaExecWrapper, AdotLambdaLayerGenericVersion,
    AdotLambdaLayerJavaAutoInstrumentationVersion, AdotLambdaLayerJavaScriptSdkVersion,
    AdotLambdaLayerJavaSdkVersion, AdotLambdaLayerPythonSdkVersion, AdotLayerVersion,
};
pub use alias::{Alias, AliasTarget};
pub use autoscaling::{AutoScalingOptions, ScalableFunctionAttribute, UtilizationScalingOptions};
pub use code::{AssetOptions, BucketCodeOptions, Code};
pub use code_signing::{CodeSigningConfig, UntrustedArtifactOnDeployment};
pub use custom_command::CustomCommandOptions;
pub use destinations::Destination;
pub use docker_image::{
    AssetImageCodeProps, DockerImageCode, DockerImageFunction, EcrImageCodeProps, ImageCode,
};
pub use durable_config::DurableConfig;
pub use event_invoke_config::{EventInvokeConfig, EventInvokeConfigOptions};
pub use event_source::EventSource;
pub use event_source_dlq::{OnFailureDestination, SnsDlq, SqsDlq};
pub use event_source_dynamodb::DynamoEventSource;
pub use event_source_filter::{Filter, FilterCriteria, FilterPattern, FilterRule, FilterValue};
pub use event_source_mapping::{EventSourceMapping, MetricType, StartingPosition};
pub use event_source_s3::S3EventSource;
pub use event_source_sns::SnsEventSource;
pub use event_source_sqs::{SqsEventSource, SQS_FUNCTION_IMPORT_WITHOUT_ROLE};
pub use filesystem::FileSystem;
pub use function::{EnvironmentVariables, Function, LatestVersion};
pub use function_url::{
    FunctionUrl, FunctionUrlCorsOptions, FunctionUrlTarget, HttpMethod, InvokeMode,
    MAX_CORS_MAX_AGE_SECONDS,
};
pub use imported::{FunctionAttributes, ImportedFunction};
pub use insights::LambdaInsightsVersion;
pub use invocable::{
    FunctionVersion, Invocable, PermissionTarget, ADD_PERMISSIONS_TO_VERSION_OR_ALIAS,
};
pub use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, RuntimeFamily,
    S3ObjectStorageMode, SnapStartApplyOn, SystemLogLevel, Tracing,
};
pub use layer::{LayerVersion, LayerVersionPermission};
pub use log_retention::{LogRetentionRetryOptions, LOG_RETENTION_PROVIDER_ID};
pub use params_and_secrets::{
    ParamsAndSecretsLayerVersion, ParamsAndSecretsLogLevel, ParamsAndSecretsOptions,
    ParamsAndSecretsVersions,
};
pub use permission::{FunctionUrlAuthType, Permission, DEFAULT_ACTION};
pub use runtime_management::RuntimeManagementMode;
pub use rust_build::RustCode;
pub use rust_function::RustFunction;
pub use singleton::SingletonFunction;
pub use tenancy::TenancyConfig;
pub use version::{Version, VersionOptions};
pub use version_props::VersionProps;
pub use version_upgrade::FunctionVersionUpgrade;
