//! The run-time side of the Lambda rules: `lambda-spec` checks, errors tagged with the path.

use std::time::Duration;

use lambda_spec::{ApplicationLogLevel, LoggingFormat, Runtime, SystemLogLevel};

use crate::core::construct::Construct;
use crate::size::Size;
use crate::{Error, Result};

/// The path an error names: the parent's path and the new construct's id, joined only when
/// there is an error to report (most constructs never need it).
pub(crate) struct ErrorPath<'a> {
    scope: &'a dyn Construct,
    /// The id of a construct about to be added under `scope`; `None` for `scope` itself.
    id: Option<&'a str>,
}

impl<'a> ErrorPath<'a> {
    /// The path a construct `id` added under `scope` will have.
    pub(crate) fn new(scope: &'a dyn Construct, id: &'a str) -> Self {
        ErrorPath {
            scope,
            id: Some(id),
        }
    }

    /// The path of an existing construct.
    pub(crate) fn of(construct: &'a dyn Construct) -> Self {
        ErrorPath {
            scope: construct,
            id: None,
        }
    }

    pub(crate) fn get(&self) -> String {
        let path = self.scope.node().path();
        match self.id {
            None => path,
            Some(id) if path.is_empty() => id.to_owned(),
            Some(id) => format!("{path}/{id}"),
        }
    }
}

fn at<'p>(path: &'p ErrorPath<'_>) -> impl Fn(lambda_spec::SpecError) -> Error + 'p {
    move |e| Error::spec(e, path.get())
}

pub(crate) fn check_name_and_description(
    name: Option<&str>,
    description: Option<&str>,
    path: &ErrorPath<'_>,
) -> Result<()> {
    if let Some(name) = name {
        lambda_spec::validate_function_name(name).map_err(at(path))?;
    }
    if let Some(description) = description {
        lambda_spec::validate_description(description).map_err(at(path))?;
    }
    Ok(())
}

pub(crate) fn check_handler(runtime: &Runtime, handler: &str, path: &ErrorPath<'_>) -> Result<()> {
    lambda_spec::validate_handler(*runtime, handler).map_err(at(path))
}

pub(crate) fn check_memory_size(mb: u32, path: &ErrorPath<'_>) -> Result<()> {
    lambda_spec::validate_memory_size(mb).map_err(at(path))
}

pub(crate) fn check_timeout(timeout: Duration, path: &ErrorPath<'_>) -> Result<()> {
    lambda_spec::validate_timeout(timeout).map_err(at(path))
}

pub(crate) fn check_reserved_concurrency(n: i64, path: &ErrorPath<'_>) -> Result<()> {
    lambda_spec::validate_reserved_concurrency(n).map_err(at(path))
}

pub(crate) fn check_environment_variable(name: &str, path: &ErrorPath<'_>) -> Result<()> {
    lambda_spec::validate_environment_variable_name(name).map_err(at(path))
}

pub(crate) fn check_ephemeral_storage(size: Size, path: &ErrorPath<'_>) -> Result<()> {
    let mib = u32::try_from(size.to_mebibytes()).unwrap_or(u32::MAX);
    lambda_spec::validate_ephemeral_storage_size_as(mib, &size.to_string()).map_err(at(path))
}

pub(crate) fn check_inline_code(
    runtime: &Runtime,
    source: &str,
    path: &ErrorPath<'_>,
) -> Result<()> {
    lambda_spec::validate_inline_code(*runtime, source).map_err(at(path))
}

pub(crate) fn check_logging(
    format: Option<LoggingFormat>,
    application: Option<ApplicationLogLevel>,
    system: Option<SystemLogLevel>,
    path: &ErrorPath<'_>,
) -> Result<()> {
    lambda_spec::validate_log_levels(format, application, system).map_err(at(path))
}

/// Checks that `layer` can be the function's layer number `count` (0-based): at most 5 layers,
/// each compatible with the runtime (aws-cdk-lib's checks in `addLayers`).
pub(crate) fn check_layer(
    runtime: Runtime,
    count: usize,
    layer: &super::layer::LayerVersion,
    path: &ErrorPath<'_>,
) -> Result<()> {
    lambda_spec::check_add_layer(count).map_err(at(path))?;
    if let Some(runtimes) = layer.compatible_runtimes() {
        lambda_spec::validate_layer_runtime(runtime, runtimes).map_err(at(path))?;
    }
    Ok(())
}
