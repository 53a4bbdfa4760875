//! The extension props of a function (Lambda Insights...), checked before the function is built
//! and applied once its resource exists, in aws-cdk-lib's order.

use lambda_spec::{Architecture, Runtime, Tracing};

use super::adot::AdotInstrumentationConfig;
use super::code_signing::CodeSigningConfig;
use super::function::Function;
use super::insights::{self, LambdaInsightsVersion};
use super::layer::LayerVersion;
use super::params_and_secrets::ParamsAndSecretsLayerVersion;
use super::tenancy::TenancyConfig;
use super::version_props::prop;
use crate::codeguruprofiler::{ComputePlatform, ProfilingGroup};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::value::Value;
use crate::iam::Role;
use crate::{Error, Result};

/// The environment variables a profiled function gets, in aws-cdk-lib's order.
const PROFILER_VARIABLES: [&str; 4] = [
    "AWS_CODEGURU_PROFILER_GROUP_NAME",
    "AWS_CODEGURU_PROFILER_TARGET_REGION",
    "AWS_CODEGURU_PROFILER_GROUP_ARN",
    "AWS_CODEGURU_PROFILER_ENABLED",
];

/// The extension props given to `Function::builder()`.
pub(crate) struct Extensions {
    /// The function's architecture (x86_64 when unset).
    pub(crate) architecture: Architecture,
    pub(crate) insights_version: Option<LambdaInsightsVersion>,
    pub(crate) adot_instrumentation: Option<AdotInstrumentationConfig>,
    pub(crate) params_and_secrets: Option<ParamsAndSecretsLayerVersion>,
    pub(crate) profiling: Option<bool>,
    pub(crate) profiling_group: Option<ProfilingGroup>,
    pub(crate) code_signing_config: Option<CodeSigningConfig>,
    pub(crate) tenancy_config: Option<TenancyConfig>,
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

    /// Checks that need the runtime (profiling's and ADOT's rules).
    pub(crate) fn check_runtime(
        &self,
        scope: &dyn Construct,
        runtime: Runtime,
        path: &str,
    ) -> Result<()> {
        if self.profiles() {
            lambda_spec::validate_profiling(runtime).map_err(|e| Error::spec(e, path))?;
        }
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

    /// Whether the function is profiled: a profiling group not turned off by `profiling(false)`,
    /// or `profiling(true)`.
    fn profiles(&self) -> bool {
        (self.profiling_group.is_some() && self.profiling != Some(false))
            || self.profiling == Some(true)
    }

    /// Whether the function isolates tenants (SnapStart cannot).
    pub(crate) fn tenant_isolation(&self) -> bool {
        self.tenancy_config.is_some()
    }

    /// The CloudFormation properties the extensions set on the function.
    pub(crate) fn properties(&self) -> Vec<(&'static str, Value)> {
        let mut properties = Vec::new();
        if let Some(config) = &self.code_signing_config {
            properties.push((
                prop::CODE_SIGNING_CONFIG_ARN,
                config.code_signing_config_arn(),
            ));
        }
        if let Some(tenancy) = self.tenancy_config {
            properties.push((prop::TENANCY_CONFIG, tenancy.property()));
        }
        properties
    }

    /// Profiling, once the function's code is bound: its profiling group (the one given, or a
    /// new `ProfilingGroup` under the function) and the environment with the profiler's
    /// variables first (a variable the user set keeps the user's value), as aws-cdk-lib builds
    /// it. The group's publish grant waits for [`Extensions::grant_profiling`].
    pub(crate) fn profiling_environment(
        &mut self,
        function: &ConstructNode,
        environment: Vec<(String, Value)>,
    ) -> Result<Vec<(String, Value)>> {
        if !self.profiles() {
            return Ok(environment);
        }
        let group = match (&self.profiling_group, self.profiling) {
            (Some(group), Some(true) | None) => group.clone(),
            _ => ProfilingGroup::builder()
                .compute_platform(ComputePlatform::AwsLambda)
                .build(function, "ProfilingGroup")?,
        };
        if environment
            .iter()
            .any(|(k, _)| PROFILER_VARIABLES.contains(&k.as_str()))
        {
            let mut tree = function.app().tree_mut();
            tree.node_mut(function.id).extra_mut().annotations.push((
                "aws:cdk:warning",
                "AWS_CODEGURU_PROFILER_GROUP_NAME, AWS_CODEGURU_PROFILER_GROUP_ARN, AWS_CODEGURU_PROFILER_TARGET_REGION, and AWS_CODEGURU_PROFILER_ENABLED should not be set when profiling options enabled".to_owned(),
            ));
        }
        let region = group
            .node()
            .stack()
            .map_or_else(|| crate::Pseudo::Region.value(), |s| s.region_value());
        let mut merged: Vec<(String, Value)> = vec![
            (PROFILER_VARIABLES[0].into(), group.profiling_group_name()),
            (PROFILER_VARIABLES[1].into(), region),
            (PROFILER_VARIABLES[2].into(), group.profiling_group_arn()),
            (PROFILER_VARIABLES[3].into(), "TRUE".into()),
        ];
        for (key, value) in environment {
            match merged.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = value,
                None => merged.push((key, value)),
            }
        }
        self.profiling_group = Some(group);
        Ok(merged)
    }

    /// Lets the role publish to the profiling group (after the initial policy's statements, as
    /// in aws-cdk-lib).
    pub(crate) fn grant_profiling(&self, role: &Role) -> Result<()> {
        match (&self.profiling_group, self.profiles()) {
            (Some(group), true) => group.grant_publish(role),
            _ => Ok(()),
        }
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
