//! Staging: placing an asset into the cloud assembly as `asset.<hash>[.ext]`, as aws-cdk-lib's
//! `AssetStaging` does for a source that is not bundled — without copying bytes when it can.
//!
//! - Files are **hard-linked** from the source (falling back to a copy when linking fails, e.g.
//!   across file systems; `std::fs::copy` then uses `copy_file_range`, which reflinks on file
//!   systems that can). Directories are created and kept symlinks re-created, as CDK's
//!   `copyDirectory` does. The staged bytes are the source's, so the assembly is the same as a
//!   copy's. `LAMBDA_CDK_STAGING=copy` copies every file instead (a snapshot that later in-place
//!   edits of the sources cannot reach).
//! - When the previous assembly in the output folder already holds `asset.<hash>` and it is
//!   whole (see [`is_whole`]), it is hard-linked into the new assembly: no file is read.
//! - Everything is built in a temporary sibling and renamed into place, so an interrupted run
//!   never leaves a half-written `asset.<hash>` that a later run would trust.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use super::fingerprint::{fingerprint_with_stats, Threads};
use super::ignore::IgnoreStrategy;
use super::jspath;
use super::log;
use super::walk::{walk, Entry};
use super::{
    AssetError, FingerprintOptions, Packaging, StagedAsset, SymlinkFollow, ARCHIVE_EXTENSIONS,
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
    let start = Instant::now();
    let absolute = jspath::resolve(source).map_err(|e| AssetError::io(source, e))?;
    let metadata = fs::metadata(&absolute).map_err(|e| AssetError::lookup(&absolute, e))?;
    // CDK hashes first and checks the type afterwards; hashing a FIFO would block, so the
    // check comes first here.
    if !metadata.is_dir() && !metadata.is_file() {
        return Err(AssetError::NotFileOrDirectory { path: absolute });
    }
    let (hash, stats) = fingerprint_with_stats(&absolute, &options.for_staging(), Threads::Auto)?;
    log::debug(format_args!(
        "asset {}: fingerprint {hash}: {} files, {} bytes, {} ({} thread{})",
        absolute.display(),
        stats.files,
        stats.bytes,
        log::ms(start.elapsed()),
        stats.threads,
        if stats.threads == 1 { "" } else { "s" },
    ));
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

/// Fingerprints `source` and places it at `outdir/asset.<hash>[.ext]`: a directory with its
/// excludes applied (and symlinks treated per `options.follow`), a file as is. Files are
/// hard-linked from the source when possible, copied otherwise. If the target already exists
/// nothing is written, so unchanged assets are not staged again.
///
/// # Errors
/// Those of [`plan`], [`AssetError::ExternalSymlink`] under [`SymlinkFollow::BlockExternal`],
/// and [`AssetError::Io`] when linking and copying both fail.
pub fn stage(
    source: &Path,
    options: &FingerprintOptions,
    outdir: &Path,
) -> Result<StagedAsset, AssetError> {
    let asset = plan(source, options)?;
    fs::create_dir_all(outdir).map_err(|e| AssetError::io(outdir, e))?;
    stage_planned(source, options, &asset, outdir, None)?;
    Ok(asset)
}

/// Places an asset whose fingerprint is already known (`asset`, from [`plan`]) into `dir` (a
/// new assembly being written), without fingerprinting again.
///
/// If `dir` already holds it (another stack staged the same asset), nothing is done. Else, if
/// `previous` (the assembly `dir` will replace) holds a whole `asset.<hash>`, that one is
/// hard-linked into `dir`; otherwise the source is staged (hard links, or copies).
pub(crate) fn stage_planned(
    source: &Path,
    options: &FingerprintOptions,
    asset: &StagedAsset,
    dir: &Path,
    previous: Option<&Path>,
) -> Result<(), AssetError> {
    let start = Instant::now();
    let target = dir.join(&asset.file_name);
    if fs::symlink_metadata(&target).is_ok() {
        return Ok(());
    }
    let source = jspath::resolve(source).map_err(|e| AssetError::io(source, e))?;
    let options = options.for_staging();
    let mode = LinkMode::from_env();
    if let (Some(previous), LinkMode::Link) = (previous, mode) {
        let old = previous.join(&asset.file_name);
        if fs::symlink_metadata(&old).is_ok() {
            match reuse(&source, &options, asset, previous, &old, dir, &target) {
                Ok(Some(count)) => {
                    log::debug(format_args!(
                        "asset {}: reused {} from the previous assembly ({count} files linked, {})",
                        source.display(),
                        asset.file_name,
                        log::ms(start.elapsed()),
                    ));
                    return Ok(());
                }
                Ok(None) => log::debug(format_args!(
                    "asset {}: previous {} is not whole, staging again",
                    source.display(),
                    asset.file_name
                )),
                Err(e) => log::debug(format_args!(
                    "asset {}: cannot reuse previous {} ({e}), staging again",
                    source.display(),
                    asset.file_name
                )),
            }
        }
    }
    let mut placer = Placer::new(mode);
    let mut temp = tempfile::Builder::new();
    temp.prefix(".staging-");
    if asset.source_is_dir {
        let staging = temp.tempdir_in(dir).map_err(|e| AssetError::io(dir, e))?;
        copy_directory(&source, staging.path(), &options, &mut placer)?;
        set_directory_mode(staging.path())?;
        let staged = staging.keep();
        if let Err(e) = fs::rename(&staged, &target) {
            let _ = fs::remove_dir_all(&staged);
            // Someone staged the same asset meanwhile: theirs is as good as ours.
            if !target.exists() {
                return Err(AssetError::io(&target, e));
            }
        }
    } else {
        let real = fs::canonicalize(&source).map_err(|e| AssetError::lookup(&source, e))?;
        // A link is made whole or not at all, so it can go straight to its place.
        if !placer.try_link(&real, &target) {
            let file = temp.tempfile_in(dir).map_err(|e| AssetError::io(dir, e))?;
            fs::copy(&real, file.path()).map_err(|e| AssetError::io(&real, e))?;
            placer.copied += 1;
            file.persist(&target)
                .map_err(|e| AssetError::io(&target, e.error))?;
        }
    }
    log::debug(format_args!(
        "asset {}: staged {} ({} files linked, {} copied, {})",
        source.display(),
        asset.file_name,
        placer.linked,
        placer.copied,
        log::ms(start.elapsed()),
    ));
    Ok(())
}

/// Whether staging may hard-link files (`LAMBDA_CDK_STAGING=copy` says no).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LinkMode {
    Link,
    Copy,
}

