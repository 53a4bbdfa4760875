//! Rust handlers (`RustFunction`, `Code::from_rust`): parity with oracle app `rust-function`
//! (the asset hash is the one allowed difference: ours is of the sources, cargo-lambda-cdk's of
//! the built binary), no cargo process on an unchanged resynthesis, hashing by source, and the
//! built `bootstrap` answering the Lambda Runtime API. Needs `cargo lambda` on PATH
//! (./scripts/test.sh installs it into .venv); the fixture `fixtures/rust-handler` is built once
//! per run, into its own `target/` (later runs reuse its build cache).

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{assert_assembly_matches, golden_dir, golden_recommended_dir, recommended_context};
use lambda_cdk::lambda::RustCode;
use sha2::{Digest, Sha256};

/// The golden asset hash (of cargo-lambda-cdk's built binary).
const GOLDEN_ASSET_HASH: &str = "ab7dc317fd5e70aef6c577a75cfdc1a31418afccd899be09010678402a676d47";

fn fixture() -> PathBuf {
    common::repo_root().join("fixtures/rust-handler")
}

/// Runs the `rust_function` example into `outdir` with `cargo` and `cargo-lambda` behind shims
/// that append each call to `log`. Returns stderr.
fn synth(outdir: &Path, context: Option<&str>, shims: &Path, log: &Path) -> String {
    let real_cargo = env!("CARGO");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let real_lambda = std::env::split_paths(&path)
        .map(|d| d.join("cargo-lambda"))
        .find(|p| p.is_file())
        .expect("`cargo-lambda` on PATH (./scripts/test.sh installs it into .venv)");
    fs::create_dir_all(shims).unwrap();
    for (name, real) in [
        ("cargo", PathBuf::from(real_cargo)),
        ("cargo-lambda", real_lambda),
    ] {
        let shim = shims.join(name);
        if shim.exists() {
            continue;
        }
        fs::write(
            &shim,
            format!(
                "#!/bin/sh\necho \"{name} $*\" >> '{}'\nexec '{}' \"$@\"\n",
                log.display(),
                real.display()
            ),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&shim, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut paths = vec![shims.to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    let mut cmd = Command::new(common::example_binary("rust_function"));
    cmd.current_dir(common::repo_root());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("CDK_") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("PATH", std::env::join_paths(paths).unwrap())
        .env("CARGO", shims.join("cargo"))
        .env("CDK_OUTDIR", outdir);
    if let Some(json) = context {
        cmd.env("CDK_CONTEXT_JSON", json);
    }
    let out = cmd.output().expect("run the rust_function example");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "rust_function failed:\n{stderr}");
    stderr
}

fn asset_hash_of(assembly: &Path) -> String {
    let names: Vec<String> = fs::read_dir(assembly)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_prefix("asset.").map(str::to_owned))
        .collect();
    assert_eq!(names.len(), 1, "one staged asset in {}", assembly.display());
    names[0].clone()
}

/// The golden folder with its asset hash replaced by ours, and the template hash (which covers
/// the asset hash) replaced by that of the rewritten golden template. `tree.json` (fqn
/// `cargo-lambda-cdk.RustFunction` there, a plain `Function` here) and the binary listing are
/// left out.
fn golden_with_hash(golden: &Path, hash: &str, into: &Path) {
    let template = "rust-function.template.json";
    let old_template = fs::read(golden.join(template)).unwrap();
    let new_template = String::from_utf8(old_template.clone())
        .unwrap()
        .replace(GOLDEN_ASSET_HASH, hash);
    fs::create_dir_all(into).unwrap();
    fs::write(into.join(template), &new_template).unwrap();
    // A template's asset hash is the sha256 of its bytes.
    let fingerprint = |path: &Path| {
        Sha256::digest(fs::read(path).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let (old_t, new_t) = (
        fingerprint(&golden.join(template)),
        fingerprint(&into.join(template)),
    );
    for file in ["rust-function.assets.json", "manifest.json"] {
        let text = fs::read_to_string(golden.join(file)).unwrap();
        assert!(
            text.contains(&old_t),
            "{file} names the template hash {old_t}"
        );
        let mut text = text
            .replace(GOLDEN_ASSET_HASH, hash)
            .replace(&old_t, &new_t);
        if file == "rust-function.assets.json" {
            // A destination's id ends with 8 hex digits of the sha256 of its compact JSON,
            // which names the object key: recompute them (after checking the golden's rule).
            let old: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(golden.join(file)).unwrap()).unwrap();
            let new: serde_json::Value = serde_json::from_str(&text).unwrap();
            let ids = |v: &serde_json::Value| -> Vec<(String, String)> {
                let mut out = Vec::new();
                for entry in v["files"].as_object().unwrap().values() {
                    for (id, dest) in entry["destinations"].as_object().unwrap() {
                        let digest = Sha256::digest(serde_json::to_string(dest).unwrap());
                        let short: String =
                            digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
                        out.push((id.clone(), short));
                    }
                }
                out
            };
            for (id, short) in ids(&old) {
                assert!(
                    id.ends_with(&short),
                    "golden destination id {id} follows the rule"
                );
            }
            for (id, short) in ids(&new) {
                let renamed = format!("{}{short}", &id[..id.len() - 8]);
                text = text.replace(&format!("\"{id}\""), &format!("\"{renamed}\""));
            }
        }
        fs::write(into.join(file), text).unwrap();
    }
}

#[test]
fn rust_function_parity_and_no_rebuild() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let (shims, log) = (tmp.path().join("shims"), tmp.path().join("calls.log"));
    let first = tmp.path().join("first");
    synth(&first, None, &shims, &log);
    let hash = asset_hash_of(&first);
    assert_ne!(hash, GOLDEN_ASSET_HASH);
    let expected = tmp.path().join("golden");
    golden_with_hash(&golden_dir("rust-function"), &hash, &expected);
    assert_assembly_matches(&expected, &first);

    // The asset is the built handler: one executable `bootstrap`.
    let bootstrap = first.join(format!("asset.{hash}/bootstrap"));
    assert!(fs::metadata(&bootstrap).unwrap().len() > 10_000);

    // Unchanged: resynthesis into the same outdir and into a fresh one run no cargo process
    // (nor cargo-lambda) and write the same bytes.
    let snapshot = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = fs::read_dir(dir)
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
        files.sort();
        files
    };
    let before = snapshot(&first);
    let _ = fs::remove_file(&log);
    let started = std::time::Instant::now();
    synth(&first, None, &shims, &log);
    let again = started.elapsed();
    let second = tmp.path().join("second");
    synth(&second, None, &shims, &log);
    assert!(
        !log.exists(),
        "an unchanged synthesis ran: {}",
        fs::read_to_string(&log).unwrap_or_default()
    );
    assert_eq!(snapshot(&first), before);
    assert_eq!(snapshot(&second), before);
    assert_eq!(
        common::assets_listing(&second),
        common::assets_listing(&first)
    );
    eprintln!("unchanged resynthesis: {} ms", again.as_millis());

    // With the recommended feature flags (still no build: same sources, same hash).
    let rec = tmp.path().join("recommended");
    synth(&rec, Some(&recommended_context()), &shims, &log);
    assert!(!log.exists());
    let expected = tmp.path().join("golden-recommended");
    golden_with_hash(&golden_recommended_dir("rust-function"), &hash, &expected);
    assert_assembly_matches(&expected, &rec);

    // The built handler answers one invocation from a local Runtime API.
    invoke(&bootstrap);
}

