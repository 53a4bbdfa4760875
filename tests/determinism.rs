//! The same program writes the same assembly, byte for byte, whatever the asset files' mtimes.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir(dir) {
        let rel = entry
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        files.insert(rel, std::fs::read(&entry).unwrap());
    }
    files
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn run_quickstart(outdir: &Path) {
    let status = Command::new(common::example_binary("quickstart"))
        .env("CDK_OUTDIR", outdir)
        .env_remove("CDK_CONTEXT_JSON")
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn quickstart_twice_is_byte_identical_even_after_touching_assets() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    let second = tmp.path().join("second");
    run_quickstart(&first);

    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node");
    let later = SystemTime::now() + Duration::from_secs(3600);
    for file in walkdir(&fixtures) {
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(later)
            .unwrap();
    }
    run_quickstart(&second);

    let a = snapshot(&first);
    let b = snapshot(&second);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between runs");
    }
    assert!(a.contains_key("manifest.json"));
    assert!(a.contains_key("QuickstartStack.template.json"));
    assert!(
        a.keys().any(|k| k.starts_with("asset.")),
        "the asset is staged"
    );
}

#[test]
fn synth_into_an_existing_assembly_replaces_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("cdk.out");
    run_quickstart(&out);
    // A stack of the previous assembly that the new one no longer has: its template goes.
    let manifest_path = out.join("manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    manifest["artifacts"]["Stale"] = serde_json::json!({
        "type": "aws:cloudformation:stack",
        "properties": { "templateFile": "stale.template.json" }
    });
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();
    std::fs::write(out.join("stale.template.json"), "{}").unwrap();
    // A file the library did not write stays.
    std::fs::write(out.join("notes.template.json"), "{}").unwrap();
    run_quickstart(&out);
    assert!(!out.join("stale.template.json").exists());
    assert!(out.join("notes.template.json").exists());
    assert!(out.join("QuickstartStack.template.json").exists());
}
