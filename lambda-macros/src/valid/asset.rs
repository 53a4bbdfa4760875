//! `code = asset("path")`: the folder exists (relative to the crate's Cargo.toml) and
//! holds the file the handler names.
//!
//! Cargo does not know the macro read these files: a later change on disk is seen at the
//! next expansion, not necessarily at the next build.

use std::path::{Path, PathBuf};

use crate::attr::{Code, FunctionAttrs};
use crate::ctxt::Ctxt;

/// Archives Lambda takes as they are (aws-cdk-lib's `AssetMustBeZipFile` rule).
const ARCHIVE_EXTENSIONS: &[&str] = &["zip", "jar"];

pub fn check(cx: &Ctxt, attrs: &FunctionAttrs) {
    let Some(Code::Asset { path, .. }) = attrs.code.as_ref().map(|c| &c.value) else {
        return;
    };
    // Only a build run by Cargo has a crate folder to look in.
    let Some(root) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        return;
    };
    let written = path.value();
    let resolved = root.join(&written);
    if !resolved.exists() {
        let hint = match sibling_suggestion(&resolved, &written) {
            Some(close) => format!("; did you mean `{close}`?"),
            None => String::new(),
        };
        cx.error_spanned_by(
            path,
            format!("asset `{written}` does not exist (asset paths are relative to the crate's Cargo.toml folder){hint}"),
        );
        return;
    }
    if resolved.is_file() {
        let archive = resolved
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARCHIVE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if !archive {
            cx.error_spanned_by(
                path,
                format!("Asset must be a .zip file or a directory (`{written}`); point `asset(..)` at the handler's folder"),
            );
        }
        return;
    }
    handler_file(cx, attrs, &resolved, &written);
}

fn handler_file(cx: &Ctxt, attrs: &FunctionAttrs, folder: &Path, written: &str) {
    let (Some(runtime), Some(handler)) = (&attrs.runtime, &attrs.handler) else {
        return;
    };
    let Some(candidates) = lambda_spec::handler_source_candidates(runtime.value, &handler.value)
    else {
        return;
    };
    if candidates.iter().any(|file| folder.join(file).is_file()) {
        return;
    }
    let files: Vec<String> = candidates.iter().map(|f| format!("`{f}`")).collect();
    let files = match files.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => files.join(""),
    };
    cx.error_spanned_by(
        handler,
        format!(
            "handler `{}` needs {files} in the asset folder `{written}`, and there is none",
            handler.value
        ),
    );
}

/// The closest existing name next to a missing path, written as the user wrote the path.
fn sibling_suggestion(resolved: &Path, written: &str) -> Option<String> {
    let missing = resolved.file_name()?.to_str()?;
    let entries = std::fs::read_dir(resolved.parent()?).ok()?;
    let names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let mut sorted = names;
    sorted.sort();
    let close = lambda_spec::closest(missing, sorted.iter().map(String::as_str))?;
    match written.trim_end_matches('/').strip_suffix(missing) {
        Some(prefix) => Some(format!("{prefix}{close}")),
        None => Some(close.to_owned()),
    }
}
