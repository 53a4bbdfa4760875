//! Staging: placing an asset into the cloud assembly as `asset.<hash>[.ext]`, as aws-cdk-lib's
//! `AssetStaging` does for a source that is not bundled.
//!
//! - Files are **copied** (`copy_file_range` through `std::io::copy`, which reflinks on file
//!   systems that can), in parallel, never linked: the assembly shares no inode with the sources,
//!   and sources are only ever opened for reading. Directories are created and kept symlinks
//!   re-created, as CDK's `copyDirectory` does.
//! - What is copied is exactly what the fingerprint read (its [`Snapshot`], kept by [`plan`]):
//!   each file is checked to be in the state it was hashed in before and after the copy (device,
//!   inode, size, modification and change time), and a file written too recently for its
//!   timestamps to tell is hashed again from the copy. A file that changed is an error naming
//!   it ([`AssetError::SourceChanged`]): `asset.<hash>` only ever holds bytes hashing to `<hash>`.
//! - When the previous assembly in the outdir already holds a whole `asset.<hash>` (see
//!   [`is_whole`]), it is kept where it is: no file is read or written.
//! - A folder is built in a temporary sibling and renamed into place, so an interrupted run
//!   never leaves a half-written `asset.<hash>` that a later run would trust.
//! - `LAMBDA_CDK_STAGING` may be unset or `copy`; any other value is an error.

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Instant, SystemTime};

use super::fingerprint::{
    content_fingerprint_in, cores, fingerprint_copying, fingerprint_with_stats, read_error,
    with_buffer, CopyTo, FileRecord, Snapshot, Stamp, Threads,
};
use super::jspath;
use super::log;
use super::prestage;
use super::walk::Entry;
use super::{
    AssetError, FingerprintOptions, Packaging, StagedAsset, SymlinkFollow, ARCHIVE_EXTENSIONS,
};
use crate::temp::{TempDir, TempFile};

/// What [`plan`] read, by asset hash and canonical source: staging copies from it.
type Snapshots = BTreeMap<(String, PathBuf), Arc<Snapshot>>;
static SNAPSHOTS: Mutex<Snapshots> = Mutex::new(BTreeMap::new());

fn remember(hash: &str, snapshot: Snapshot) -> Arc<Snapshot> {
    let snapshot = Arc::new(snapshot);
    SNAPSHOTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert((hash.to_string(), snapshot.root.clone()), snapshot.clone());
    snapshot
}

fn snapshot_of(hash: &str, source: &Path) -> Option<Arc<Snapshot>> {
    let root = fs::canonicalize(source).ok()?;
    SNAPSHOTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&(hash.to_string(), root))
        .cloned()
}

/// How an asset got into the new assembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placed {
    /// Written into the new assembly's folder.
    Staged,
    /// The previous assembly's `asset.<hash>` is whole and stays where it is.
    Kept,
}

/// Checks `LAMBDA_CDK_STAGING`: unset, empty or `copy`.
fn check_staging_mode() -> Result<(), AssetError> {
    match std::env::var("LAMBDA_CDK_STAGING") {
        Err(std::env::VarError::NotPresent) => Ok(()),
        Ok(v) if v.is_empty() || v.eq_ignore_ascii_case("copy") => Ok(()),
        Ok(v) => Err(AssetError::StagingMode { value: v }),
        Err(std::env::VarError::NotUnicode(v)) => Err(AssetError::StagingMode {
            value: v.to_string_lossy().into_owned(),
        }),
    }
}

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
    plan_staging_into(source, options, None)
}

/// [`plan`] for an asset that a synthesis into `outdir` will stage: a big source is staged into
/// `outdir` while it is hashed (see [`super::prestage`]), so synthesis only renames it into
/// place. Anything that keeps that from working falls back to [`plan`].
pub(crate) fn plan_in(
    source: &Path,
    options: &FingerprintOptions,
    outdir: &Path,
) -> Result<StagedAsset, AssetError> {
    plan_staging_into(source, options, Some(outdir))
}

