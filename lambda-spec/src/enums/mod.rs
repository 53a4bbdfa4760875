//! The small closed sets of values a Lambda function takes (architecture, tracing, …).
//!
//! Each enum gives its CloudFormation value with `as_str()`, parses the CloudFormation
//! or CDK spelling with `from_name()`/`FromStr` (case-insensitive, `_` and `-` ignored,
//! so `"arm64"`, `"ARM_64"` and `"Arm64"` all work), and lists its spellings in `ALL`
//! for "did you mean" suggestions.

mod application_log_level;
mod architecture;
mod logging_format;
mod recursive_loop;
mod s3_object_storage_mode;
mod snap_start_apply_on;
mod system_log_level;
mod tracing;
mod update_runtime_on;

pub use application_log_level::ApplicationLogLevel;
pub use architecture::Architecture;
pub use logging_format::LoggingFormat;
pub use recursive_loop::RecursiveLoop;
pub use s3_object_storage_mode::S3ObjectStorageMode;
pub use snap_start_apply_on::SnapStartApplyOn;
pub use system_log_level::SystemLogLevel;
pub use tracing::Tracing;
pub use update_runtime_on::UpdateRuntimeOn;

use crate::codes;
use crate::error::SpecError;
use crate::suggest::closest;

/// The comparison key of a spelling: ASCII-lowercased, without `_` and `-`.
pub(crate) fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The error for a value no spelling of the enum matches, with a suggestion when one is close.
pub(crate) fn unknown_value(
    what: &str,
    input: &str,
    all: &[&'static str],
    canonical: &[&'static str],
) -> SpecError {
    let message = match closest(input, all.iter().copied()) {
        Some(suggestion) => format!("unknown {what} `{input}`; did you mean `{suggestion}`?"),
        None => format!(
            "unknown {what} `{input}`; expected one of {}",
            canonical
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    SpecError::new(codes::UNKNOWN_ENUM_VALUE, message)
}

/// Defines one of the value enums with its spellings and conversions.
macro_rules! spec_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $what:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $cfn:literal $(| $alias:literal)*
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const VARIANTS: &'static [$name] = &[$($name::$variant,)+];

            /// Every accepted spelling: the CloudFormation values first, then the CDK
            /// constant names. Candidates for [`closest`](crate::closest).
            pub const ALL: &'static [&'static str] = &[$($cfn,)+ $($($alias,)*)+];

            /// The value CloudFormation expects for this variant.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $cfn,)+
                }
            }

            /// Parses a CloudFormation or CDK spelling, ignoring case, `_` and `-`.
            pub fn from_name(name: &str) -> Option<$name> {
                let key = $crate::enums::normalize(name);
                $(
                    if $crate::enums::normalize($cfn) == key
                        $(|| $crate::enums::normalize($alias) == key)*
                    {
                        return Some($name::$variant);
                    }
                )+
                None
            }
        }

        impl ::std::fmt::Display for $name {
            /// Prints the CloudFormation value.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::SpecError;

            /// Like `from_name`; the error says what was expected and suggests the closest spelling.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::from_name(s).ok_or_else(|| {
                    $crate::enums::unknown_value($what, s, $name::ALL, &[$($cfn,)+])
                })
            }
        }
    };
}
pub(crate) use spec_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_ignores_case_and_separators() {
        assert_eq!(normalize("PASS_THROUGH"), "passthrough");
        assert_eq!(normalize("Pass-Through"), "passthrough");
        assert_eq!(normalize("x86_64"), "x8664");
    }

    /// Every enum: each variant round-trips through its CloudFormation value and each
    /// spelling in `ALL` parses.
    macro_rules! round_trip {
        ($($t:ty),+) => {$(
            for v in <$t>::VARIANTS {
                assert_eq!(<$t>::from_name(v.as_str()), Some(*v));
                assert_eq!(v.as_str().parse::<$t>(), Ok(*v));
                assert_eq!(v.to_string(), v.as_str());
            }
            for s in <$t>::ALL {
                assert!(<$t>::from_name(s).is_some(), "{s}");
            }
            assert_eq!(<$t>::from_name("no-such-value"), None);
        )+};
    }

    #[test]
    fn every_enum_round_trips() {
        round_trip!(
            Architecture,
            Tracing,
            LoggingFormat,
            ApplicationLogLevel,
            SystemLogLevel,
            UpdateRuntimeOn,
            RecursiveLoop,
            S3ObjectStorageMode,
            SnapStartApplyOn
        );
    }

    #[test]
    fn unknown_values_suggest_or_list() {
        let err = "arm65".parse::<Architecture>().unwrap_err();
        assert_eq!(err.code, "UnknownEnumValue");
        assert_eq!(
            err.message,
            "unknown architecture `arm65`; did you mean `arm64`?"
        );
        let err = "sparc".parse::<Architecture>().unwrap_err();
        assert_eq!(
            err.message,
            "unknown architecture `sparc`; expected one of `x86_64`, `arm64`"
        );
        let err = "activ".parse::<Tracing>().unwrap_err();
        assert_eq!(
            err.message,
            "unknown tracing mode `activ`; did you mean `Active`?"
        );
    }
}
