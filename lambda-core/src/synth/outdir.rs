//! Writing the cloud assembly into the outdir in place, without touching what this library did
//! not write, so that an interrupted run never leaves a broken assembly.
//!
//! - The outdir is used as it is: created if missing, written *through* if it is a symlink, refused
//!   with aws-cdk-lib's message (`<outdir> must be a directory`) if it is something else. Nothing
//!   is created or renamed next to it, so a mount point or a read-only parent is fine.
//! - It is locked for writing ([`super::lock`]): the CDK CLI's readers are waited for, and two
//!   syntheses never interleave.
//! - New files are written into a temporary folder inside the outdir (`.lambda-cdk-tmp-*`), then
//!   renamed one by one into place: staged assets first, `manifest.json` last. Until that last
//!   rename a reader sees the previous `manifest.json`, and every file it names is still there
//!   whole (each rename replaces a file atomically; an `asset.*` folder is exchanged atomically).
//! - Only then are the previous assembly's files that the new one no longer has removed: the
//!   files its `manifest.json` and asset manifests name, and the `asset.*` folders they name.
//!   Any other file in the outdir is left alone.
//! - A temporary folder left by a killed run is removed by the next run (under the lock).

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use serde_json::Value as Json;

use super::lock::WriterLock;
use crate::{Error, Result};

use crate::assets::TEMP_PREFIX;
use crate::temp::TempDir;
/// In the temporary folder: the entries a commit brings in and those it drops (a JSON array).
const STALE_LIST: &str = ".lambda-cdk-tmp-stale.json";

/// The outdir being written: locked, with the temporary folder the new files go to.
pub(crate) struct Outdir {
    path: PathBuf,
    temp: PathBuf,
    /// Names (in the outdir) of the files and `asset.*` folders of the previous assembly.
    previous: BTreeSet<OsString>,
    /// Entries of the previous assembly that the new one keeps as they are (whole assets).
    kept: BTreeSet<OsString>,
    committed: bool,
    /// Whether this run created the outdir (a failed run then removes it again, if empty).
    created: bool,
    /// Released by `Drop::drop` once the temporary folder is gone.
    lock: Option<WriterLock>,
}

