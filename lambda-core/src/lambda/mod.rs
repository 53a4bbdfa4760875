//! The Lambda constructs.

mod code;
mod function;
mod rules;
mod runtime_management;
mod version;

pub use code::{AssetOptions, BucketCodeOptions, Code};
pub use function::{EnvironmentVariables, Function};
pub use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, RuntimeFamily,
    S3ObjectStorageMode, SystemLogLevel, Tracing,
};
pub use runtime_management::RuntimeManagementMode;
pub use version::{Version, VersionProps};
