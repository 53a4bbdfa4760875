//! Rust handlers: hashed by their sources before anything is built, built with
//! `cargo lambda build` only when no `asset.<hash>` exists yet (in the outdir or in the
//! package's build cache, `<target>/lambda-cdk/<hash>/`).
//!
//! The hash covers what changes the binary: the package's `Cargo.toml`, `Cargo.lock`,
//! `build.rs`, `src/**` (and the same of each path dependency it compiles), never `target/`,
//! plus the binary name, profile, features, target triple, architecture, extra flags, build environment,
//! `rustc -vV` and the cargo-lambda version. A synthesis with nothing changed runs no cargo
//! process.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use lambda_spec::Architecture;
use sha2::{Digest, Sha256};

use crate::temp::TempDir;
use crate::{Error, Result};

/// The versions `./scripts/test.sh` installs; named in the error when cargo-lambda is missing.
pub(crate) const INSTALL_TOOLS: &str = "pip install cargo-lambda==1.9.2 ziglang==0.17.0";

/// How a Rust handler is built (see [`Code::from_rust`](super::Code::from_rust)).
#[derive(Clone, Debug, lambda_builder::Builder)]
#[builder(finish_fn = build)]
pub struct RustCode {
    /// The package folder or its `Cargo.toml` (a workspace member works too).
    #[builder(into)]
    pub manifest_path: PathBuf,
    /// The binary to build when the package has several (`cargo lambda build --bin`).
    #[builder(into)]
    pub binary_name: Option<String>,
    /// `X86_64` (default) or `Arm64` (`cargo lambda build --arm64`).
    #[builder(default = Architecture::X86_64)]
    pub architecture: Architecture,
    /// Cargo profile; `release` by default (`--release`), any other is passed as `--profile`.
    #[builder(into, default = "release".to_string())]
    pub profile: String,
    /// Cargo features to turn on.
    #[builder(default)]
    pub features: Vec<String>,
    /// A target triple other than the architecture's default (e.g. a musl target).
    #[builder(into)]
    pub target: Option<String>,
    /// More flags for `cargo lambda build`, appended as given.
    #[builder(default)]
    pub extra_args: Vec<String>,
    /// Environment variables of the build (part of the hash).
    #[builder(default)]
    pub build_environment: Vec<(String, String)>,
}

/// A located package: its manifest, folder, the binary and where builds are cached.
struct Package {
    manifest: PathBuf,
    dir: PathBuf,
    binary: String,
    target_dir: PathBuf,
}

