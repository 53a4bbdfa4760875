//! The Lambda constructs.

mod alias;
mod code;
mod function;
mod function_hash;
mod layer;
mod rules;
mod runtime_management;
mod version;
mod version_props;
mod version_upgrade;

pub use alias::{Alias, AliasTarget};
pub use code::{AssetOptions, BucketCodeOptions, Code};
pub use function::{EnvironmentVariables, Function, LatestVersion};
pub use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, RuntimeFamily,
    S3ObjectStorageMode, SnapStartApplyOn, SystemLogLevel, Tracing,
};
pub use layer::{LayerVersion, LayerVersionPermission};
pub use runtime_management::RuntimeManagementMode;
pub use version::{Version, VersionOptions};
pub use version_props::VersionProps;
pub use version_upgrade::FunctionVersionUpgrade;
