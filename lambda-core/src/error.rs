//! The one error type of lambda-cdk's run time.

use std::path::PathBuf;

/// Everything that can go wrong while building a construct tree or synthesizing it.
///
/// Validation errors carry aws-cdk-lib's error code and message, so a team moving from
/// TypeScript recognises them; `path` is the construct path the error belongs to.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A property value broke a rule of AWS Lambda or of aws-cdk-lib.
    Validation {
        /// aws-cdk-lib's error code (`FunctionNameTooLong`, ...) or ours for checks CDK lacks.
        code: &'static str,
        /// Human-readable message, identical to aws-cdk-lib's where it has one.
        message: String,
        /// Construct path, e.g. `MyStack/MyFunction`.
        path: String,
    },
    /// A construct with the same id already exists under the same scope.
    DuplicateId {
        /// The id that was given twice.
        id: String,
        /// Path of the scope (or `App`).
        parent: String,
    },
    /// A construct other than the app was given an empty id (the `constructs` library's rule).
    EmptyId {
        /// Path of the scope (or `App`).
        parent: String,
    },
    /// An asset could not be fingerprinted, staged or packaged.
    Asset(crate::assets::AssetError),
    /// The context (`CDK_CONTEXT_JSON` or the overflow file) is not valid JSON.
    Context(String),
    /// Synthesis found a problem in the final tree (logical IDs, references, ...).
    Synth(String),
    /// Reading a file of the cloud assembly failed.
    Read {
        /// The file being read.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// Writing the cloud assembly failed.
    Io {
        /// The file or folder being written.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

impl Error {
    pub(crate) fn spec(err: lambda_spec::SpecError, path: impl Into<String>) -> Self {
        Error::Validation {
            code: err.code,
            message: err.message,
            path: path.into(),
        }
    }

    pub(crate) fn validation(
        code: &'static str,
        message: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        Error::Validation {
            code,
            message: message.into(),
            path: path.into(),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

// Display and source by hand, not with thiserror: the messages are few and fixed, and users
// then compile one proc-macro crate less (bench/build-cost.sh).
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Validation {
                code,
                message,
                path,
            } => write!(f, "{code}: {message} (at {path})"),
            Error::DuplicateId { id, parent } => {
                write!(
                    f,
                    "There is already a Construct with name '{id}' in {parent}"
                )
            }
            Error::EmptyId { .. } => f.write_str("Only root constructs may have an empty ID"),
            Error::Asset(e) => std::fmt::Display::fmt(e, f),
            Error::Context(message) => write!(f, "invalid CDK context: {message}"),
            Error::Synth(message) => f.write_str(message),
            Error::Read { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Io { path, source } => write!(f, "cannot write {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // Transparent: the asset error's own source.
            Error::Asset(e) => e.source(),
            Error::Read { source, .. } | Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<crate::assets::AssetError> for Error {
    fn from(e: crate::assets::AssetError) -> Self {
        Error::Asset(e)
    }
}

/// Result with lambda-cdk's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
