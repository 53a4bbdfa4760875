//! Shared harness of the integration tests (`mod common;` in each test file).
//!
//! The examples in `examples/` are the apps under test: each one, run with `CDK_OUTDIR=<dir>` (and
//! optionally `CDK_CONTEXT_JSON=<json>`), writes a cloud assembly. The tests run the example binary
//! that cargo built, and compare what it wrote with the goldens in `tests/golden*/` — files that the
//! real aws-cdk-lib 2.276.0 wrote for the same app (`tests/oracle/regenerate.sh` rewrites them). The
//! external validators (`cfn-lint`, the CDK CLI) are installed by `./scripts/test.sh`, which exports
//! `CFN_LINT` and `CDK_CLI`; a test that needs one and cannot find it fails, it never skips.
//!
//! Example binaries are built as programs by `cargo build --examples` (which ./scripts/test.sh
//! runs first) and by a plain `cargo test`, but not by `cargo test --all-targets` (it compiles
//! examples as test harnesses) nor by `cargo test --test parity`: run `cargo build --examples`
//! before those. A binary older than the sources is refused, so a stale build cannot pass.
#![allow(dead_code)] // each test file uses a different part of the harness

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use serde_json::Value;

/// Root of the repository (the facade package's folder).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/golden/<app>/`: what plain `node apps/<app>.js` wrote (no context, library defaults).
pub fn golden_dir(app: &str) -> PathBuf {
    repo_root().join("tests").join("golden").join(app)
}

/// `tests/golden-recommended/<app>/`: the same app with the recommended feature flags as context.
pub fn golden_recommended_dir(app: &str) -> PathBuf {
    repo_root()
        .join("tests")
        .join("golden-recommended")
        .join(app)
}

/// The recommended feature flags of a new `cdk init` project (aws-cdk-lib 2.276.0's
/// `recommended-feature-flags.json`), as a JSON object: the `CDK_CONTEXT_JSON` of the
/// `golden-recommended` syntheses.
pub fn recommended_context() -> String {
    let path = repo_root()
        .join("tests")
        .join("golden-recommended")
        .join("CONTEXT.json");
    read_to_string(&path)
}

/// The example executable `name` (an `examples/<name>.rs`) that cargo built for this test run:
/// `target/<profile>/examples/<name>`, found next to this test's own executable
/// (`target/<profile>/deps/<test>-<hash>`). Panics if it is missing or older than the sources.
pub fn example_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("path of the running test executable");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .unwrap_or_else(|| panic!("unexpected test executable location {}", exe.display()));
    let bin = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let built = match fs::metadata(&bin).and_then(|m| m.modified()) {
        Ok(t) => t,
        Err(_) => panic!(
            "example binary {} not found.\n\
             Is there an examples/{name}.rs? Run ./scripts/test.sh, or `cargo build --examples` \
             before `cargo test --all-targets` / `cargo test --test <file>` (which do not build \
             examples as programs).",
            bin.display()
        ),
    };
    if let Some(newer) = newer_source(&repo_root(), name, built) {
        panic!(
            "example binary {} is older than {}: it was not rebuilt for this run.\n\
             Run ./scripts/test.sh, or `cargo build --examples` before `cargo test`.",
            bin.display(),
            newer.display()
        );
    }
    bin
}

/// A Rust source (outside `target/`, `tests/`, `benches/`, hidden and fixture folders, and other
/// examples than `example`) modified after `built`, if any.
fn newer_source(root: &Path, example: &str, built: SystemTime) -> Option<PathBuf> {
    fn walk(dir: &Path, top: bool, example: &str, built: SystemTime) -> Option<PathBuf> {
        let mut entries: Vec<_> = fs::read_dir(dir).ok()?.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                let skip = name.starts_with('.')
                    || matches!(
                        &*name,
                        "target" | "tests" | "benches" | "node_modules" | "fixtures"
                    )
                    || (!top && dir.file_name() == Some(OsStr::new("examples")) && name != example);
                if !skip {
                    if let Some(p) = walk(&path, false, example, built) {
                        return Some(p);
                    }
                }
            } else if name.ends_with(".rs") {
                let other_example = dir.file_name() == Some(OsStr::new("examples"))
                    && name != format!("{example}.rs");
                if !other_example && meta.modified().is_ok_and(|m| m > built) {
                    return Some(path);
                }
            }
        }
        None
    }
    walk(root, true, example, built)
}

