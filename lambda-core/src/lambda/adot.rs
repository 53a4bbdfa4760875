//! AWS Distro for OpenTelemetry (ADOT) instrumentation of a function (aws-cdk-lib's
//! `adotInstrumentation`): a layer per language and version, the `AWS_LAMBDA_EXEC_WRAPPER`
//! environment variable, and X-Ray active tracing.

use lambda_spec::{Architecture, Runtime};

use crate::core::construct::{Construct, ConstructNode};
use crate::core::mapping::regional_fact;
use crate::core::value::Value;
use crate::{Error, Result};

/// The script the ADOT layer runs the handler through (`AWS_LAMBDA_EXEC_WRAPPER`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdotLambdaExecWrapper {
    /// `/opt/otel-handler`: wraps regular handlers (Node.js, Java).
    RegularHandler,
    /// `/opt/otel-proxy-handler`: wraps API Gateway proxy handlers (Java).
    ProxyHandler,
    /// `/opt/otel-stream-handler`: wraps streaming handlers (Java).
    StreamHandler,
    /// `/opt/otel-instrument`: instruments the handler (Python needs this one).
    InstrumentHandler,
    /// `/opt/otel-sqs-handler`: wraps SQS handlers (Java).
    SqsHandler,
}

impl AdotLambdaExecWrapper {
    /// The wrapper's path in the layer.
    pub fn as_str(self) -> &'static str {
        match self {
            AdotLambdaExecWrapper::RegularHandler => "/opt/otel-handler",
            AdotLambdaExecWrapper::ProxyHandler => "/opt/otel-proxy-handler",
            AdotLambdaExecWrapper::StreamHandler => "/opt/otel-stream-handler",
            AdotLambdaExecWrapper::InstrumentHandler => lambda_spec::ADOT_INSTRUMENT_HANDLER,
            AdotLambdaExecWrapper::SqsHandler => "/opt/otel-sqs-handler",
        }
    }
}

macro_rules! adot_versions {
    ($(
        $(#[$doc:meta])*
        $ty:ident = $layer_type:literal, latest = $latest:ident {
            $($name:ident = $version:literal,)*
        }
    )*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $ty(&'static str);

        impl $ty {
            $(
                #[doc = concat!("Version ", $version, ".")]
                pub const $name: $ty = $ty($version);
            )*
            /// The latest version aws-cdk-lib 2.276.0 names.
            pub const LATEST: $ty = Self::$latest;
            /// Every version aws-cdk-lib 2.276.0 names, in its order.
            pub const ALL: &'static [$ty] = &[$(Self::$name),*];
            /// aws-cdk-lib's layer type name.
            const LAYER_TYPE: &'static str = $layer_type;

            /// The layer version (`1.30.0`).
            pub fn layer_version(&self) -> &'static str {
                self.0
            }
        }

        impl From<$ty> for AdotLayerVersion {
            fn from(v: $ty) -> Self {
                AdotLayerVersion { layer_type: $ty::LAYER_TYPE, version: v.0 }
            }
        }
    )*};
}

adot_versions! {
    /// Versions of the ADOT Java SDK layer.
    AdotLambdaLayerJavaSdkVersion = "JAVA_SDK", latest = V1_32_0_1 {
        V1_32_0_1 = "1.32.0-1",
        V1_32_0 = "1.32.0",
        V1_31_0 = "1.31.0",
        V1_30_0 = "1.30.0",
        V1_28_1 = "1.28.1",
        V1_19_0 = "1.19.0",
    }
    /// Versions of the ADOT Java auto-instrumentation layer.
    AdotLambdaLayerJavaAutoInstrumentationVersion = "JAVA_AUTO_INSTRUMENTATION", latest = V1_32_0_1 {
        V1_32_0_1 = "1.32.0-1",
        V1_32_0 = "1.32.0",
        V1_31_0 = "1.31.0",
        V1_30_0 = "1.30.0",
        V1_28_1 = "1.28.1",
        V1_19_2 = "1.19.2",
    }
    /// Versions of the ADOT JavaScript SDK layer.
    AdotLambdaLayerJavaScriptSdkVersion = "JAVASCRIPT_SDK", latest = V1_30_0 {
        V1_30_0 = "1.30.0",
        V1_18_1 = "1.18.1",
        V1_17_1 = "1.17.1",
        V1_16_0 = "1.16.0",
        V1_15_0_1 = "1.15.0-1",
        V1_7_0 = "1.7.0",
    }
    /// Versions of the ADOT Python SDK layer.
    AdotLambdaLayerPythonSdkVersion = "PYTHON_SDK", latest = V1_29_0 {
        V1_29_0 = "1.29.0",
        V1_25_0 = "1.25.0",
        V1_24_0 = "1.24.0",
        V1_21_0 = "1.21.0",
        V1_20_0_1 = "1.20.0-1",
        V1_20_0 = "1.20.0",
        V1_19_0_1 = "1.19.0-1",
        V1_18_0 = "1.18.0",
        V1_17_0 = "1.17.0",
        V1_16_0 = "1.16.0",
        V1_15_0 = "1.15.0",
        V1_14_0 = "1.14.0",
        V1_13_0 = "1.13.0",
    }
    /// Versions of the ADOT generic (collector) layer.
    AdotLambdaLayerGenericVersion = "GENERIC", latest = V0_115_0 {
        V0_115_0 = "0.115.0",
        V0_102_1 = "0.102.1",
        V0_98_0 = "0.98.0",
        V0_90_1 = "0.90.1",
        V0_88_0 = "0.88.0",
        V0_84_0 = "0.84.0",
        V0_82_0 = "0.82.0",
        V0_62_1 = "0.62.1",
    }
}

