//! The outdir holds what the user put there, is written in place (through a symlink, without
//! touching its parent), honours the CDK CLI's lock files, reclaims an interrupted run's
//! leftovers, and staged assets share nothing with their sources.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lambda_core::lambda::{Code, Function, Runtime};
use lambda_core::{App, Stack};

/// A handler folder with one file.
fn handler(dir: &Path, body: &str) -> PathBuf {
    let src = dir.join("handler");
    fs::create_dir_all(&src).unwrap();
    fs::write(src.join("index.js"), body).unwrap();
    src
}

fn synth(source: &Path, outdir: &Path) -> lambda_core::Result<lambda_core::CloudAssembly> {
    let app = App::new().with_outdir(outdir);
    let stack = Stack::builder().build(&app, "S")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(source))
        .build(&stack, "F")?;
    app.synth()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn asset_dirs(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with("asset."))
        .collect()
}

#[test]
fn files_the_library_did_not_write_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("src");
    fs::create_dir_all(out.join("module")).unwrap();
    fs::write(out.join("main.rs"), "fn main() {}").unwrap();
    fs::write(out.join("module/mod.rs"), "// mine").unwrap();
    fs::create_dir(out.join("asset.mine")).unwrap();
    fs::write(out.join("asset.mine/keep"), "k").unwrap();
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    synth(&source, &out).unwrap();
    let first = asset_dirs(&out);
    fs::write(source.join("index.js"), "exports.handler = 2;\n").unwrap();
    synth(&source, &out).unwrap();

    assert_eq!(
        fs::read_to_string(out.join("main.rs")).unwrap(),
        "fn main() {}"
    );
    assert_eq!(
        fs::read_to_string(out.join("module/mod.rs")).unwrap(),
        "// mine"
    );
    assert_eq!(
        fs::read_to_string(out.join("asset.mine/keep")).unwrap(),
        "k"
    );
    // The first assembly's asset, named by its manifest, is gone; the new one is there.
    let second = asset_dirs(&out);
    assert_eq!(first.len(), 2, "{first:?}");
    assert_eq!(second.len(), 2, "{second:?}");
    assert_ne!(first, second);
    assert!(second.contains(&"asset.mine".to_string()));
    assert!(!names(&out).iter().any(|n| n.starts_with(".lambda-cdk")));
}

#[test]
fn a_regular_file_as_outdir_is_an_error_and_stays_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("notes.txt");
    fs::write(&out, "precious").unwrap();
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    let err = synth(&source, &out).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{} must be a directory", out.display())
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "precious");
    assert_eq!(names(tmp.path()), ["handler", "notes.txt"]);
}

#[cfg(unix)]
#[test]
fn a_symlinked_outdir_is_written_through() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real-out");
    fs::create_dir(&real).unwrap();
    let link = tmp.path().join("cdk.out");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    synth(&source, &link).unwrap();
    synth(&source, &link).unwrap();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(real.join("manifest.json").is_file());
    assert!(real.join("S.template.json").is_file());
}

/// A read-only parent (or a mount point) works only if nothing is created, renamed or removed
/// next to the outdir: the parent's modification time shows any of that (tests run as root, so
/// a 0555 parent would not stop them).
#[test]
fn nothing_is_written_next_to_the_outdir() {
    let tmp = tempfile::tempdir().unwrap();
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    let parent = tmp.path().join("parent");
    let out = parent.join("cdk.out");
    fs::create_dir_all(&out).unwrap();
    synth(&source, &out).unwrap();
    let before = fs::metadata(&parent).unwrap().modified().unwrap();
    let entries = names(&parent);
    std::thread::sleep(Duration::from_millis(20));
    fs::write(source.join("index.js"), "exports.handler = 3;\n").unwrap();
    synth(&source, &out).unwrap();
    assert_eq!(fs::metadata(&parent).unwrap().modified().unwrap(), before);
    assert_eq!(names(&parent), entries);
}

