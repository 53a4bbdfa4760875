//! Symlinks in an asset folder are staged as the files and folders they point at, never as
//! links: changing the assembly (`chmod -R`, an edit) can never reach a file outside it.

use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;

use lambda_cdk::prelude::*;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn chmod_of_the_assembly_never_reaches_through_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let (src, outside) = (dir.path().join("src"), dir.path().join("outside"));
    fs::create_dir_all(&src).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(src.join("index.js"), "exports.handler = async () => 1;").unwrap();
    fs::write(outside.join("data.txt"), "outside the project").unwrap();
    fs::set_permissions(outside.join("data.txt"), fs::Permissions::from_mode(0o644)).unwrap();
    symlink(outside.join("data.txt"), src.join("data.txt")).unwrap();
    symlink(&outside, src.join("shared")).unwrap();

    let out = dir.path().join("cdk.out");
    let app = App::from_env().with_outdir(&out);
    let stack = Stack::builder().build(&app, "S").unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(&src))
        .build(&stack, "F")
        .unwrap();
    app.synth().unwrap();

    let staged = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("asset.")
        })
        .expect("a staged asset folder");
    for name in ["data.txt", "shared", "shared/data.txt", "index.js"] {
        let meta = fs::symlink_metadata(staged.join(name)).unwrap();
        assert!(!meta.file_type().is_symlink(), "{name} is staged as a link");
    }
    assert_eq!(
        fs::read_to_string(staged.join("shared/data.txt")).unwrap(),
        "outside the project"
    );

    // What `chmod -R 600 cdk.out` does: every entry of the assembly, links not followed.
    for entry in walk(&staged) {
        fs::set_permissions(&entry, fs::Permissions::from_mode(0o600)).unwrap();
        fs::write(&entry, "changed").ok();
    }
    assert_eq!(mode(&outside.join("data.txt")), 0o644);
    assert_eq!(
        fs::read_to_string(outside.join("data.txt")).unwrap(),
        "outside the project"
    );
    assert_eq!(
        fs::read_to_string(src.join("index.js")).unwrap(),
        "exports.handler = async () => 1;"
    );
}

/// Every file under `dir` (directories last, so their modes change after their contents).
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if fs::symlink_metadata(&path).unwrap().is_dir() {
            files.extend(walk(&path));
        }
        files.push(path);
    }
    files
}
