//! Temporary files and folders created next to where they will be renamed to.
//!
//! This is what the `tempfile` crate did for us, reduced to the four things synthesis needs
//! (a new folder, a new file, removed on drop unless kept or persisted): std has `create_dir`
//! and `create_new`, which fail when the name exists, so a random name plus a retry is enough,
//! and users no longer compile `rustix` and `getrandom` for it (issue: build cost).

use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};

/// Names tried before giving up (each is new with near certainty; a collision just retries).
const ATTEMPTS: u32 = 64;

thread_local! {
    static COUNTER: Cell<u64> = const { Cell::new(0) };
}

/// `prefix` and 12 base-32 characters, different on every call of every process.
///
/// std's `RandomState` is seeded from the operating system's random source once per thread
/// and then stepped; hashing the process id, a per-thread counter and the time through it
/// gives names another process cannot predict or repeat.
fn unique_name(prefix: &str) -> String {
    let count = COUNTER.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u64(count);
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    let mut bits = hasher.finish();
    let mut name = String::with_capacity(prefix.len() + 12);
    name.push_str(prefix);
    for _ in 0..12 {
        name.push(char::from(
            b"abcdefghijklmnopqrstuvwxyz234567"[(bits & 31) as usize],
        ));
        bits >>= 5;
    }
    name
}

/// Calls `create` with fresh paths in `dir` until one did not exist yet.
fn create_unique<T>(
    dir: &Path,
    prefix: &str,
    mut create: impl FnMut(&Path) -> io::Result<T>,
) -> io::Result<(PathBuf, T)> {
    for _ in 0..ATTEMPTS {
        let path = dir.join(unique_name(prefix));
        match create(&path) {
            Ok(made) => return Ok((path, made)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("no free temporary name `{prefix}*` in {}", dir.display()),
    ))
}

/// A folder this process created; removed with its content on drop unless [`TempDir::keep`] was called.
#[derive(Debug)]
pub(crate) struct TempDir {
    path: Option<PathBuf>,
}

impl TempDir {
    /// A new, empty folder `dir/<prefix><random>`, readable by its owner only (mode 0700), as a
    /// temporary folder should be until its content is complete.
    pub(crate) fn new_in(dir: &Path, prefix: &str) -> io::Result<TempDir> {
        let (path, ()) = create_unique(dir, prefix, |path| {
            let mut builder = fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(path)
        })?;
        Ok(TempDir { path: Some(path) })
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(""))
    }

    /// Keeps the folder: it is no longer removed on drop.
    pub(crate) fn keep(mut self) -> PathBuf {
        self.path.take().unwrap_or_default()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            // std's remove_dir_all does not follow symlinks out of the folder.
            let _ = fs::remove_dir_all(path);
        }
    }
}

/// A file this process created; removed on drop unless [`TempFile::persist`] renamed it.
#[derive(Debug)]
pub(crate) struct TempFile {
    path: Option<PathBuf>,
    file: Option<File>,
}

impl TempFile {
    /// A new, empty file `dir/<prefix><random>` (mode 0600 until persisted), open for writing.
    pub(crate) fn new_in(dir: &Path, prefix: &str) -> io::Result<TempFile> {
        let (path, file) = create_unique(dir, prefix, |path| {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options.open(path)
        })?;
        Ok(TempFile {
            path: Some(path),
            file: Some(file),
        })
    }

    /// The file's path.
    pub(crate) fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(""))
    }

    /// Renames the file to `to` (replacing what is there, atomically on one file system).
    /// On failure the file stays temporary and is removed on drop.
    pub(crate) fn persist(mut self, to: &Path) -> io::Result<()> {
        // Closed first: a later writer through `to` must not race our handle.
        drop(self.file.take());
        fs::rename(self.path(), to)?;
        self.path = None;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        drop(self.file.take());
        if let Some(path) = self.path.take() {
            let _ = fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn scratch() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn names_differ_across_calls_and_carry_the_prefix() {
        let names: BTreeSet<String> = (0..10_000).map(|_| unique_name(".x-")).collect();
        assert_eq!(names.len(), 10_000);
        assert!(names.iter().all(|n| n.starts_with(".x-") && n.len() == 15));
        assert!(names.iter().all(|n| n[3..]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())));
    }

    #[test]
    fn a_dropped_folder_is_removed_with_its_content_and_a_kept_one_stays() {
        let root = scratch();
        let dropped = TempDir::new_in(root.path(), ".t-").unwrap();
        let path = dropped.path().to_path_buf();
        fs::write(path.join("f"), "x").unwrap();
        fs::create_dir(path.join("sub")).unwrap();
        drop(dropped);
        assert!(!path.exists());

        let kept = TempDir::new_in(root.path(), ".t-").unwrap().keep();
        assert!(kept.is_dir());
        assert!(kept
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with(".t-"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
                0o700
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn dropping_a_folder_does_not_follow_a_link_out_of_it() {
        let root = scratch();
        let outside = root.path().join("outside");
        fs::create_dir(&outside).unwrap();
        fs::write(outside.join("keep.txt"), "mine").unwrap();
        let temp = TempDir::new_in(root.path(), ".t-").unwrap();
        std::os::unix::fs::symlink(&outside, temp.path().join("link")).unwrap();
        drop(temp);
        assert_eq!(
            fs::read_to_string(outside.join("keep.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn a_file_is_persisted_by_rename_or_removed_on_drop() {
        let root = scratch();
        let mut file = TempFile::new_in(root.path(), ".f-").unwrap();
        io::Write::write_all(file.file.as_mut().unwrap(), b"content").unwrap();
        let target = root.path().join("target.txt");
        fs::write(&target, "old").unwrap();
        file.persist(&target).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "content");

        let dropped = TempFile::new_in(root.path(), ".f-").unwrap();
        let path = dropped.path().to_path_buf();
        assert!(path.is_file());
        drop(dropped);
        assert!(!path.exists());
        // Only the persisted file is left.
        assert_eq!(fs::read_dir(root.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_persist_leaves_the_target_alone_and_cleans_up() {
        let root = scratch();
        let file = TempFile::new_in(root.path(), ".f-").unwrap();
        let path = file.path().to_path_buf();
        // A non-empty folder cannot be replaced by a file.
        let target = root.path().join("folder");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), "x").unwrap();
        assert!(file.persist(&target).is_err());
        assert!(!path.exists());
        assert_eq!(fs::read_to_string(target.join("inside")).unwrap(), "x");
    }

    #[test]
    fn a_missing_parent_is_an_error_not_a_loop() {
        let root = scratch();
        let missing = root.path().join("missing");
        assert_eq!(
            TempDir::new_in(&missing, ".t-").unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        assert_eq!(
            TempFile::new_in(&missing, ".f-").unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }
}