impl RustCode {
    fn package(&self) -> Result<Package> {
        let given = &self.manifest_path;
        let manifest = if given.is_dir() {
            given.join("Cargo.toml")
        } else {
            given.clone()
        };
        let text = fs::read_to_string(&manifest).map_err(|e| {
            Error::Synth(format!(
                "Rust handler: no Cargo package at {} ({e})",
                given.display()
            ))
        })?;
        let manifest = fs::canonicalize(&manifest).map_err(|e| Error::Io {
            path: manifest.clone(),
            source: e,
        })?;
        let dir = manifest.parent().unwrap_or(Path::new(".")).to_path_buf();
        let binary = match &self.binary_name {
            Some(b) => b.clone(),
            None => package_name(&text).ok_or_else(|| {
                Error::Synth(format!(
                    "Rust handler: {} has no [package] name; set binary_name",
                    manifest.display()
                ))
            })?,
        };
        let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(d) => PathBuf::from(d),
            None => workspace_root(&dir).join("target"),
        };
        Ok(Package {
            manifest,
            dir,
            binary,
            target_dir,
        })
    }

    /// The asset hash, from sources and build settings, computed without building (runs
    /// `rustc -vV`, never cargo): what `asset.<hash>` and the S3 key will be named.
    ///
    /// # Errors
    /// When the package cannot be read or `rustc -vV` fails.
    pub fn asset_hash(&self) -> Result<String> {
        let package = self.package()?;
        self.hash_of(&package)
    }

    fn hash_of(&self, package: &Package) -> Result<String> {
        let mut h = Sha256::new();
        field(&mut h, "lambda-cdk rust asset v1");
        let lock = fs::read_to_string(workspace_root(&package.dir).join("Cargo.lock")).ok();
        let mut visited = Vec::new();
        hash_package(&mut h, &package.dir, "", lock.as_deref(), &mut visited)?;
        if let Some(lock) = &lock {
            field(&mut h, "Cargo.lock");
            field(&mut h, lock);
        }
        field(&mut h, format!("bin={}", package.binary));
        field(&mut h, format!("profile={}", self.profile));
        let mut features = self.features.clone();
        features.sort();
        field(&mut h, format!("features={}", features.join(",")));
        field(&mut h, format!("arch={}", self.architecture.as_str()));
        field(
            &mut h,
            format!("target={}", self.target.as_deref().unwrap_or("")),
        );
        field(&mut h, format!("args={}", self.extra_args.join("\0")));
        let mut env = self.build_environment.clone();
        env.sort();
        for (k, v) in env {
            field(&mut h, format!("env {k}={v}"));
        }
        field(&mut h, rustc_version(&package.dir)?);
        field(&mut h, cargo_lambda_version(&package.target_dir)?);
        Ok(hex(&h.finalize()))
    }

    /// A folder holding `bootstrap` for `hash`: the outdir's `asset.<hash>` or the build cache,
    /// building only when neither has it. Returns the folder.
    pub(crate) fn ensure_built(&self, hash: &str, outdir: &Path) -> Result<PathBuf> {
        let package = self.package()?;
        let cache = package.target_dir.join("lambda-cdk");
        let cached = cache.join(hash);
        if cached.join("bootstrap").is_file() {
            return Ok(cached);
        }
        let staged = outdir.join(format!("asset.{hash}")).join("bootstrap");
        if staged.is_file() {
            // The cache was cleaned but the assembly has it: copy it back, no build.
            place(&cache, hash, |dir| {
                fs::copy(&staged, dir.join("bootstrap")).map(|_| ())
            })?;
            return Ok(cached);
        }
        self.build(&package, &cache, hash)?;
        Ok(cached)
    }

    fn build(&self, package: &Package, cache: &Path, hash: &str) -> Result<()> {
        let cargo_lambda = find_on_path("cargo-lambda").ok_or_else(|| {
            Error::Synth(format!(
                "Rust handler {}: `cargo lambda` is not installed; run `{INSTALL_TOOLS}` (zig comes with ziglang)",
                package.binary
            ))
        })?;
        if self.architecture == Architecture::Arm64 && self.target.is_none() {
            check_target_installed(&package.dir, "aarch64-unknown-linux-gnu")?;
        }
        if let Some(t) = &self.target {
            check_target_installed(&package.dir, t)?;
        }
        fs::create_dir_all(cache).map_err(|e| Error::Io {
            path: cache.to_path_buf(),
            source: e,
        })?;
        let work = TempDir::new_in(cache, ".build-").map_err(|e| Error::Io {
            path: cache.to_path_buf(),
            source: e,
        })?;
        let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        cmd.arg("lambda").arg("build");
        if self.profile == "release" {
            cmd.arg("--release");
        } else {
            cmd.arg("--profile").arg(&self.profile);
        }
        cmd.arg("--manifest-path").arg(&package.manifest);
        cmd.arg("--bin").arg(&package.binary);
        if self.architecture == Architecture::Arm64 {
            cmd.arg("--arm64");
        }
        if let Some(t) = &self.target {
            cmd.arg("--target").arg(t);
        }
        if !self.features.is_empty() {
            cmd.arg("--features").arg(self.features.join(","));
        }
        cmd.arg("--lambda-dir").arg(work.path());
        cmd.args(&self.extra_args);
        cmd.env("PATH", build_path(&cargo_lambda));
        cmd.envs(self.build_environment.iter().map(|(k, v)| (k, v)));
        cmd.current_dir(&package.dir);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        eprintln!(
            "lambda-cdk: building Rust handler {} (asset {hash})",
            package.binary
        );
        let mut child = cmd.spawn().map_err(|e| {
            Error::Synth(format!(
                "Rust handler {}: cannot run `cargo lambda build` ({e}); run `{INSTALL_TOOLS}`",
                package.binary
            ))
        })?;
        let name = package.binary.clone();
        let out = child.stdout.take().map(|s| stream(s, name.clone()));
        let err = child.stderr.take().map(|s| stream(s, name.clone()));
        let status = child.wait().map_err(|e| Error::Synth(e.to_string()))?;
        let mut tail = Vec::new();
        for t in [out, err].into_iter().flatten() {
            tail.extend(t.join().unwrap_or_default());
        }
        if !status.success() {
            return Err(Error::Synth(format!(
                "Rust handler {}: `cargo lambda build` failed ({status}):\n{}",
                package.binary,
                tail.join("\n")
            )));
        }
        let built = work.path().join(&package.binary).join("bootstrap");
        if !built.is_file() {
            return Err(Error::Synth(format!(
                "Rust handler {}: `cargo lambda build` wrote no {}",
                package.binary,
                built.display()
            )));
        }
        place(cache, hash, |dir| fs::rename(&built, dir.join("bootstrap")))
    }
}

