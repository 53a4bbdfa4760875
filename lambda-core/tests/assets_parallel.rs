//! The parallel fingerprint gives the sequential one's result, and aws-cdk-lib's: on the shared
//! fixtures (hashes from the oracle's goldens), on the 100 folders of the assets-100 benchmark
//! app (hashes from `tests/golden/assets-100`, written by aws-cdk-lib 2.276.0), and on a
//! generated tree of a few hundred text, CRLF and binary files.

use std::fs;
use std::path::{Path, PathBuf};

use lambda_core::assets::{fingerprint_with_threads, plan, FingerprintOptions, IgnoreMode};
use serde_json::Value;

const THREADS: [usize; 4] = [1, 2, 3, 8];

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
}

/// Options as staging hashes them (`.is_custom_resource` first).
fn staging(exclude: &[&str], ignore_mode: IgnoreMode) -> FingerprintOptions {
    FingerprintOptions {
        exclude: std::iter::once(".is_custom_resource")
            .chain(exclude.iter().copied())
            .map(String::from)
            .collect(),
        ignore_mode,
        ..FingerprintOptions::default()
    }
}

fn assert_all_threads(path: &Path, options: &FingerprintOptions, expected: &str) {
    for threads in THREADS {
        assert_eq!(
            fingerprint_with_threads(path, options, threads).unwrap(),
            expected,
            "{} with {threads} thread(s)",
            path.display()
        );
    }
}

#[test]
fn shared_fixtures_hash_as_aws_cdk_lib_with_any_number_of_threads() {
    // The hashes of the oracle's goldens (assets-listing.txt of asset-code, profiling, layers,
    // asset-zip and exclude-patterns), as in assets_golden.rs.
    let cases: [(&str, &[&str], IgnoreMode, &str); 6] = [
        (
            "fixtures/handler-node",
            &[],
            IgnoreMode::Glob,
            "7c6f48e3e070f1f618845bc856b417bccf3a3582f2a02af2aa625d7673336bc7",
        ),
        (
            "fixtures/handler-python",
            &[],
            IgnoreMode::Glob,
            "73c57881db107e0c71d6efd7e1b541fe314dc43eb80900facab95acee38c4d59",
        ),
        (
            "fixtures/layer-node",
            &[],
            IgnoreMode::Glob,
            "06e3a42bcce3d640c45048a9d0ccf87a1c702ed8504727e2cec1b91f80466c39",
        ),
        (
            "fixtures/java-handler.zip",
            &[],
            IgnoreMode::Glob,
            "e3cb887deffe5be5f2e0f7216d93211f4f279ff7faf7a0c8e8cb2a1969ec9ecf",
        ),
        (
            "fixtures/exclude-src",
            &["*.ignore"],
            IgnoreMode::Glob,
            "0646644c0d75c0be0b304de218aaac9c0292b39dd1bfff3449a54552fdba7af0",
        ),
        (
            "fixtures/exclude-src",
            &["*.ignore"],
            IgnoreMode::Docker,
            "16cf030ccfdfdb39c7259e1f46839a28bb3ded19914090e883b6e8b697eaa7e8",
        ),
    ];
    for (path, exclude, mode, hash) in cases {
        let path = repo(path);
        let options = staging(exclude, mode);
        assert_eq!(
            plan(&path, &options_without_staging(&options))
                .unwrap()
                .hash,
            hash
        );
        assert_all_threads(&path, &options, hash);
    }
}

/// `plan` adds `.is_custom_resource` itself.
fn options_without_staging(options: &FingerprintOptions) -> FingerprintOptions {
    FingerprintOptions {
        exclude: options.exclude[1..].to_vec(),
        ..options.clone()
    }
}

/// The oracle's perf/gen.js, assets100 part.
fn write_assets100(root: &Path) {
    for i in 0..100 {
        let d = root.join(format!("fn{i}"));
        fs::create_dir_all(&d).unwrap();
        fs::write(
            d.join("index.js"),
            format!("exports.handler = async () => {i};\n"),
        )
        .unwrap();
        fs::write(
            d.join("package.json"),
            format!("{{\n  \"name\": \"fn{i}\",\n  \"version\": \"1.0.0\"\n}}\n"),
        )
        .unwrap();
        fs::write(d.join("data.txt"), format!("payload {i}\n").repeat(20)).unwrap();
    }
}

#[test]
fn assets_100_folders_hash_as_aws_cdk_lib_with_any_number_of_threads() {
    let manifest: Value = serde_json::from_str(
        &fs::read_to_string(repo("tests/golden/assets-100/Assets100.assets.json")).unwrap(),
    )
    .unwrap();
    // displayName "Fn<i>/Code" names the folder fn<i> (the other entry is the template).
    let assets: Vec<(usize, &String)> = manifest["files"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(hash, entry)| {
            let name = entry["displayName"].as_str()?;
            let i = name.strip_prefix("Fn")?.strip_suffix("/Code")?;
            Some((i.parse().unwrap(), hash))
        })
        .collect();
    assert_eq!(assets.len(), 100);
    let tmp = tempfile::tempdir().unwrap();
    write_assets100(tmp.path());
    for (i, hash) in assets {
        assert_all_threads(
            &tmp.path().join(format!("fn{i}")),
            &staging(&[], IgnoreMode::Glob),
            hash,
        );
    }
}

/// A deterministic byte stream (xorshift), so the tree is the same on every run.
fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn generated_tree_hashes_the_same_with_any_number_of_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for i in 0..400u64 {
        let dir = root.join(format!("d{}/e{}", i % 7, i % 3));
        fs::create_dir_all(&dir).unwrap();
        let content = match i % 5 {
            // binary (NUL in the first 8 KiB), up to ~300 KiB: more than one read buffer
            0 => bytes(i, (i as usize * 997) % 300_000),
            // text with CRLF, one straddling the 8 KiB chunk boundary
            1 => {
                let mut t = b"x".repeat(8191);
                t.extend_from_slice(b"\r\nline\r\n".repeat(i as usize).as_slice());
                t
            }
            // text ending in CR (CDK's held-back quirk)
            2 => format!("{i}\r\n{i}\r").into_bytes(),
            3 => Vec::new(),
            // non-UTF-8 text
            _ => [b"caf\xe9 ".as_slice(), &bytes(i, 50)]
                .concat()
                .into_iter()
                .map(|b| if b == 0 { 1 } else { b })
                .collect(),
        };
        fs::write(
            dir.join(format!(
                "f{i}.{}",
                ["bin", "txt", "js", "empty", "dat"][(i % 5) as usize]
            )),
            content,
        )
        .unwrap();
    }
    let options = staging(&["*.empty"], IgnoreMode::Glob);
    let sequential = fingerprint_with_threads(root, &options, 1).unwrap();
    assert_all_threads(root, &options, &sequential);
    assert_eq!(
        lambda_core::assets::fingerprint(root, &options).unwrap(),
        sequential
    );
}