impl LinkMode {
    fn from_env() -> Self {
        match std::env::var("LAMBDA_CDK_STAGING") {
            Ok(v) if v.eq_ignore_ascii_case("copy") => LinkMode::Copy,
            _ => LinkMode::Link,
        }
    }
}

/// Puts files in place: a hard link while links work, a copy otherwise.
struct Placer {
    /// Cleared by the first cross-device failure: the rest of the asset is copied.
    link: bool,
    linked: usize,
    copied: usize,
}

impl Placer {
    fn new(mode: LinkMode) -> Self {
        Placer {
            link: mode == LinkMode::Link,
            linked: 0,
            copied: 0,
        }
    }

    /// Hard-links `from` at `to`; false (nothing written) if that is not possible.
    fn try_link(&mut self, from: &Path, to: &Path) -> bool {
        if !self.link {
            return false;
        }
        match fs::hard_link(from, to) {
            Ok(()) => {
                self.linked += 1;
                true
            }
            Err(e) => {
                if e.kind() == io::ErrorKind::CrossesDevices {
                    self.link = false;
                }
                false
            }
        }
    }

    /// The file `from` at `to`: linked, or else copied.
    fn place(&mut self, from: &Path, to: &Path) -> Result<(), AssetError> {
        if self.try_link(from, to) {
            return Ok(());
        }
        fs::copy(from, to).map_err(|e| AssetError::io(from, e))?;
        self.copied += 1;
        Ok(())
    }
}

/// What the staged copy of a directory must contain, from a walk of the source.
struct Expected {
    /// Directories, sorted (so parents come before their children).
    dirs: Vec<String>,
    /// Files: staged path and where the source's bytes are.
    files: Vec<(String, PathBuf)>,
    /// Kept links: staged path and the target text the staged link must hold.
    links: Vec<(String, PathBuf)>,
}