impl Outdir {
    /// Opens (creating it if missing) and locks `path` for writing, and reclaims what an
    /// interrupted run left there.
    pub(crate) fn open(path: &Path) -> Result<Self> {
        let mut created = false;
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(Error::Synth(format!(
                    "{} must be a directory",
                    path.display()
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
                created = true;
            }
            Err(e) => return Err(Error::io(path, e)),
        }
        let lock = WriterLock::acquire(path)?;
        reclaim_leftovers(path)?;
        let previous = previous_assembly(path);
        let temp = TempDir::new_in(path, TEMP_PREFIX)
            .map_err(|e| Error::io(path, e))?
            .keep();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&temp, fs::Permissions::from_mode(0o755))
                .map_err(|e| Error::io(&temp, e))?;
        }
        Ok(Outdir {
            path: path.to_path_buf(),
            temp,
            previous,
            kept: BTreeSet::new(),
            committed: false,
            created,
            lock: Some(lock),
        })
    }

    /// Where the new assembly's files are written before [`commit`](Self::commit).
    pub(crate) fn temp(&self) -> &Path {
        &self.temp
    }

    /// The outdir itself (holding the previous assembly until the commit).
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Marks the outdir's entry `name` (a whole asset of the previous assembly) as part of the
    /// new assembly, as it is.
    pub(crate) fn keep(&mut self, name: &str) {
        self.kept.insert(OsString::from(name));
    }

    /// Renames every new file into place (`manifest.json` last), then removes what the
    /// previous assembly had and the new one does not.
    pub(crate) fn commit(mut self) -> Result<()> {
        let mut names = Vec::new();
        for entry in fs::read_dir(&self.temp).map_err(|e| Error::io(&self.temp, e))? {
            let entry = entry.map_err(|e| Error::io(&self.temp, e))?;
            names.push(entry.file_name());
        }
        let stale: Vec<&OsString> = {
            let current: BTreeSet<&OsString> = names.iter().chain(&self.kept).collect();
            self.previous
                .iter()
                .filter(|n| !current.contains(n))
                .collect()
        };
        // Should this run be killed while it renames, the next one knows what to remove (see
        // `reclaim_leftovers`): what it brought in if its manifest.json never got in place, what
        // the previous assembly had if it did.
        let list: Vec<String> = stale
            .iter()
            .copied()
            .chain(&names)
            .filter_map(|n| n.to_str().map(str::to_string))
            .collect();
        let list_path = self.temp.join(STALE_LIST);
        fs::write(&list_path, Json::from(list).to_string())
            .map_err(|e| Error::io(&list_path, e))?;
        // Assets first (nothing names them yet), manifest.json last (it names everything).
        names.retain(|n| !n.as_encoded_bytes().starts_with(TEMP_PREFIX.as_bytes()));
        names.sort_by_key(|n| {
            let rank = if n.as_encoded_bytes().starts_with(b"asset.") {
                0
            } else if n == "manifest.json" {
                2
            } else {
                1
            };
            (rank, n.clone())
        });
        for name in &names {
            self.move_into_place(name)?;
        }
        for name in stale {
            remove_stale(&self.path, name)?;
        }
        self.committed = true;
        fs::remove_dir_all(&self.temp).map_err(|e| Error::io(&self.temp, e))
    }

    /// Renames `temp/name` to `outdir/name`. A folder replaces an existing one by an atomic
    /// exchange where the system has it, so the name never goes missing.
    fn move_into_place(&self, name: &OsStr) -> Result<()> {
        let from = self.temp.join(name);
        let to = self.path.join(name);
        let from_is_dir = fs::symlink_metadata(&from).is_ok_and(|m| m.is_dir());
        let existing = fs::symlink_metadata(&to).ok();
        match existing {
            Some(m) if from_is_dir && m.is_dir() => {
                if !exchange(&from, &to).map_err(|e| Error::io(&to, e))? {
                    let aside = self.temp.join(format!("{TEMP_PREFIX}old"));
                    fs::rename(&to, &aside).map_err(|e| Error::io(&to, e))?;
                    fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
                    return fs::remove_dir_all(&aside).map_err(|e| Error::io(aside, e));
                }
                // The old folder is now at `from`.
                fs::remove_dir_all(&from).map_err(|e| Error::io(from, e))
            }
            Some(m) if from_is_dir && !m.is_dir() => {
                fs::remove_file(&to).map_err(|e| Error::io(&to, e))?;
                fs::rename(&from, &to).map_err(|e| Error::io(to, e))
            }
            _ => fs::rename(&from, &to).map_err(|e| Error::io(to, e)),
        }
    }
}

impl Drop for Outdir {
    /// A synthesis that failed leaves the previous assembly as it was.
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.temp);
        }
        drop(self.lock.take());
        if !self.committed && self.created {
            // Only if empty: nothing but what this run made.
            let _ = fs::remove_dir(&self.path);
        }
    }
}

/// Exchanges two paths atomically (`renameat2(RENAME_EXCHANGE)`); false if the system or file
/// system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two valid NUL-terminated paths, resolved against the current directory.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Removes the temporary files and folders of runs that were interrupted (the caller holds the
/// writer lock, so no other synthesis is using them; a folder another process holds locked is
/// left alone).
fn reclaim_leftovers(outdir: &Path) -> Result<()> {
    for entry in fs::read_dir(outdir).map_err(|e| Error::io(outdir, e))? {
        let entry = entry.map_err(|e| Error::io(outdir, e))?;
        if !entry
            .file_name()
            .as_encoded_bytes()
            .starts_with(TEMP_PREFIX.as_bytes())
        {
            continue;
        }
        let path = entry.path();
        // A folder of a live process (an asset staged while it was hashed) is not a leftover;
        // the lock taken here is held while the folder is removed.
        let _claimed = match crate::assets::claim_leftover(&path) {
            crate::assets::Leftover::InUse => continue,
            crate::assets::Leftover::Free(lock) => lock,
        };
        // A run killed while it renamed: remove what it listed and the current manifest (that
        // run's, or the one before) does not name.
        if let Some(list) = read_json(&path.join(STALE_LIST)) {
            let current = previous_assembly(outdir);
            let names = list.as_array().cloned().unwrap_or_default();
            for name in names.iter().filter_map(Json::as_str) {
                let name = OsString::from(name);
                if is_plain_name(&name.to_string_lossy()) && !current.contains(&name) {
                    remove_stale(outdir, &name)?;
                }
            }
        }
        let result = match entry.file_type() {
            Ok(t) if t.is_dir() => fs::remove_dir_all(&path),
            _ => fs::remove_file(&path),
        };
        match result {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(Error::io(path, e)),
            _ => {}
        }
    }
    Ok(())
}

