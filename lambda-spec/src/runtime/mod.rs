//! Lambda runtimes: what each one is called and what it supports.

mod catalogue;
mod cdk_json;
mod family;

pub use family::RuntimeFamily;

use std::fmt;
use std::str::FromStr;

use crate::codes;
use crate::error::SpecError;
use crate::suggest::closest;

/// A Lambda runtime and the features aws-cdk-lib says it supports.
///
/// The known runtimes are associated constants named as in aws-cdk-lib
/// (`Runtime::NODEJS_22_X`, `Runtime::PYTHON_3_12`, `Runtime::PROVIDED_AL2023`, …),
/// listed in [`Runtime::ALL`]; [`Runtime::custom`] makes one CDK does not know yet.
/// All accessors are `const fn`, so a macro can use them in constant assertions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Runtime {
    name: &'static str,
    family: Option<RuntimeFamily>,
    supports_inline_code: bool,
    supports_code_guru_profiling: bool,
    supports_snap_start: bool,
    is_variable: bool,
    deprecated: bool,
}

/// The name aws-cdk-lib gives its container-image pseudo runtime (and handler).
pub const FROM_IMAGE_NAME: &str = "FROM_IMAGE";

impl Runtime {
    /// A runtime the catalogue does not list yet, like CDK's `new Runtime(name, family)`.
    ///
    /// Every feature flag starts `false`, as in CDK; turn them on with the `with_*` methods.
    pub const fn custom(name: &'static str, family: Option<RuntimeFamily>) -> Runtime {
        Runtime {
            name,
            family,
            supports_inline_code: false,
            supports_code_guru_profiling: false,
            supports_snap_start: false,
            is_variable: false,
            deprecated: false,
        }
    }

    /// This runtime with inline code (`Code.ZipFile`) allowed or not.
    pub const fn with_inline_code(mut self, supported: bool) -> Runtime {
        self.supports_inline_code = supported;
        self
    }

    /// This runtime with CodeGuru profiling allowed or not.
    pub const fn with_code_guru_profiling(mut self, supported: bool) -> Runtime {
        self.supports_code_guru_profiling = supported;
        self
    }

    /// This runtime with SnapStart allowed or not.
    pub const fn with_snap_start(mut self, supported: bool) -> Runtime {
        self.supports_snap_start = supported;
        self
    }

    /// The identifier CloudFormation expects in `Runtime` (e.g. `nodejs22.x`).
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The language family; `None` only for [`Runtime::FROM_IMAGE`].
    pub const fn family(&self) -> Option<RuntimeFamily> {
        self.family
    }

    /// Whether inline code (`Code.ZipFile`) may be used: Node.js and Python only.
    pub const fn supports_inline_code(&self) -> bool {
        self.supports_inline_code
    }

    /// Whether Amazon CodeGuru Profiler supports this runtime.
    pub const fn supports_code_guru_profiling(&self) -> bool {
        self.supports_code_guru_profiling
    }

    /// Whether SnapStart may be enabled on this runtime.
    pub const fn supports_snap_start(&self) -> bool {
        self.supports_snap_start
    }

    /// Whether this entry stands for "the latest" and may change meaning
    /// ([`Runtime::NODEJS_LATEST`] only).
    pub const fn is_variable(&self) -> bool {
        self.is_variable
    }

    /// Whether AWS Lambda has deprecated this runtime (its deprecation date has passed).
    ///
    /// Our own flag, not CDK's. Source: AWS's runtime lifecycle dates as cfn-lint 1.51.0
    /// carries them (`LmbdRuntimeLifecycle.json`, the table behind its W2531/E2533
    /// checks), evaluated on 2026-11-25; `.NET 9` (not in that table) ended 2026-11-10.
    /// True for `nodejs20.x` and older, `python3.11` and older, `java8`, `java8.al2`,
    /// `java11`, `java17`, `dotnet6`, `dotnet8`, `dotnet9`, every `dotnetcore*`, `go1.x`,
    /// `ruby3.2` and older, `provided` and `provided.al2`. A deprecated runtime gets no
    /// security patches; AWS then blocks creating, and later updating, its functions.
    pub const fn is_deprecated(&self) -> bool {
        self.deprecated
    }

    /// Whether this is the container-image pseudo runtime [`Runtime::FROM_IMAGE`].
    pub const fn is_from_image(&self) -> bool {
        self.family.is_none() && crate::text::str_eq(self.name, FROM_IMAGE_NAME)
    }

    /// The SAM build image CDK bundles this runtime's code in
    /// (`public.ecr.aws/sam/build-<name>`).
    pub fn bundling_image(&self) -> String {
        format!("public.ecr.aws/sam/build-{}", self.name)
    }

    /// CDK's `runtimeEquals`: same name, family and inline-code support.
    ///
    /// Layers match a function's runtime this way, so `NODEJS_LATEST` equals `NODEJS_24_X`.
    pub const fn runtime_equals(&self, other: &Runtime) -> bool {
        crate::text::str_eq(self.name, other.name)
            && family_eq(self.family, other.family)
            && self.supports_inline_code == other.supports_inline_code
    }

