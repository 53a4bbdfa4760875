//! Facts and rules of AWS Lambda, written once for the `lambda-cdk` macros
//! (compile time, literal values) and its runtime (values known only then).
//!
//! - **Facts:** the [`Runtime`] catalogue of aws-cdk-lib 2.276.0, the value enums
//!   ([`Architecture`], [`Tracing`], …), limits as constants.
//! - **Rules:** `validate_*` functions returning [`SpecError`] (aws-cdk-lib's code and
//!   message where CDK has the same check), and `const fn is_valid_*` / `assert_*`
//!   twins for `const _: () = assert!(...)` in generated code.
//! - **Suggestions:** [`closest`] for "did you mean".
//!
//! No dependencies, no I/O: every answer is a pure function of its arguments.
//!
//! ```
//! use lambda_spec::{closest, validate_handler, validate_memory_size, Runtime};
//!
//! // Compile time: a macro emits constant assertions on literal values.
//! const _: () = assert!(lambda_spec::is_valid_memory_size(512));
//!
//! // Run time: the same rules, as `Result`s.
//! let runtime: Runtime = "nodejs22.x".parse()?;
//! validate_handler(runtime, "src/index.handler")?;
//! assert_eq!(
//!     validate_memory_size(64).unwrap_err().to_string(),
//!     "memory_size must be between 128 and 10240 MiB, got `64`"
//! );
//! assert_eq!(closest("nodejs20", Runtime::names()), Some("nodejs20.x"));
//! # Ok::<(), lambda_spec::SpecError>(())
//! ```
#![deny(missing_docs)]

mod adot;
mod autoscaling;
mod code;
pub mod codes;
mod dead_letter;
mod durable;
mod enums;
mod environment;
mod error;
mod event_source;
mod function_url;
mod handler;
mod insights;
mod layers;
mod limits;
mod logging;
mod naming;
mod params_and_secrets;
mod profiling;
pub mod region_facts;
mod runtime;
mod schedule;
mod snapstart;
mod sqs;
mod suggest;
mod text;
mod vpc;

pub use adot::{
    adot_fact_name, adot_layer_arn, adot_versions, validate_adot_instrumentation,
    ADOT_INSTRUMENT_HANDLER,
};
pub use autoscaling::*;
pub use code::{
    is_valid_inline_code_size, validate_image_code, validate_inline_code,
    validate_inline_code_handler, INLINE_CODE_MAX_BYTES, INLINE_CODE_MODULE,
};
pub use dead_letter::*;
pub use durable::{
    durable_execution_timeout_seconds, durable_retention_period_days,
    is_valid_durable_execution_timeout_seconds, is_valid_durable_retention_days,
    DURABLE_EXECUTION_TIMEOUT_MAX_SECONDS, DURABLE_RETENTION_MAX_DAYS,
};
pub use enums::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, S3ObjectStorageMode,
    SnapStartApplyOn, SystemLogLevel, Tracing, UpdateRuntimeOn,
};
pub use environment::{
    assert_environment_variable_name, is_allowed_environment_variable_name,
    is_reserved_environment_variable, is_valid_environment_variable_name,
    validate_environment_variable_name, RESERVED_ENVIRONMENT_VARIABLES,
};
pub use error::SpecError;
pub use event_source::*;
pub use function_url::*;
pub use handler::{
    handler_format_hint, handler_source_candidates, validate_handler, HANDLER_FROM_IMAGE,
    HANDLER_MAX_LENGTH, NODE_HANDLER_EXTENSIONS,
};
pub use insights::{
    insights_arm64_versions, insights_fact_name, insights_layer_arn, insights_version_exists,
    is_insights_version, validate_insights_version, INSIGHTS_MANAGED_POLICY,
};
pub use layers::{
    assert_layer_count, check_add_layer, is_valid_layer_count, validate_layer_count,
    validate_layer_runtime, validate_layers_for_runtime, MAX_LAYERS,
};
pub use limits::{
    assert_ephemeral_storage_size, assert_memory_size, assert_reserved_concurrency,
    assert_timeout_seconds, is_valid_ephemeral_storage_size, is_valid_memory_size,
    is_valid_reserved_concurrency, is_valid_timeout_seconds, validate_ephemeral_storage_size,
    validate_ephemeral_storage_size_as, validate_memory_size, validate_reserved_concurrency,
    validate_timeout, validate_timeout_seconds, DEFAULT_MEMORY_SIZE_MB, DEFAULT_TIMEOUT_SECONDS,
    EPHEMERAL_STORAGE_MAX_MIB, EPHEMERAL_STORAGE_MIN_MIB, MEMORY_SIZE_MAX_MB, MEMORY_SIZE_MIN_MB,
    TIMEOUT_MAX_SECONDS, TIMEOUT_MIN_SECONDS,
};
pub use logging::{log_levels_allowed, validate_log_levels};
pub use naming::{
    assert_description, assert_function_name, is_valid_description, is_valid_description_length,
    is_valid_function_name, is_valid_function_name_format, is_valid_function_name_length,
    validate_description, validate_function_name, DESCRIPTION_MAX_LENGTH, FUNCTION_NAME_MAX_LENGTH,
};
pub use params_and_secrets::{
    params_and_secrets_fact_name, params_and_secrets_layer_arn,
    validate_params_and_secrets_options, validate_params_and_secrets_version,
    ParamsAndSecretsLimits, PARAMS_AND_SECRETS_MAX_CACHE_SIZE, PARAMS_AND_SECRETS_MAX_TTL_SECONDS,
};
pub use profiling::validate_profiling;
pub use runtime::{Runtime, RuntimeFamily, FROM_IMAGE_NAME};
pub use schedule::*;
pub use snapstart::{
    is_snap_start_runtime, is_valid_snap_start_ephemeral_storage, validate_snap_start,
    SnapStartContext, SNAP_START_MAX_EPHEMERAL_STORAGE_MIB,
};
pub use sqs::*;
pub use suggest::{closest, levenshtein};
pub use text::js_length;
pub use vpc::{
    validate_mount_path, validate_public_subnet, validate_subnet_mask, validate_without_vpc,
    VpcOnlyProps, MAX_SUBNET_MASK, MIN_SUBNET_MASK,
};
