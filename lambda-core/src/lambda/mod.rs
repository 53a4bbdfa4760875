//! The Lambda constructs.

mod alias;
mod autoscaling;
mod code;
mod custom_command;
mod docker_image;
mod function;
mod function_hash;
mod function_url;
mod imported;
mod invocable;
mod layer;
mod log_retention;
mod permission;
mod rules;
mod runtime_management;
mod singleton;
mod version;
mod version_props;
mod version_upgrade;

pub use alias::{Alias, AliasTarget};
pub use autoscaling::{AutoScalingOptions, ScalableFunctionAttribute, UtilizationScalingOptions};
pub use code::{AssetOptions, BucketCodeOptions, Code};
pub use custom_command::CustomCommandOptions;
pub use docker_image::{
    AssetImageCodeProps, DockerImageCode, DockerImageFunction, EcrImageCodeProps, ImageCode,
};
pub use function::{EnvironmentVariables, Function, LatestVersion};
pub use function_url::{
    FunctionUrl, FunctionUrlCorsOptions, FunctionUrlTarget, HttpMethod, InvokeMode,
    MAX_CORS_MAX_AGE_SECONDS,
};
pub use imported::{FunctionAttributes, ImportedFunction};
pub use invocable::{
    FunctionVersion, Invocable, PermissionTarget, ADD_PERMISSIONS_TO_VERSION_OR_ALIAS,
};
pub use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, RuntimeFamily,
    S3ObjectStorageMode, SnapStartApplyOn, SystemLogLevel, Tracing,
};
pub use layer::{LayerVersion, LayerVersionPermission};
pub use log_retention::{LogRetentionRetryOptions, LOG_RETENTION_PROVIDER_ID};
pub use permission::{FunctionUrlAuthType, Permission, DEFAULT_ACTION};
pub use runtime_management::RuntimeManagementMode;
pub use singleton::SingletonFunction;
pub use version::{Version, VersionOptions};
pub use version_props::VersionProps;
pub use version_upgrade::FunctionVersionUpgrade;