fn plan_staging_into(
    source: &Path,
    options: &FingerprintOptions,
    outdir: Option<&Path>,
) -> Result<StagedAsset, AssetError> {
    let start = Instant::now();
    let absolute = jspath::resolve(source).map_err(|e| AssetError::io(source, e))?;
    let metadata = fs::metadata(&absolute).map_err(|e| AssetError::lookup(&absolute, e))?;
    // CDK hashes first and checks the type afterwards; hashing a FIFO would block, so the
    // check comes first here.
    if !metadata.is_dir() && !metadata.is_file() {
        return Err(AssetError::NotFileOrDirectory { path: absolute });
    }
    let outdir = outdir.filter(|outdir| {
        check_staging_mode().is_ok()
            && fs::canonicalize(&absolute).is_ok_and(|root| !prestage::has_source(&root))
            && prestage::outdir_is_fresh(outdir)
    });
    if let Some(outdir) = outdir {
        super::walk::exclude_from_assets(outdir);
    }
    let options = options.for_staging();
    let mut held = None;
    let result = {
        let mut target = || {
            let folder = prestage::Held::create(outdir?)?;
            let content = folder.path().join("asset");
            held = Some(folder);
            Some(content)
        };
        let copy_to = outdir.map(|_| CopyTo {
            at_least: prestage::STAGE_WHILE_HASHING_FROM,
            target: &mut target,
        });
        fingerprint_copying(&absolute, &options, Threads::Auto, copy_to)
    };
    let (hash, stats, snapshot, copied) = match result {
        Ok(done) => done,
        // Whatever failed while copying, hashing alone reports the error the source deserves
        // (or none).
        Err(_) if held.is_some() => {
            drop(held.take());
            let (hash, stats, snapshot) =
                fingerprint_with_stats(&absolute, &options, Threads::Auto)?;
            (hash, stats, snapshot, None)
        }
        Err(e) => return Err(e),
    };
    let root = snapshot.root.clone();
    remember(&hash, snapshot);
    let staged = match (outdir, held, copied) {
        (Some(outdir), Some(folder), Some(content)) => {
            prestage::register(outdir, &hash, &root, folder, content);
            " and staged"
        }
        _ => "",
    };
    log::debug(format_args!(
        "asset {}: fingerprint {hash}{staged}: {} files, {} bytes, {} ({} thread{})",
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
/// copied. If the target already exists nothing is written, so unchanged assets are not staged
/// again.
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
/// `previous` (the assembly `dir` will replace) holds a whole `asset.<hash>`, that one is kept
/// ([`Placed::Kept`]); otherwise the files the fingerprint read are copied.
pub(crate) fn stage_planned(
    source: &Path,
    options: &FingerprintOptions,
    asset: &StagedAsset,
    dir: &Path,
    previous: Option<&Path>,
) -> Result<Placed, AssetError> {
    check_staging_mode()?;
    let start = Instant::now();
    let target = dir.join(&asset.file_name);
    if fs::symlink_metadata(&target).is_ok() {
        return Ok(Placed::Staged);
    }
    let source = jspath::resolve(source).map_err(|e| AssetError::io(source, e))?;
    let options = options.for_staging();
    let snapshot = match snapshot_of(&asset.hash, &source) {
        Some(s) => s,
        None => {
            // Planned elsewhere (another process's plan): read it again, and it must not have
            // changed since.
            let (hash, _, snapshot) = fingerprint_with_stats(&source, &options, Threads::Auto)?;
            if hash != asset.hash {
                return Err(AssetError::SourceChanged { path: source });
            }
            remember(&hash, snapshot)
        }
    };
    // Staged while it was hashed (only ever for a synthesis into an outdir without assets).
    let early = previous.and_then(|outdir| prestage::take(outdir, &asset.hash, &snapshot.root));
    if let Some(previous) = previous {
        let old = previous.join(&asset.file_name);
        if fs::symlink_metadata(&old).is_ok() {
            match is_whole_asset(&snapshot, &options, previous, &old) {
                Ok(true) => {
                    log::debug(format_args!(
                        "asset {}: kept {} from the previous assembly, whole ({})",
                        source.display(),
                        asset.file_name,
                        log::ms(start.elapsed()),
                    ));
                    return Ok(Placed::Kept);
                }
                Ok(false) => log::debug(format_args!(
                    "asset {}: previous {} is not whole, staging again",
                    source.display(),
                    asset.file_name
                )),
                Err(e) => log::debug(format_args!(
                    "asset {}: cannot check previous {} ({e}), staging again",
                    source.display(),
                    asset.file_name
                )),
            }
        }
    }
    if let Some((_folder, content)) = early {
        match fs::rename(&content, &target) {
            Ok(()) => {
                log::debug(format_args!(
                    "asset {}: moved {} into place, staged while hashed ({})",
                    source.display(),
                    asset.file_name,
                    log::ms(start.elapsed()),
                ));
                return Ok(Placed::Staged);
            }
            Err(e) => log::debug(format_args!(
                "asset {}: cannot move the copy staged while hashed ({e}), copying again",
                source.display(),
            )),
        }
    }
    let copied = if snapshot.is_dir {
        let staging = TempDir::new_in(dir, ".staging-").map_err(|e| AssetError::io(dir, e))?;
        let copied = copy_directory(&snapshot, staging.path(), &options)?;
        set_directory_mode(staging.path())?;
        let staged = staging.keep();
        if let Err(e) = fs::rename(&staged, &target) {
            let _ = fs::remove_dir_all(&staged);
            // Someone staged the same asset meanwhile: theirs is as good as ours.
            if !target.exists() {
                return Err(AssetError::io(&target, e));
            }
        }
        copied
    } else {
        let record = snapshot
            .files
            .first()
            .ok_or_else(|| AssetError::SourceChanged {
                path: source.clone(),
            })?;
        let file = TempFile::new_in(dir, ".staging-").map_err(|e| AssetError::io(dir, e))?;
        with_buffer(|buffer| copy_checked(&snapshot.root, record, file.path(), buffer))?;
        file.persist(&target)
            .map_err(|e| AssetError::io(&target, e))?;
        1
    };
    log::debug(format_args!(
        "asset {}: staged {} ({copied} files copied, {})",
        source.display(),
        asset.file_name,
        log::ms(start.elapsed()),
    ));
    Ok(Placed::Staged)
}

/// Copies `from` to the new file `to`, and makes sure the copy holds the bytes `record` hashed:
/// if `from` is not in the state it was hashed in, before or after the copy (or is too recent
/// for its timestamps to tell), the copy is hashed again and must give the same content
/// fingerprint. Permissions are copied too, as Node's `copyFileSync` does.
fn copy_checked(
    from: &Path,
    record: &FileRecord,
    to: &Path,
    buffer: &mut Vec<u8>,
) -> Result<(), AssetError> {
    let changed = || AssetError::SourceChanged {
        path: from.to_path_buf(),
    };
    let mut source = File::open(from).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => changed(),
        _ => AssetError::io(from, e),
    })?;
    let meta = source.metadata().map_err(|e| AssetError::io(from, e))?;
    let mut dest = File::create(to).map_err(|e| AssetError::io(to, e))?;
    let copied = io::copy(&mut source, &mut dest).map_err(|e| AssetError::io(from, e))?;
    dest.set_permissions(meta.permissions())
        .map_err(|e| AssetError::io(to, e))?;
    drop(dest);
    let after = source.metadata().map_err(|e| AssetError::io(from, e))?;
    let unchanged = Stamp::of(&meta) == record.stamp
        && Stamp::of(&after) == record.stamp
        && copied == record.stamp.size();
    if !unchanged || record.is_racy() {
        let again = content_fingerprint_in(to, buffer).map_err(|e| read_error(to, e))?;
        if again.fingerprint != record.fingerprint {
            return Err(changed());
        }
    }
    Ok(())
}

/// How a directory is laid out when staged: what [`copy_directory`] and staging while hashing
/// create.
pub(crate) struct Layout<'a> {
    /// Directories, sorted (so parents come before their children).
    pub(crate) dirs: Vec<PathBuf>,
    /// Files, in walk order: staged path and where the source's bytes are.
    pub(crate) files: Vec<(PathBuf, &'a Path)>,
    /// Kept links: staged path and the target text the staged link must hold.
    pub(crate) links: Vec<(PathBuf, PathBuf)>,
}

impl Layout<'_> {
    /// Creates the directory `dest` (mode 0755), its directories and its kept links.
    pub(crate) fn create_in(&self, dest: &Path) -> Result<(), AssetError> {
        fs::create_dir(dest).map_err(|e| AssetError::io(dest, e))?;
        set_directory_mode(dest)?;
        self.create_below(dest)
    }

    /// Creates the directories and kept links inside the existing directory `dest`.
    fn create_below(&self, dest: &Path) -> Result<(), AssetError> {
        for rel in &self.dirs {
            let to = dest.join(rel);
            fs::create_dir(&to).map_err(|e| AssetError::io(&to, e))?;
        }
        for (rel, text) in &self.links {
            make_symlink(text, &dest.join(rel))?;
        }
        Ok(())
    }
}