/// What the test's Runtime API answers a request with: status, headers, body.
type Answer<'a> = (&'a str, &'a str, &'a str);

/// A request the handler made: request line, headers (lower-cased names), body.
struct Request {
    line: String,
    headers: Vec<(String, String)>,
    body: String,
}

/// A minimal Lambda Runtime API on 127.0.0.1, serving one request at a time.
struct RuntimeApi {
    listener: TcpListener,
}

impl RuntimeApi {
    fn new() -> RuntimeApi {
        RuntimeApi {
            listener: TcpListener::bind("127.0.0.1:0").unwrap(),
        }
    }

    fn address(&self) -> String {
        self.listener.local_addr().unwrap().to_string()
    }

    /// Starts `bootstrap` with only `env` (and `AWS_LAMBDA_RUNTIME_API`) in its environment.
    fn start(&self, bootstrap: &Path, env: &[(&str, &str)]) -> std::process::Child {
        Command::new(bootstrap)
            .env_clear()
            .env("AWS_LAMBDA_RUNTIME_API", self.address())
            .envs(env.iter().copied())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Accepts one request and answers it.
    fn serve(&self, (status, headers, reply): Answer) -> Request {
        let (stream, _) = self.listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let mut length = 0;
        let mut received = Vec::new();
        loop {
            let mut h = String::new();
            reader.read_line(&mut h).unwrap();
            if h.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_string());
                if k == "content-length" {
                    length = v.parse().unwrap();
                }
                received.push((k, v));
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let mut stream = stream;
        write!(
            stream,
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{reply}",
            reply.len()
        )
        .unwrap();
        Request {
            line: line.trim().to_string(),
            headers: received,
            body: String::from_utf8(body).unwrap(),
        }
    }

    /// Serves one invocation of `event` and returns what the handler answered.
    fn invoke(&self, bootstrap: &Path, env: &[(&str, &str)], event: &str) -> String {
        let mut child = self.start(bootstrap, env);
        let next = self.serve((
            "200 OK",
            "Lambda-Runtime-Aws-Request-Id: req-1\r\nContent-Type: application/json\r\n",
            event,
        ));
        assert_eq!(
            next.line,
            "GET /2018-06-01/runtime/invocation/next HTTP/1.1"
        );
        let response = self.serve(("202 Accepted", "", "{}"));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(
            response.line,
            "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1"
        );
        response.body
    }
}

/// The built handler answers invocations from a local Runtime API with the configuration
/// `Orders::from_env()` read, and reports a bad configuration as an init error.
fn invoke(bootstrap: &Path) {
    // A Runtime API (a listener of its own) per process: a killed handler may already have
    // queued its next `/invocation/next` connection, which the next process must not be served.
    // TABLE_NAME as the template sets it; PAGE_SIZE unset (an `Option` field).
    assert_eq!(
        RuntimeApi::new().invoke(bootstrap, &[("TABLE_NAME", "orders")], r#"{"orderId":42}"#),
        r#"{"table":"orders","pageSize":25,"queue":null,"event":{"orderId":42}}"#
    );
    // Every field set; QUEUE_URL is a `Value` field (a token at synthesis, text here).
    assert_eq!(
        RuntimeApi::new().invoke(
            bootstrap,
            &[
                ("TABLE_NAME", "orders-eu"),
                ("PAGE_SIZE", "10"),
                ("QUEUE_URL", "https://sqs.example/q")
            ],
            "[1]"
        ),
        r#"{"table":"orders-eu","pageSize":10,"queue":"https://sqs.example/q","event":[1]}"#
    );

    // TABLE_NAME missing and PAGE_SIZE not a number: one init error naming both, then exit 1.
    let api = RuntimeApi::new();
    let child = api.start(bootstrap, &[("PAGE_SIZE", "ten")]);
    let init = api.serve(("202 Accepted", "", "{}"));
    let out = child.wait_with_output().unwrap();
    assert_eq!(init.line, "POST /2018-06-01/runtime/init/error HTTP/1.1");
    assert!(
        init.headers.contains(&(
            "lambda-runtime-function-error-type".into(),
            "Runtime.ConfigError".into()
        )),
        "{:?}",
        init.headers
    );
    let message = "2 environment variables missing or invalid: TABLE_NAME is not set; \
                   PAGE_SIZE=\\\"ten\\\" is not a valid u32 (invalid digit found in string)";
    assert_eq!(
        init.body,
        format!(r#"{{"errorMessage":"{message}","errorType":"Runtime.ConfigError"}}"#)
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("TABLE_NAME is not set"), "{stderr}");
    assert!(
        stderr.contains("PAGE_SIZE=\"ten\" is not a valid u32"),
        "{stderr}"
    );
}

/// The handler compiles lambda-cdk without its `synth` feature: neither its dependency tree
/// nor its committed Cargo.lock (checked up to date with `--locked`) holds the engine.
#[test]
fn handler_does_not_compile_the_synthesis_engine() {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "--locked",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .args(["--format", "{p}", "--manifest-path"])
        .arg(fixture().join("Cargo.toml"))
        .output()
        .unwrap();
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{tree}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for present in ["orders", "lambda-cdk", "lambda-macros", "lambda-spec"] {
        assert!(names.contains(&present), "{present} in\n{tree}");
    }
    let lock = fs::read_to_string(fixture().join("Cargo.lock")).unwrap();
    for absent in [
        "lambda-core",
        "lambda-builder",
        "serde",
        "serde_core",
        "serde_json",
        "sha2",
        "tempfile",
    ] {
        assert!(!names.contains(&absent), "{absent} in\n{tree}");
        assert!(
            !lock.contains(&format!("name = \"{absent}\"")),
            "{absent} in the fixture's Cargo.lock"
        );
    }
}

/// Copies the fixture's sources (not its `target/`) into `dir`, its lambda-cdk dependency
/// pointing at this repository (the same absolute path in every copy).
fn copy_fixture(dir: &Path) {
    for rel in ["Cargo.toml", "Cargo.lock", "src/main.rs", "src/config.rs"] {
        let to = dir.join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(fixture().join(rel), to).unwrap();
    }
    let manifest = dir.join("Cargo.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    assert!(text.contains("path = \"../..\""));
    let repo = common::repo_root().display().to_string();
    fs::write(
        &manifest,
        text.replace("path = \"../..\"", &format!("path = {repo:?}")),
    )
    .unwrap();
}

#[test]
fn asset_hash_follows_sources_not_target() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let pkg = tmp.path().join("orders");
    copy_fixture(&pkg);
    let code = || {
        RustCode::builder()
            .manifest_path(&pkg)
            .binary_name("orders")
            .build()
    };
    let base = code().asset_hash().unwrap();
    assert_eq!(base.len(), 64);
    // Same sources elsewhere: same hash (no absolute path is hashed).
    let other = tmp.path().join("elsewhere");
    copy_fixture(&other);
    let elsewhere = RustCode::builder()
        .manifest_path(&other)
        .binary_name("orders")
        .build();
    assert_eq!(elsewhere.asset_hash().unwrap(), base);

    // Anything under target/ is ignored.
    fs::create_dir_all(pkg.join("target/release")).unwrap();
    fs::write(pkg.join("target/release/notes.txt"), " \n").unwrap();
    assert_eq!(code().asset_hash().unwrap(), base);

    // One source byte: a new hash.
    let main = pkg.join("src/main.rs");
    let mut text = fs::read(&main).unwrap();
    text.push(b'\n');
    fs::write(&main, &text).unwrap();
    let changed = code().asset_hash().unwrap();
    assert_ne!(changed, base);

    // Build settings are part of it too.
    let arm = RustCode::builder()
        .manifest_path(&pkg)
        .binary_name("orders")
        .architecture(lambda_cdk::lambda::Architecture::Arm64)
        .build();
    assert_ne!(arm.asset_hash().unwrap(), changed);
    let featured = RustCode::builder()
        .manifest_path(&pkg)
        .binary_name("orders")
        .features(vec!["x".into()])
        .build();
    assert_ne!(featured.asset_hash().unwrap(), changed);

    // A path dependency's sources count as the package's own.
    let dep = tmp.path().join("shared");
    fs::create_dir_all(dep.join("src")).unwrap();
    fs::write(dep.join("Cargo.toml"), "[package]\nname = \"shared\"\n").unwrap();
    fs::write(dep.join("src/lib.rs"), "pub const A: u8 = 1;\n").unwrap();
    let manifest = pkg.join("Cargo.toml");
    let mut m = fs::read_to_string(&manifest).unwrap();
    m = m.replace(
        "[workspace]",
        "[dependencies]\nshared = { path = \"../shared\" }\n\n[workspace]",
    );
    fs::write(&manifest, m).unwrap();
    let with_dep = code().asset_hash().unwrap();
    fs::write(dep.join("src/lib.rs"), "pub const A: u8 = 2;\n").unwrap();
    assert_ne!(code().asset_hash().unwrap(), with_dep);
}

#[test]
fn missing_package_is_an_error() {
    let err = RustCode::builder()
        .manifest_path("fixtures/does-not-exist")
        .build()
        .asset_hash()
        .unwrap_err();
    assert!(err.to_string().contains("no Cargo package"), "{err}");
}

/// An optional path dependency that no enabled feature turns on (absent from Cargo.lock, as
/// lambda-core is from the fixture's) is not part of the hash; the ones compiled are.
#[test]
fn optional_path_dependency_outside_the_lock_is_not_hashed() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let write = |rel: &str, text: &str| {
        let path = tmp.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write(
        "handler/Cargo.toml",
        "[package]\nname = \"handler\"\n[dependencies]\nfacade = { path = \"../facade\", default-features = false }\n[workspace]\n",
    );
    write("handler/src/main.rs", "fn main() {}\n");
    write(
        "facade/Cargo.toml",
        "[package]\nname = \"facade\"\n[dependencies]\nengine = { path = \"engine\", optional = true }\nmacros = { path = \"macros\" }\n",
    );
    write("facade/src/lib.rs", "\n");
    write("facade/engine/Cargo.toml", "[package]\nname = \"engine\"\n");
    write("facade/engine/src/lib.rs", "pub const V: u8 = 1;\n");
    write("facade/macros/Cargo.toml", "[package]\nname = \"macros\"\n");
    write("facade/macros/src/lib.rs", "pub const V: u8 = 1;\n");
    let lock = |names: &[&str]| {
        let mut text = String::from("version = 4\n");
        for name in names {
            text.push_str(&format!(
                "\n[[package]]\nname = \"{name}\"\nversion = \"0.1.0\"\n"
            ));
        }
        write("handler/Cargo.lock", &text);
    };
    let hash = || {
        RustCode::builder()
            .manifest_path(tmp.path().join("handler"))
            .build()
            .asset_hash()
            .unwrap()
    };
    lock(&["facade", "handler", "macros"]);
    let base = hash();
    write("facade/engine/src/lib.rs", "pub const V: u8 = 2;\n");
    assert_eq!(hash(), base, "the engine is not compiled: not hashed");
    write("facade/macros/src/lib.rs", "pub const V: u8 = 2;\n");
    let macros_changed = hash();
    assert_ne!(macros_changed, base, "a compiled path dependency is hashed");
    // Once a feature turns the engine on, Cargo.lock lists it and its sources count.
    lock(&["engine", "facade", "handler", "macros"]);
    let with_engine = hash();
    write("facade/engine/src/lib.rs", "pub const V: u8 = 3;\n");
    assert_ne!(hash(), with_engine);
}