/// Prints a child's output lines prefixed with the crate's name; returns the last lines.
fn stream(pipe: impl Read + Send + 'static, name: String) -> std::thread::JoinHandle<Vec<String>> {
    std::thread::spawn(move || {
        let mut tail = std::collections::VecDeque::new();
        for line in BufReader::new(pipe).lines().map_while(|l| l.ok()) {
            eprintln!("[{name}] {line}");
            if tail.len() == 40 {
                tail.pop_front();
            }
            tail.push_back(line);
        }
        tail.into()
    })
}

/// Fills a new folder with `fill` and renames it to `cache/hash`, so a cache entry is whole.
fn place(cache: &Path, hash: &str, fill: impl FnOnce(&Path) -> std::io::Result<()>) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    fs::create_dir_all(cache).map_err(io(cache))?;
    let tmp = TempDir::new_in(cache, ".entry-").map_err(io(cache))?;
    fill(tmp.path()).map_err(io(tmp.path()))?;
    let kept = tmp.keep();
    let dest = cache.join(hash);
    if let Err(e) = fs::rename(&kept, &dest) {
        let _ = fs::remove_dir_all(&kept);
        if !dest.join("bootstrap").is_file() {
            return Err(Error::Io {
                path: dest,
                source: e,
            });
        }
    }
    Ok(())
}

