//! The AWS Parameters and Secrets Lambda extension: its fact names, the versions aws-cdk-lib
//! 2.276.0 names, and the ranges of its options (aws-cdk-lib's codes and messages).

use crate::codes;
use crate::enums::Architecture;
use crate::error::SpecError;
use crate::region_facts::{self, PARAMS_AND_SECRETS_VERSIONS};

/// Largest cache size (items).
pub const PARAMS_AND_SECRETS_MAX_CACHE_SIZE: i64 = 1000;
/// Longest cache TTL, in seconds, for secrets and parameters alike.
pub const PARAMS_AND_SECRETS_MAX_TTL_SECONDS: u64 = 300;

/// aws-cdk-lib's fact name of the layer (`FactName.paramsAndSecretsLambdaLayer`):
/// `params-and-secrets-layer:1_0_103_arm64`.
pub fn params_and_secrets_fact_name(version: &str, architecture: Architecture) -> String {
    format!(
        "params-and-secrets-layer:{}_{}",
        version.replace('.', "_"),
        architecture.as_str()
    )
}

/// Checks that aws-cdk-lib's `ParamsAndSecretsVersions` names `version` (ours).
pub fn validate_params_and_secrets_version(version: &str) -> Result<(), SpecError> {
    if PARAMS_AND_SECRETS_VERSIONS.contains(&version) {
        return Ok(());
    }
    Err(SpecError::new(
        codes::UNKNOWN_PARAMS_AND_SECRETS_VERSION,
        format!(
            "unknown Parameters and Secrets extension version `{version}`; aws-cdk-lib 2.276.0 names {}",
            PARAMS_AND_SECRETS_VERSIONS.join(", ")
        ),
    ))
}

/// The layer ARN in `region`, or aws-cdk-lib's `ParametersSecretsExtensionSupportedRegion`.
pub fn params_and_secrets_layer_arn(
    version: &str,
    architecture: Architecture,
    region: &str,
) -> Result<&'static str, SpecError> {
    region_facts::find_fact(region, &params_and_secrets_fact_name(version, architecture))
        .ok_or_else(|| {
            SpecError::new(
                codes::PARAMETERS_SECRETS_EXTENSION_SUPPORTED_REGION,
                format!(
                    "Parameters and Secrets Extension is not supported in region {region} for {} architecture",
                    architecture.as_str()
                ),
            )
        })
}

/// The options of the extension that have a range, as given (before defaults).
#[derive(Clone, Copy, Debug, Default)]
pub struct ParamsAndSecretsLimits {
    /// Items cached, 0 to 1000.
    pub cache_size: Option<i64>,
    /// The local HTTP port, 1 to 65535.
    pub http_port: Option<i64>,
    /// Connections to the services, at least 1.
    pub max_connections: Option<i64>,
    /// Secrets Manager cache TTL in whole seconds, at most 300.
    pub secrets_manager_ttl_seconds: Option<u64>,
    /// Parameter Store cache TTL in whole seconds, at most 300.
    pub parameter_store_ttl_seconds: Option<u64>,
}

/// aws-cdk-lib's checks of the extension options, in its order, with its messages.
pub fn validate_params_and_secrets_options(o: &ParamsAndSecretsLimits) -> Result<(), SpecError> {
    if let Some(size) = o.cache_size {
        if !(0..=PARAMS_AND_SECRETS_MAX_CACHE_SIZE).contains(&size) {
            return Err(SpecError::new(
                codes::CACHE_SIZE_INCLUSIVE_PROVIDED,
                format!("Cache size must be between 0 and 1000 inclusive - provided: {size}"),
            ));
        }
    }
    if let Some(port) = o.http_port {
        if !(1..=65535).contains(&port) {
            return Err(SpecError::new(
                codes::PORT_INCLUSIVE_PROVIDED,
                format!("HTTP port must be between 1 and 65535 inclusive - provided: {port}"),
            ));
        }
    }
    if let Some(n) = o.max_connections {
        if n < 1 {
            return Err(SpecError::new(
                codes::MAXIMUM_CONNECTIONS_LEAST_PROVIDED,
                format!("Maximum connections must be at least 1 - provided: {n}"),
            ));
        }
    }
    if let Some(s) = o.secrets_manager_ttl_seconds {
        if s > PARAMS_AND_SECRETS_MAX_TTL_SECONDS {
            return Err(SpecError::new(
                codes::MAXIMUM_CACHED_SECRET_SECONDS_PROVIDED,
                format!("Maximum TTL for a cached secret is 300 seconds - provided: {s} seconds"),
            ));
        }
    }
    if let Some(s) = o.parameter_store_ttl_seconds {
        if s > PARAMS_AND_SECRETS_MAX_TTL_SECONDS {
            return Err(SpecError::new(
                codes::MAXIMUM_CACHED_PARAMETER_SECONDS_PROVIDED,
                format!(
                    "Maximum TTL for a cached parameter is 300 seconds - provided: {s} seconds"
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let ok = ParamsAndSecretsLimits {
            cache_size: Some(0),
            http_port: Some(65535),
            max_connections: Some(1),
            secrets_manager_ttl_seconds: Some(300),
            parameter_store_ttl_seconds: Some(0),
        };
        assert!(validate_params_and_secrets_options(&ok).is_ok());
        let e = validate_params_and_secrets_options(&ParamsAndSecretsLimits {
            cache_size: Some(1001),
            ..ok
        })
        .unwrap_err();
        assert_eq!(
            e.message,
            "Cache size must be between 0 and 1000 inclusive - provided: 1001"
        );
        let e = validate_params_and_secrets_options(&ParamsAndSecretsLimits {
            http_port: Some(0),
            ..ok
        });
        assert_eq!(e.unwrap_err().code, codes::PORT_INCLUSIVE_PROVIDED);
    }

    #[test]
    fn versions_and_regions() {
        assert!(validate_params_and_secrets_version("1.0.103").is_ok());
        assert!(validate_params_and_secrets_version("1.0.104").is_err());
        let e = params_and_secrets_layer_arn("1.0.103", Architecture::Arm64, "xx-nowhere-1");
        assert_eq!(
            e.unwrap_err().message,
            "Parameters and Secrets Extension is not supported in region xx-nowhere-1 for arm64 architecture"
        );
    }
}
