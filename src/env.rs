//! Reading a `#[lambda_function]` struct back from the environment, in the handler.
//!
//! The macro writes `Orders::from_env()` next to the struct: each field is read from the
//! variable the synthesis side sets (the field's name in SCREAMING_SNAKE_CASE, or
//! `#[env(name = "...")]`), parsed into the field's type. Every missing or unparsable variable
//! is collected, so one [`EnvError`] names them all. This module is std only: it is what a
//! handler built with `lambda-cdk = { default-features = false }` compiles.

use std::fmt;

/// Why `from_env` could not build the struct: every variable that is missing or unparsable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvError {
    problems: Vec<EnvProblem>,
}

/// One variable `from_env` could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EnvProblem {
    /// A required field's variable is not set.
    Missing {
        /// The variable's name.
        name: String,
    },
    /// The variable is set but is not a value of the field's type.
    Invalid {
        /// The variable's name.
        name: String,
        /// What the variable holds.
        value: String,
        /// The field's type, as written in the error (`u32`, `bool`...).
        expected: &'static str,
        /// Why parsing failed.
        reason: String,
    },
    /// The variable is set but is not valid UTF-8.
    NotUnicode {
        /// The variable's name.
        name: String,
    },
}

impl EnvProblem {
    /// The variable's name.
    pub fn name(&self) -> &str {
        match self {
            EnvProblem::Missing { name }
            | EnvProblem::Invalid { name, .. }
            | EnvProblem::NotUnicode { name } => name,
        }
    }
}

impl fmt::Display for EnvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvProblem::Missing { name } => write!(f, "{name} is not set"),
            EnvProblem::Invalid {
                name,
                value,
                expected,
                reason,
            } => write!(f, "{name}={value:?} is not a valid {expected} ({reason})"),
            EnvProblem::NotUnicode { name } => write!(f, "{name} is not valid UTF-8"),
        }
    }
}

impl EnvError {
    /// Every variable that could not be read, in the order of the struct's fields.
    pub fn problems(&self) -> &[EnvProblem] {
        &self.problems
    }

    /// The names of the required variables that are not set.
    pub fn missing(&self) -> impl Iterator<Item = &str> {
        self.problems
            .iter()
            .filter(|p| matches!(p, EnvProblem::Missing { .. }))
            .map(EnvProblem::name)
    }
}

impl fmt::Display for EnvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        let plural = if count == 1 { "" } else { "s" };
        write!(
            f,
            "{count} environment variable{plural} missing or invalid: "
        )?;
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for EnvError {}

/// A type a field of a `#[lambda_function]` struct can be read back as by `from_env`: the
/// text the synthesis side wrote (numbers and booleans as Rust prints them) parsed again.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read back from an environment variable by `from_env`",
    label = "`from_env` needs every field type to implement `FromEnvValue`",
    note = "`from_env` reads `String`, numbers, `bool`, `lambda_cdk::Value` and `Option` of them; use `String` instead of `&'static str`"
)]
pub trait FromEnvValue: Sized {
    /// The type's name in error messages.
    const EXPECTED: &'static str;

    /// Parses a variable's value; the error says why it is not one.
    ///
    /// # Errors
    /// When `value` is not a value of this type.
    fn from_env_value(value: &str) -> Result<Self, String>;
}

impl FromEnvValue for String {
    const EXPECTED: &'static str = "string";

    fn from_env_value(value: &str) -> Result<Self, String> {
        Ok(value.to_owned())
    }
}

macro_rules! parsed {
    ($($t:ty),*) => {$(
        impl FromEnvValue for $t {
            const EXPECTED: &'static str = stringify!($t);

            fn from_env_value(value: &str) -> Result<Self, String> {
                value.parse().map_err(|e| format!("{e}"))
            }
        }
    )*};
}
parsed!(bool, u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64);

/// A `Value` field at run time: the text CloudFormation resolved the synthesis-time value to
/// (a table name, a queue URL...). Read it with [`Value::as_literal_str`], which the
/// synthesis-time `Value` has too, so the same handler code compiles with the `synth` feature.
#[cfg(not(feature = "synth"))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value(String);

#[cfg(not(feature = "synth"))]
impl Value {
    /// The resolved text; always `Some` at run time (the synthesis-time `Value` is `None` for
    /// a reference, which `from_env` never builds).
    pub fn as_literal_str(&self) -> Option<&str> {
        Some(&self.0)
    }
}

#[cfg(not(feature = "synth"))]
impl From<String> for Value {
    fn from(value: String) -> Self {
        Value(value)
    }
}

#[cfg(not(feature = "synth"))]
impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value(value.to_owned())
    }
}

/// At synthesis, a `Value` read from the environment is that text as a literal.
impl FromEnvValue for crate::Value {
    const EXPECTED: &'static str = "string";

    fn from_env_value(value: &str) -> Result<Self, String> {
        Ok(crate::Value::from(value))
    }
}

/// Collects the fields of one `from_env` call and every problem met (used by the macro's code).
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct EnvReader {
    problems: Vec<EnvProblem>,
}

impl EnvReader {
    /// A reader with no problem yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The variable's text, `None` when unset; not UTF-8 is recorded as a problem.
    fn text(&mut self, name: &str) -> Result<Option<String>, ()> {
        match std::env::var(name) {
            Ok(value) => Ok(Some(value)),
            Err(std::env::VarError::NotPresent) => Ok(None),
            Err(std::env::VarError::NotUnicode(_)) => {
                self.problems.push(EnvProblem::NotUnicode {
                    name: name.to_owned(),
                });
                Err(())
            }
        }
    }

