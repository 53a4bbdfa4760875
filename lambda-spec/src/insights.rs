//! Lambda Insights: the versions aws-cdk-lib 2.276.0 names and which layer each has per
//! architecture and region (the facts in [`crate::region_facts`]).

use crate::codes;
use crate::enums::Architecture;
use crate::error::SpecError;
use crate::region_facts::{self, INSIGHTS_VERSIONS};
use crate::suggest::closest;

/// The AWS managed policy a function with Lambda Insights gets on its role.
pub const INSIGHTS_MANAGED_POLICY: &str = "CloudWatchLambdaInsightsExecutionRolePolicy";

/// aws-cdk-lib's fact name of an Insights layer (`FactName.cloudwatchLambdaInsightsVersion`):
/// `cloudwatch-lambda-insights-version:1_0_98_0_x86_64`.
pub fn insights_fact_name(version: &str, architecture: Architecture) -> String {
    format!(
        "cloudwatch-lambda-insights-version:{}_{}",
        version.replace('.', "_"),
        architecture.as_str()
    )
}

/// Whether `LambdaInsightsVersion` names `version` (`1.0.98.0`...).
pub fn is_insights_version(version: &str) -> bool {
    INSIGHTS_VERSIONS.contains(&version)
}

/// Whether `version` has a layer for `architecture` in some region.
pub fn insights_version_exists(version: &str, architecture: Architecture) -> bool {
    !region_facts::region_map(&insights_fact_name(version, architecture)).is_empty()
}

/// Checks that `version` is one aws-cdk-lib names (our `UnknownInsightsVersion`, with the closest
/// version) and that it has a layer for `architecture` in some region (aws-cdk-lib's
/// `InsightsVersion`: "Insights version 1.0.98.0 does not exist." for an arm64 function).
pub fn validate_insights_version(
    version: &str,
    architecture: Architecture,
) -> Result<(), SpecError> {
    if !is_insights_version(version) {
        let hint = closest(version, INSIGHTS_VERSIONS.iter().copied())
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        return Err(SpecError::new(
            codes::UNKNOWN_INSIGHTS_VERSION,
            format!(
                "unknown Lambda Insights version `{version}`{hint}; aws-cdk-lib 2.276.0 names {}",
                INSIGHTS_VERSIONS.join(", ")
            ),
        ));
    }
    if !insights_version_exists(version, architecture) {
        return Err(SpecError::new(
            codes::INSIGHTS_VERSION,
            format!("Insights version {version} does not exist."),
        ));
    }
    Ok(())
}

/// The Insights layer ARN of `version` for `architecture` in `region`, or aws-cdk-lib's
/// `InsightsVersion` error when that region has none.
pub fn insights_layer_arn(
    version: &str,
    architecture: Architecture,
    region: &str,
) -> Result<&'static str, SpecError> {
    region_facts::find_fact(region, &insights_fact_name(version, architecture)).ok_or_else(|| {
        SpecError::new(
            codes::INSIGHTS_VERSION,
            format!("Insights version {version} is not supported in region {region}"),
        )
    })
}

/// The versions with an arm64 layer, for messages.
pub fn insights_arm64_versions() -> Vec<&'static str> {
    INSIGHTS_VERSIONS
        .iter()
        .copied()
        .filter(|v| insights_version_exists(v, Architecture::Arm64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_names() {
        assert_eq!(
            insights_fact_name("1.0.98.0", Architecture::X86_64),
            "cloudwatch-lambda-insights-version:1_0_98_0_x86_64"
        );
    }

    #[test]
    fn arm64_layers_start_with_1_0_119_0() {
        assert_eq!(
            validate_insights_version("1.0.98.0", Architecture::Arm64)
                .unwrap_err()
                .to_string(),
            "Insights version 1.0.98.0 does not exist."
        );
        assert!(validate_insights_version("1.0.119.0", Architecture::Arm64).is_ok());
        assert!(validate_insights_version("1.0.143.0", Architecture::Arm64).is_err());
        assert_eq!(insights_arm64_versions()[0], "1.0.119.0");
        assert!(INSIGHTS_VERSIONS.iter().all(|v| validate_insights_version(
            v,
            Architecture::X86_64
        )
        .is_ok()));
    }

    #[test]
    fn unknown_versions_suggest_the_closest() {
        let e = validate_insights_version("1.0.98", Architecture::X86_64).unwrap_err();
        assert_eq!(e.code, codes::UNKNOWN_INSIGHTS_VERSION);
        assert!(
            e.message.contains("did you mean `1.0.98.0`?"),
            "{}",
            e.message
        );
    }

    #[test]
    fn layer_per_region() {
        assert_eq!(
            insights_layer_arn("1.0.98.0", Architecture::X86_64, "us-east-1"),
            Ok("arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:14")
        );
        let e = insights_layer_arn("1.0.54.0", Architecture::X86_64, "af-south-1").unwrap_err();
        assert_eq!(
            e.message,
            "Insights version 1.0.54.0 is not supported in region af-south-1"
        );
    }
}