fn field(h: &mut Sha256, bytes: impl AsRef<[u8]>) {
    let b = bytes.as_ref();
    h.update((b.len() as u64).to_le_bytes());
    h.update(b);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hashes a package's `Cargo.toml`, `build.rs` and `src/**` (names relative to `prefix`), then
/// each path dependency's. An `optional = true` path dependency that `lock` (the `Cargo.lock`)
/// does not list is not compiled (no enabled feature turns it on) and is left out: a handler
/// depending on lambda-cdk without `synth` is not rebuilt when lambda-core changes.
fn hash_package(
    h: &mut Sha256,
    dir: &Path,
    prefix: &str,
    lock: Option<&str>,
    visited: &mut Vec<PathBuf>,
) -> Result<()> {
    let canonical = fs::canonicalize(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    if visited.contains(&canonical) {
        return Ok(());
    }
    visited.push(canonical);
    let mut files = Vec::new();
    for name in ["Cargo.toml", "build.rs"] {
        if dir.join(name).is_file() {
            files.push(PathBuf::from(name));
        }
    }
    collect(dir, Path::new("src"), &mut files)?;
    files.sort();
    for rel in &files {
        let path = dir.join(rel);
        let bytes = fs::read(&path).map_err(|e| Error::Io { path, source: e })?;
        field(
            h,
            format!("{prefix}{}", rel.to_string_lossy().replace('\\', "/")),
        );
        field(h, bytes);
    }
    let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
    let mut deps = path_dependencies(&manifest);
    deps.sort();
    for dep in deps {
        let dep_dir = dir.join(&dep.path);
        let Ok(dep_manifest) = fs::read_to_string(dep_dir.join("Cargo.toml")) else {
            continue;
        };
        if dep.optional && !locked(lock, package_name(&dep_manifest).as_deref()) {
            continue;
        }
        let prefix = format!("{prefix}{}/", dep.path);
        hash_package(h, &dep_dir, &prefix, lock, visited)?;
    }
    Ok(())
}

fn collect(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let dir = root.join(rel);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Error::Io {
                path: dir,
                source: e,
            })
        }
    };
    for entry in entries {
        let entry = entry.map_err(|e| Error::Io {
            path: dir.clone(),
            source: e,
        })?;
        let rel = rel.join(entry.file_name());
        let kind = entry.file_type().map_err(|e| Error::Io {
            path: dir.clone(),
            source: e,
        })?;
        if kind.is_dir() {
            collect(root, &rel, out)?;
        } else if root.join(&rel).is_file() {
            out.push(rel);
        }
    }
    Ok(())
}

/// Whether `Cargo.lock` lists the package `name`; without a lock (or a name), assume it does.
fn locked(lock: Option<&str>, name: Option<&str>) -> bool {
    match (lock, name) {
        (Some(lock), Some(name)) => lock.contains(&format!("\nname = \"{name}\"\n")),
        _ => true,
    }
}

/// A path dependency of a manifest.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PathDependency {
    path: String,
    /// `optional = true` on the dependency's line (the inline-table form; the
    /// `[dependencies.x]` form counts as not optional, which only hashes more).
    optional: bool,
}

/// `path = "..."` values of a manifest's dependency tables (a line scan: enough for the
/// `name = { path = "../x" }` and `[dependencies.x] path = ".."` forms).
fn path_dependencies(manifest: &str) -> Vec<PathDependency> {
    let mut out = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line.contains("dependencies");
        }
        if !in_deps {
            continue;
        }
        let optional = line.replace(' ', "").contains("optional=true");
        let mut rest = line;
        while let Some(i) = rest.find("path") {
            rest = &rest[i + 4..];
            let after = rest.trim_start();
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                if let Some(v) = v.strip_prefix('"') {
                    if let Some(end) = v.find('"') {
                        out.push(PathDependency {
                            path: v[..end].to_string(),
                            optional,
                        });
                    }
                }
            }
        }
    }
    out
}

fn package_name(manifest: &str) -> Option<String> {
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
            continue;
        }
        if in_package {
            if let Some(v) = line.strip_prefix("name") {
                let v = v.trim_start().strip_prefix('=')?.trim();
                return Some(v.trim_matches('"').to_string());
            }
        }
    }
    None
}

/// The nearest folder from `dir` up holding a `Cargo.lock` (the workspace root), else `dir`.
fn workspace_root(dir: &Path) -> PathBuf {
    let mut d = Some(dir);
    while let Some(p) = d {
        if p.join("Cargo.lock").is_file() {
            return p.to_path_buf();
        }
        d = p.parent();
    }
    dir.to_path_buf()
}

