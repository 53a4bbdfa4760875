//! The AWS Parameters and Secrets Lambda extension (aws-cdk-lib's `paramsAndSecrets`): a layer
//! that caches Secrets Manager secrets and Parameter Store parameters behind a local HTTP port,
//! configured by environment variables.

use std::time::Duration;

use lambda_spec::{Architecture, ParamsAndSecretsLimits};

use crate::core::construct::ConstructNode;
use crate::core::mapping::regional_fact;
use crate::core::value::Value;
use crate::{Error, Result};

/// The extension versions aws-cdk-lib 2.276.0 names (`ParamsAndSecretsVersions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamsAndSecretsVersions {
    /// Version 1.0.103.
    V1_0_103,
}

impl ParamsAndSecretsVersions {
    /// Every version, in aws-cdk-lib's order.
    pub const ALL: &'static [ParamsAndSecretsVersions] = &[ParamsAndSecretsVersions::V1_0_103];

    /// The version number (`1.0.103`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamsAndSecretsVersions::V1_0_103 => "1.0.103",
        }
    }
}

/// How much the extension logs (`PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParamsAndSecretsLogLevel {
    /// `debug`.
    Debug,
    /// `info` (the default).
    #[default]
    Info,
    /// `warn`.
    Warn,
    /// `error`.
    Error,
    /// `none`.
    None,
}

impl ParamsAndSecretsLogLevel {
    /// The value of the environment variable.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamsAndSecretsLogLevel::Debug => "debug",
            ParamsAndSecretsLogLevel::Info => "info",
            ParamsAndSecretsLogLevel::Warn => "warn",
            ParamsAndSecretsLogLevel::Error => "error",
            ParamsAndSecretsLogLevel::None => "none",
        }
    }
}

/// The extension's settings; each unset one takes the extension's default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParamsAndSecretsOptions {
    /// Cache secrets and parameters (default `true`).
    pub cache_enabled: Option<bool>,
    /// Items cached, 0 to 1000 (default 1000).
    pub cache_size: Option<u32>,
    /// The local HTTP port, 1 to 65535 (default 2773).
    pub http_port: Option<u32>,
    /// Log level (default `info`).
    pub log_level: Option<ParamsAndSecretsLogLevel>,
    /// Connections to the services, at least 1 (default 3).
    pub max_connections: Option<u32>,
    /// Timeout of Secrets Manager requests (default 0: none).
    pub secrets_manager_timeout: Option<Duration>,
    /// How long a secret stays cached, at most 300 s (default 300 s).
    pub secrets_manager_ttl: Option<Duration>,
    /// Timeout of Parameter Store requests (default 0: none).
    pub parameter_store_timeout: Option<Duration>,
    /// How long a parameter stays cached, at most 300 s (default 300 s).
    pub parameter_store_ttl: Option<Duration>,
}

impl ParamsAndSecretsOptions {
    /// aws-cdk-lib's range checks, with its codes and messages.
    fn check(&self, path: &str) -> Result<()> {
        let limits = ParamsAndSecretsLimits {
            cache_size: self.cache_size.map(i64::from),
            http_port: self.http_port.map(i64::from),
            max_connections: self.max_connections.map(i64::from),
            secrets_manager_ttl_seconds: self.secrets_manager_ttl.map(|d| d.as_secs()),
            parameter_store_ttl_seconds: self.parameter_store_ttl.map(|d| d.as_secs()),
        };
        lambda_spec::validate_params_and_secrets_options(&limits).map_err(|e| Error::spec(e, path))
    }

