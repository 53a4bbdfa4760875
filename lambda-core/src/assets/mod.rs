//! File assets: the source fingerprint, exclude patterns, staging into the cloud assembly and
//! a deterministic zip, all matching aws-cdk-lib 2.276.0.
//!
//! - [`fingerprint()`] gives the asset hash CDK gives the same file or directory (hash type
//!   `SOURCE`): it names the staged `asset.<hash>` and the S3 key, so equal hashes mean a
//!   stack moves between CDK and lambda-cdk without CloudFormation replacing code.
//! - [`plan`] / [`stage`] compute and copy the staged asset (`asset.<hash>` for a directory,
//!   `asset.<hash><ext>` for a file).
//! - `write_zip` (feature `zip`) packages a directory byte-for-byte reproducibly.
//!
//! The exact rules (field encoding, walk order, CRLF normalization, symlinks, the three ignore
//! modes) are documented in the submodules and on each item.

pub(crate) mod docker;
mod error;
mod fingerprint;
mod ignore;
mod jspath;
pub(crate) mod log;
mod options;
mod prestage;
mod staging;
mod walk;
#[cfg(feature = "zip")]
mod zip;

use std::path::Path;

pub use self::docker::DockerImageAssetOptions;
pub use self::error::AssetError;
pub use self::fingerprint::{content_fingerprint, fingerprint, fingerprint_with_threads};
pub use self::options::{FingerprintOptions, IgnoreMode, SymlinkFollow};
pub(crate) use self::prestage::{
    claim_leftover, discard as discard_staged_early, Leftover, TEMP_PREFIX,
};
pub use self::staging::{plan, stage};
pub(crate) use self::staging::{plan_in, plan_with_hash, stage_planned, Placed};
pub(crate) use self::walk::exclude_from_assets;
#[cfg(feature = "zip")]
pub use self::zip::write_zip;

/// The file extensions CDK treats as archives, in the order it tries them.
pub const ARCHIVE_EXTENSIONS: [&str; 5] = [".tar.gz", ".zip", ".jar", ".tar", ".tgz"];

/// Whether `path` names an archive CDK accepts as Lambda code: it ends (case-insensitively)
/// in `.tar.gz`, `.zip`, `.jar`, `.tar` or `.tgz`.
pub fn is_archive_file(path: impl AsRef<Path>) -> bool {
    let name = path.as_ref().to_string_lossy().to_lowercase();
    ARCHIVE_EXTENSIONS.iter().any(|ext| name.ends_with(ext))
}

/// How the asset is published (asset manifest `packaging`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Packaging {
    /// A directory, zipped at publish time (`"zip"`); its S3 key is `<hash>.zip`.
    Zip,
    /// A single file uploaded as is (`"file"`); its S3 key is `<hash><ext>`.
    File,
}

impl Packaging {
    /// The manifest value: `zip` or `file`.
    pub fn as_str(self) -> &'static str {
        match self {
            Packaging::Zip => "zip",
            Packaging::File => "file",
        }
    }
}

/// A staged (or planned) asset.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StagedAsset {
    /// The source fingerprint: 64 lowercase hex digits.
    pub hash: String,
    /// Name inside the cloud assembly: `asset.<hash>` plus CDK's extension of the source path
    /// (`.zip` for `java-handler.zip`, nothing for a plain folder).
    pub file_name: String,
    /// `Zip` for a directory, `File` for a file.
    pub packaging: Packaging,
    /// Whether the source is a directory.
    pub source_is_dir: bool,
}

impl StagedAsset {
    /// CDK's `isArchive`: a directory, or a file with an archive extension.
    pub fn is_archive(&self) -> bool {
        self.source_is_dir || is_archive_file(&self.file_name)
    }

    /// The check `Code.fromAsset` makes: Lambda code must be a directory or an archive.
    ///
    /// # Errors
    /// [`AssetError::NotZip`] naming `given_path` (the path as the user wrote it, as CDK
    /// quotes it) when the asset is a plain file.
    pub fn ensure_archive(&self, given_path: &Path) -> Result<(), AssetError> {
        if self.is_archive() {
            Ok(())
        } else {
            Err(AssetError::NotZip {
                path: given_path.to_path_buf(),
            })
        }
    }
}