/// The entries [`copy_directory`] writes for `root` (canonical).
fn expected_entries(
    root: &Path,
    options: &FingerprintOptions,
) -> Result<Option<Expected>, AssetError> {
    let strategy = IgnoreStrategy::new(options.ignore_mode, &options.exclude, root)?;
    let mut dirs: HashSet<String> = HashSet::new();
    let mut files = Vec::new();
    let mut links = Vec::new();
    let add_parents = |rel: &str, dirs: &mut HashSet<String>| {
        let mut end = rel.len();
        while let Some(i) = rel[..end].rfind('/') {
            if !dirs.insert(rel[..i].to_string()) {
                break; // its parents are in already
            }
            end = i;
        }
    };
    for entry in walk(root, options.follow, &strategy)? {
        match entry {
            Entry::Directory { rel, ignored } => {
                if !ignored {
                    add_parents(&rel, &mut dirs);
                    dirs.insert(rel);
                }
            }
            Entry::File { rel, real } => {
                add_parents(&rel, &mut dirs);
                files.push((rel, real));
            }
            Entry::Symlink {
                rel,
                link_target,
                resolved,
                internal,
            } => {
                if options.follow == SymlinkFollow::BlockExternal && !internal {
                    // Staging from the source reports this error.
                    return Ok(None);
                }
                add_parents(&rel, &mut dirs);
                let text = if internal {
                    internal_link_text(&rel, &resolved, root)
                } else {
                    link_target
                };
                links.push((rel, text));
            }
            Entry::Unsupported { .. } => {}
        }
    }
    let mut dirs: Vec<String> = dirs.into_iter().collect();
    dirs.sort();
    Ok(Some(Expected { dirs, files, links }))
}

/// Hard-links the previous assembly's `old` (= `previous/asset.<hash>`) at `target` if it is
/// whole; `Some(files linked)`, or `None` when it is not whole (nothing written then).
fn reuse(
    source: &Path,
    options: &FingerprintOptions,
    asset: &StagedAsset,
    previous: &Path,
    old: &Path,
    dir: &Path,
    target: &Path,
) -> Result<Option<usize>, AssetError> {
    // Files of the previous assembly written after it was finished have been changed since.
    let written = fs::metadata(previous.join("cdk.out"))
        .and_then(|m| m.modified())
        .map_err(|e| AssetError::io(previous, e))?;
    let real = fs::canonicalize(source).map_err(|e| AssetError::lookup(source, e))?;
    if !asset.source_is_dir {
        if !is_whole(&real, old, written)? {
            return Ok(None);
        }
        fs::hard_link(old, target).map_err(|e| AssetError::io(target, e))?;
        return Ok(Some(1));
    }
    let Some(expected) = expected_entries(&real, options)? else {
        return Ok(None);
    };
    if !tree_matches(old, &expected)? {
        return Ok(None);
    }
    for (rel, from) in &expected.files {
        if !is_whole(from, &old.join(rel), written)? {
            return Ok(None);
        }
    }
    let staging = tempfile::Builder::new()
        .prefix(".staging-")
        .tempdir_in(dir)
        .map_err(|e| AssetError::io(dir, e))?;
    let to = staging.path();
    for rel in &expected.dirs {
        fs::create_dir(to.join(rel)).map_err(|e| AssetError::io(to.join(rel), e))?;
    }
    for (rel, _) in &expected.files {
        fs::hard_link(old.join(rel), to.join(rel)).map_err(|e| AssetError::io(to.join(rel), e))?;
    }
    for (rel, text) in &expected.links {
        make_symlink(text, &to.join(rel))?;
    }
    set_directory_mode(to)?;
    let staged = staging.keep();
    if let Err(e) = fs::rename(&staged, target) {
        let _ = fs::remove_dir_all(&staged);
        return Err(AssetError::io(target, e));
    }
    Ok(Some(expected.files.len()))
}

/// Whether the previous assembly's `staged` file still holds what `source` holds now (whose
/// fingerprint is the asset's hash): it is the same file (a hard link staging made), or it is
/// a file of its own — reachable only from the assembly (one link) — of the same size, not
/// modified after that assembly was written. Staging in place of this check would only copy
/// what CDK trusts by name alone (it skips an existing `asset.<hash>`).
fn is_whole(source: &Path, staged: &Path, written: SystemTime) -> Result<bool, AssetError> {
    let staged_meta = match fs::symlink_metadata(staged) {
        Ok(m) if m.is_file() => m,
        _ => return Ok(false),
    };
    let source_meta = fs::metadata(source).map_err(|e| AssetError::io(source, e))?;
    if same_file(&source_meta, &staged_meta) {
        return Ok(true);
    }
    Ok(link_count(&staged_meta) == 1
        && staged_meta.len() == source_meta.len()
        && staged_meta.modified().is_ok_and(|m| m <= written))
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_a: &fs::Metadata, _b: &fs::Metadata) -> bool {
    false
}

