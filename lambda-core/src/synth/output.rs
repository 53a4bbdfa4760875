//! Writing the assembly's files on a second thread while the main thread renders them (or, for
//! small assemblies, where a thread costs more than it saves, on the main thread).
//!
//! Rendered text goes out in chunks of [`CHUNK`] bytes, so a large template never sits in memory
//! whole, and the buffers come back to be filled again: the pages they occupy are touched once.
//! The writer thread also takes each file's SHA-256 when asked (a template's hash names it in the
//! asset manifest). The tree is not `Send`; text is, so only text crosses.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

use super::writer::JsonWriter;
use crate::{Error, Result};

/// Size at which a chunk of rendered text is handed to the writer thread.
pub(crate) const CHUNK: usize = 256 * 1024;
/// Chunks in flight before rendering waits for the disk: bounds the memory in use.
const IN_FLIGHT: usize = 8;

enum Job {
    /// Start a file; the digest of its contents is reported under `key` if it is `Some`.
    Open {
        path: PathBuf,
        key: Option<usize>,
    },
    Chunk(String),
    Close,
}

/// What the writer thread reports when it is done: the digests asked for, or the first error.
type Outcome = std::result::Result<Vec<(usize, [u8; 32])>, (PathBuf, io::Error)>;

/// The writer thread and the two ends of its channels (none of them when writing inline).
pub(crate) struct FileWriter {
    jobs: Option<SyncSender<Job>>,
    recycled: Option<Receiver<String>>,
    thread: Option<JoinHandle<Outcome>>,
    /// Digests of files written on the calling thread.
    inline_digests: Vec<(usize, [u8; 32])>,
}

impl FileWriter {
    /// A writer with its own thread, or, without `threaded`, one that writes as it is given text.
    pub(crate) fn start(threaded: bool) -> Result<Self> {
        if !threaded {
            return Ok(FileWriter {
                jobs: None,
                recycled: None,
                thread: None,
                inline_digests: Vec::new(),
            });
        }
        let (jobs, job_rx) = mpsc::sync_channel::<Job>(IN_FLIGHT);
        let (recycle_tx, recycled) = mpsc::channel::<String>();
        let thread = std::thread::Builder::new()
            .name("lambda-cdk-writer".into())
            .spawn(move || run(job_rx, recycle_tx))
            .map_err(|e| Error::Synth(format!("cannot start the file writer thread: {e}")))?;
        Ok(FileWriter {
            jobs: Some(jobs),
            recycled: Some(recycled),
            thread: Some(thread),
            inline_digests: Vec::new(),
        })
    }

    /// Writes `path` from what `render` writes into a JSON writer with `indent`. With
    /// `digest_key`, the file's SHA-256 is reported under that key by [`finish`](Self::finish).
    pub(crate) fn json<T>(
        &mut self,
        path: &Path,
        indent: &'static str,
        digest_key: Option<usize>,
        render: impl FnOnce(&mut JsonWriter<'_>) -> Result<T>,
    ) -> Result<T> {
        let Some(recycled) = &self.recycled else {
            let mut sha = digest_key.map(|_| Sha256::new());
            let value = write_json_file(
                path,
                indent,
                |w| render(w),
                |text| {
                    if let Some(sha) = &mut sha {
                        sha.update(text.as_bytes());
                    }
                },
            )?;
            if let (Some(key), Some(sha)) = (digest_key, sha) {
                self.inline_digests.push((key, sha.finalize().into()));
            }
            return Ok(value);
        };
        self.send(Job::Open {
            path: path.to_path_buf(),
            key: digest_key,
        });
        let mut failed = false;
        let jobs = self.jobs.as_ref();
        let mut sink = |full: String| -> String {
            if !failed && jobs.is_some_and(|j| j.send(Job::Chunk(full)).is_ok()) {
                return recycled
                    .try_recv()
                    .unwrap_or_else(|_| String::with_capacity(CHUNK + CHUNK / 4));
            }
            // The thread has stopped (an I/O error it reports at the end): stop sending.
            failed = true;
            String::new()
        };
        let mut w = JsonWriter::with_sink(indent, &mut sink);
        let value = render(&mut w)?;
        w.finish();
        self.send(Job::Close);
        Ok(value)
    }

    fn send(&self, job: Job) {
        // A closed channel means the thread stopped on an error; `finish` reports it.
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    /// Waits for every file to be written; the digests asked for, by key.
    pub(crate) fn finish(mut self) -> Result<Vec<(usize, [u8; 32])>> {
        self.jobs = None;
        let Some(thread) = self.thread.take() else {
            return Ok(std::mem::take(&mut self.inline_digests));
        };
        match thread.join() {
            Ok(Ok(digests)) => Ok(digests),
            Ok(Err((path, e))) => Err(Error::io(path, e)),
            Err(_) => Err(Error::Synth("the file writer thread panicked".into())),
        }
    }
}

impl Drop for FileWriter {
    /// On an error path: let the thread finish before the staging folder is removed.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The file being written, and its digest when one was asked for.
type OpenFile = (PathBuf, File, Option<(usize, Sha256)>);

fn run(jobs: Receiver<Job>, recycle: Sender<String>) -> Outcome {
    let mut digests = Vec::new();
    let mut current: Option<OpenFile> = None;
    for job in jobs {
        match job {
            Job::Open { path, key } => {
                let file = File::create(&path).map_err(|e| (path.clone(), e))?;
                current = Some((path, file, key.map(|k| (k, Sha256::new()))));
            }
            Job::Chunk(mut text) => {
                if let Some((path, file, digest)) = &mut current {
                    file.write_all(text.as_bytes())
                        .map_err(|e| (path.clone(), e))?;
                    if let Some((_, sha)) = digest {
                        sha.update(text.as_bytes());
                    }
                }
                text.clear();
                let _ = recycle.send(text);
            }
            Job::Close => {
                if let Some((_, _, Some((key, sha)))) = current.take() {
                    digests.push((key, sha.finalize().into()));
                }
            }
        }
    }
    Ok(digests)
}

/// Writes `path` from what `render` writes into a JSON writer with `indent`, on this thread,
/// through one reused buffer; `also` sees the text as it goes out.
pub(crate) fn write_json_file<T>(
    path: &Path,
    indent: &'static str,
    render: impl FnOnce(&mut JsonWriter<'_>) -> Result<T>,
    mut also: impl FnMut(&str),
) -> Result<T> {
    let mut file = File::create(path).map_err(|e| Error::io(path, e))?;
    let mut failed: Option<io::Error> = None;
    let mut sink = |mut full: String| -> String {
        if failed.is_none() {
            if let Err(e) = file.write_all(full.as_bytes()) {
                failed = Some(e);
            }
            also(&full);
        }
        full.clear();
        full
    };
    let mut w = JsonWriter::with_sink(indent, &mut sink);
    let value = render(&mut w)?;
    w.finish();
    match failed {
        Some(e) => Err(Error::io(path, e)),
        None => Ok(value),
    }
}