    fn parse<T: FromEnvValue>(&mut self, name: &str, value: String) -> Option<T> {
        match T::from_env_value(&value) {
            Ok(v) => Some(v),
            Err(reason) => {
                self.problems.push(EnvProblem::Invalid {
                    name: name.to_owned(),
                    value,
                    expected: T::EXPECTED,
                    reason,
                });
                None
            }
        }
    }

    /// A required field: `None` when the variable is missing or invalid (recorded).
    pub fn required<T: FromEnvValue>(&mut self, name: &str) -> Option<T> {
        match self.text(name) {
            Ok(Some(value)) => self.parse(name, value),
            Ok(None) => {
                self.problems.push(EnvProblem::Missing {
                    name: name.to_owned(),
                });
                None
            }
            Err(()) => None,
        }
    }

    /// An `Option` field: `Some(None)` when unset, `None` when invalid (recorded).
    pub fn optional<T: FromEnvValue>(&mut self, name: &str) -> Option<Option<T>> {
        match self.text(name) {
            Ok(Some(value)) => self.parse(name, value).map(Some),
            Ok(None) => Some(None),
            Err(()) => None,
        }
    }

    /// The error naming every problem recorded.
    pub fn into_error(self) -> EnvError {
        EnvError {
            problems: self.problems,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each test uses variables of its own: tests run in parallel in one process.

    #[test]
    fn every_missing_or_unparsable_variable_is_named_once() {
        std::env::set_var("LCDK_T1_COUNT", "ten");
        std::env::set_var("LCDK_T1_FLAG", "yes");
        std::env::remove_var("LCDK_T1_TABLE");
        std::env::remove_var("LCDK_T1_QUEUE");
        let mut r = EnvReader::new();
        assert_eq!(r.required::<String>("LCDK_T1_TABLE"), None);
        assert_eq!(r.required::<u32>("LCDK_T1_COUNT"), None);
        assert_eq!(r.optional::<bool>("LCDK_T1_FLAG"), None);
        assert_eq!(r.required::<String>("LCDK_T1_QUEUE"), None);
        let err = r.into_error();
        assert_eq!(
            err.missing().collect::<Vec<_>>(),
            ["LCDK_T1_TABLE", "LCDK_T1_QUEUE"]
        );
        assert_eq!(
            err.to_string(),
            "4 environment variables missing or invalid: LCDK_T1_TABLE is not set; \
             LCDK_T1_COUNT=\"ten\" is not a valid u32 (invalid digit found in string); \
             LCDK_T1_FLAG=\"yes\" is not a valid bool (provided string was not `true` or `false`); \
             LCDK_T1_QUEUE is not set"
        );
    }

    #[test]
    fn values_read_back_as_the_synthesis_side_writes_them() {
        // What `EnvValue` writes: `to_string()` of numbers and booleans.
        std::env::set_var("LCDK_T2_SIZE", 512u32.to_string());
        std::env::set_var("LCDK_T2_RATIO", 0.25f64.to_string());
        std::env::set_var("LCDK_T2_DRY", true.to_string());
        std::env::set_var("LCDK_T2_DELTA", (-3i64).to_string());
        std::env::set_var("LCDK_T2_EMPTY", "");
        std::env::remove_var("LCDK_T2_UNSET");
        let mut r = EnvReader::new();
        assert_eq!(r.required::<u32>("LCDK_T2_SIZE"), Some(512));
        assert_eq!(r.required::<f64>("LCDK_T2_RATIO"), Some(0.25));
        assert_eq!(r.required::<bool>("LCDK_T2_DRY"), Some(true));
        assert_eq!(r.required::<i64>("LCDK_T2_DELTA"), Some(-3));
        assert_eq!(r.required::<String>("LCDK_T2_EMPTY").as_deref(), Some(""));
        assert_eq!(r.optional::<u32>("LCDK_T2_UNSET"), Some(None));
        assert_eq!(r.optional::<u32>("LCDK_T2_SIZE"), Some(Some(512)));
        let value = r.required::<crate::Value>("LCDK_T2_SIZE");
        assert_eq!(value.as_ref().and_then(|v| v.as_literal_str()), Some("512"));
        assert!(r.into_error().problems().is_empty());
    }

    #[test]
    fn out_of_range_numbers_are_invalid() {
        std::env::set_var("LCDK_T3_SMALL", "300");
        let mut r = EnvReader::new();
        assert_eq!(r.required::<u8>("LCDK_T3_SMALL"), None);
        let err = r.into_error();
        assert_eq!(
            err.problems(),
            [EnvProblem::Invalid {
                name: "LCDK_T3_SMALL".into(),
                value: "300".into(),
                expected: "u8",
                reason: "number too large to fit in target type".into(),
            }]
        );
        assert_eq!(err.missing().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_variable_that_is_not_utf8_is_named() {
        use std::os::unix::ffi::OsStrExt;
        std::env::set_var("LCDK_T4_BYTES", std::ffi::OsStr::from_bytes(b"\xff"));
        let mut r = EnvReader::new();
        assert_eq!(r.optional::<String>("LCDK_T4_BYTES"), None);
        assert_eq!(
            r.into_error().to_string(),
            "1 environment variable missing or invalid: LCDK_T4_BYTES is not valid UTF-8"
        );
    }
}
