//! The writer lock a synthesis holds on its outdir, compatible with the CDK CLI's read/write lock.
//!
//! The CLI (`@aws-cdk/toolkit-lib`, `RWLock`) marks a writer with `synth.lock` and each reader with
//! `read.<pid>.<n>.lock` in the outdir, each file holding the owner's PID; a file whose PID is no
//! longer a running process is stale and deleted. A writer needs no other writer and no reader.
//! While the CLI runs the app (`cdk synth`), the CLI itself holds `synth.lock`: a lock held by an
//! ancestor process is held on our behalf.
//!
//! The CLI's own protocol is check-then-write, so two processes may both pass it at once. Two
//! syntheses of this library also take an exclusive `flock` on the outdir directory itself
//! (released by the kernel when the process dies, so a killed run never blocks the next one), and
//! only then follow the CLI's protocol: they never interleave.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::assets::log;
use crate::{Error, Result};

/// The CLI's writer lock file.
pub(crate) const SYNTH_LOCK: &str = "synth.lock";
/// How long a writer waits for the CLI's readers and writers before giving up.
const WAIT_AT_MOST: Duration = Duration::from_secs(600);
/// How often the lock files are looked at again while waiting.
const POLL: Duration = Duration::from_millis(50);

/// The outdir locked for writing; released (files removed, `flock` dropped) on drop.
pub(crate) struct WriterLock {
    /// The directory handle holding the `flock`.
    _dir: File,
    /// `synth.lock` when we wrote it (not when an ancestor, the CLI, holds it for us).
    written: Option<PathBuf>,
}

impl WriterLock {
    /// Locks the directory `outdir` (which exists) for writing: waits for other syntheses of this
    /// library, then for the CLI's readers and other writers to finish.
    pub(crate) fn acquire(outdir: &Path) -> Result<Self> {
        let dir = File::open(outdir).map_err(|e| Error::io(outdir, e))?;
        dir.lock().map_err(|e| Error::io(outdir, e))?;
        let writer = outdir.join(SYNTH_LOCK);
        let start = Instant::now();
        let mut told = false;
        loop {
            let mut others = Vec::new();
            let mut held_for_us = false;
            for (path, pid) in lock_files(outdir)? {
                if pid == std::process::id() || !process_exists(pid) {
                    // Stale (the CLI deletes these too); ours from an earlier synth() of this
                    // process were released already.
                    remove_if_exists(&path)?;
                } else if is_ancestor(pid) {
                    held_for_us |= path == writer;
                } else {
                    others.push(pid);
                }
            }
            if others.is_empty() {
                let written = if held_for_us {
                    None
                } else {
                    write_atomically(&writer, &std::process::id().to_string())?;
                    Some(writer)
                };
                return Ok(WriterLock { _dir: dir, written });
            }
            if start.elapsed() > WAIT_AT_MOST {
                return Err(Error::Synth(format!(
                    "other CDK processes (PID {}) hold a lock on {} (synth.lock / read.*.lock); \
                     run them in sequence, or synthesize into another directory",
                    others
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    outdir.display()
                )));
            }
            if !told {
                log::debug(format_args!(
                    "waiting for CDK processes {others:?} to release {}",
                    outdir.display()
                ));
                told = true;
            }
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        if let Some(path) = self.written.take() {
            let _ = fs::remove_file(path);
        }
    }
}

/// `synth.lock` and `read.<pid>.<n>.lock` files in `dir`, with the PID each holds.
fn lock_files(dir: &Path) -> Result<Vec<(PathBuf, u32)>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let pid = if name == SYNTH_LOCK {
            match fs::read_to_string(entry.path()) {
                Ok(text) => leading_number(&text),
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io(entry.path(), e)),
            }
        } else if let Some(rest) = name
            .strip_prefix("read.")
            .and_then(|r| r.strip_suffix(".lock"))
        {
            // The CLI's pattern: read.<pid>.<n>.lock, the PID being what parseInt makes of it.
            match rest.split_once('.') {
                Some((pid, n)) if !pid.is_empty() && !n.is_empty() && !n.contains('.') => {
                    leading_number(pid)
                }
                _ => continue,
            }
        } else {
            continue;
        };
        // parseInt of something that is not a number: NaN, no such process, stale.
        found.push((entry.path(), pid.unwrap_or(0)));
    }
    Ok(found)
}

/// JavaScript's `parseInt(text, 10)` for the positive PIDs lock files hold.
fn leading_number(text: &str) -> Option<u32> {
    let digits: String = text
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Whether a process `pid` runs (the CLI's `process.kill(pid, 0)` test).
fn process_exists(pid: u32) -> bool {
    if pid == 0 {
        return false;
    }
    #[cfg(target_os = "linux")]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        std::process::Command::new("kill")
            .args(["-0", &pid.to_string()])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }
}

/// Whether `pid` is this process's parent, grandparent, ... (the CLI that runs the app).
fn is_ancestor(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let mut current = std::os::unix::process::parent_id();
        for _ in 0..64 {
            if current == pid {
                return true;
            }
            if current <= 1 {
                return false;
            }
            match parent_of(current) {
                Some(parent) => current = parent,
                None => return false,
            }
        }
        false
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// The parent of process `pid`, from `/proc/<pid>/stat` (field 4, after the command in parens).
#[cfg(unix)]
fn parent_of(pid: u32) -> Option<u32> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_command = &stat[stat.rfind(')')? + 1..];
    after_command.split_whitespace().nth(1)?.parse().ok()
}

/// The CLI's `writeFileAtomic`: a temporary sibling renamed into place.
fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let temp = PathBuf::from(format!(
        "{}.{}_lambda-cdk",
        path.display(),
        std::process::id()
    ));
    fs::write(&temp, text).map_err(|e| Error::io(&temp, e))?;
    fs::rename(&temp, path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        Error::io(path, e)
    })
}

fn remove_if_exists(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pids_as_the_cli_does() {
        assert_eq!(leading_number("123"), Some(123));
        assert_eq!(leading_number("42\n"), Some(42));
        assert_eq!(leading_number("x"), None);
    }

    #[test]
    fn stale_locks_are_removed_and_ours_released() {
        let dir = tempfile::tempdir().unwrap();
        // PID 0 is never a process: stale.
        fs::write(dir.path().join("read.0.1.lock"), "0").unwrap();
        fs::write(dir.path().join(SYNTH_LOCK), "0").unwrap();
        let lock = WriterLock::acquire(dir.path()).unwrap();
        assert!(!dir.path().join("read.0.1.lock").exists());
        assert_eq!(
            fs::read_to_string(dir.path().join(SYNTH_LOCK)).unwrap(),
            std::process::id().to_string()
        );
        drop(lock);
        assert!(!dir.path().join(SYNTH_LOCK).exists());
    }
}
