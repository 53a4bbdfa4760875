//! The compile-time layer of lambda-cdk: `#[lambda_function]` checks a function's
//! configuration with the lambda-spec rules while the crate compiles, and derives a
//! typestate builder for its environment and `from_env` to read it back in the handler; `#[derive(VersionProps)]` classifies every
//! CloudFormation property of a struct as version-locked or not.
//!
//! Use them through the `lambda_cdk` facade, whose `__private` module the generated
//! code names. Parse (`attr`, `ast`), check (`valid`) and generate (`expand`) are
//! separate; every error is collected in a `Ctxt` and emitted at once.

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod guard;
mod pass_through;
mod symbol;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Declares a Lambda function on a struct whose fields are its environment variables,
/// and checks the whole configuration while the crate compiles.
///
/// ```ignore
/// use lambda_cdk::prelude::*;
///
/// #[lambda_function(
///     runtime = "nodejs22.x",
///     handler = "index.handler",
///     code = asset("handlers/orders", exclude = ["*.test.js"]),
///     memory_size = 512,
///     timeout = "30s",
/// )]
/// pub struct Orders {
///     table_name: String,          // TABLE_NAME, required by the builder
///     #[env(name = "LOG_LEVEL")]
///     level: Option<String>,       // optional
/// }
///
/// let orders = Orders::builder().table_name("orders").build(&stack, "Orders")?;
/// ```
///
/// | key | value |
/// | --- | --- |
/// | `runtime` (required, except with `rust(..)`: `provided.al2023`) | `"nodejs22.x"`, any name of the runtime catalogue |
/// | `handler` (required, except with `rust(..)`: `bootstrap`) | `"index.handler"`, in the runtime's format |
/// | `code` (required) | `inline("...")` or `asset("dir or .zip", exclude = ["glob"], ignore_mode = "glob" \| "git" \| "docker")` or `rust("package dir", binary = "name")` (built with cargo-lambda), relative to the crate's Cargo.toml |
/// | `description`, `function_name` | string literal or `&str` constant |
/// | `memory_size`, `ephemeral_storage` | MiB, integer literal or constant |
/// | `timeout` | `"30s"`, `"5m"`, `"1m30s"`, or a `Duration` constant |
/// | `reserved_concurrent_executions` | integer literal or constant |
/// | `architecture` | `"x86_64"` \| `"arm64"` |
/// | `tracing` | `"active"` \| `"pass_through"` \| `"disabled"` |
/// | `logging_format` | `"text"` \| `"json"` |
/// | `application_log_level`, `system_log_level` | `"debug"`, `"info"`, ... (needs `logging_format = "json"`) |
/// | `runtime_management` | `"auto"` \| `"function_update"` \| `manual("<runtime version ARN>")` |
/// | `recursive_loop` | `"allow"` \| `"terminate"` |
/// | `environment(KEY = value, ...)` | fixed variables: literals or expressions |
/// | `insights_version` | `"1.0.333.0"`, a version aws-cdk-lib names (with an `arm64` layer on an `arm64` function) |
/// | `profiling` | `true` \| `false` (a runtime with a CodeGuru profiler) |
/// | `params_and_secrets(...)` | `version = "1.0.103"` or `arn = "..."`, then `cache_enabled`, `cache_size`, `http_port`, `max_connections` (literals in aws-cdk-lib's ranges), `log_level = "debug"`, `secrets_manager_ttl`/`parameter_store_ttl` (`"2m"`, at most 5 minutes), `secrets_manager_timeout`/`parameter_store_timeout` (`"5s"`) |
/// | `tenancy` | `"per_tenant"` (not with `snap_start`) |
/// | `dead_letter_queue_enabled` | `true` \| `false` (a queue of the function's own; not with `dead_letter_topic`, not `false` with `dead_letter_queue`) |
/// | `max_event_age` | `"2h"`, `"90s"`, 60 seconds to 6 hours, or a `Duration` constant |
/// | `retry_attempts` | asynchronous retries, 0 to 2, integer literal or constant |
/// | `durable_config(execution_timeout = "1h", retention_period = "30d")` | a durable function: execution timeout 1 second to 366 days (whole seconds), retention of closed executions 1 to 90 whole days (optional) |
/// | `log_group`, `role`, `initial_policy`, `current_version_options`, `layers`, `dead_letter_queue`, `dead_letter_topic`, `on_success`, `on_failure`, `environment_encryption`, `vpc`, `vpc_subnets`, `security_groups`, `allow_public_subnet`, `allow_all_outbound`, `filesystem`, `ipv6_allowed_for_dual_stack`, `allow_all_ipv6_outbound` | any expression of the `Function::builder()` setter's type, evaluated when `build` runs (`scope` names its scope), e.g. `layers = vec![LayerVersion::from_layer_version_arn(scope, "Shared", ARN)?]`; rustc checks the type at the key |
///
/// Fields: a field sets the variable named after it in SCREAMING_SNAKE_CASE (or
/// `#[env(name = "...")]`); `Option<T>` fields are optional. Types: `String`,
/// `&'static str`, numbers, `bool` or `Value`. Literal values are checked by the
/// lambda-spec rules at expansion; constants by generated `const` assertions; a deprecated
/// runtime is a `deprecated` warning.
///
/// `Orders::from_env()` reads the same fields back in the handler, from the variables the
/// function runs with, and errs naming every missing or unparsable one (`&'static str` fields
/// cannot be read back: calling it is then a compile error). Without lambda-cdk's `synth`
/// feature (a handler depending on `lambda-cdk` with `default-features = false`) the macro
/// writes the struct and `from_env` only, and does not check the files the attribute names.
#[proc_macro_attribute]
pub fn lambda_function(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = proc_macro2::TokenStream::from(item);
    guard::catch(item.clone(), || expand::lambda_function(args.into(), item)).into()
}

/// Lists each CloudFormation property of a struct with whether changing it must
/// publish a new function version (`#[version(locked)]` / `#[version(unlocked)]`).
///
/// Field names become CloudFormation names as serde would name them: `#[serde(rename_all =
/// "PascalCase")]` on the struct and `#[serde(rename = "...")]` on a field are read, with or
/// without a serde derive beside this one (`serde` is one of this derive's helper attributes).
#[proc_macro_derive(VersionProps, attributes(version, version_props, serde))]
pub fn derive_version_props(input: TokenStream) -> TokenStream {
    guard::catch(proc_macro2::TokenStream::new(), || {
        expand::derive_version_props(input.into())
    })
    .into()
}