/// Runs the example `name` with `CDK_OUTDIR` set to a fresh temporary folder (under cargo's
/// `target/tmp`) and `CDK_CONTEXT_JSON` set to `context_json` (removed when `None`; every other
/// `CDK_*` variable of the environment is removed too), in the repository root. Panics with the
/// example's output if it fails. The folder is deleted when the returned value is dropped.
pub fn synth_example(name: &str, context_json: Option<&str>) -> tempfile::TempDir {
    let bin = example_binary(name);
    let out = tempfile::Builder::new()
        .prefix(&format!("{name}-"))
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create a temporary output folder");
    let mut cmd = Command::new(&bin);
    cmd.current_dir(repo_root());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("CDK_") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("CDK_OUTDIR", out.path());
    if let Some(json) = context_json {
        cmd.env("CDK_CONTEXT_JSON", json);
    }
    let output = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
    if !output.status.success() {
        panic!(
            "example `{name}` failed ({}) with CDK_CONTEXT_JSON {}\n--- stderr ---\n{}\n--- stdout ---\n{}",
            output.status,
            if context_json.is_some() { "set" } else { "unset" },
            String::from_utf8_lossy(&output.stderr),
            String::from_utf8_lossy(&output.stdout),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Comparison with the goldens
// ---------------------------------------------------------------------------------------------

/// Compares a synthesized assembly with a golden folder, file by file: every golden
/// `<stack>.template.json` (the same set of templates must be written), `<stack>.assets.json`,
/// `manifest.json`'s artifacts, and, if the golden has an `assets-listing.txt`, the staged assets.
/// Then runs cfn-lint over every template written.
pub fn assert_assembly_matches(golden: &Path, actual: &Path) {
    let golden_templates = files_ending(golden, ".template.json");
    assert!(
        !golden_templates.is_empty(),
        "no *.template.json in golden folder {}",
        golden.display()
    );
    let actual_templates = files_ending(actual, ".template.json");
    assert_eq!(
        golden_templates,
        actual_templates,
        "templates written into {} differ from the golden {}",
        actual.display(),
        golden.display()
    );
    for file in &golden_templates {
        assert_template_matches(&golden.join(file), &actual.join(file));
        assert_template_bytes_match(&golden.join(file), &actual.join(file));
    }
    for file in files_ending(golden, ".assets.json") {
        assert_assets_manifest_matches(&golden.join(&file), &actual.join(&file));
    }
    assert_manifest_artifacts_match(&golden.join("manifest.json"), &actual.join("manifest.json"));
    let listing = golden.join("assets-listing.txt");
    if listing.exists() {
        assert_staged_assets_match(&listing, actual);
    }
    let tree = golden.join("tree.json");
    if tree.exists() {
        assert_tree_matches(&tree, &actual.join("tree.json"));
    }
    let written: Vec<PathBuf> = actual_templates.iter().map(|f| actual.join(f)).collect();
    cfn_lint(&written);
}

/// Parity of oracle app `app`: its example (`examples/<app_with_underscores>.rs`) synthesized
/// without context and with the recommended feature flags, each assembly compared with its
/// goldens (`tests/golden/<app>/`, `tests/golden-recommended/<app>/`).
pub fn parity(app: &str) {
    let example = app.replace('-', "_");

    let out = synth_example(&example, None);
    assert_assembly_matches(&golden_dir(app), out.path());

    let out = synth_example(&example, Some(&recommended_context()));
    assert_assembly_matches(&golden_recommended_dir(app), out.path());
}

/// Asserts that two CloudFormation templates are equal as JSON (object key order aside), after
/// removing the `CDKMetadata` resource and the `CDKMetadataAvailable` condition (version reporting,
/// which the CDK CLI adds). On mismatch, lists every differing JSON path with both values.
pub fn assert_template_matches(golden: &Path, actual: &Path) {
    let g = strip_cdk_metadata(read_json(golden));
    let a = strip_cdk_metadata(read_json(actual));
    let diffs = json_diff(&g, &a, false);
    if !diffs.is_empty() {
        panic!(
            "template {} differs from golden {} at {} path(s) (golden -> actual):\n{}",
            actual.display(),
            golden.display(),
            diffs.len(),
            diffs.join("\n")
        );
    }
}

/// Asserts that a template is byte-identical to its golden (key order, one-space indentation, no
/// trailing newline, as aws-cdk-lib writes them). The template's sha256 is its asset hash in the
/// asset manifest and in `manifest.json`, so this is part of parity. On mismatch, lists the key-order
/// differences, or else the first differing line.
pub fn assert_template_bytes_match(golden: &Path, actual: &Path) {
    let g = read_to_string(golden);
    let a = read_to_string(actual);
    if g == a {
        return;
    }
    let order = json_diff(&read_json(golden), &read_json(actual), true);
    let detail = if !order.is_empty() {
        order.join("\n")
    } else {
        first_line_difference(&g, &a)
    };
    panic!(
        "template {} is not byte-identical to golden {} (its asset hash differs):\n{detail}",
        actual.display(),
        golden.display()
    );
}

/// Asserts that `tree.json` is byte-identical to its golden (aws-cdk-lib writes it compactly).
/// On mismatch, lists every differing JSON path with both values, then the key-order
/// differences, or else the first differing byte with its surroundings.
pub fn assert_tree_matches(golden: &Path, actual: &Path) {
    let g = read_to_string(golden);
    let a = read_to_string(actual);
    if g == a {
        return;
    }
    let (gj, aj) = (read_json(golden), read_json(actual));
    let mut diffs = json_diff(&gj, &aj, false);
    if diffs.is_empty() {
        diffs = json_diff(&gj, &aj, true);
    }
    let detail = if diffs.is_empty() {
        let at = g.bytes().zip(a.bytes()).take_while(|(x, y)| x == y).count();
        let around = |s: &str| {
            let from = s.floor_char_boundary(at.saturating_sub(80));
            let to = s.ceil_char_boundary((at + 80).min(s.len()));
            s[from..to].to_owned()
        };
        format!(
            "first difference at byte {at}:\n  golden: {}\n  actual: {}",
            around(&g),
            around(&a)
        )
    } else {
        let more = diffs.len().saturating_sub(40);
        diffs.truncate(40);
        if more > 0 {
            diffs.push(format!("... and {more} more"));
        }
        diffs.join("\n")
    };
    panic!(
        "tree.json {} differs from golden {} (golden -> actual):\n{detail}",
        actual.display(),
        golden.display()
    );
}

/// Asserts that an asset manifest (`<stack>.assets.json`) equals its golden as JSON.
pub fn assert_assets_manifest_matches(golden: &Path, actual: &Path) {
    let diffs = json_diff(&read_json(golden), &read_json(actual), false);
    if !diffs.is_empty() {
        panic!(
            "asset manifest {} differs from golden {} (golden -> actual):\n{}",
            actual.display(),
            golden.display(),
            diffs.join("\n")
        );
    }
    // Byte for byte too: key order, two-space indentation and no trailing newline, as
    // aws-cdk-lib writes it.
    let (g, a) = (read_to_string(golden), read_to_string(actual));
    assert!(
        g == a,
        "asset manifest {} has the golden's content but not its bytes:\n{}",
        actual.display(),
        first_line_difference(&g, &a)
    );
}

/// Asserts that `manifest.json`'s `artifacts` equal the golden's as JSON.
pub fn assert_manifest_artifacts_match(golden: &Path, actual: &Path) {
    let artifacts = |path: &Path| {
        read_json(path)
            .get("artifacts")
            .cloned()
            .unwrap_or_else(|| panic!("{} has no `artifacts`", path.display()))
    };
    let diffs = json_diff(&artifacts(golden), &artifacts(actual), false);
    if !diffs.is_empty() {
        panic!(
            "artifacts of {} differ from golden {} (golden -> actual, paths under /artifacts):\n{}",
            actual.display(),
            golden.display(),
            diffs.join("\n")
        );
    }
    // The schema version and the CLI version the assembly asks for decide whether a CLI reads
    // it at all.
    let (g, a) = (read_json(golden), read_json(actual));
    for key in ["version", "minimumCliVersion"] {
        assert_eq!(
            a.get(key),
            g.get(key),
            "`{key}` of {} differs from the golden's",
            actual.display()
        );
        assert!(
            g.get(key).is_some(),
            "the golden {} has no `{key}`",
            golden.display()
        );
    }
    // And the whole file byte for byte, as aws-cdk-lib writes it.
    let (g, a) = (read_to_string(golden), read_to_string(actual));
    assert!(
        g == a,
        "{} has the golden's artifacts but not its bytes:\n{}",
        actual.display(),
        first_line_difference(&g, &a)
    );
}

/// Asserts that the staged assets (`asset.<hash>` folders and files) of an assembly are the ones an
/// `assets-listing.txt` golden lists: same names, same files, sizes and sha256.
pub fn assert_staged_assets_match(golden_listing: &Path, assembly: &Path) {
    let expected = read_to_string(golden_listing);
    let actual = assets_listing(assembly);
    if expected != actual {
        let exp: BTreeSet<&str> = expected.lines().collect();
        let act: BTreeSet<&str> = actual.lines().collect();
        let mut msg = String::new();
        for l in exp.difference(&act) {
            let _ = writeln!(msg, "  only in golden: {l}");
        }
        for l in act.difference(&exp) {
            let _ = writeln!(msg, "  only in actual: {l}");
        }
        if msg.is_empty() {
            msg = first_line_difference(&expected, &actual);
        }
        panic!(
            "staged assets in {} differ from {}:\n{msg}",
            assembly.display(),
            golden_listing.display()
        );
    }
}

/// The `assets-listing.txt` text of an assembly, as `tests/oracle/tools/assets-listing.js` writes it.
pub fn assets_listing(assembly: &Path) -> String {
    fn walk(base: &Path, rel: &str, out: &mut Vec<String>) {
        let dir = if rel.is_empty() {
            base.to_path_buf()
        } else {
            base.join(rel)
        };
        for name in sorted_names(&dir) {
            let r = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let p = base.join(&r);
            let meta = fs::symlink_metadata(&p).expect("stat staged file");
            if meta.is_dir() {
                walk(base, &r, out);
            } else {
                out.push(format!("  {r}  {}  {}", meta.len(), sha256_file(&p)));
            }
        }
    }
    let mut lines = Vec::new();
    for name in sorted_names(assembly) {
        if !name.starts_with("asset.") {
            continue;
        }
        let p = assembly.join(&name);
        let meta = fs::metadata(&p).expect("stat staged asset");
        if meta.is_dir() {
            lines.push(format!("{name}/"));
            walk(&p, "", &mut lines);
        } else {
            lines.push(format!("{name}  {}  {}", meta.len(), sha256_file(&p)));
        }
    }
    if lines.is_empty() {
        "(no staged assets)\n".to_string()
    } else {
        lines.join("\n") + "\n"
    }
}

// ---------------------------------------------------------------------------------------------
// External validators
// ---------------------------------------------------------------------------------------------

/// Runs cfn-lint (`$CFN_LINT`, else `.venv/bin/cfn-lint` in the repository) over `templates` and
/// fails on any finding of level `Error`; warnings pass (aws-cdk-lib's own templates get W3005,
/// redundant DependsOn, and W2531, deprecated runtime).
pub fn cfn_lint(templates: &[PathBuf]) {
    if templates.is_empty() {
        return;
    }
    let exe = tool("CFN_LINT", &repo_root().join(".venv/bin/cfn-lint"))
        .unwrap_or_else(|| panic!("cfn-lint not found: run ./scripts/test.sh"));
    let output = Command::new(&exe)
        .args(["--format", "json", "--"])
        .args(templates)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let findings: Vec<Value> = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "cfn-lint ({}) did not print a JSON list of findings ({e}); exit {}\n--- stderr ---\n{}\n--- stdout ---\n{stdout}",
            exe.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f["Level"] == "Error")
        .map(|f| {
            format!(
                "  {} {} at {} (line {}): {}",
                f["Rule"]["Id"].as_str().unwrap_or("?"),
                f["Filename"].as_str().unwrap_or("?"),
                f["Location"]["Path"],
                f["Location"]["Start"]["LineNumber"],
                f["Message"].as_str().unwrap_or("?"),
            )
        })
        .collect();
    if !errors.is_empty() {
        panic!(
            "cfn-lint found {} error(s):\n{}",
            errors.len(),
            errors.join("\n")
        );
    }
}

/// Runs the real CDK CLI (`$CDK_CLI`, else `.tools/cdk/node_modules/.bin/cdk` in the repository)
/// as `cdk ls --app <assembly>` (offline: no version check, notices or telemetry) and returns the
/// stack names it lists. Fails if the CLI cannot read the assembly.
pub fn cdk_ls(assembly: &Path) -> Vec<String> {
    let exe = tool(
        "CDK_CLI",
        &repo_root().join(".tools/cdk/node_modules/.bin/cdk"),
    )
    .unwrap_or_else(|| panic!("CDK CLI not found: run ./scripts/test.sh"));
    let output = Command::new(&exe)
        .arg("ls")
        .arg("--app")
        .arg(assembly)
        .args(["--no-notices", "--no-color"])
        .current_dir(assembly)
        .env("CDK_DISABLE_VERSION_CHECK", "1")
        .env("CDK_DISABLE_CLI_TELEMETRY", "true")
        .env_remove("CDK_CONTEXT_JSON")
        .env_remove("CDK_OUTDIR")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        panic!(
            "`cdk ls --app {}` failed ({})\n--- stderr ---\n{}\n--- stdout ---\n{stdout}",
            assembly.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    stdout
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// `$VAR` if set (it must exist), else `fallback` if it exists.
pub fn tool(var: &str, fallback: &Path) -> Option<PathBuf> {
    match std::env::var_os(var) {
        Some(p) if !p.is_empty() => {
            let p = PathBuf::from(p);
            assert!(
                p.exists(),
                "{var}={} does not exist: run ./scripts/test.sh",
                p.display()
            );
            Some(p)
        }
        _ => fallback.exists().then(|| fallback.to_path_buf()),
    }
}

// ---------------------------------------------------------------------------------------------
// JSON differ
// ---------------------------------------------------------------------------------------------

/// Every difference between two JSON values, one line each: `<JSON pointer>: <what>`. With
/// `key_order`, only object key-order differences are listed (for values otherwise equal).
pub fn json_diff(golden: &Value, actual: &Value, key_order: bool) -> Vec<String> {
    let mut out = Vec::new();
    diff_at(golden, actual, &mut String::new(), key_order, &mut out);
    out
}

fn diff_at(g: &Value, a: &Value, path: &mut String, key_order: bool, out: &mut Vec<String>) {
    let here = |path: &str| if path.is_empty() { "/" } else { path }.to_string();
    match (g, a) {
        (Value::Object(go), Value::Object(ao)) => {
            if key_order {
                let gk: Vec<&String> = go.keys().filter(|k| ao.contains_key(*k)).collect();
                let ak: Vec<&String> = ao.keys().filter(|k| go.contains_key(*k)).collect();
                if gk != ak {
                    out.push(format!(
                        "{}: key order differs\n    golden: {gk:?}\n    actual: {ak:?}",
                        here(path)
                    ));
                }
            }
            for (k, gv) in go {
                let len = path.len();
                push_key(path, k);
                match ao.get(k) {
                    Some(av) => diff_at(gv, av, path, key_order, out),
                    None if !key_order => out.push(format!(
                        "{path}: missing in actual\n    golden: {}",
                        show(gv)
                    )),
                    None => {}
                }
                path.truncate(len);
            }
            if !key_order {
                for (k, av) in ao.iter().filter(|(k, _)| !go.contains_key(*k)) {
                    let len = path.len();
                    push_key(path, k);
                    out.push(format!("{path}: not in golden\n    actual: {}", show(av)));
                    path.truncate(len);
                }
            }
        }
        (Value::Array(ga), Value::Array(aa)) => {
            if ga.len() != aa.len() && !key_order {
                out.push(format!(
                    "{}: array length {} in golden, {} in actual\n    golden: {}\n    actual: {}",
                    here(path),
                    ga.len(),
                    aa.len(),
                    show(g),
                    show(a)
                ));
            }
            for (i, (gv, av)) in ga.iter().zip(aa).enumerate() {
                let len = path.len();
                let _ = write!(path, "/{i}");
                diff_at(gv, av, path, key_order, out);
                path.truncate(len);
            }
        }
        _ if g != a && !key_order => out.push(format!(
            "{}\n    golden: {}\n    actual: {}",
            here(path),
            show(g),
            show(a)
        )),
        _ => {}
    }
}

/// Appends `/key` as a JSON Pointer segment (`~` -> `~0`, `/` -> `~1`).
fn push_key(path: &mut String, key: &str) {
    path.push('/');
    path.push_str(&key.replace('~', "~0").replace('/', "~1"));
}

/// A value as compact JSON, shortened past 400 characters.
fn show(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(400) {
        Some((i, _)) => format!("{}… ({} chars)", &s[..i], s.len()),
        None => s,
    }
}

/// Drops the `CDKMetadata` resource and the `CDKMetadataAvailable` condition (and `Conditions`
/// when that leaves it empty).
fn strip_cdk_metadata(mut template: Value) -> Value {
    if let Some(obj) = template.as_object_mut() {
        if let Some(Value::Object(resources)) = obj.get_mut("Resources") {
            resources.shift_remove("CDKMetadata");
        }
        let empty = match obj.get_mut("Conditions") {
            Some(Value::Object(conditions)) => {
                conditions.shift_remove("CDKMetadataAvailable");
                conditions.is_empty()
            }
            _ => false,
        };
        if empty {
            obj.shift_remove("Conditions");
        }
    }
    template
}

fn first_line_difference(golden: &str, actual: &str) -> String {
    let (mut g, mut a) = (golden.split('\n'), actual.split('\n'));
    for n in 1.. {
        match (g.next(), a.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => {
                return "texts differ only in a final newline or line endings".to_string()
            }
            (x, y) => {
                return format!(
                    "first difference at line {n}:\n    golden: {:?}\n    actual: {:?}",
                    x.unwrap_or("<end of file>"),
                    y.unwrap_or("<end of file>")
                )
            }
        }
    }
    unreachable!()
}

// ---------------------------------------------------------------------------------------------
// Small file helpers
// ---------------------------------------------------------------------------------------------

fn read_to_string(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| {
        let listing = path
            .parent()
            .map(|d| sorted_names(d).join(", "))
            .unwrap_or_default();
        panic!(
            "cannot read {}: {e}\n(its folder holds: {listing})",
            path.display()
        )
    })
}

pub fn read_json(path: &Path) -> Value {
    serde_json::from_str(&read_to_string(path))
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

/// Names of a folder's entries, sorted by byte order (= JavaScript's default sort for ASCII names).
fn sorted_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Names of the files in `dir` that end with `suffix`, sorted.
pub fn files_ending(dir: &Path, suffix: &str) -> Vec<String> {
    sorted_names(dir)
        .into_iter()
        .filter(|n| n.ends_with(suffix))
        .collect()
}

fn sha256_file(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Sha256::digest(&bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The error aws-cdk-lib threw for oracle error app `name`: `tests/golden/errors/<name>.json`
/// (written by `tests/oracle/regenerate-errors.sh`).
pub fn golden_error(name: &str) -> Value {
    read_json(
        &repo_root()
            .join("tests/golden/errors")
            .join(format!("{name}.json")),
    )
}

/// The validation error of `result`, as (code, message, construct path); panics otherwise.
pub fn validation<T>(result: Result<T, lambda_cdk::Error>) -> (&'static str, String, String) {
    match result {
        Err(lambda_cdk::Error::Validation {
            code,
            message,
            path,
        }) => (code, message, path),
        Err(other) => panic!("expected a validation error, got {other:?}"),
        Ok(_) => panic!("expected a validation error, the input was accepted"),
    }
}

/// Asserts that `result` failed as aws-cdk-lib failed for oracle error app `name`: the same code,
/// message and, where aws-cdk-lib's error has one (its unscoped errors have none), construct path.
pub fn assert_same_error<T>(name: &str, result: Result<T, lambda_cdk::Error>) {
    let want = golden_error(name);
    let (code, message, path) = validation(result);
    assert_eq!(code, want["name"].as_str().unwrap(), "{name}: error code");
    assert_eq!(
        message,
        want["message"].as_str().unwrap(),
        "{name}: message"
    );
    if let Some(want_path) = want["constructPath"].as_str() {
        assert_eq!(path, want_path, "{name}: construct path");
    }
}

/// `<stack>.metadata.json` of oracle app `app`'s example equals aws-cdk-lib's
/// (`tests/golden-metadata/<app>/`, without creation stack traces), paths in its order.
pub fn metadata_matches(app: &str) {
    let out = synth_example(&app.replace('-', "_"), None);
    let golden = repo_root().join("tests/golden-metadata").join(app);
    let names = files_ending(&golden, ".metadata.json");
    assert!(!names.is_empty());
    for name in names {
        let want = read_json(&golden.join(&name));
        let got = read_json(&out.path().join(&name));
        assert_eq!(got, want, "{name}");
        let keys =
            |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&got), keys(&want), "{name}: paths in another order");
    }
}

/// A custom resource's provider code that is this project's own handler, not aws-cdk-lib's:
/// the one named difference of an app's parity test.
pub struct OwnHandler<'a> {
    /// The asset's `displayName` in the asset manifest.
    pub asset: &'a str,
    /// The handler's one file, relative to the repository root; the staged asset holds exactly it.
    pub file: &'a str,
}

/// The hash of the file asset displayed as `display_name` in an asset manifest.
pub fn asset_hash(manifest: &Path, display_name: &str) -> String {
    read_json(manifest)["files"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, f)| f["displayName"] == display_name)
        .map(|(hash, _)| hash.clone())
        .unwrap_or_else(|| panic!("no asset {display_name} in {}", manifest.display()))
}

/// The assembly `out` of the one-stack app `stack` equals aws-cdk-lib's (`golden`) but for
/// `handler`: its staged asset must hold exactly our handler; then the handler's hash is written
/// as aws-cdk-lib's (and the template hash and destination ids that follow from it), and the
/// template, asset manifest, manifest.json (and tree.json when `tree`) are compared byte for byte;
/// cfn-lint checks the template as written.
pub fn assert_matches_but_own_handler(
    golden: &Path,
    out: &Path,
    stack: &str,
    handler: OwnHandler<'_>,
    tree: bool,
) {
    use sha2::{Digest, Sha256};
    let hex = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let template_file = format!("{stack}.template.json");
    let assets = format!("{stack}.assets.json");
    let ours = asset_hash(&out.join(&assets), handler.asset);
    let theirs = asset_hash(&golden.join(&assets), handler.asset);
    assert_ne!(ours, theirs, "the handler is ours, so is its hash");

    let staged = out.join(format!("asset.{ours}"));
    let handler_path = Path::new(handler.file);
    let name = handler_path.file_name().unwrap().to_string_lossy();
    assert_eq!(files_ending(&staged, ""), vec![name.to_string()]);
    assert_eq!(
        fs::read(staged.join(&*name)).unwrap(),
        fs::read(repo_root().join(handler_path)).unwrap()
    );

    let patched = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let p = patched.path();
    let template = fs::read_to_string(out.join(&template_file))
        .unwrap()
        .replace(&ours, &theirs);
    let our_template_hash = hex(&fs::read(out.join(&template_file)).unwrap());
    let patched_template_hash = hex(template.as_bytes());
    fs::write(p.join(&template_file), &template).unwrap();
    let mut files = vec![assets.as_str(), "manifest.json"];
    if tree {
        files.push("tree.json");
    }
    for file in files {
        let mut text = fs::read_to_string(out.join(file))
            .unwrap()
            .replace(&ours, &theirs)
            .replace(&our_template_hash, &patched_template_hash);
        if file == assets {
            // A destination's id ends with the hash of the destination, which names the
            // object key: computed again for the patched keys.
            let json: Value = serde_json::from_str(&text).unwrap();
            for entry in json["files"].as_object().unwrap().values() {
                for (id, dest) in entry["destinations"].as_object().unwrap() {
                    let (prefix, _) = id.rsplit_once('-').unwrap();
                    let digest = hex(serde_json::to_string(dest).unwrap().as_bytes());
                    text = text.replace(id, &format!("{prefix}-{}", &digest[..8]));
                }
            }
        }
        fs::write(p.join(file), text).unwrap();
    }
    assert_template_matches(&golden.join(&template_file), &p.join(&template_file));
    assert_template_bytes_match(&golden.join(&template_file), &p.join(&template_file));
    assert_assets_manifest_matches(&golden.join(&assets), &p.join(&assets));
    assert_manifest_artifacts_match(&golden.join("manifest.json"), &p.join("manifest.json"));
    if tree {
        assert_tree_matches(&golden.join("tree.json"), &p.join("tree.json"));
    }
    cfn_lint(&[out.join(&template_file)]);
}

/// The provider's code asset under the recommended flags (after `<stack>/`): lambda-cdk's own
/// `Custom::VpcRestrictDefaultSG` handler, not aws-cdk-lib's (the one named difference).
const RESTRICT_DEFAULT_SG_CODE: &str = "Custom::VpcRestrictDefaultSGCustomResourceProvider Code";

/// Oracle app `app` (one stack named like it) under the recommended flags. Everything equals
/// aws-cdk-lib's output but for the named difference, the restrict provider's code asset: the
/// test checks the staged asset holds exactly our handler, then writes the handler's hash as
/// aws-cdk-lib's (and the template hash that follows) and compares template, asset manifest,
/// manifest.json and tree.json byte for byte; cfn-lint checks the template as written.
pub fn recommended_with_restrict_sg_handler(app: &str) {
    let out = synth_example(&app.replace('-', "_"), Some(&recommended_context()));
    assert_matches_but_own_handler(
        &golden_recommended_dir(app),
        out.path(),
        app,
        OwnHandler {
            asset: &format!("{app}/{RESTRICT_DEFAULT_SG_CODE}"),
            file: "lambda-core/handlers/restrict-default-sg/__entrypoint__.js",
        },
        true,
    );
}
