//! Staging a big asset while it is hashed, when its code is bound, as aws-cdk-lib stages an asset
//! when the construct is created: the source is read once, and the staged copy holds exactly the
//! bytes its name is the hash of.
//!
//! - Only a source of at least [`STAGE_WHILE_HASHING_FROM`] bytes, and only into an outdir that
//!   holds no `asset.*` entry (a first synthesis): a previous assembly may hold the asset whole,
//!   and keeping it costs nothing (see `staging::is_whole_asset`), while a copy made now would be
//!   thrown away.
//! - The copy goes into a temporary folder of the outdir (`.lambda-cdk-tmp-*`) on which this
//!   process holds an exclusive `flock`: another run reclaiming leftovers skips a folder whose
//!   lock is held ([`claim_leftover`]), and the kernel drops the lock of a killed process, so its
//!   folder is reclaimed by the next run.
//! - Synthesis renames the copy into the new assembly ([`take`]) and removes what it did not use
//!   ([`discard`]), whether it succeeds or fails.

use std::collections::BTreeMap;
use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::temp::TempDir;

/// Names of this library's temporary files and folders inside an outdir.
pub(crate) const TEMP_PREFIX: &str = ".lambda-cdk-tmp-";

/// Smaller sources are only hashed when bound, and copied at synthesis: writing into the outdir
/// before synthesis pays off only for big assets.
pub(crate) const STAGE_WHILE_HASHING_FROM: u64 = 16 << 20;

/// A temporary folder in an outdir that this process holds (locked); removed on drop.
pub(crate) struct Held {
    path: PathBuf,
    _lock: File,
}

impl Held {
    /// Creates and locks a new temporary folder in `outdir` (created if missing); `None` if that fails, or if another
    /// run reclaimed the folder before the lock was taken.
    pub(crate) fn create(outdir: &Path) -> Option<Held> {
        create_outdir(outdir)?;
        let path = TempDir::new_in(outdir, TEMP_PREFIX).ok()?.keep();
        let lock = File::open(&path).ok()?;
        // Blocking: a run reclaiming it holds the lock while it removes it.
        lock.lock().ok()?;
        if !still_linked(&lock) {
            return None;
        }
        Some(Held { path, _lock: lock })
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Whether the locked directory is still in the file system (a removed one has no links).
#[cfg(unix)]
fn still_linked(dir: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    dir.metadata().is_ok_and(|m| m.nlink() > 0)
}

#[cfg(not(unix))]
fn still_linked(_dir: &File) -> bool {
    true
}

/// A temporary folder found by a run reclaiming leftovers.
pub(crate) enum Leftover {
    /// A live process holds it: leave it.
    InUse,
    /// Nobody holds it: remove it while holding this lock (if the folder could be opened).
    Free(Option<File>),
}

/// Whether the temporary folder `path` is a leftover to remove (see [`Leftover`]).
pub(crate) fn claim_leftover(path: &Path) -> Leftover {
    let Ok(dir) = File::open(path) else {
        return Leftover::Free(None);
    };
    match dir.try_lock() {
        Err(TryLockError::WouldBlock) => Leftover::InUse,
        _ => Leftover::Free(Some(dir)),
    }
}

/// One source staged while it was hashed, waiting for synthesis.
struct Staged {
    held: Held,
    /// `held.path()/asset`: the staged folder or file.
    content: PathBuf,
}

/// By outdir (canonical), asset hash and source (canonical).
type Registry = BTreeMap<(PathBuf, String, PathBuf), Staged>;
static STAGED: Mutex<Registry> = Mutex::new(BTreeMap::new());

/// Outdirs (canonical) that a bind created: a synthesis into one that fails removes it again
/// when empty, as it does for an outdir it created itself.
static CREATED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    STAGED.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether staging while hashing may go into `outdir`: it holds no `asset.*` entry, or is
/// missing; not if it is not a directory or may hold a previous assembly's assets.
pub(crate) fn outdir_is_fresh(outdir: &Path) -> bool {
    match fs::metadata(outdir) {
        Ok(m) if m.is_dir() => fs::read_dir(outdir).is_ok_and(|entries| {
            !entries
                .flatten()
                .any(|e| e.file_name().as_encoded_bytes().starts_with(b"asset."))
        }),
        Ok(_) => false,
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Creates `outdir` if it is missing (remembering that a bind created it).
fn create_outdir(outdir: &Path) -> Option<()> {
    if fs::symlink_metadata(outdir).is_ok() {
        return Some(());
    }
    fs::create_dir_all(outdir).ok()?;
    if let Ok(canonical) = fs::canonicalize(outdir) {
        CREATED
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(canonical);
    }
    Some(())
}

/// Keeps `content` (inside `held`) as the staged copy of `root` (canonical) with `hash`, for a
/// synthesis into `outdir`.
pub(crate) fn register(outdir: &Path, hash: &str, root: &Path, held: Held, content: PathBuf) {
    let Ok(outdir) = fs::canonicalize(outdir) else {
        return; // dropped: nothing can find it
    };
    registry().insert(
        (outdir, hash.to_string(), root.to_path_buf()),
        Staged { held, content },
    );
}

/// Whether a copy of `root` (canonical) is staged in some outdir already: a second bind of the
/// same source then only hashes.
pub(crate) fn has_source(root: &Path) -> bool {
    registry().keys().any(|(_, _, r)| r == root)
}

/// The staged copy of `root` (canonical) with `hash` for a synthesis into `outdir`, taken out
/// of the registry: the caller renames `.1` away; the folder `.0` goes when dropped.
pub(crate) fn take(outdir: &Path, hash: &str, root: &Path) -> Option<(Held, PathBuf)> {
    let outdir = fs::canonicalize(outdir).ok()?;
    registry()
        .remove(&(outdir, hash.to_string(), root.to_path_buf()))
        .map(|s| (s.held, s.content))
}

/// Removes the copies staged for `outdir` that synthesis did not use; after a failed
/// synthesis, also the outdir if a bind created it and it is empty.
pub(crate) fn discard(outdir: &Path, failed: bool) {
    let Ok(outdir) = fs::canonicalize(outdir) else {
        return;
    };
    let unused: Vec<Staged> = {
        let mut registry = registry();
        let keys: Vec<_> = registry
            .keys()
            .filter(|(o, _, _)| *o == outdir)
            .cloned()
            .collect();
        keys.iter().filter_map(|k| registry.remove(k)).collect()
    };
    drop(unused);
    let mut created = CREATED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(i) = created.iter().position(|c| *c == outdir) {
        created.remove(i);
        if failed {
            let _ = fs::remove_dir(&outdir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_folder_is_in_use_until_dropped() {
        let tmp = tempfile::tempdir().unwrap();
        let held = Held::create(tmp.path()).unwrap();
        let path = held.path().to_path_buf();
        assert!(matches!(claim_leftover(&path), Leftover::InUse));
        drop(held);
        assert!(!path.exists());
    }

    #[test]
    fn a_folder_nobody_holds_is_a_leftover() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(format!("{TEMP_PREFIX}killed"));
        fs::create_dir(&path).unwrap();
        assert!(matches!(claim_leftover(&path), Leftover::Free(Some(_))));
    }
}
