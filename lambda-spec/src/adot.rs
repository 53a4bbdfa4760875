//! AWS Distro for OpenTelemetry (ADOT) layers: their fact names, the versions aws-cdk-lib 2.276.0
//! names per layer type, and the rules of `adotInstrumentation`.

use crate::codes;
use crate::enums::Architecture;
use crate::error::SpecError;
use crate::region_facts::{self, ADOT_VERSIONS};
use crate::runtime::{Runtime, RuntimeFamily};

/// The exec wrapper Python functions must use (`AdotLambdaExecWrapper.INSTRUMENT_HANDLER`).
pub const ADOT_INSTRUMENT_HANDLER: &str = "/opt/otel-instrument";

/// aws-cdk-lib's fact name of an ADOT layer (`FactName.adotLambdaLayer`):
/// `adot-lambda-layer:JAVASCRIPT_SDK_1_30_0_x86_64`.
pub fn adot_fact_name(layer_type: &str, version: &str, architecture: Architecture) -> String {
    format!(
        "adot-lambda-layer:{layer_type}_{}_{}",
        version.replace('.', "_"),
        architecture.as_str()
    )
}

/// The versions aws-cdk-lib names for an ADOT layer type (`JAVA_SDK`, `JAVA_AUTO_INSTRUMENTATION`,
/// `JAVASCRIPT_SDK`, `PYTHON_SDK`, `GENERIC`) and the one its `LATEST` is.
pub fn adot_versions(layer_type: &str) -> Option<(&'static [&'static str], &'static str)> {
    ADOT_VERSIONS
        .iter()
        .find(|(t, _, _)| *t == layer_type)
        .map(|(_, versions, latest)| (*versions, *latest))
}

/// aws-cdk-lib's checks of `adotInstrumentation`, in its order: no container image, no `go1.x`,
/// and Python needs the `/opt/otel-instrument` wrapper.
pub fn validate_adot_instrumentation(
    runtime: Runtime,
    exec_wrapper: &str,
) -> Result<(), SpecError> {
    if runtime == Runtime::FROM_IMAGE {
        return Err(SpecError::new(
            codes::ADOT_LAYER_CONTAINER_IMAGE_INCOMPATIBLE,
            "ADOT Lambda layer can't be configured with container image package type",
        ));
    }
    if runtime == Runtime::GO_1_X {
        return Err(SpecError::new(
            codes::ADOT_GO_RUNTIME_NOT_SUPPORTED,
            "Runtime go1.x is not supported by the ADOT Lambda Go SDK",
        ));
    }
    if runtime.family() == Some(RuntimeFamily::Python) && exec_wrapper != ADOT_INSTRUMENT_HANDLER {
        return Err(SpecError::new(
            codes::ADOT_PYTHON_HANDLER_WRAPPER_REQUIRED,
            "Python Adot Lambda layer requires AdotLambdaExecWrapper.INSTRUMENT_HANDLER",
        ));
    }
    Ok(())
}

/// The ADOT layer ARN in `region`, or aws-cdk-lib's `AdotLayerArnNotFound`.
pub fn adot_layer_arn(
    layer_type: &str,
    version: &str,
    architecture: Architecture,
    region: &str,
) -> Result<&'static str, SpecError> {
    region_facts::find_fact(region, &adot_fact_name(layer_type, version, architecture)).ok_or_else(
        || {
            SpecError::new(
                codes::ADOT_LAYER_ARN_NOT_FOUND,
                format!(
                    "Could not find the ARN information for the ADOT Lambda Layer of type {layer_type} and version {version} in {region}"
                ),
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_names_and_versions() {
        assert_eq!(
            adot_fact_name("JAVASCRIPT_SDK", "1.15.0-1", Architecture::X86_64),
            "adot-lambda-layer:JAVASCRIPT_SDK_1_15_0-1_x86_64"
        );
        assert_eq!(adot_versions("JAVASCRIPT_SDK").unwrap().1, "1.30.0");
        assert!(adot_versions("RUST_SDK").is_none());
    }

    #[test]
    fn rules() {
        let python = validate_adot_instrumentation(Runtime::PYTHON_3_12, "/opt/otel-handler");
        assert_eq!(
            python.unwrap_err().code,
            codes::ADOT_PYTHON_HANDLER_WRAPPER_REQUIRED
        );
        assert!(
            validate_adot_instrumentation(Runtime::PYTHON_3_12, ADOT_INSTRUMENT_HANDLER).is_ok()
        );
        assert!(validate_adot_instrumentation(Runtime::GO_1_X, ADOT_INSTRUMENT_HANDLER).is_err());
        assert!(validate_adot_instrumentation(Runtime::NODEJS_22_X, "/opt/otel-handler").is_ok());
    }

    #[test]
    fn layer_arns() {
        let arn = adot_layer_arn(
            "JAVASCRIPT_SDK",
            "1.30.0",
            Architecture::X86_64,
            "eu-west-1",
        );
        assert_eq!(
            arn,
            Ok("arn:aws:lambda:eu-west-1:901920570463:layer:aws-otel-nodejs-amd64-ver-1-30-1:1")
        );
        let e = adot_layer_arn(
            "JAVASCRIPT_SDK",
            "1.30.0",
            Architecture::X86_64,
            "xx-nowhere-1",
        );
        assert_eq!(e.unwrap_err().code, codes::ADOT_LAYER_ARN_NOT_FOUND);
    }
}
