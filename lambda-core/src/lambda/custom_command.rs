//! `Code::from_custom_command`: code that a command of the user's builds at synthesis (a
//! compiler, a bundler), staged as a directory asset once the command succeeded.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::code::{AssetOptions, Code};
use crate::{Error, Result};

/// How the command runs, and how its output is staged (aws-cdk-lib's `CustomCommandOptions`).
#[derive(Clone, Debug, Default)]
pub struct CustomCommandOptions {
    /// The command's working directory; the current one when unset.
    pub cwd: Option<PathBuf>,
    /// Variables added to (or replacing) the inherited environment, in order.
    pub env: Vec<(String, String)>,
    /// Excludes of the staged output, and their mode.
    pub asset: AssetOptions,
}

impl Code {
    /// Runs `command` (program and arguments, no shell) now, then uses the folder `output` it
    /// wrote as an asset (aws-cdk-lib's `Code.fromCustomCommand`). A command that cannot start,
    /// or exits non-zero, fails with aws-cdk-lib's code and message (its exit status, stdout and
    /// stderr); an empty command fails as there.
    ///
    /// ```no_run
    /// use lambda_core::lambda::{Code, CustomCommandOptions};
    /// let code = Code::from_custom_command(
    ///     "build/handler",
    ///     &["npm", "run", "build"],
    ///     CustomCommandOptions::default(),
    /// )?;
    /// # let _ = code;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    pub fn from_custom_command(
        output: impl AsRef<Path>,
        command: &[&str],
        options: CustomCommandOptions,
    ) -> Result<Code> {
        let Some((program, args)) = command.split_first() else {
            return Err(Error::validation(
                "CommandMustContainArgument",
                "command must contain at least one argument. For example, [\"node\", \"buildFile.js\"].",
                "",
            ));
        };
        let mut cmd = Command::new(program);
        cmd.args(args);
        if let Some(dir) = &options.cwd {
            cmd.current_dir(dir);
        }
        for (key, value) in &options.env {
            cmd.env(key, value);
        }
        let out = cmd.output().map_err(|e| {
            Error::validation(
                "FailedToExecuteCustomCommand",
                format!("Failed to execute custom command: {program}: {e}"),
                "",
            )
        })?;
        if !out.status.success() {
            // aws-cdk-lib names the program only (its argument list was spliced off before).
            let status = out
                .status
                .code()
                .map_or_else(|| "null".to_owned(), |c| c.to_string());
            return Err(Error::validation(
                "CommandExitedWithNonZeroStatus",
                format!(
                    "{program} exited with status: {status}\n\nstdout: {}\n\nstderr: {}",
                    String::from_utf8_lossy(&out.stdout).trim(),
                    String::from_utf8_lossy(&out.stderr).trim(),
                ),
                "",
            ));
        }
        Ok(Code::from_asset_with(output, options.asset))
    }
}
