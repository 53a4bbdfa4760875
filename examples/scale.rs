//! The performance apps of the oracle (`perf/gen.js`), for `bench/compare.sh` and `tests/scale.rs`:
//!
//! ```text
//! cargo run --release --example scale -- inline N        # stack Inline<N>: N inline functions Fn0..Fn<N-1>
//! cargo run --release --example scale -- split N PER     # N inline functions, PER per stack Split0, Split1, ...
//! cargo run --release --example scale -- assets DIR      # stack Assets100: Fn<i> = Code::from_asset(DIR/fn<i>) per fn<i>
//! cargo run --release --example scale -- bigasset DIR    # stack BigAsset: one function Fn, Code::from_asset(DIR)
//! cargo run --release --example scale -- write-assets DIR [N]   # writes gen.js's assets100 input folders
//! cargo run --release --example scale -- fingerprint DIR [THREADS]  # prints DIR's asset hash and the time
//! ```
//!
//! Every function is NODEJS_22_X with handler `index.handler`; inline ones carry the code
//! `exports.handler = async () => <i>;` and the environment variable `INDEX=<i>`, as gen.js writes
//! them. The output folder is `CDK_OUTDIR` (default `cdk.out`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lambda_cdk::prelude::*;

fn inline_function(stack: &Stack, i: usize) -> Result<(), lambda_cdk::Error> {
    let index = i.to_string();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline(format!(
            "exports.handler = async () => {i};"
        )))
        .environment([("INDEX", index.as_str())])
        .build(stack, &format!("Fn{i}"))?;
    Ok(())
}

fn asset_function(stack: &Stack, id: &str, dir: PathBuf) -> Result<(), lambda_cdk::Error> {
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(dir))
        .build(stack, id)?;
    Ok(())
}

/// The assets-100 input of gen.js: `DIR/fn<i>/{index.js, package.json, data.txt}`, byte for byte.
fn write_assets(dir: &Path, count: usize) -> std::io::Result<()> {
    for i in 0..count {
        let d = dir.join(format!("fn{i}"));
        std::fs::create_dir_all(&d)?;
        std::fs::write(
            d.join("index.js"),
            format!("exports.handler = async () => {i};\n"),
        )?;
        std::fs::write(
            d.join("package.json"),
            format!("{{\n  \"name\": \"fn{i}\",\n  \"version\": \"1.0.0\"\n}}\n"),
        )?;
        std::fs::write(d.join("data.txt"), format!("payload {i}\n").repeat(20))?;
    }
    Ok(())
}

/// The `fn<i>` subfolders of `dir`, in numeric order (gen.js creates Fn<i> from fn<i>).
fn asset_folders(dir: &Path) -> std::io::Result<Vec<(usize, PathBuf)>> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let index = name
            .to_str()
            .and_then(|n| n.strip_prefix("fn"))
            .and_then(|n| n.parse::<usize>().ok());
        if let (Some(i), true) = (index, entry.file_type()?.is_dir()) {
            folders.push((i, entry.path()));
        }
    }
    folders.sort();
    Ok(folders)
}

fn number(arg: Option<&String>, what: &str) -> Result<usize, String> {
    arg.ok_or_else(|| format!("missing {what}"))?
        .parse()
        .map_err(|e| format!("{what}: {e}"))
}

fn run(args: &[String]) -> Result<(), String> {
    let app = App::from_env();
    let err = |e: lambda_cdk::Error| e.to_string();
    match args.first().map(String::as_str) {
        Some("inline") => {
            let n = number(args.get(1), "N")?;
            // As bench/gen.js's inline-N apps: 2 resources a function, so N > 250 is over the
            // 500-resource check, which is switched off to measure synthesis anyway.
            app.set_context(lambda_cdk::STACK_RESOURCE_LIMIT, 0);
            let stack = Stack::builder()
                .build(&app, &format!("Inline{n}"))
                .map_err(err)?;
            for i in 0..n {
                inline_function(&stack, i).map_err(err)?;
            }
        }
        Some("split") => {
            let n = number(args.get(1), "N")?;
            let per = number(args.get(2), "PER")?.max(1);
            let mut stack = None;
            for i in 0..n {
                if i % per == 0 {
                    stack = Some(
                        Stack::builder()
                            .build(&app, &format!("Split{}", i / per))
                            .map_err(err)?,
                    );
                }
                inline_function(stack.as_ref().expect("created at i = 0"), i).map_err(err)?;
            }
        }
        Some("assets") => {
            let dir = PathBuf::from(args.get(1).ok_or("missing DIR")?);
            let folders = asset_folders(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let stack = Stack::builder().build(&app, "Assets100").map_err(err)?;
            for (i, folder) in folders {
                asset_function(&stack, &format!("Fn{i}"), folder).map_err(err)?;
            }
        }
        Some("bigasset") => {
            let dir = PathBuf::from(args.get(1).ok_or("missing DIR")?);
            let stack = Stack::builder().build(&app, "BigAsset").map_err(err)?;
            asset_function(&stack, "Fn", dir).map_err(err)?;
        }
        Some("write-assets") => {
            let dir = PathBuf::from(args.get(1).ok_or("missing DIR")?);
            let count = match args.get(2) {
                Some(_) => number(args.get(2), "N")?,
                None => 100,
            };
            return write_assets(&dir, count).map_err(|e| format!("{}: {e}", dir.display()));
        }
        Some("fingerprint") => {
            let dir = PathBuf::from(args.get(1).ok_or("missing DIR")?);
            let options = lambda_cdk::assets::FingerprintOptions::default();
            let start = std::time::Instant::now();
            let hash = match args.get(2) {
                Some(_) => {
                    let threads = number(args.get(2), "THREADS")?;
                    lambda_cdk::assets::fingerprint_with_threads(&dir, &options, threads)
                }
                None => lambda_cdk::assets::fingerprint(&dir, &options),
            }
            .map_err(|e| e.to_string())?;
            println!("{hash} {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
            return Ok(());
        }
        _ => {
            return Err(
                "usage: scale (inline N | split N PER | assets DIR | bigasset DIR \
                 | write-assets DIR [N] | fingerprint DIR [THREADS])"
                    .into(),
            )
        }
    }
    app.synth().map_err(err)?;
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("scale: {e}");
            ExitCode::FAILURE
        }
    }
}
