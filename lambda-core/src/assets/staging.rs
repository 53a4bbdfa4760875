//! Staging: copying an asset into the cloud assembly as `asset.<hash>[.ext]`, as
//! aws-cdk-lib's `AssetStaging` does for a source that is not bundled.

use std::fs;
use std::path::{Path, PathBuf};

use super::ignore::IgnoreStrategy;
use super::jspath;
use super::walk::{walk, Entry};
use super::{
    fingerprint, AssetError, FingerprintOptions, Packaging, StagedAsset, SymlinkFollow,
    ARCHIVE_EXTENSIONS,
};

/// Computes what [`stage`] would produce (hash, file name, packaging) without writing
/// anything, for when the output directory is only known later.
///
/// The hash is the fingerprint of `source` with `.is_custom_resource` put in front of
/// `options.exclude`, as CDK's staging does.
///
/// # Errors
/// [`AssetError::NotFound`] naming the absolute path if `source` does not exist,
/// [`AssetError::NotFileOrDirectory`] for a socket, FIFO or device, and the errors of
/// [`fingerprint`](super::fingerprint()).
pub fn plan(source: &Path, options: &FingerprintOptions) -> Result<StagedAsset, AssetError> {
    let absolute = jspath::resolve(source).map_err(|e| AssetError::io(source, e))?;
    let metadata = fs::metadata(&absolute).map_err(|e| AssetError::lookup(&absolute, e))?;
    // CDK hashes first and checks the type afterwards; hashing a FIFO would block, so the
    // check comes first here.
    if !metadata.is_dir() && !metadata.is_file() {
        return Err(AssetError::NotFileOrDirectory { path: absolute });
    }
    let hash = fingerprint(&absolute, &options.for_staging())?;
    let extension = asset_extension(&absolute.to_string_lossy());
    Ok(StagedAsset {
        file_name: format!("asset.{hash}{extension}"),
        hash,
        packaging: if metadata.is_dir() {
            Packaging::Zip
        } else {
            Packaging::File
        },
        source_is_dir: metadata.is_dir(),
    })
}

/// Fingerprints `source` and copies it to `outdir/asset.<hash>[.ext]`: a directory with its
/// excludes applied (and symlinks treated per `options.follow`), a file as is. If that target
/// already exists nothing is written, so unchanged assets are not copied again.
///
/// The copy is made in a temporary sibling and renamed into place, so an interrupted run never
/// leaves a half-written `asset.<hash>` that a later run would trust.
///
/// # Errors
/// Those of [`plan`], [`AssetError::ExternalSymlink`] under [`SymlinkFollow::BlockExternal`],
/// and [`AssetError::Io`] when copying fails.
pub fn stage(
    source: &Path,
    options: &FingerprintOptions,
    outdir: &Path,
) -> Result<StagedAsset, AssetError> {
    let asset = plan(source, options)?;
    let target = outdir.join(&asset.file_name);
    if target.exists() {
        return Ok(asset);
    }
    fs::create_dir_all(outdir).map_err(|e| AssetError::io(outdir, e))?;
    let source = jspath::resolve(source).map_err(|e| AssetError::io(source, e))?;
    let mut temp = tempfile::Builder::new();
    temp.prefix(".staging-");
    if asset.source_is_dir {
        let dir = temp
            .tempdir_in(outdir)
            .map_err(|e| AssetError::io(outdir, e))?;
        copy_directory(&source, dir.path(), &options.for_staging())?;
        set_directory_mode(dir.path())?;
        let staged = dir.keep();
        if let Err(e) = fs::rename(&staged, &target) {
            let _ = fs::remove_dir_all(&staged);
            // Someone staged the same asset meanwhile: theirs is as good as ours.
            if !target.exists() {
                return Err(AssetError::io(&target, e));
            }
        }
    } else {
        let file = temp
            .tempfile_in(outdir)
            .map_err(|e| AssetError::io(outdir, e))?;
        fs::copy(&source, file.path()).map_err(|e| AssetError::io(&source, e))?;
        file.persist(&target)
            .map_err(|e| AssetError::io(&target, e.error))?;
    }
    Ok(asset)
}