    /// The environment variables, in aws-cdk-lib's order, defaults filled in.
    fn environment(&self) -> Vec<(&'static str, String)> {
        let millis = |d: Option<Duration>| d.map_or(0, |d| d.as_millis()).to_string();
        let seconds = |d: Option<Duration>| d.map_or(300, |d| d.as_secs()).to_string();
        vec![
            (
                "PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED",
                self.cache_enabled.unwrap_or(true).to_string(),
            ),
            (
                "PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE",
                self.cache_size.unwrap_or(1000).to_string(),
            ),
            (
                "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                self.http_port.unwrap_or(2773).to_string(),
            ),
            (
                "PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL",
                self.log_level.unwrap_or_default().as_str().to_owned(),
            ),
            (
                "PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS",
                self.max_connections.unwrap_or(3).to_string(),
            ),
            (
                "SECRETS_MANAGER_TIMEOUT_MILLIS",
                millis(self.secrets_manager_timeout),
            ),
            ("SECRETS_MANAGER_TTL", seconds(self.secrets_manager_ttl)),
            (
                "SSM_PARAMETER_STORE_TIMEOUT_MILLIS",
                millis(self.parameter_store_timeout),
            ),
            ("SSM_PARAMETER_STORE_TTL", seconds(self.parameter_store_ttl)),
        ]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Source {
    Version(ParamsAndSecretsVersions),
    Arn(String),
}

/// The extension layer, by version (its ARN per region and architecture is a fact of
/// `lambda-spec`) or by ARN, with its settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamsAndSecretsLayerVersion {
    source: Source,
    options: ParamsAndSecretsOptions,
}

impl ParamsAndSecretsLayerVersion {
    /// The layer of `version` for the function's region and architecture.
    pub fn from_version(
        version: ParamsAndSecretsVersions,
        options: ParamsAndSecretsOptions,
    ) -> Self {
        ParamsAndSecretsLayerVersion {
            source: Source::Version(version),
            options,
        }
    }

    /// The layer at `arn` (it must match the function's region and architecture).
    pub fn from_version_arn(arn: impl Into<String>, options: ParamsAndSecretsOptions) -> Self {
        ParamsAndSecretsLayerVersion {
            source: Source::Arn(arn.into()),
            options,
        }
    }

    /// The settings.
    pub fn options(&self) -> &ParamsAndSecretsOptions {
        &self.options
    }

    /// Checks before anything is built: the option ranges and, for a version in a stack with a
    /// known region, that the region has the layer.
    pub(crate) fn check(
        &self,
        architecture: Architecture,
        region: Option<&str>,
        path: &str,
    ) -> Result<()> {
        self.options.check(path)?;
        if let (Source::Version(v), Some(region)) = (&self.source, region) {
            lambda_spec::params_and_secrets_layer_arn(v.as_str(), architecture, region)
                .map_err(|e| Error::spec(e, path))?;
        }
        Ok(())
    }

    /// The layer ARN and the environment variables for a function.
    pub(crate) fn bind(
        &self,
        function: &ConstructNode,
        architecture: Architecture,
    ) -> Result<(Value, Vec<(&'static str, String)>)> {
        let arn = match &self.source {
            Source::Arn(arn) => Value::from(arn.as_str()),
            Source::Version(v) => {
                let stack = function
                    .stack()
                    .ok_or_else(|| Error::Synth(format!("{}: not in a stack", function.path())))?;
                match stack.region() {
                    Some(region) => {
                        lambda_spec::params_and_secrets_layer_arn(v.as_str(), architecture, &region)
                            .map(Value::from)
                            .map_err(|e| Error::spec(e, function.path()))?
                    }
                    None => regional_fact(
                        &stack,
                        &lambda_spec::params_and_secrets_fact_name(v.as_str(), architecture),
                    )?,
                }
            }
        };
        Ok((arn, self.options.environment()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_follow_the_facts() {
        let ours: Vec<&str> = ParamsAndSecretsVersions::ALL
            .iter()
            .map(|v| v.as_str())
            .collect();
        assert_eq!(ours, lambda_spec::region_facts::PARAMS_AND_SECRETS_VERSIONS);
    }

    #[test]
    fn defaults() {
        let env = ParamsAndSecretsOptions::default().environment();
        assert_eq!(
            env[0],
            ("PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED", "true".into())
        );
        assert_eq!(env[1].1, "1000");
        assert_eq!(env[2].1, "2773");
        assert_eq!(env[3].1, "info");
        assert_eq!(env[5].1, "0");
        assert_eq!(env[6].1, "300");
    }
}
