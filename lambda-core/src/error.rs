//! The one error type of lambda-cdk's run time.

use std::path::PathBuf;

/// Everything that can go wrong while building a construct tree or synthesizing it.
///
/// Validation errors carry aws-cdk-lib's error code and message, so a team moving from
/// TypeScript recognises them; `path` is the construct path the error belongs to.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A property value broke a rule of AWS Lambda or of aws-cdk-lib.
    #[error("{code}: {message} (at {path})")]
    Validation {
        /// aws-cdk-lib's error code (`FunctionNameTooLong`, ...) or ours for checks CDK lacks.
        code: &'static str,
        /// Human-readable message, identical to aws-cdk-lib's where it has one.
        message: String,
        /// Construct path, e.g. `MyStack/MyFunction`.
        path: String,
    },
    /// A construct with the same id already exists under the same scope.
    #[error("There is already a Construct with name '{id}' in {parent}")]
    DuplicateId {
        /// The id that was given twice.
        id: String,
        /// Path of the scope (or `App`).
        parent: String,
    },
    /// A construct other than the app was given an empty id (the `constructs` library's rule).
    #[error("Only root constructs may have an empty ID")]
    EmptyId {
        /// Path of the scope (or `App`).
        parent: String,
    },
    /// An asset could not be fingerprinted, staged or packaged.
    #[error(transparent)]
    Asset(#[from] crate::assets::AssetError),
    /// The context (`CDK_CONTEXT_JSON` or the overflow file) is not valid JSON.
    #[error("invalid CDK context: {0}")]
    Context(String),
    /// Synthesis found a problem in the final tree (logical IDs, references, ...).
    #[error("{0}")]
    Synth(String),
    /// Reading a file of the cloud assembly failed.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file being read.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// Writing the cloud assembly failed.
    #[error("cannot write {path}: {source}")]
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

/// Result with lambda-cdk's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