/// Copies the included entries of the directory `source` into the existing directory `dest`
/// (aws-cdk-lib's `copyDirectory`): files (and followed links) as copies, directories created
/// unless excluded, kept links as links: re-pointed at the copied target when they point into the
/// asset, with their original target otherwise.
fn copy_directory(
    source: &Path,
    dest: &Path,
    options: &FingerprintOptions,
) -> Result<(), AssetError> {
    let root = fs::canonicalize(source).map_err(|e| AssetError::lookup(source, e))?;
    let strategy = IgnoreStrategy::new(options.ignore_mode, &options.exclude, &root)?;
    for entry in walk(&root, options.follow, &strategy)? {
        match entry {
            Entry::Directory { rel, ignored } => {
                if !ignored {
                    let to = dest.join(&rel);
                    fs::create_dir_all(&to).map_err(|e| AssetError::io(&to, e))?;
                }
            }
            Entry::File { rel, real } => {
                let to = dest.join(&rel);
                create_parent(&to)?;
                fs::copy(&real, &to).map_err(|e| AssetError::io(&real, e))?;
            }
            Entry::Symlink {
                rel,
                link_target,
                resolved,
                internal,
            } => {
                if options.follow == SymlinkFollow::BlockExternal && !internal {
                    return Err(AssetError::ExternalSymlink { target: resolved });
                }
                let to = dest.join(&rel);
                create_parent(&to)?;
                let text = if internal {
                    internal_link_text(&rel, &resolved, &root)
                } else {
                    link_target
                };
                make_symlink(&text, &to)?;
            }
            Entry::Unsupported { .. } => {}
        }
    }
    Ok(())
}

/// CDK's `linkTextFor`: a link into the asset is re-pointed, relatively, at the copy of its
/// target, so the staged folder does not refer back to the source (and survives being moved).
fn internal_link_text(rel: &str, resolved: &Path, root: &Path) -> PathBuf {
    let from: Vec<&str> = rel.split('/').collect();
    let from_dir = &from[..from.len() - 1];
    let to: Vec<String> = resolved
        .strip_prefix(root)
        .map(|r| {
            r.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let common = from_dir
        .iter()
        .zip(&to)
        .take_while(|(a, b)| **a == b.as_str())
        .count();
    let mut text = PathBuf::new();
    for _ in common..from_dir.len() {
        text.push("..");
    }
    for part in &to[common..] {
        text.push(part);
    }
    if text.as_os_str().is_empty() {
        text.push(".");
    }
    text
}

fn create_parent(path: &Path) -> Result<(), AssetError> {
    match path.parent() {
        Some(parent) => fs::create_dir_all(parent).map_err(|e| AssetError::io(parent, e)),
        None => Ok(()),
    }
}

#[cfg(unix)]
fn make_symlink(target: &Path, link: &Path) -> Result<(), AssetError> {
    std::os::unix::fs::symlink(target, link).map_err(|e| AssetError::io(link, e))
}

#[cfg(not(unix))]
fn make_symlink(_target: &Path, link: &Path) -> Result<(), AssetError> {
    Err(AssetError::io(
        link,
        std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            "symbolic links in assets are only staged on Unix",
        ),
    ))
}

/// Temporary directories are created private (0700); the staged folder gets the mode
/// `mkdir` would give it.
#[cfg(unix)]
fn set_directory_mode(dir: &Path) -> Result<(), AssetError> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).map_err(|e| AssetError::io(dir, e))
}

#[cfg(not(unix))]
fn set_directory_mode(_dir: &Path) -> Result<(), AssetError> {
    Ok(())
}

/// CDK's `getExtension`: the first archive extension the path ends with (case-insensitively,
/// returned in lower case), otherwise Node's `path.extname`. CDK applies it to directories too,
/// so a folder `handlers.v2` stages as `asset.<hash>.v2`.
fn asset_extension(path: &str) -> String {
    let lower = path.to_lowercase();
    ARCHIVE_EXTENSIONS
        .iter()
        .find(|ext| lower.ends_with(*ext))
        .map_or_else(|| jspath::extname(path).to_string(), |ext| ext.to_string())
}

#[cfg(test)]
mod tests {
    use super::asset_extension;

    #[test]
    fn extension_rules() {
        assert_eq!(asset_extension("/x/java-handler.zip"), ".zip");
        assert_eq!(asset_extension("/x/Layer.TAR.GZ"), ".tar.gz");
        assert_eq!(asset_extension("/x/handler-node"), "");
        assert_eq!(asset_extension("/x/handlers.v2"), ".v2");
        assert_eq!(asset_extension("/x/index.js"), ".js");
        assert_eq!(asset_extension("/x/.env"), "");
    }
}
