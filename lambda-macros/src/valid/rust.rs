//! `code = rust("dir", binary = "name")`: the folder exists (relative to the crate's
//! Cargo.toml), holds a Cargo package, and the binary exists (named when there are several).
//!
//! As for assets, Cargo does not know the macro read these files: a later change on disk is
//! seen at the next expansion.

use std::path::{Path, PathBuf};

use crate::attr::{Code, FunctionAttrs};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, attrs: &FunctionAttrs) {
    let Some(Code::Rust { path, binary }) = attrs.code.as_ref().map(|c| &c.value) else {
        return;
    };
    let Some(root) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        return;
    };
    let written = path.value();
    let folder = root.join(&written);
    if !folder.is_dir() {
        cx.error_spanned_by(
            path,
            format!("Rust handler folder `{written}` does not exist (paths are relative to the crate's Cargo.toml folder)"),
        );
        return;
    }
    let Ok(manifest) = std::fs::read_to_string(folder.join("Cargo.toml")) else {
        cx.error_spanned_by(
            path,
            format!("`{written}` holds no Cargo package (no Cargo.toml)"),
        );
        return;
    };
    let binaries = binaries(&manifest, &folder);
    match binary {
        Some(b) if !binaries.contains(&b.value()) => cx.error_spanned_by(
            b,
            format!(
                "the package in `{written}` has no binary `{}`; its binaries: {}",
                b.value(),
                list(&binaries)
            ),
        ),
        Some(_) => {}
        None if binaries.is_empty() => cx.error_spanned_by(
            path,
            format!("the package in `{written}` has no binary (no src/main.rs, src/bin/*.rs or [[bin]])"),
        ),
        None if binaries.len() > 1 => cx.error_spanned_by(
            path,
            format!(
                "the package in `{written}` has several binaries ({}): name one with `binary = \"{}\"`",
                list(&binaries),
                binaries[0]
            ),
        ),
        None => {}
    }
}

fn list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The package's binaries: `[[bin]]` names, the package name for `src/main.rs`, and
/// `src/bin/*.rs` (a line scan of the manifest, enough for the usual forms).
fn binaries(manifest: &str, folder: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut section = String::new();
    let mut package_name = None;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            section = line.to_string();
            continue;
        }
        let Some(value) = line
            .strip_prefix("name")
            .and_then(|v| v.trim_start().strip_prefix('='))
        else {
            continue;
        };
        let value = value.trim().trim_matches('"').to_string();
        if section == "[[bin]]" {
            out.push(value);
        } else if section == "[package]" {
            package_name = Some(value);
        }
    }
    if folder.join("src/main.rs").is_file() {
        if let Some(name) = package_name {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(folder.join("src/bin")) {
        let mut names: Vec<String> = entries
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".rs").map(str::to_owned)
            })
            .collect();
        names.sort();
        for name in names {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}
