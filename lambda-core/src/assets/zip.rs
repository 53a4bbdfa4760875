//! A deterministic zip of a directory asset: the same bytes for the same included files,
//! whatever their mtimes, owners or the machine.

use std::fs::{self, File};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

use ::zip::write::SimpleFileOptions;
use ::zip::{CompressionMethod, DateTime, System, ZipWriter};

use super::ignore::IgnoreStrategy;
use super::jspath;
use super::walk::{walk, Entry};
use super::{AssetError, FingerprintOptions};

/// Writes a zip of the files of `dir` that staging would keep (its excludes, with
/// `.is_custom_resource`, and its symlink mode applied) to `out`.
///
/// The archive is deterministic:
/// - one entry per file, no directory entries, sorted by their `/`-separated path (byte order);
/// - every timestamp is 1980-01-01 00:00:00, the earliest a zip can hold;
/// - unix mode 0o644, or 0o755 when the file has any execute bit; system "Unix";
/// - deflate at level 6.
///
/// Like the CDK CLI, which zips the staged folder following links, a link that staging keeps
/// as a link is stored as what it points to: a file's content, or every file below a
/// directory (no excludes apply inside it, link cycles are skipped).
///
/// # Errors
/// [`AssetError::NotFound`], [`AssetError::NotDirectory`] if `dir` is not a directory,
/// [`AssetError::Io`] for an unreadable file or a dangling link, [`AssetError::Zip`] if
/// writing the archive fails.
pub fn write_zip<W: Write + Seek>(
    dir: &Path,
    options: &FingerprintOptions,
    out: &mut W,
) -> Result<(), AssetError> {
    let absolute = jspath::resolve(dir).map_err(|e| AssetError::io(dir, e))?;
    let root = fs::canonicalize(&absolute).map_err(|e| AssetError::lookup(&absolute, e))?;
    if !root.is_dir() {
        return Err(AssetError::NotDirectory { path: absolute });
    }
    let options = options.for_staging();
    let strategy = IgnoreStrategy::new(options.ignore_mode, &options.exclude)?;
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in walk(&root, options.follow, &strategy)? {
        match entry {
            Entry::File { rel, real, .. } => files.push((rel, real)),
            Entry::Symlink { rel, resolved, .. } => {
                let target = fs::metadata(&resolved).map_err(|e| AssetError::io(&resolved, e))?;
                if target.is_dir() {
                    add_tree(&rel, &resolved, &mut files)?;
                } else if target.is_file() {
                    files.push((rel, resolved));
                }
            }
            Entry::Directory { .. } | Entry::Unsupported { .. } => {}
        }
    }
    files.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));

    let zip_error = |source| AssetError::Zip {
        path: absolute.clone(),
        source,
    };
    let mut zip = ZipWriter::new(out);
    for (name, real) in &files {
        let metadata = fs::metadata(real).map_err(|e| AssetError::io(real, e))?;
        let entry_options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(6))
            .last_modified_time(DateTime::default())
            .system(System::Unix)
            .unix_permissions(if is_executable(&metadata) {
                0o755
            } else {
                0o644
            })
            .large_file(metadata.len() >= u64::from(u32::MAX));
        zip.start_file(name.as_str(), entry_options)
            .map_err(zip_error)?;
        let mut file = File::open(real).map_err(|e| AssetError::io(real, e))?;
        io::copy(&mut file, &mut zip).map_err(|e| AssetError::io(real, e))?;
    }
    zip.finish().map_err(zip_error)?;
    Ok(())
}

/// Every file below the directory a kept link points to, following further links.
fn add_tree(
    prefix: &str,
    dir: &Path,
    files: &mut Vec<(String, PathBuf)>,
) -> Result<(), AssetError> {
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                return Err(AssetError::io(path, e.into()));
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push((format!("{prefix}/{rel}"), entry.path().to_path_buf()));
    }
    Ok(())
}

#[cfg(unix)]
fn is_executable(metadata: &fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_metadata: &fs::Metadata) -> bool {
    false
}