/// The staged layout of a walked directory (`entries` of the canonical `root`): excluded
/// directories left out unless something below them is kept, links into the asset re-pointed
/// at the staged copy; an external link is an error under [`SymlinkFollow::BlockExternal`].
pub(crate) fn layout<'a>(
    entries: &'a [Entry],
    root: &Path,
    options: &FingerprintOptions,
) -> Result<Layout<'a>, AssetError> {
    let mut dirs: HashSet<PathBuf> = HashSet::new();
    let mut files = Vec::new();
    let mut links = Vec::new();
    let add_parents = |rel: &Path, dirs: &mut HashSet<PathBuf>| {
        for parent in rel.ancestors().skip(1) {
            if parent.as_os_str().is_empty() || !dirs.insert(parent.to_path_buf()) {
                break; // its parents are in already
            }
        }
    };
    for entry in entries {
        match entry {
            Entry::Directory {
                os_rel, ignored, ..
            } => {
                if !ignored {
                    add_parents(os_rel, &mut dirs);
                    dirs.insert(os_rel.clone());
                }
            }
            Entry::File { os_rel, real, .. } => {
                add_parents(os_rel, &mut dirs);
                files.push((os_rel.clone(), real.as_path()));
            }
            Entry::Symlink {
                rel,
                os_rel,
                link_target,
                resolved,
                internal,
            } => {
                if options.follow == SymlinkFollow::BlockExternal && !internal {
                    return Err(AssetError::ExternalSymlink {
                        target: resolved.clone(),
                    });
                }
                add_parents(os_rel, &mut dirs);
                let text = if *internal {
                    internal_link_text(rel, resolved, root)
                } else {
                    link_target.clone()
                };
                links.push((os_rel.clone(), text));
            }
            Entry::Unsupported { .. } => {}
        }
    }
    let mut dirs: Vec<PathBuf> = dirs.into_iter().collect();
    dirs.sort();
    Ok(Layout { dirs, files, links })
}

