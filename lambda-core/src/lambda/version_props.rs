//! Which `AWS::Lambda::Function` properties are version-locked: a change to a locked property
//! must publish a new version, so it is part of the `currentVersion` hash.

use lambda_macros::VersionProps;

/// A struct of CloudFormation properties whose every field is classified as version-locked or
/// not; `#[derive(VersionProps)]` refuses to compile a field that is neither.
pub trait VersionProps {
    /// `(CloudFormation property name, locked)`, in declaration order.
    const VERSION_PROPERTIES: &'static [(&'static str, bool)];
}

/// Every property of `AWS::Lambda::Function`, classified as aws-cdk-lib 2.276.0's
/// `VERSION_LOCKED` table classifies them. A property CloudFormation adds must be added here,
/// and cannot be without a classification.
#[derive(serde::Serialize, VersionProps)]
#[serde(rename_all = "PascalCase")]
#[version_props(crate = crate::lambda)]
#[allow(dead_code)] // exists for its classification table, never built
pub(crate) struct FunctionProperties {
    #[version(locked)]
    architectures: (),
    #[version(locked)]
    capacity_provider_config: (),
    #[version(locked)]
    code: (),
    #[version(unlocked)]
    code_signing_config_arn: (),
    #[version(locked)]
    dead_letter_config: (),
    #[version(locked)]
    description: (),
    #[version(locked)]
    durable_config: (),
    #[version(locked)]
    environment: (),
    #[version(locked)]
    ephemeral_storage: (),
    #[version(locked)]
    file_system_configs: (),
    #[version(locked)]
    function_name: (),
    #[version(locked)]
    function_scaling_config: (),
    #[version(locked)]
    handler: (),
    #[version(locked)]
    image_config: (),
    #[version(locked)]
    kms_key_arn: (),
    #[version(locked)]
    layers: (),
    #[version(locked)]
    logging_config: (),
    #[version(locked)]
    memory_size: (),
    #[version(locked)]
    package_type: (),
    #[version(locked)]
    publish_to_latest_published: (),
    #[version(locked)]
    recursive_loop: (),
    #[version(unlocked)]
    reserved_concurrent_executions: (),
    #[version(locked)]
    role: (),
    #[version(locked)]
    runtime: (),
    #[version(locked)]
    runtime_management_config: (),
    #[version(locked)]
    snap_start: (),
    #[version(unlocked)]
    tags: (),
    #[version(unlocked)]
    tenancy_config: (),
    #[version(locked)]
    timeout: (),
    #[version(locked)]
    tracing_config: (),
    #[version(locked)]
    vpc_config: (),
}

/// The keys of `AWS::Lambda::Function`'s `Code` property, in the order aws-cdk-lib's L1 renders them.
const CODE_KEYS: &[&str] = &[
    "ImageUri",
    "S3Bucket",
    "S3Key",
    "S3ObjectStorageMode",
    "S3ObjectVersion",
    "SourceKMSKeyArn",
    "ZipFile",
];

/// The key slots of the function's L1 (see `KeySlots` in core/element.rs): its properties in
/// schema order, and the keys of `Code`.
pub(crate) fn function_key_slots(path: &[&str]) -> Option<&'static [&'static str]> {
    static PROPERTIES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        FunctionProperties::VERSION_PROPERTIES
            .iter()
            .map(|(name, _)| *name)
            .collect()
    });
    match path {
        ["Properties"] => Some(&PROPERTIES),
        ["Properties", "Code"] => Some(CODE_KEYS),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // aws-cdk-lib 2.276.0's VERSION_LOCKED (reference §1.4): 27 locked, 4 not.
    #[test]
    fn matches_cdk_version_locked() {
        let table = FunctionProperties::VERSION_PROPERTIES;
        assert_eq!(table.len(), 31);
        let unlocked: Vec<&str> = table.iter().filter(|(_, l)| !l).map(|(n, _)| *n).collect();
        assert_eq!(
            unlocked,
            [
                "CodeSigningConfigArn",
                "ReservedConcurrentExecutions",
                "Tags",
                "TenancyConfig"
            ]
        );
        assert!(table.contains(&("LoggingConfig", true)));
        assert!(table.contains(&("PublishToLatestPublished", true)));
    }
}