    /// Looks a runtime up by its CloudFormation name (`"nodejs22.x"`, `"FROM_IMAGE"`).
    ///
    /// Exact and case-sensitive, as CloudFormation is. `"nodejs24.x"` gives
    /// [`Runtime::NODEJS_24_X`], never the variable [`Runtime::NODEJS_LATEST`].
    pub fn from_name(name: &str) -> Option<Runtime> {
        Runtime::ALL
            .iter()
            .find(|r| !r.is_variable && r.name == name)
            .copied()
    }

    /// Every distinct runtime name, in catalogue order: the candidates for "did you mean".
    pub fn names() -> impl Iterator<Item = &'static str> {
        Runtime::ALL
            .iter()
            .filter(|r| !r.is_variable)
            .map(|r| r.name)
    }

    /// The names of the runtimes AWS Lambda has not deprecated (what to suggest first).
    pub fn supported_names() -> impl Iterator<Item = &'static str> {
        Runtime::ALL
            .iter()
            .filter(|r| !r.is_variable && !r.deprecated && !r.is_from_image())
            .map(|r| r.name)
    }
}

const fn family_eq(a: Option<RuntimeFamily>, b: Option<RuntimeFamily>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.cdk_index() == y.cdk_index(),
        _ => false,
    }
}

impl fmt::Display for Runtime {
    /// Prints the CloudFormation name, as CDK's `toString()` does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl FromStr for Runtime {
    type Err = SpecError;

    /// Parses a CloudFormation runtime name; the error suggests the closest known one.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Runtime::from_name(s).ok_or_else(|| unknown_runtime(s))
    }
}