/// An ADOT layer: its type (language) and version; the ARN per region and architecture is a
/// fact of `lambda-spec`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdotLayerVersion {
    layer_type: &'static str,
    version: &'static str,
}

impl AdotLayerVersion {
    /// The Java SDK layer.
    pub fn from_java_sdk_layer_version(version: AdotLambdaLayerJavaSdkVersion) -> Self {
        version.into()
    }

    /// The Java auto-instrumentation layer.
    pub fn from_java_auto_instrumentation_layer_version(
        version: AdotLambdaLayerJavaAutoInstrumentationVersion,
    ) -> Self {
        version.into()
    }

    /// The JavaScript SDK layer.
    pub fn from_java_script_sdk_layer_version(
        version: AdotLambdaLayerJavaScriptSdkVersion,
    ) -> Self {
        version.into()
    }

    /// The Python SDK layer.
    pub fn from_python_sdk_layer_version(version: AdotLambdaLayerPythonSdkVersion) -> Self {
        version.into()
    }

    /// The generic (collector) layer.
    pub fn from_generic_layer_version(version: AdotLambdaLayerGenericVersion) -> Self {
        version.into()
    }

    /// The layer ARN for a function: the literal for a stack with a known region (aws-cdk-lib's
    /// `AdotLayerArnNotFound` when it has none), else a deploy-time value.
    fn bind(&self, function: &ConstructNode, architecture: Architecture) -> Result<Value> {
        let stack = function
            .stack()
            .ok_or_else(|| Error::Synth(format!("{}: not in a stack", function.path())))?;
        if let Some(region) = stack.region() {
            return lambda_spec::adot_layer_arn(
                self.layer_type,
                self.version,
                architecture,
                &region,
            )
            .map(Value::from)
            .map_err(|e| Error::spec(e, function.path()));
        }
        regional_fact(
            &stack,
            &lambda_spec::adot_fact_name(self.layer_type, self.version, architecture),
        )
    }
}

/// ADOT instrumentation of a function: which layer, and how it wraps the handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdotInstrumentationConfig {
    /// The ADOT layer.
    pub layer_version: AdotLayerVersion,
    /// The wrapper script (`AWS_LAMBDA_EXEC_WRAPPER`).
    pub exec_wrapper: AdotLambdaExecWrapper,
}

impl AdotInstrumentationConfig {
    /// aws-cdk-lib's checks, before anything is built (container image, `go1.x`, Python's
    /// wrapper; errors name the function at `path`), and a layer in the region of the stack
    /// when it is known (that error names the stack).
    pub(crate) fn check(
        &self,
        runtime: Runtime,
        architecture: Architecture,
        stack: Option<&crate::Stack>,
        path: &str,
    ) -> Result<()> {
        lambda_spec::validate_adot_instrumentation(runtime, self.exec_wrapper.as_str())
            .map_err(|e| Error::spec(e, path))?;
        if let Some((stack, region)) = stack.and_then(|s| Some((s, s.region()?))) {
            let v = &self.layer_version;
            lambda_spec::adot_layer_arn(v.layer_type, v.version, architecture, &region)
                .map_err(|e| Error::spec(e, stack.node().path()))?;
        }
        Ok(())
    }

    /// The layer ARN for the function.
    pub(crate) fn layer_arn(
        &self,
        function: &ConstructNode,
        architecture: Architecture,
    ) -> Result<Value> {
        self.layer_version.bind(function, architecture)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constants are lambda-spec's versions of each layer type, in the same order.
    #[test]
    fn constants_follow_the_facts() {
        fn check(layer_type: &str, ours: Vec<&str>, latest: &str) {
            let (versions, spec_latest) = lambda_spec::adot_versions(layer_type).unwrap();
            assert_eq!(ours, versions, "{layer_type}");
            assert_eq!(latest, spec_latest, "{layer_type}");
        }
        macro_rules! check {
            ($ty:ident) => {
                check(
                    $ty::LAYER_TYPE,
                    $ty::ALL.iter().map($ty::layer_version).collect(),
                    $ty::LATEST.layer_version(),
                )
            };
        }
        check!(AdotLambdaLayerJavaSdkVersion);
        check!(AdotLambdaLayerJavaAutoInstrumentationVersion);
        check!(AdotLambdaLayerJavaScriptSdkVersion);
        check!(AdotLambdaLayerPythonSdkVersion);
        check!(AdotLambdaLayerGenericVersion);
        assert_eq!(lambda_spec::region_facts::ADOT_VERSIONS.len(), 5);
    }
}