/// Removes `outdir/name`, an entry of a previous assembly: a file, or an `asset.*` folder
/// (another folder is left alone).
fn remove_stale(outdir: &Path, name: &OsStr) -> Result<()> {
    let path = outdir.join(name);
    let result = match fs::symlink_metadata(&path) {
        Ok(m) if m.is_dir() => {
            if name.as_encoded_bytes().starts_with(b"asset.") {
                fs::remove_dir_all(&path)
            } else {
                Ok(())
            }
        }
        Ok(_) => fs::remove_file(&path),
        Err(_) => Ok(()),
    };
    match result {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

/// The names of the files (and `asset.*` folders) the assembly in `outdir` consists of, as its
/// `manifest.json` and asset manifests name them; empty if there is no readable manifest.
/// Only plain names inside the outdir count: a manifest cannot make us remove anything else.
fn previous_assembly(outdir: &Path) -> BTreeSet<OsString> {
    let mut names = BTreeSet::new();
    let Some(manifest) = read_json(&outdir.join("manifest.json")) else {
        return names;
    };
    names.insert(OsString::from("manifest.json"));
    names.insert(OsString::from("cdk.out"));
    let add = |names: &mut BTreeSet<OsString>, value: Option<&Json>| {
        if let Some(name) = value.and_then(Json::as_str).filter(|n| is_plain_name(n)) {
            names.insert(OsString::from(name));
        }
    };
    let artifacts = manifest.get("artifacts").and_then(Json::as_object);
    for artifact in artifacts.into_iter().flat_map(|a| a.values()) {
        let properties = artifact.get("properties");
        add(&mut names, properties.and_then(|p| p.get("templateFile")));
        add(&mut names, artifact.get("additionalMetadataFile"));
        let file = properties.and_then(|p| p.get("file"));
        add(&mut names, file);
        if artifact.get("type").and_then(Json::as_str) != Some("cdk:asset-manifest") {
            continue;
        }
        let Some(assets) = file
            .and_then(Json::as_str)
            .filter(|n| is_plain_name(n))
            .and_then(|n| read_json(&outdir.join(n)))
        else {
            continue;
        };
        for kind in ["files", "dockerImages"] {
            let entries = assets.get(kind).and_then(Json::as_object);
            for asset in entries.into_iter().flat_map(|e| e.values()) {
                let source = asset.get("source");
                add(&mut names, source.and_then(|s| s.get("path")));
                add(&mut names, source.and_then(|s| s.get("directory")));
            }
        }
    }
    names
}

fn read_json(path: &Path) -> Option<Json> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

/// A single normal path component (no separator, not `.` or `..`).
fn is_plain_name(name: &str) -> bool {
    let mut components = Path::new(name).components();
    matches!(
        (components.next(), components.next()),
        (Some(Component::Normal(_)), None)
    ) && !name.contains('/')
        && !name.contains('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_are_taken_from_a_manifest() {
        assert!(is_plain_name("S.template.json"));
        assert!(is_plain_name("asset.abc"));
        for bad in ["", ".", "..", "../x", "/etc/passwd", "a/b", "a\\b"] {
            assert!(!is_plain_name(bad), "{bad}");
        }
    }
}
