//! # lambda-cdk
//!
//! AWS Lambda infrastructure as typed Rust. Build a construct tree of stacks and functions,
//! then `app.synth()` writes a CDK cloud assembly (`cdk.out/`) that the AWS CDK CLI deploys.
//! Templates are the ones aws-cdk-lib 2.276.0 writes for the same app, logical IDs and asset
//! hashes included, so a stack can move from TypeScript CDK to Rust without replacement.
//!
//! ```no_run
//! use lambda_cdk::prelude::*;
//!
//! fn main() -> Result<(), lambda_cdk::Error> {
//!     let app = App::from_env();
//!     let stack = Stack::builder().build(&app, "HelloStack")?;
//!     Function::builder()
//!         .runtime(Runtime::NODEJS_22_X)
//!         .handler("index.handler")
//!         .code(Code::from_inline("exports.handler = async () => 'hello';"))
//!         .build(&stack, "Hello")?;
//!     app.synth()?;
//!     Ok(())
//! }
//! ```
//!
//! ## Features
//!
//! - `synth` (default): the synthesis engine (lambda-core) and the builders `#[lambda_function]`
//!   derives. A Rust handler that shares a `#[lambda_function]` struct with its infrastructure
//!   depends on `lambda-cdk` with `default-features = false`: it then compiles the macros,
//!   lambda-spec and the std-only [`env`](mod@env) module, and reads its configuration with
//!   `Orders::from_env()`.
//! - `zip`, `unicode-collation`: see the README.
#![deny(missing_docs)]

#[cfg(feature = "synth")]
pub use lambda_core::*;
pub use lambda_macros::lambda_function;
#[cfg(feature = "synth")]
pub use lambda_macros::VersionProps;

pub mod env;
pub use env::EnvError;
/// Without the `synth` feature, a `Value` field is the text the variable holds at run time.
#[cfg(not(feature = "synth"))]
pub use env::Value;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

/// The rules and facts of AWS Lambda (runtimes, limits, formats), shared with the macros.
pub use lambda_spec as spec;

/// What a Rust handler needs to read its `#[lambda_function]` struct (without `synth`).
#[cfg(not(feature = "synth"))]
pub mod prelude {
    pub use crate::env::{EnvError, Value};
    pub use lambda_macros::lambda_function;
}

/// Everything a typical app needs, in one import.
#[cfg(feature = "synth")]
pub mod prelude {
    pub use crate::env::EnvError;
    pub use lambda_core::events::targets::LambdaFunction;
    pub use lambda_core::events::{CronOptions, EventPattern, Rule, Schedule};
    pub use lambda_core::iam::{Conditions, Grant, Grantable};
    pub use lambda_core::iam::{ManagedPolicy, PolicyDocument, PolicyStatement, Principal, Role};
    pub use lambda_core::lambda::{
        Alias, ApplicationLogLevel, Architecture, AssetOptions, Code, Function, LayerVersion,
        LoggingFormat, RecursiveLoop, Runtime, RuntimeManagementMode, SystemLogLevel, Tracing,
        Version, VersionOptions,
    };
    pub use lambda_core::lambda::{
        DynamoEventSource, EventSource, FilterCriteria, FilterPattern, FilterRule, S3EventSource,
        SnsEventSource, SqsEventSource, StartingPosition,
    };
    pub use lambda_core::lambda::{
        FunctionAttributes, FunctionUrlAuthType, FunctionVersion, ImportedFunction, Invocable,
        Permission, SingletonFunction,
    };
    pub use lambda_core::lambda::{FunctionUrl, FunctionUrlCorsOptions, HttpMethod, InvokeMode};
    // Rust handlers built with cargo-lambda.
    pub use lambda_core::lambda::{RustCode, RustFunction};
    // Extensions: Insights, ADOT, Parameters and Secrets, profiling, code signing, tenancy.
    pub use lambda_core::codeguruprofiler::{ComputePlatform, ProfilingGroup};
    pub use lambda_core::lambda::LambdaInsightsVersion;
    pub use lambda_core::lambda::{
        AdotInstrumentationConfig, AdotLambdaExecWrapper, AdotLambdaLayerGenericVersion,
        AdotLambdaLayerJavaAutoInstrumentationVersion, AdotLambdaLayerJavaScriptSdkVersion,
        AdotLambdaLayerJavaSdkVersion, AdotLambdaLayerPythonSdkVersion, AdotLayerVersion,
    };
    pub use lambda_core::lambda::{
        CodeSigningConfig, TenancyConfig, UntrustedArtifactOnDeployment,
    };
    pub use lambda_core::lambda::{
        ParamsAndSecretsLayerVersion, ParamsAndSecretsLogLevel, ParamsAndSecretsOptions,
        ParamsAndSecretsVersions,
    };
    pub use lambda_core::logs::{LogGroup, RetentionDays};
    pub use lambda_core::secretsmanager::Secret;
    pub use lambda_core::signer::{Platform, SigningProfile};
    pub use lambda_core::ssm::StringParameter;
    pub use lambda_core::CfnMapping;
    pub use lambda_core::{
        App, CfnOutput, CfnParameter, CfnResource, Construct, Environment, RemovalPolicy, Scope,
        Size, Stack, Tags, Value,
    };
    pub use lambda_macros::{lambda_function, VersionProps};
    pub use std::time::Duration;
}