#[test]
fn an_interrupted_runs_leftovers_are_reclaimed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    fs::create_dir_all(out.join(".lambda-cdk-tmp-abc/asset.x")).unwrap();
    fs::write(out.join(".lambda-cdk-tmp-abc/asset.x/f"), "x").unwrap();
    fs::write(out.join(".lambda-cdk-tmp-file"), "x").unwrap();
    // A lock of a process that no longer exists is stale, as the CLI sees it.
    fs::write(out.join("synth.lock"), "999999999").unwrap();
    fs::write(out.join("read.999999999.1.lock"), "999999999").unwrap();
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    synth(&source, &out).unwrap();
    let left: Vec<String> = names(&out)
        .into_iter()
        .filter(|n| n.starts_with(".lambda-cdk") || n.ends_with(".lock"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_writer_waits_for_the_clis_readers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    // A live reader that is not our ancestor: the CLI reading the assembly.
    let mut reader = std::process::Command::new("sleep")
        .arg("1")
        .spawn()
        .unwrap();
    let lock = out.join(format!("read.{}.1.lock", reader.id()));
    fs::write(&lock, reader.id().to_string()).unwrap();
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    let start = Instant::now();
    let waiter = std::thread::spawn(move || {
        let _ = reader.wait();
    });
    synth(&source, &out).unwrap();
    assert!(
        start.elapsed() >= Duration::from_millis(700),
        "{:?}",
        start.elapsed()
    );
    waiter.join().unwrap();
    assert!(
        !lock.exists(),
        "the dead reader's lock is stale and removed"
    );
}

#[cfg(unix)]
#[test]
fn the_clis_own_writer_lock_is_honoured_and_left_alone() {
    // The CLI holds synth.lock while it runs the app: its PID is an ancestor of ours.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    let parent = std::os::unix::process::parent_id().to_string();
    fs::write(out.join("synth.lock"), &parent).unwrap();
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    let start = Instant::now();
    synth(&source, &out).unwrap();
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(fs::read_to_string(out.join("synth.lock")).unwrap(), parent);
}

#[cfg(unix)]
#[test]
fn staged_files_share_no_inode_with_the_sources() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    synth(&source, &out).unwrap();
    let asset = out.join(&asset_dirs(&out)[0]);
    let staged = asset.join("index.js");
    assert_ne!(
        fs::metadata(&staged).unwrap().ino(),
        fs::metadata(source.join("index.js")).unwrap().ino()
    );
    fs::write(&staged, "edited in the assembly").unwrap();
    assert_eq!(
        fs::read_to_string(source.join("index.js")).unwrap(),
        "exports.handler = 1;\n"
    );
    // The edited copy is not trusted: the next run stages the source again.
    synth(&source, &out).unwrap();
    assert_eq!(
        fs::read_to_string(&staged).unwrap(),
        "exports.handler = 1;\n"
    );
}

#[test]
fn an_asset_folder_holding_the_outdir_leaves_it_out() {
    let tmp = tempfile::tempdir().unwrap();
    let project = handler(tmp.path(), "exports.handler = 1;\n");
    let out = project.join("cdk.out");
    synth(&project, &out).unwrap();
    let assets_first = asset_dirs(&out);
    synth(&project, &out).unwrap();
    synth(&project, &out).unwrap();
    assert_eq!(
        asset_dirs(&out),
        assets_first,
        "the asset does not change run to run"
    );
    let staged = out.join(&assets_first[0]);
    assert_eq!(names(&staged), ["index.js"]);
}

/// A run killed after its manifest.json was in place, before it removed the previous assembly's
/// entries: the next run removes them (only those the current manifest does not name).
#[test]
fn a_run_killed_after_its_manifest_has_its_removals_finished() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let source = handler(tmp.path(), "exports.handler = 1;\n");
    synth(&source, &out).unwrap();
    let current = asset_dirs(&out);
    fs::create_dir_all(out.join("asset.previous/lib")).unwrap();
    fs::write(out.join("asset.previous/lib/x.js"), "x").unwrap();
    fs::write(out.join("Old.template.json"), "{}").unwrap();
    fs::create_dir(out.join("asset.user")).unwrap();
    let killed = out.join(".lambda-cdk-tmp-killed");
    fs::create_dir(&killed).unwrap();
    let list = serde_json::json!(["asset.previous", "Old.template.json", current[0]]);
    fs::write(killed.join(".lambda-cdk-tmp-stale.json"), list.to_string()).unwrap();
    synth(&source, &out).unwrap();
    assert!(!out.join("asset.previous").exists());
    assert!(!out.join("Old.template.json").exists());
    assert!(out.join("asset.user").exists());
    assert!(out.join(&current[0]).join("index.js").exists());
    assert!(!killed.exists());
}
