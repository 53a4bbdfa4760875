//! Which `AWS::Lambda::Function` properties are version-locked: a change to a locked property
//! must publish a new version, so it is part of the `currentVersion` hash.

/// A struct of CloudFormation properties whose every field is classified as version-locked or
/// not; `#[derive(VersionProps)]` refuses to compile a field that is neither.
pub trait VersionProps {
    /// `(CloudFormation property name, locked)`, in declaration order.
    const VERSION_PROPERTIES: &'static [(&'static str, bool)];
}

/// `impl VersionProps` from entries `locked "Name"` / `unlocked "Name"`, in order.
macro_rules! classified_properties {
    ($name:ident { $($class:ident $property:literal,)* }) => {
        impl VersionProps for $name {
            const VERSION_PROPERTIES: &'static [(&'static str, bool)] =
                &[$(($property, classified_properties!(@$class))),*];
        }
    };
    (@locked) => { true };
    (@unlocked) => { false };
}

/// Every property of `AWS::Lambda::Function`, classified as aws-cdk-lib 2.276.0's
/// `VERSION_LOCKED` table classifies them. A property CloudFormation adds must be added here,
/// and cannot be without a classification: an entry is `locked "Name"` or `unlocked "Name"`,
/// anything else does not compile. (A table rather than `#[derive(VersionProps)]`, so that
/// lambda-core does not wait for syn and the macros in a user's cold build; the derive is for
/// users' structs.)
pub(crate) struct FunctionProperties;

classified_properties! {
    FunctionProperties {
        locked "Architectures",
        locked "CapacityProviderConfig",
        locked "Code",
        unlocked "CodeSigningConfigArn",
        locked "DeadLetterConfig",
        locked "Description",
        locked "DurableConfig",
        locked "Environment",
        locked "EphemeralStorage",
        locked "FileSystemConfigs",
        locked "FunctionName",
        locked "FunctionScalingConfig",
        locked "Handler",
        locked "ImageConfig",
        locked "KmsKeyArn",
        locked "Layers",
        locked "LoggingConfig",
        locked "MemorySize",
        locked "PackageType",
        locked "PublishToLatestPublished",
        locked "RecursiveLoop",
        unlocked "ReservedConcurrentExecutions",
        locked "Role",
        locked "Runtime",
        locked "RuntimeManagementConfig",
        locked "SnapStart",
        unlocked "Tags",
        unlocked "TenancyConfig",
        locked "Timeout",
        locked "TracingConfig",
        locked "VpcConfig",
    }
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

/// The `AWS::Lambda::Function` property names, each written once: the function construct,
/// the `currentVersion` hash order and the tests name properties through these (a test checks
/// each against [`FunctionProperties`]' classified fields).
#[allow(dead_code)] // every name is here, whether or not a construct writes it yet
pub(crate) mod prop {
    pub(crate) const ARCHITECTURES: &str = "Architectures";
    pub(crate) const CAPACITY_PROVIDER_CONFIG: &str = "CapacityProviderConfig";
    pub(crate) const CODE: &str = "Code";
    pub(crate) const CODE_SIGNING_CONFIG_ARN: &str = "CodeSigningConfigArn";
    pub(crate) const DEAD_LETTER_CONFIG: &str = "DeadLetterConfig";
    pub(crate) const DESCRIPTION: &str = "Description";
    pub(crate) const DURABLE_CONFIG: &str = "DurableConfig";
    pub(crate) const ENVIRONMENT: &str = "Environment";
    pub(crate) const EPHEMERAL_STORAGE: &str = "EphemeralStorage";
    pub(crate) const FILE_SYSTEM_CONFIGS: &str = "FileSystemConfigs";
    pub(crate) const FUNCTION_NAME: &str = "FunctionName";
    pub(crate) const FUNCTION_SCALING_CONFIG: &str = "FunctionScalingConfig";
    pub(crate) const HANDLER: &str = "Handler";
    pub(crate) const IMAGE_CONFIG: &str = "ImageConfig";
    pub(crate) const KMS_KEY_ARN: &str = "KmsKeyArn";
    pub(crate) const LAYERS: &str = "Layers";
    pub(crate) const LOGGING_CONFIG: &str = "LoggingConfig";
    pub(crate) const MEMORY_SIZE: &str = "MemorySize";
    pub(crate) const PACKAGE_TYPE: &str = "PackageType";
    pub(crate) const PUBLISH_TO_LATEST_PUBLISHED: &str = "PublishToLatestPublished";
    pub(crate) const RECURSIVE_LOOP: &str = "RecursiveLoop";
    pub(crate) const RESERVED_CONCURRENT_EXECUTIONS: &str = "ReservedConcurrentExecutions";
    pub(crate) const ROLE: &str = "Role";
    pub(crate) const RUNTIME: &str = "Runtime";
    pub(crate) const RUNTIME_MANAGEMENT_CONFIG: &str = "RuntimeManagementConfig";
    pub(crate) const SNAP_START: &str = "SnapStart";
    pub(crate) const TAGS: &str = "Tags";
    pub(crate) const TENANCY_CONFIG: &str = "TenancyConfig";
    pub(crate) const TIMEOUT: &str = "Timeout";
    pub(crate) const TRACING_CONFIG: &str = "TracingConfig";
    pub(crate) const VPC_CONFIG: &str = "VpcConfig";

    /// Every name above, in the order of [`super::FunctionProperties`]' fields.
    #[cfg(test)]
    pub(crate) const ALL: &[&str] = &[
        ARCHITECTURES,
        CAPACITY_PROVIDER_CONFIG,
        CODE,
        CODE_SIGNING_CONFIG_ARN,
        DEAD_LETTER_CONFIG,
        DESCRIPTION,
        DURABLE_CONFIG,
        ENVIRONMENT,
        EPHEMERAL_STORAGE,
        FILE_SYSTEM_CONFIGS,
        FUNCTION_NAME,
        FUNCTION_SCALING_CONFIG,
        HANDLER,
        IMAGE_CONFIG,
        KMS_KEY_ARN,
        LAYERS,
        LOGGING_CONFIG,
        MEMORY_SIZE,
        PACKAGE_TYPE,
        PUBLISH_TO_LATEST_PUBLISHED,
        RECURSIVE_LOOP,
        RESERVED_CONCURRENT_EXECUTIONS,
        ROLE,
        RUNTIME,
        RUNTIME_MANAGEMENT_CONFIG,
        SNAP_START,
        TAGS,
        TENANCY_CONFIG,
        TIMEOUT,
        TRACING_CONFIG,
        VPC_CONFIG,
    ];
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

    #[test]
    fn property_names_are_the_classified_ones() {
        let names: Vec<&str> = FunctionProperties::VERSION_PROPERTIES
            .iter()
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(names, prop::ALL);
    }
}
