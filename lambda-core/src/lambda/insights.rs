//! Lambda Insights: the CloudWatch extension layer a function gets from `insights_version`,
//! with its managed policy, as aws-cdk-lib's `LambdaInsightsVersion` binds it.

use lambda_spec::{Architecture, INSIGHTS_MANAGED_POLICY};

use crate::core::construct::ConstructNode;
use crate::core::mapping::regional_fact;
use crate::core::value::Value;
use crate::{Error, Result};

/// A version of the Lambda Insights extension: one aws-cdk-lib 2.276.0 names (its layer ARN per
/// region and architecture is a fact of `lambda-spec`), or a layer given by ARN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaInsightsVersion(Kind);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Version(&'static str),
    Arn(String),
}

macro_rules! insights_versions {
    ($($name:ident = $version:literal,)*) => {
        impl LambdaInsightsVersion {
            $(
                #[doc = concat!("Version ", $version, ".")]
                pub const $name: LambdaInsightsVersion = LambdaInsightsVersion(Kind::Version($version));
            )*

            /// Every version aws-cdk-lib 2.276.0 names, in its order.
            pub const ALL: &'static [LambdaInsightsVersion] = &[$(Self::$name),*];
        }
    };
}

insights_versions! {
    VERSION_1_0_54_0 = "1.0.54.0",
    VERSION_1_0_86_0 = "1.0.86.0",
    VERSION_1_0_89_0 = "1.0.89.0",
    VERSION_1_0_98_0 = "1.0.98.0",
    VERSION_1_0_119_0 = "1.0.119.0",
    VERSION_1_0_135_0 = "1.0.135.0",
    VERSION_1_0_143_0 = "1.0.143.0",
    VERSION_1_0_178_0 = "1.0.178.0",
    VERSION_1_0_229_0 = "1.0.229.0",
    VERSION_1_0_273_0 = "1.0.273.0",
    VERSION_1_0_275_0 = "1.0.275.0",
    VERSION_1_0_295_0 = "1.0.295.0",
    VERSION_1_0_317_0 = "1.0.317.0",
    VERSION_1_0_333_0 = "1.0.333.0",
    VERSION_1_0_391_0 = "1.0.391.0",
    VERSION_1_0_404_0 = "1.0.404.0",
    VERSION_1_0_498_0 = "1.0.498.0",
}

impl LambdaInsightsVersion {
    /// The extension layer at `arn` (it must be in the function's region).
    pub fn from_insight_version_arn(arn: impl Into<String>) -> Self {
        LambdaInsightsVersion(Kind::Arn(arn.into()))
    }

    /// The named version `version` (`"1.0.98.0"`), for versions read from configuration; an
    /// unknown one is an error naming the closest.
    pub fn from_version(version: &str) -> Result<Self> {
        lambda_spec::validate_insights_version(version, Architecture::X86_64)
            .map_err(|e| Error::spec(e, ""))?;
        Ok(Self::ALL
            .iter()
            .find(|v| v.version() == Some(version))
            .cloned()
            .expect("validated above: a named version"))
    }

    /// The version number, `None` for a layer given by ARN.
    pub fn version(&self) -> Option<&'static str> {
        match self.0 {
            Kind::Version(v) => Some(v),
            Kind::Arn(_) => None,
        }
    }

    /// Checks, before anything is built, that the version has a layer for the function's
    /// architecture (aws-cdk-lib's `InsightsVersion` error) and, when the stack's region is
    /// known, in that region.
    pub(crate) fn check(
        &self,
        architecture: Architecture,
        region: Option<&str>,
        path: &str,
    ) -> Result<()> {
        let Kind::Version(version) = self.0 else {
            return Ok(());
        };
        lambda_spec::validate_insights_version(version, architecture)
            .map_err(|e| Error::spec(e, path))?;
        if let Some(region) = region {
            lambda_spec::insights_layer_arn(version, architecture, region)
                .map_err(|e| Error::spec(e, path))?;
        }
        Ok(())
    }

    /// The layer ARN for a function: the literal for a stack with a known region, else a
    /// deploy-time lookup (see [`regional_fact`]).
    pub(crate) fn bind(
        &self,
        function: &ConstructNode,
        architecture: Architecture,
    ) -> Result<Value> {
        let version = match &self.0 {
            Kind::Arn(arn) => return Ok(arn.as_str().into()),
            Kind::Version(v) => *v,
        };
        let stack = function
            .stack()
            .ok_or_else(|| Error::Synth(format!("{}: not in a stack", function.path())))?;
        if let Some(region) = stack.region() {
            return lambda_spec::insights_layer_arn(version, architecture, &region)
                .map(Value::from)
                .map_err(|e| Error::spec(e, function.path()));
        }
        regional_fact(
            &stack,
            &lambda_spec::insights_fact_name(version, architecture),
        )
    }
}

/// The managed policy the function's role gets with Lambda Insights.
pub(crate) fn managed_policy() -> crate::iam::ManagedPolicy {
    crate::iam::ManagedPolicy::from_aws_managed_policy_name(INSIGHTS_MANAGED_POLICY)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constants are the versions of lambda-spec's facts, in the same order.
    #[test]
    fn constants_follow_the_facts() {
        let ours: Vec<&str> = LambdaInsightsVersion::ALL
            .iter()
            .filter_map(LambdaInsightsVersion::version)
            .collect();
        assert_eq!(ours, lambda_spec::region_facts::INSIGHTS_VERSIONS);
    }

    #[test]
    fn from_version() {
        assert_eq!(
            LambdaInsightsVersion::from_version("1.0.333.0").unwrap(),
            LambdaInsightsVersion::VERSION_1_0_333_0
        );
        let e = LambdaInsightsVersion::from_version("1.0.333").unwrap_err();
        assert!(e.to_string().contains("did you mean `1.0.333.0`"), "{e}");
    }
}
