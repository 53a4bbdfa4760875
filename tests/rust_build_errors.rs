//! Rust handler build errors: a failing `cargo lambda build` fails the function (and so the
//! synthesis) with cargo's error and leaves the previous assembly as it was; a missing
//! cargo-lambda says what to run. Needs `cargo lambda` on PATH (./scripts/test.sh).

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use lambda_cdk::lambda::{Code, Function, Runtime, RustFunction};
use lambda_cdk::{App, Stack};

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn failing_build_reports_cargo_error_and_keeps_previous_assembly() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let outdir = tmp.path().join("cdk.out");
    let app = App::new().with_outdir(&outdir);
    let stack = Stack::builder().build(&app, "Previous").unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => 1;"))
        .build(&stack, "F")
        .unwrap();
    app.synth().unwrap();
    let before = files(&outdir);

    let pkg = tmp.path().join("broken");
    fs::create_dir_all(pkg.join("src")).unwrap();
    fs::write(
        pkg.join("Cargo.toml"),
        "[package]\nname = \"broken\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[workspace]\n",
    )
    .unwrap();
    fs::write(
        pkg.join("src/main.rs"),
        "fn main() { let x: u8 = \"no\"; }\n",
    )
    .unwrap();
    let app = App::new().with_outdir(&outdir);
    let stack = Stack::builder().build(&app, "Broken").unwrap();
    let err = RustFunction::builder()
        .manifest_path(&pkg)
        .build(&stack, "Broken")
        .err()
        .expect("a build that does not compile fails");
    let message = err.to_string();
    assert!(message.contains("`cargo lambda build` failed"), "{message}");
    assert!(
        message.contains("mismatched types"),
        "cargo's error: {message}"
    );
    assert_eq!(files(&outdir), before, "the previous assembly is untouched");
}

#[test]
fn missing_cargo_lambda_says_what_to_run() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    // An empty build cache and a fresh outdir: the handler must be built, and cannot be.
    let path = std::env::var_os("PATH").unwrap_or_default();
    let without: Vec<_> = std::env::split_paths(&path)
        .filter(|d| !d.join("cargo-lambda").exists())
        .collect();
    // Run outside the repository: its `.venv/bin` (where ./scripts/test.sh installs
    // cargo-lambda) is looked in too.
    let out = Command::new(common::example_binary("rust_function"))
        .current_dir(tmp.path())
        .env("PATH", std::env::join_paths(without).unwrap())
        .env("CARGO_TARGET_DIR", tmp.path().join("target"))
        .env("CDK_OUTDIR", tmp.path().join("cdk.out"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("pip install cargo-lambda==1.9.2 ziglang==0.17.0"),
        "{stderr}"
    );
    assert!(!tmp.path().join("cdk.out/manifest.json").exists());
}

#[test]
fn missing_arm64_standard_library_says_what_to_run() {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .current_dir(common::repo_root())
        .output()
        .unwrap();
    let sysroot = String::from_utf8_lossy(&sysroot.stdout).trim().to_string();
    if Path::new(&sysroot)
        .join("lib/rustlib/aarch64-unknown-linux-gnu")
        .is_dir()
    {
        eprintln!("aarch64-unknown-linux-gnu is installed here: nothing to check");
        return;
    }
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let pkg = tmp.path().join("arm");
    fs::create_dir_all(pkg.join("src")).unwrap();
    fs::write(
        pkg.join("Cargo.toml"),
        "[package]\nname = \"arm\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[workspace]\n",
    )
    .unwrap();
    fs::write(pkg.join("src/main.rs"), "fn main() {}\n").unwrap();
    let app = App::new().with_outdir(tmp.path().join("cdk.out"));
    let stack = Stack::builder().build(&app, "Arm").unwrap();
    let err = RustFunction::builder()
        .manifest_path(&pkg)
        .architecture(lambda_cdk::lambda::Architecture::Arm64)
        .build(&stack, "Arm")
        .err()
        .expect("no arm64 standard library");
    assert!(
        err.to_string()
            .contains("run `rustup target add aarch64-unknown-linux-gnu`"),
        "{err}"
    );
}
