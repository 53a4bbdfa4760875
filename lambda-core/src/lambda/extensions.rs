//! The extension props of a function (Lambda Insights...), checked before the function is built
//! and applied once its resource exists, in aws-cdk-lib's order.

use lambda_spec::{Architecture, Runtime, Tracing};

use super::adot::AdotInstrumentationConfig;
use super::function::Function;
use super::insights::{self, LambdaInsightsVersion};
use super::layer::LayerVersion;
use super::params_and_secrets::ParamsAndSecretsLayerVersion;
use crate::core::construct::Construct;
use crate::Result;

/// The extension props given to `Function::builder()`.
pub(crate) struct Extensions {
    /// The function's architecture (x86_64 when unset).
    pub(crate) architecture: Architecture,
    pub(crate) insights_version: Option<LambdaInsightsVersion>,
    pub(crate) adot_instrumentation: Option<AdotInstrumentationConfig>,
    pub(crate) params_and_secrets: Option<ParamsAndSecretsLayerVersion>,
}

impl Extensions {
    /// What can be checked before anything is added to the tree.
    pub(crate) fn check(&self, scope: &dyn Construct, path: &str) -> Result<()> {
        let architecture = self.architecture;
        let region = scope.node().stack().and_then(|s| s.region());
        if let Some(version) = &self.insights_version {
            version.check(architecture, region.as_deref(), path)?;
        }
        if let Some(params) = &self.params_and_secrets {
            params.check(architecture, region.as_deref(), path)?;
        }
        Ok(())
    }

    /// Checks that need the runtime (ADOT's rules).
    pub(crate) fn check_runtime(
        &self,
        scope: &dyn Construct,
        runtime: Runtime,
        path: &str,
    ) -> Result<()> {
        if let Some(adot) = &self.adot_instrumentation {
            adot.check(
                runtime,
                self.architecture,
                scope.node().stack().as_ref(),
                path,
            )?;
        }
        Ok(())
    }

    /// The function's tracing: ADOT instrumentation turns X-Ray active tracing on unless
    /// tracing was set.
    pub(crate) fn tracing(&self, tracing: Option<Tracing>) -> Option<Tracing> {
        match self.adot_instrumentation {
            Some(_) => Some(tracing.unwrap_or(Tracing::Active)),
            None => tracing,
        }
    }

    /// Adds the layers, environment variables and role policies, as aws-cdk-lib's
    /// `configureLambdaInsights` does at the end of the function's constructor.
    pub(crate) fn configure(self, function: &Function) -> Result<()> {
        let architecture = self.architecture;
        if let Some(version) = &self.insights_version {
            if function.runtime() != Runtime::FROM_IMAGE {
                let arn = version.bind(&function.node(), architecture)?;
                let layer =
                    LayerVersion::from_arn_value(&function.node(), "LambdaInsightsLayer", arn)?;
                function.add_layers(&[layer])?;
            }
            function
                .role()
                .add_managed_policy(&insights::managed_policy());
        }
        if let Some(adot) = &self.adot_instrumentation {
            let arn = adot.layer_arn(&function.node(), architecture)?;
            let layer = LayerVersion::from_arn_value(&function.node(), "AdotLayer", arn)?;
            function.add_layers(&[layer])?;
            function.add_environment("AWS_LAMBDA_EXEC_WRAPPER", adot.exec_wrapper.as_str())?;
        }
        if let Some(params) = &self.params_and_secrets {
            let (arn, environment) = params.bind(&function.node(), architecture)?;
            let layer =
                LayerVersion::from_arn_value(&function.node(), "ParamsAndSecretsLayer", arn)?;
            function.add_layers(&[layer])?;
            for (key, value) in environment {
                function.add_environment(key, value)?;
            }
        }
        Ok(())
    }
}
