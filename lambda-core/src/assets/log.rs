//! The asset module's diagnostics on stderr: debug lines when `LAMBDA_CDK_LOG=debug` (or
//! `trace`), and a progress line on a terminal while a long fingerprint runs.
//!
//! Deliberately tiny (no `log`/`tracing` dependency): the module has two kinds of output and one
//! switch, read once per process.

use std::fmt;
use std::io::{IsTerminal, Write};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Whether `LAMBDA_CDK_LOG` asks for debug output (`debug` or `trace`, any case).
pub(crate) fn debug_enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| {
        std::env::var("LAMBDA_CDK_LOG").is_ok_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("debug") || v.contains("trace")
        })
    })
}

/// Writes one debug line (`lambda-cdk[debug] ...`) if debug output is on.
pub(crate) fn debug(args: fmt::Arguments<'_>) {
    if debug_enabled() {
        let _ = writeln!(std::io::stderr().lock(), "lambda-cdk[debug] {args}");
    }
}

/// Milliseconds with one decimal, for log lines.
pub(crate) fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// A progress line for a long-running fingerprint: nothing for the first second, then at most
/// ten updates a second, and only when stderr is a terminal.
pub(crate) struct Progress<'a> {
    what: &'a str,
    total_files: usize,
    start: Instant,
    last: Option<Instant>,
    terminal: bool,
}

const QUIET_FOR: Duration = Duration::from_secs(1);
const EVERY: Duration = Duration::from_millis(100);

impl<'a> Progress<'a> {
    pub(crate) fn new(what: &'a str, total_files: usize) -> Self {
        Progress {
            what,
            total_files,
            start: Instant::now(),
            last: None,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Reports `files` done and `bytes` read so far (cheap when nothing is printed).
    pub(crate) fn update(&mut self, files: usize, bytes: u64) {
        if !self.terminal {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.start) < QUIET_FOR
            || self.last.is_some_and(|t| now.duration_since(t) < EVERY)
        {
            return;
        }
        self.last = Some(now);
        let _ = write!(
            std::io::stderr().lock(),
            "\r\x1b[Kfingerprinting {}: {files}/{} files, {:.0} MB",
            self.what,
            self.total_files,
            bytes as f64 / 1e6
        );
    }

    /// Ends the progress line (if one was shown) with the totals.
    pub(crate) fn finish(self, bytes: u64) {
        if self.last.is_some() {
            let _ = writeln!(
                std::io::stderr().lock(),
                "\r\x1b[Kfingerprinted {}: {} files, {:.0} MB in {:.1} s",
                self.what,
                self.total_files,
                bytes as f64 / 1e6,
                self.start.elapsed().as_secs_f64()
            );
        }
    }
}