#[cfg(unix)]
fn link_count(m: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.nlink()
}

#[cfg(not(unix))]
fn link_count(_m: &fs::Metadata) -> u64 {
    1
}

/// Whether the folder `old` holds exactly the expected directories, files and links (by
/// kind and name; the files' contents are checked by [`is_whole`]).
fn tree_matches(old: &Path, expected: &Expected) -> Result<bool, AssetError> {
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    let mut links = Vec::new();
    let mut pending = vec![String::new()];
    while let Some(rel) = pending.pop() {
        let path = if rel.is_empty() {
            old.to_path_buf()
        } else {
            old.join(&rel)
        };
        for entry in fs::read_dir(&path).map_err(|e| AssetError::io(&path, e))? {
            let entry = entry.map_err(|e| AssetError::io(&path, e))?;
            let Ok(name) = entry.file_name().into_string() else {
                return Ok(false);
            };
            let child = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let kind = entry
                .file_type()
                .map_err(|e| AssetError::io(entry.path(), e))?;
            if kind.is_dir() {
                pending.push(child.clone());
                dirs.push(child);
            } else if kind.is_symlink() {
                links.push(child);
            } else {
                files.push(child);
            }
        }
    }
    if dirs.len() != expected.dirs.len()
        || files.len() != expected.files.len()
        || links.len() != expected.links.len()
    {
        return Ok(false);
    }
    dirs.sort();
    files.sort();
    let mut want_files: Vec<&str> = expected.files.iter().map(|(r, _)| r.as_str()).collect();
    want_files.sort();
    if dirs != expected.dirs || files != want_files {
        return Ok(false);
    }
    for (rel, text) in &expected.links {
        match fs::read_link(old.join(rel)) {
            Ok(t) if &t == text => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// Places the included entries of the directory `source` into the existing directory `dest`
/// (aws-cdk-lib's `copyDirectory`): files (and followed links) linked or copied, directories
/// created unless excluded, kept links as links: re-pointed at the staged target when they point
/// into the asset, with their original target otherwise.
fn copy_directory(
    source: &Path,
    dest: &Path,
    options: &FingerprintOptions,
    placer: &mut Placer,
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
                placer.place(&real, &to)?;
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
    use super::*;

    fn write(path: &Path, bytes: &[u8]) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    /// A source folder, and an "assembly" folder `old` holding `asset.<hash>` of it plus the
    /// `cdk.out` marker a finished synthesis writes last.
    fn setup() -> (tempfile::TempDir, PathBuf, StagedAsset) {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("src");
        write(&src.join("index.js"), b"exports.handler = 1;\n");
        write(&src.join("lib/util.js"), b"module.exports = 2;\r\n");
        #[cfg(unix)]
        std::os::unix::fs::symlink("util.js", src.join("lib/alias.js")).unwrap();
        let old = tmp.path().join("old");
        fs::create_dir(&old).unwrap();
        let asset = plan(&src, &FingerprintOptions::default()).unwrap();
        stage_planned(&src, &FingerprintOptions::default(), &asset, &old, None).unwrap();
        fs::write(old.join("cdk.out"), "{}").unwrap();
        (tmp, src, asset)
    }

    fn stage_again(tmp: &Path, src: &Path, asset: &StagedAsset) -> PathBuf {
        let new = tmp.join(format!("new{}", fs::read_dir(tmp).unwrap().count()));
        fs::create_dir(&new).unwrap();
        let old = tmp.join("old");
        stage_planned(src, &FingerprintOptions::default(), asset, &new, Some(&old)).unwrap();
        new.join(&asset.file_name)
    }

    fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(d) = pending.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                let meta = fs::symlink_metadata(&p).unwrap();
                if meta.is_dir() {
                    pending.push(p);
                } else if meta.file_type().is_symlink() {
                    out.push((
                        rel,
                        fs::read_link(&p)
                            .unwrap()
                            .into_os_string()
                            .into_encoded_bytes(),
                    ));
                } else {
                    out.push((rel, fs::read(&p).unwrap()));
                }
            }
        }
        out.sort();
        out
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).unwrap().ino()
    }

    #[cfg(unix)]
    #[test]
    fn files_are_hard_linked_from_the_source() {
        let (tmp, src, asset) = setup();
        let staged = tmp.path().join("old").join(&asset.file_name);
        assert_eq!(
            inode(&staged.join("index.js")),
            inode(&src.join("index.js"))
        );
        assert_eq!(
            fs::read_link(staged.join("lib/alias.js")).unwrap(),
            PathBuf::from("util.js")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_whole_previous_asset_is_reused() {
        let (tmp, src, asset) = setup();
        let old = tmp.path().join("old").join(&asset.file_name);
        let staged = stage_again(tmp.path(), &src, &asset);
        assert_eq!(files_of(&staged), files_of(&old));
        assert_eq!(
            inode(&staged.join("lib/util.js")),
            inode(&old.join("lib/util.js"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_previous_copy_is_reused_unless_changed_after_its_assembly_was_written() {
        let (tmp, src, asset) = setup();
        let old = tmp.path().join("old").join(&asset.file_name);
        // Replace the links by copies (what a copy across file systems, or aws-cdk-lib, leaves).
        for rel in ["index.js", "lib/util.js"] {
            let bytes = fs::read(old.join(rel)).unwrap();
            fs::remove_file(old.join(rel)).unwrap();
            fs::write(old.join(rel), bytes).unwrap();
        }
        let marker = tmp.path().join("old/cdk.out");
        fs::File::options()
            .write(true)
            .open(&marker)
            .unwrap()
            .set_modified(SystemTime::now())
            .unwrap();
        let staged = stage_again(tmp.path(), &src, &asset);
        assert_eq!(
            inode(&staged.join("index.js")),
            inode(&old.join("index.js"))
        );

        // Same size, written after the assembly: not trusted, staged from the source again.
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        let f = fs::File::options()
            .write(true)
            .open(old.join("index.js"))
            .unwrap();
        f.set_modified(later).unwrap();
        let staged = stage_again(tmp.path(), &src, &asset);
        assert_eq!(
            inode(&staged.join("index.js")),
            inode(&src.join("index.js"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_previous_asset_with_other_entries_is_not_reused() {
        let (tmp, src, asset) = setup();
        let old = tmp.path().join("old").join(&asset.file_name);
        // An extra file: staged from the source, without it.
        write(&old.join("extra.js"), b"x");
        let staged = stage_again(tmp.path(), &src, &asset);
        assert!(!staged.join("extra.js").exists());
        fs::remove_file(old.join("extra.js")).unwrap();
        // A missing file.
        fs::remove_file(old.join("lib/util.js")).unwrap();
        let staged = stage_again(tmp.path(), &src, &asset);
        assert_eq!(
            fs::read(staged.join("lib/util.js")).unwrap(),
            b"module.exports = 2;\r\n"
        );
        // A link pointing elsewhere.
        fs::hard_link(src.join("lib/util.js"), old.join("lib/util.js")).unwrap();
        fs::remove_file(old.join("lib/alias.js")).unwrap();
        std::os::unix::fs::symlink("../index.js", old.join("lib/alias.js")).unwrap();
        let staged = stage_again(tmp.path(), &src, &asset);
        assert_eq!(
            fs::read_link(staged.join("lib/alias.js")).unwrap(),
            PathBuf::from("util.js")
        );
    }

    #[test]
    fn a_single_file_asset_is_linked_and_reused() {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("code.zip");
        write(&src, b"PK\x05\x06 not really a zip");
        let old = tmp.path().join("old");
        fs::create_dir(&old).unwrap();
        let asset = plan(&src, &FingerprintOptions::default()).unwrap();
        assert!(asset.file_name.ends_with(".zip"));
        stage_planned(&src, &FingerprintOptions::default(), &asset, &old, None).unwrap();
        fs::write(old.join("cdk.out"), "{}").unwrap();
        let staged = stage_again(tmp.path(), &src, &asset);
        assert_eq!(fs::read(&staged).unwrap(), fs::read(&src).unwrap());
        #[cfg(unix)]
        assert_eq!(inode(&staged), inode(&src));
    }

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