/// What the staged copy of a directory must contain, from the fingerprint's snapshot.
struct Expected<'a> {
    layout: Layout<'a>,
    /// Each file's state when hashed, in the order of `layout.files`.
    records: &'a [FileRecord],
}

/// The entries [`copy_directory`] writes for `snapshot`.
fn expected_entries<'a>(
    snapshot: &'a Snapshot,
    options: &FingerprintOptions,
) -> Result<Expected<'a>, AssetError> {
    let layout = layout(&snapshot.entries, &snapshot.root, options)?;
    if layout.files.len() != snapshot.files.len() {
        let path = layout
            .files
            .get(snapshot.files.len())
            .map_or_else(|| snapshot.root.clone(), |(_, real)| real.to_path_buf());
        return Err(AssetError::SourceChanged { path });
    }
    Ok(Expected {
        layout,
        records: &snapshot.files,
    })
}

/// Whether the previous assembly's `old` (= `previous/asset.<hash>`) still holds what the
/// snapshot's files held when they were hashed (so it can stay).
fn is_whole_asset(
    snapshot: &Snapshot,
    options: &FingerprintOptions,
    previous: &Path,
    old: &Path,
) -> Result<bool, AssetError> {
    // Files of the previous assembly written after it was finished have been changed since.
    let written = fs::metadata(previous.join("cdk.out"))
        .and_then(|m| m.modified())
        .map_err(|e| AssetError::io(previous, e))?;
    if !snapshot.is_dir {
        return match snapshot.files.first() {
            Some(record) => is_whole(record, old, written),
            None => Ok(false),
        };
    }
    let expected = expected_entries(snapshot, options)?;
    if !tree_matches(old, &expected.layout)? {
        return Ok(false);
    }
    for ((rel, _), record) in expected.layout.files.iter().zip(expected.records) {
        if !is_whole(record, &old.join(rel), written)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether the previous assembly's `staged` file still holds what the source held when it was
/// hashed (whose fingerprint is the asset's hash): a file of its own — not the source's inode,
/// reachable only from the assembly (one link) — of the same size, not modified after that
/// assembly was written. Staging in place of this check would only copy what CDK trusts by name
/// alone (it skips an existing `asset.<hash>`).
fn is_whole(record: &FileRecord, staged: &Path, written: SystemTime) -> Result<bool, AssetError> {
    let staged_meta = match fs::symlink_metadata(staged) {
        Ok(m) if m.is_file() => m,
        _ => return Ok(false),
    };
    Ok(!record.stamp.is_inode_of(&staged_meta)
        && link_count(&staged_meta) == 1
        && staged_meta.len() == record.stamp.size()
        && staged_meta.modified().is_ok_and(|m| m <= written))
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
fn tree_matches(old: &Path, expected: &Layout<'_>) -> Result<bool, AssetError> {
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    let mut links = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        let path = old.join(&rel);
        for entry in fs::read_dir(&path).map_err(|e| AssetError::io(&path, e))? {
            let entry = entry.map_err(|e| AssetError::io(&path, e))?;
            let child = rel.join(entry.file_name());
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
    let mut want_files: Vec<&Path> = expected.files.iter().map(|(r, _)| r.as_path()).collect();
    want_files.sort();
    if dirs != expected.dirs || files.iter().map(PathBuf::as_path).ne(want_files) {
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

/// Places the snapshot's entries into the existing directory `dest` (aws-cdk-lib's
/// `copyDirectory`): directories created unless excluded, kept links as links (re-pointed at the
/// staged target when they point into the asset), then the files copied on every core, each
/// checked against its state when hashed. Returns the number of files copied.
fn copy_directory(
    snapshot: &Snapshot,
    dest: &Path,
    options: &FingerprintOptions,
) -> Result<usize, AssetError> {
    let expected = expected_entries(snapshot, options)?;
    expected.layout.create_below(dest)?;
    let files: Vec<_> = expected
        .layout
        .files
        .iter()
        .zip(expected.records)
        .map(|((rel, real), record)| (rel, real, record))
        .collect();
    let threads = cores().clamp(1, files.len().max(1));
    let next = AtomicUsize::new(0);
    let failure: OnceLock<AssetError> = OnceLock::new();
    let work = |buffer: &mut Vec<u8>| {
        while failure.get().is_none() {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((rel, real, record)) = files.get(i) else {
                return;
            };
            if let Err(e) = copy_checked(real, record, &dest.join(rel), buffer) {
                let _ = failure.set(e);
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(|| work(&mut Vec::new()));
        }
        with_buffer(work);
    });
    match failure.into_inner() {
        Some(e) => Err(e),
        None => Ok(files.len()),
    }
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

/// Plans a folder whose asset hash was computed elsewhere (a Rust handler hashed by its
/// sources before it was built): the folder is read once so staging copies exactly what was
/// read, and that snapshot is kept under `hash`.
pub(crate) fn plan_with_hash(source: &Path, hash: &str) -> Result<StagedAsset, AssetError> {
    let absolute = jspath::resolve(source).map_err(|e| AssetError::io(source, e))?;
    let options = FingerprintOptions::default().for_staging();
    let (_, _, snapshot) = fingerprint_with_stats(&absolute, &options, Threads::Auto)?;
    remember(hash, snapshot);
    Ok(StagedAsset {
        file_name: format!("asset.{hash}"),
        hash: hash.to_string(),
        packaging: Packaging::Zip,
        source_is_dir: true,
    })
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

    fn stage_again(tmp: &Path, src: &Path, asset: &StagedAsset) -> Placed {
        let new = tmp.join(format!("new{}", fs::read_dir(tmp).unwrap().count()));
        fs::create_dir(&new).unwrap();
        let old = tmp.join("old");
        stage_planned(src, &FingerprintOptions::default(), asset, &new, Some(&old)).unwrap()
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).unwrap().ino()
    }

    #[cfg(unix)]
    #[test]
    fn files_are_copied_never_linked() {
        let (tmp, src, asset) = setup();
        let staged = tmp.path().join("old").join(&asset.file_name);
        assert_ne!(
            inode(&staged.join("index.js")),
            inode(&src.join("index.js"))
        );
        assert_eq!(
            fs::read(staged.join("lib/util.js")).unwrap(),
            b"module.exports = 2;\r\n"
        );
        assert_eq!(
            fs::read_link(staged.join("lib/alias.js")).unwrap(),
            PathBuf::from("util.js")
        );
    }

    #[test]
    fn a_whole_previous_asset_is_kept() {
        let (tmp, src, asset) = setup();
        assert_eq!(stage_again(tmp.path(), &src, &asset), Placed::Kept);
    }

    #[test]
    fn a_previous_asset_changed_after_its_assembly_was_written_is_not_kept() {
        let (tmp, src, asset) = setup();
        let old = tmp.path().join("old").join(&asset.file_name);
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        let f = fs::File::options()
            .write(true)
            .open(old.join("index.js"))
            .unwrap();
        f.set_modified(later).unwrap();
        assert_eq!(stage_again(tmp.path(), &src, &asset), Placed::Staged);
    }

    #[test]
    fn a_previous_asset_with_other_entries_is_not_kept() {
        let (tmp, src, asset) = setup();
        let old = tmp.path().join("old").join(&asset.file_name);
        write(&old.join("extra.js"), b"x");
        assert_eq!(stage_again(tmp.path(), &src, &asset), Placed::Staged);
        fs::remove_file(old.join("extra.js")).unwrap();
        fs::remove_file(old.join("lib/util.js")).unwrap();
        assert_eq!(stage_again(tmp.path(), &src, &asset), Placed::Staged);
    }

    #[test]
    fn a_source_changed_after_its_fingerprint_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("src");
        write(&src.join("index.js"), b"exports.handler = 1;\n");
        let asset = plan(&src, &FingerprintOptions::default()).unwrap();
        write(&src.join("index.js"), b"exports.handler = 2;\n");
        let out = tmp.path().join("out");
        fs::create_dir(&out).unwrap();
        let err =
            stage_planned(&src, &FingerprintOptions::default(), &asset, &out, None).unwrap_err();
        assert!(
            matches!(&err, AssetError::SourceChanged { path } if path.ends_with("index.js")),
            "{err}"
        );
        assert!(!out.join(&asset.file_name).exists());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn names_that_are_not_utf8_are_staged_byte_for_byte() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("src");
        write(&src.join(OsStr::from_bytes(b"a\xff.txt")), b"one");
        write(&src.join("b.txt"), b"two");
        let out = tmp.path().join("out");
        fs::create_dir(&out).unwrap();
        let asset = stage(&src, &FingerprintOptions::default(), &out).unwrap();
        let staged = out.join(&asset.file_name);
        assert_eq!(
            fs::read(staged.join(OsStr::from_bytes(b"a\xff.txt"))).unwrap(),
            b"one"
        );
        // Two names that read the same as UTF-8: an error naming both, nothing written.
        write(&src.join(OsStr::from_bytes(b"a\xfe.txt")), b"three");
        let err = plan(&src, &FingerprintOptions::default()).unwrap_err();
        assert!(
            matches!(err, AssetError::IndistinguishableNames { .. }),
            "{err}"
        );
        let text = err.to_string();
        assert!(text.contains("a\u{FFFD}.txt"), "{text}");
        assert_eq!(
            fs::read(src.join(OsStr::from_bytes(b"a\xff.txt"))).unwrap(),
            b"one"
        );
    }

    #[test]
    fn a_single_file_asset_is_copied_and_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("code.zip");
        write(&src, b"PK\x05\x06 not really a zip");
        let old = tmp.path().join("old");
        fs::create_dir(&old).unwrap();
        let asset = plan(&src, &FingerprintOptions::default()).unwrap();
        assert!(asset.file_name.ends_with(".zip"));
        stage_planned(&src, &FingerprintOptions::default(), &asset, &old, None).unwrap();
        fs::write(old.join("cdk.out"), "{}").unwrap();
        assert_eq!(
            fs::read(old.join(&asset.file_name)).unwrap(),
            fs::read(&src).unwrap()
        );
        #[cfg(unix)]
        assert_ne!(inode(&old.join(&asset.file_name)), inode(&src));
        assert_eq!(stage_again(tmp.path(), &src, &asset), Placed::Kept);
    }

    /// Temporary folders (`.lambda-cdk-tmp-*`) in `dir`.
    fn temp_folders(dir: &Path) -> Vec<PathBuf> {
        fs::read_dir(dir)
            .map(|r| {
                r.flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with(prestage::TEMP_PREFIX))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A source of `STAGE_WHILE_HASHING_FROM` bytes and more: two big files, a text file with
    /// CRLF, a nested folder and a link into the asset.
    fn big_source(dir: &Path) {
        let half = (prestage::STAGE_WHILE_HASHING_FROM / 2 + 1) as usize;
        let bytes: Vec<u8> = (0..half).map(|i| (i * 7 % 251) as u8).collect();
        write(&dir.join("a.bin"), &bytes);
        write(&dir.join("lib/b.bin"), &bytes[1..]);
        write(&dir.join("lib/c.txt"), b"one\r\ntwo\r\n");
        #[cfg(unix)]
        std::os::unix::fs::symlink("c.txt", dir.join("lib/link.txt")).unwrap();
    }

    #[test]
    fn a_big_source_is_staged_while_hashed_and_moved_into_place() {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("src");
        big_source(&src);
        let outdir = tmp.path().join("cdk.out");
        let options = FingerprintOptions::default();
        let asset = plan_in(&src, &options, &outdir).unwrap();
        assert_eq!(asset, plan(&src, &options).unwrap());
        // Bound: the copy waits in one locked temporary folder of the (created) outdir.
        let held = temp_folders(&outdir);
        assert_eq!(held.len(), 1);
        assert!(matches!(
            prestage::claim_leftover(&held[0]),
            prestage::Leftover::InUse
        ));
        // Synthesis: moved into the new assembly, nothing copied again.
        let new = outdir.join(".lambda-cdk-tmp-synth");
        fs::create_dir(&new).unwrap();
        let placed = stage_planned(&src, &options, &asset, &new, Some(&outdir)).unwrap();
        assert_eq!(placed, Placed::Staged);
        let staged = new.join(&asset.file_name);
        assert_eq!(
            super::super::fingerprint(&staged, &options).unwrap(),
            asset.hash
        );
        assert_eq!(
            fs::read(staged.join("lib/c.txt")).unwrap(),
            b"one\r\ntwo\r\n"
        );
        #[cfg(unix)]
        assert_eq!(
            fs::read_link(staged.join("lib/link.txt")).unwrap(),
            Path::new("c.txt")
        );
        assert!(!held[0].exists(), "the emptied folder is removed");
        prestage::discard(&outdir, false);
        assert_eq!(temp_folders(&outdir), vec![new]);
    }

    #[test]
    fn an_unused_early_copy_is_removed_with_the_outdir_it_created() {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("src");
        big_source(&src);
        let outdir = tmp.path().join("out");
        plan_in(&src, &FingerprintOptions::default(), &outdir).unwrap();
        assert_eq!(temp_folders(&outdir).len(), 1);
        prestage::discard(&outdir, true);
        assert!(!outdir.exists());
    }

    #[test]
    fn small_sources_and_outdirs_with_assets_are_only_hashed() {
        let tmp = tempfile::tempdir().unwrap();
        let options = FingerprintOptions::default();
        // A small asset: binding writes nothing, the outdir is not even created.
        let small = tmp.path().join("small");
        write(&small.join("index.js"), b"exports.handler = 1;\n");
        let outdir = tmp.path().join("cdk.out");
        plan_in(&small, &options, &outdir).unwrap();
        assert!(!outdir.exists());
        // A big one into an outdir whose previous assembly may hold it: hashed only.
        let big = tmp.path().join("big");
        big_source(&big);
        fs::create_dir_all(outdir.join("asset.0123")).unwrap();
        plan_in(&big, &options, &outdir).unwrap();
        assert!(temp_folders(&outdir).is_empty());
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