fn rustc_version(dir: &Path) -> Result<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc)
        .arg("-vV")
        .current_dir(dir)
        .output()
        .map_err(|e| Error::Synth(format!("Rust handler: cannot run `rustc -vV` ({e})")))?;
    if !out.status.success() {
        return Err(Error::Synth(format!(
            "Rust handler: `rustc -vV` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `name` on `PATH`, else in `./.venv/bin` (where `./scripts/test.sh` installs cargo-lambda).
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(std::iter::once(PathBuf::from(".venv/bin")))
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .and_then(|p| std::path::absolute(p).ok())
}

/// `PATH` for the build: the folder of the cargo-lambda found (zig's launcher sits next to it)
/// first, so a tool found in `./.venv/bin` is found by cargo too.
fn build_path(cargo_lambda: &Path) -> std::ffi::OsString {
    let mut dirs: Vec<PathBuf> = cargo_lambda
        .parent()
        .map(Path::to_path_buf)
        .into_iter()
        .collect();
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap_or_default()
}

/// cargo-lambda's version, remembered in the cache by the binary's path, size and time, so an
/// unchanged synthesis does not start it.
fn cargo_lambda_version(target_dir: &Path) -> Result<String> {
    let Some(bin) = find_on_path("cargo-lambda") else {
        return Ok("cargo-lambda: none".into());
    };
    let meta = fs::metadata(&bin).map_err(|e| Error::Io {
        path: bin.clone(),
        source: e,
    })?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let key = format!("{}\t{}\t{mtime}\t", bin.display(), meta.len());
    let memo = target_dir.join("lambda-cdk").join("cargo-lambda-version");
    if let Ok(text) = fs::read_to_string(&memo) {
        if let Some(v) = text.strip_prefix(&key) {
            return Ok(v.to_string());
        }
    }
    let out = Command::new(&bin)
        .args(["lambda", "--version"])
        .output()
        .map_err(|e| Error::Synth(format!("Rust handler: cannot run cargo-lambda ({e})")))?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if let Some(parent) = memo.parent() {
        let _ = fs::create_dir_all(parent);
        let _ = fs::write(&memo, format!("{key}{version}"));
    }
    Ok(version)
}

/// The standard library of `target` must be installed for cargo-lambda to build for it.
fn check_target_installed(dir: &Path, target: &str) -> Result<()> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc)
        .args(["--print", "sysroot"])
        .current_dir(dir)
        .output()
        .map_err(|e| Error::Synth(format!("Rust handler: cannot run rustc ({e})")))?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if sysroot.join("lib/rustlib").join(target).is_dir() {
        return Ok(());
    }
    Err(Error::Synth(format!(
        "Rust handler: the standard library for {target} is not installed; run `rustup target add {target}`"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_dependencies_are_found_in_dependency_tables_only() {
        let manifest = "[package]\nname = \"x\"\n[[bin]]\npath = \"src/main.rs\"\n[dependencies]\nshared = { path = \"../shared\", version = \"1\" }\nserde = \"1\"\n[dependencies.other]\npath = \"../other\"\n";
        let paths: Vec<String> = path_dependencies(manifest)
            .into_iter()
            .map(|d| d.path)
            .collect();
        assert_eq!(paths, vec!["../shared", "../other"]);
        assert_eq!(package_name(manifest).as_deref(), Some("x"));
    }

    #[test]
    fn optional_path_dependencies_count_only_when_locked() {
        let manifest = "[dependencies]\nengine = { path = \"engine\", optional = true }\nmacros = { path = \"macros\" }\n";
        assert_eq!(
            path_dependencies(manifest),
            vec![
                PathDependency {
                    path: "engine".into(),
                    optional: true
                },
                PathDependency {
                    path: "macros".into(),
                    optional: false
                },
            ]
        );
        let lock = "version = 4\n\n[[package]]\nname = \"macros\"\nversion = \"0.1.0\"\n";
        assert!(!locked(Some(lock), Some("engine")));
        assert!(locked(Some(lock), Some("macros")));
        assert!(locked(None, Some("engine")));
        assert!(locked(Some(lock), None));
    }
}