/// The error for a runtime name that is not in the catalogue, with a suggestion if one is close.
pub(crate) fn unknown_runtime(input: &str) -> SpecError {
    let message = match closest(input, Runtime::names()) {
        Some(suggestion) => format!("unknown runtime `{input}`; did you mean `{suggestion}`?"),
        None => format!(
            "unknown runtime `{input}`; expected one of {}",
            Runtime::supported_names()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    SpecError::new(codes::UNKNOWN_RUNTIME, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_52_entries_in_cdk_order() {
        assert_eq!(Runtime::ALL.len(), 52);
        assert_eq!(Runtime::ALL[0], Runtime::NODEJS);
        assert_eq!(Runtime::ALL[10], Runtime::NODEJS_LATEST);
        assert_eq!(Runtime::ALL[51], Runtime::FROM_IMAGE);
    }

    #[test]
    fn names_are_unique_apart_from_nodejs_latest() {
        let names: Vec<_> = Runtime::names().collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!(names.len(), 51);
    }

    #[test]
    fn from_name_finds_each_runtime() {
        for r in Runtime::ALL.iter().filter(|r| !r.is_variable()) {
            assert_eq!(Runtime::from_name(r.name()), Some(*r));
        }
        assert_eq!(Runtime::from_name("nodejs24.x"), Some(Runtime::NODEJS_24_X));
        assert_eq!(Runtime::from_name("FROM_IMAGE"), Some(Runtime::FROM_IMAGE));
        assert_eq!(Runtime::from_name("NODEJS22.X"), None);
        assert_eq!(Runtime::from_name("nodejs99.x"), None);
    }

    #[test]
    fn flags_match_cdk() {
        let r = Runtime::NODEJS_22_X;
        assert_eq!(r.name(), "nodejs22.x");
        assert_eq!(r.family(), Some(RuntimeFamily::NodeJs));
        assert!(r.supports_inline_code());
        assert!(!r.supports_code_guru_profiling());
        assert!(!r.supports_snap_start());
        assert!(!r.is_variable());
        assert!(!r.is_deprecated());

        assert!(Runtime::PYTHON_3_12.supports_snap_start());
        assert!(!Runtime::PYTHON_3_11.supports_snap_start());
        assert!(Runtime::JAVA_21.supports_snap_start());
        assert!(!Runtime::JAVA_21.supports_inline_code());
        assert!(Runtime::DOTNET_8.supports_snap_start());
        assert!(!Runtime::JAVA_8_AL2023.supports_snap_start());
        assert!(Runtime::NODEJS_LATEST.is_variable());
        assert_eq!(Runtime::NODEJS_LATEST.name(), "nodejs24.x");
        assert_eq!(Runtime::FROM_IMAGE.family(), None);
        assert_eq!(
            Runtime::PROVIDED_AL2023.family(),
            Some(RuntimeFamily::Other)
        );
    }

    #[test]
    fn deprecation_flags() {
        // cfn-lint W2531 flags these two; they must be deprecated.
        assert!(Runtime::NODEJS_18_X.is_deprecated());
        assert!(Runtime::PYTHON_3_9.is_deprecated());
        for r in [
            Runtime::NODEJS,
            Runtime::NODEJS_16_X,
            Runtime::NODEJS_20_X,
            Runtime::PYTHON_2_7,
            Runtime::PYTHON_3_10,
            Runtime::PYTHON_3_11,
            Runtime::JAVA_8,
            Runtime::JAVA_8_CORRETTO,
            Runtime::JAVA_11,
            Runtime::JAVA_17,
            Runtime::DOTNET_8,
            Runtime::DOTNET_9,
            Runtime::DOTNET_6,
            Runtime::DOTNET_CORE_3_1,
            Runtime::GO_1_X,
            Runtime::RUBY_2_7,
            Runtime::RUBY_3_2,
            Runtime::PROVIDED,
            Runtime::PROVIDED_AL2,
        ] {
            assert!(r.is_deprecated(), "{r} should be deprecated");
        }
        for r in [
            Runtime::NODEJS_22_X,
            Runtime::NODEJS_24_X,
            Runtime::NODEJS_LATEST,
            Runtime::PYTHON_3_12,
            Runtime::PYTHON_3_14,
            Runtime::PYTHON_3_15,
            Runtime::JAVA_21,
            Runtime::JAVA_8_AL2023,
            Runtime::JAVA_17_AL2023,
            Runtime::JAVA_25,
            Runtime::DOTNET_10,
            Runtime::RUBY_3_3,
            Runtime::RUBY_3_4,
            Runtime::RUBY_4_0,
            Runtime::PROVIDED_AL2023,
            Runtime::FROM_IMAGE,
        ] {
            assert!(!r.is_deprecated(), "{r} should not be deprecated");
        }
    }

    #[test]
    fn runtime_equals_is_cdks() {
        assert!(Runtime::NODEJS_LATEST.runtime_equals(&Runtime::NODEJS_24_X));
        assert_ne!(Runtime::NODEJS_LATEST, Runtime::NODEJS_24_X);
        assert!(!Runtime::NODEJS_22_X.runtime_equals(&Runtime::NODEJS_24_X));
        let odd = Runtime::custom("nodejs24.x", Some(RuntimeFamily::NodeJs));
        assert!(!odd.runtime_equals(&Runtime::NODEJS_24_X));
        assert!(odd
            .with_inline_code(true)
            .runtime_equals(&Runtime::NODEJS_24_X));
    }

    #[test]
    fn custom_runtime_defaults_to_no_features() {
        const R: Runtime = Runtime::custom("nodejs26.x", Some(RuntimeFamily::NodeJs))
            .with_inline_code(true)
            .with_snap_start(false)
            .with_code_guru_profiling(false);
        assert_eq!(R.name(), "nodejs26.x");
        assert!(R.supports_inline_code());
        assert!(!R.is_deprecated());
        assert_eq!(Runtime::from_name("nodejs26.x"), None);
    }

    #[test]
    fn from_image() {
        assert!(Runtime::FROM_IMAGE.is_from_image());
        assert!(!Runtime::PROVIDED.is_from_image());
        assert!(!Runtime::custom("FROM_IMAGE", Some(RuntimeFamily::Other)).is_from_image());
    }

    #[test]
    fn display_and_bundling_image() {
        assert_eq!(Runtime::PYTHON_3_12.to_string(), "python3.12");
        assert_eq!(
            Runtime::PYTHON_3_12.bundling_image(),
            "public.ecr.aws/sam/build-python3.12"
        );
    }

    #[test]
    fn from_str_suggests() {
        let err = "nodejs20".parse::<Runtime>().unwrap_err();
        assert_eq!(err.code, "UnknownRuntime");
        assert_eq!(
            err.message,
            "unknown runtime `nodejs20`; did you mean `nodejs20.x`?"
        );
        let err = "pyhton3.12".parse::<Runtime>().unwrap_err();
        assert_eq!(
            err.message,
            "unknown runtime `pyhton3.12`; did you mean `python3.12`?"
        );
        let err = "cobol".parse::<Runtime>().unwrap_err();
        assert!(err
            .message
            .starts_with("unknown runtime `cobol`; expected one of `nodejs22.x`"));
        assert!(!err.message.contains("`nodejs18.x`"));
        assert_eq!("java21".parse::<Runtime>(), Ok(Runtime::JAVA_21));
    }

    #[test]
    fn did_you_mean_with_closest() {
        assert_eq!(closest("nodejs20", Runtime::names()), Some("nodejs20.x"));
        assert_eq!(closest("pyhton3.12", Runtime::names()), Some("python3.12"));
        assert_eq!(closest("Python3.12", Runtime::names()), Some("python3.12"));
        assert_eq!(
            closest("provided.al2024", Runtime::names()),
            Some("provided.al2023")
        );
    }

    #[test]
    fn accessors_work_in_const_context() {
        const _: () = assert!(Runtime::JAVA_21.supports_snap_start());
        const _: () = assert!(!Runtime::NODEJS_22_X.is_deprecated());
        const _: () = assert!(Runtime::NODEJS_LATEST.runtime_equals(&Runtime::NODEJS_24_X));
    }
}
