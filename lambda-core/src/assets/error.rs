//! The one error type of the asset module, with aws-cdk-lib's messages where CDK has the check.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why an asset could not be fingerprinted, staged or zipped.
///
/// Where aws-cdk-lib 2.276.0 has the same check, `Display` prints its exact message
/// (`Cannot find asset at …`, `Asset … is expected to be either a directory or a regular file`, …).
#[derive(Debug)]
#[non_exhaustive]
pub enum AssetError {
    /// The source path does not exist (CDK `CannotFindAsset`). `path` is the absolute,
    /// lexically normalized path, as CDK's `path.resolve` gives it.
    NotFound {
        /// The absolute path that was looked for.
        path: PathBuf,
    },
    /// The source exists but is neither a directory nor a regular file (a socket, a FIFO, a
    /// device); CDK `AssetExpectedDirectoryOrFile`.
    NotFileOrDirectory {
        /// The offending source path.
        path: PathBuf,
    },
    /// A Lambda code asset that is a single file without an archive extension
    /// (CDK `AssetMustBeZipFile`). `path` is the path as the user gave it.
    NotZip {
        /// The path given to the code asset.
        path: PathBuf,
    },
    /// A directory was required (zipping) but the path is something else (CDK's
    /// `copyDirectory` message).
    NotDirectory {
        /// The offending path.
        path: PathBuf,
    },
    /// A followed symlink inside a directory asset points at something that is neither a
    /// file nor a directory (CDK `UnableToUnableHashNeither`).
    UnsupportedFileType {
        /// The symlink's path inside the asset.
        path: PathBuf,
    },
    /// Copying under `SymlinkFollow::BlockExternal` met a link that leaves the asset folder
    /// (CDK `BundlingFileSymlinkForbidden`).
    ExternalSymlink {
        /// Where the link points (resolved, absolute).
        target: PathBuf,
    },
    /// An exclude pattern that the selected ignore mode cannot compile.
    Pattern {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// The file system failed on `path`.
    Io {
        /// The path being read or written.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A source file changed while it was fingerprinted, or between its fingerprint and its
    /// staging: its bytes would not match the asset hash, so nothing is staged under it.
    SourceChanged {
        /// The file that changed.
        path: PathBuf,
    },
    /// Two names in one folder of an asset that read the same as UTF-8 (invalid bytes become
    /// U+FFFD, as aws-cdk-lib reads them): its fingerprint cannot tell the two files apart.
    IndistinguishableNames {
        /// One of the two files.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// `LAMBDA_CDK_STAGING` holds a value this version does not know.
    StagingMode {
        /// The value found.
        value: String,
    },
    /// The zip writer failed while packaging `path`.
    #[cfg(feature = "zip")]
    Zip {
        /// The directory being zipped.
        path: PathBuf,
        /// The underlying error.
        source: ::zip::result::ZipError,
    },
}

// Display and source by hand (see crate::Error): no proc-macro crate for a dozen messages.
impl fmt::Display for AssetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssetError::NotFound { path } => write!(f, "Cannot find asset at {}", path.display()),
            AssetError::NotFileOrDirectory { path } => write!(
                f,
                "Asset {} is expected to be either a directory or a regular file",
                path.display()
            ),
            AssetError::NotZip { path } => write!(
                f,
                "Asset must be a .zip file or a directory ({})",
                path.display()
            ),
            AssetError::NotDirectory { path } => write!(f, "{} is not a directory", path.display()),
            AssetError::UnsupportedFileType { path } => write!(
                f,
                "Unable to hash {}: it is neither a file nor a directory",
                path.display()
            ),
            AssetError::ExternalSymlink { target } => write!(
                f,
                "The file {} is an external symbolic link which is forbidden due to follow mode internal-only. \
                 Set `follow` to a mode that will follow symlinks (ALWAYS or EXTERNAL) or emit a regular file",
                target.display()
            ),
            AssetError::Pattern { pattern, message } => {
                write!(f, "invalid exclude pattern `{pattern}`: {message}")
            }
            AssetError::Io { path, source } => {
                write!(f, "cannot read or write {}: {source}", path.display())
            }
            AssetError::SourceChanged { path } => write!(
                f,
                "asset file {} changed while lambda-cdk was reading it (fingerprint or staging); \
                 run the synthesis again once it is written",
                path.display()
            ),
            AssetError::IndistinguishableNames { first, second } => write!(
                f,
                "asset files {} and {} have names that are not UTF-8 and read the same \
                 (aws-cdk-lib's asset hash cannot tell them apart); rename one of them",
                first.display(),
                second.display()
            ),
            AssetError::StagingMode { value } => write!(
                f,
                "unknown LAMBDA_CDK_STAGING value `{value}`; expected `copy` (or leave it unset)"
            ),
            #[cfg(feature = "zip")]
            AssetError::Zip { path, source } => write!(f, "cannot zip {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for AssetError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AssetError::Io { source, .. } => Some(source),
            #[cfg(feature = "zip")]
            AssetError::Zip { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl AssetError {
    /// Wraps an I/O error with the path it happened on.
    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        AssetError::Io {
            path: path.into(),
            source,
        }
    }

    /// `NotFound` for a missing path, `Io` for any other failure.
    pub(crate) fn lookup(path: &Path, source: io::Error) -> Self {
        if source.kind() == io::ErrorKind::NotFound {
            AssetError::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            AssetError::io(path, source)
        }
    }

    pub(crate) fn pattern(pattern: &str, message: impl Into<String>) -> Self {
        AssetError::Pattern {
            pattern: pattern.to_string(),
            message: message.into(),
        }
    }
}
