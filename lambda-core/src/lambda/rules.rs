//! The run-time side of the Lambda rules: `lambda-spec` checks, errors tagged with the path.

use std::time::Duration;

use lambda_spec::{ApplicationLogLevel, LoggingFormat, Runtime, SystemLogLevel};

use crate::size::Size;
use crate::{Error, Result};

fn at(path: &str) -> impl Fn(lambda_spec::SpecError) -> Error + '_ {
    move |e| Error::spec(e, path)
}

pub(crate) fn check_name_and_description(
    name: Option<&str>,
    description: Option<&str>,
    path: &str,
) -> Result<()> {
    if let Some(name) = name {
        lambda_spec::validate_function_name(name).map_err(at(path))?;
    }
    if let Some(description) = description {
        lambda_spec::validate_description(description).map_err(at(path))?;
    }
    Ok(())
}

pub(crate) fn check_handler(runtime: &Runtime, handler: &str, path: &str) -> Result<()> {
    lambda_spec::validate_handler(*runtime, handler).map_err(at(path))
}

pub(crate) fn check_memory_size(mb: u32, path: &str) -> Result<()> {
    lambda_spec::validate_memory_size(mb).map_err(at(path))
}

pub(crate) fn check_timeout(timeout: Duration, path: &str) -> Result<()> {
    lambda_spec::validate_timeout(timeout).map_err(at(path))
}

pub(crate) fn check_reserved_concurrency(n: i64, path: &str) -> Result<()> {
    lambda_spec::validate_reserved_concurrency(n).map_err(at(path))
}

pub(crate) fn check_environment_variable(name: &str, path: &str) -> Result<()> {
    lambda_spec::validate_environment_variable_name(name).map_err(at(path))
}

pub(crate) fn check_ephemeral_storage(size: Size, path: &str) -> Result<()> {
    let mib = u32::try_from(size.to_mebibytes()).unwrap_or(u32::MAX);
    lambda_spec::validate_ephemeral_storage_size(mib).map_err(at(path))
}

pub(crate) fn check_inline_code(runtime: &Runtime, source: &str, path: &str) -> Result<()> {
    lambda_spec::validate_inline_code(*runtime, source).map_err(at(path))
}

pub(crate) fn check_logging(
    format: Option<LoggingFormat>,
    application: Option<ApplicationLogLevel>,
    system: Option<SystemLogLevel>,
    path: &str,
) -> Result<()> {
    lambda_spec::validate_log_levels(format, application, system).map_err(at(path))
}
