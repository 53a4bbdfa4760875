//! Fingerprints that aws-cdk-lib 2.276.0 itself computed (`FileSystem.fingerprint`, run under
//! Node 20 on trees built exactly as below), for the corners the oracle apps do not reach:
//! CDK's per-8-KiB text normalization quirks, UTF-16 name order, every kind of symlink under
//! each follow mode, and exclude patterns in all three ignore modes. The trees are rebuilt
//! here in a fresh temporary folder: equal hashes also show that nothing depends on where
//! the asset sits.

use std::fs;
use std::path::{Path, PathBuf};

use lambda_core::assets::{fingerprint, FingerprintOptions, IgnoreMode, SymlinkFollow};

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn repeat(byte: u8, n: usize) -> Vec<u8> {
    vec![byte; n]
}

fn concat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
}

fn options(exclude: &[&str], ignore_mode: IgnoreMode) -> FingerprintOptions {
    FingerprintOptions {
        exclude: exclude.iter().map(|s| s.to_string()).collect(),
        ignore_mode,
        ..FingerprintOptions::default()
    }
}

#[test]
fn text_normalization_quirks_and_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path();
    let x8191 = repeat(b'x', 8191);
    let y8191 = repeat(b'y', 8191);
    // CRLF split by the 8 KiB boundary.
    write(
        &q.join("crlf-boundary.txt"),
        &concat(&[&x8191, b"\r\n", b"tail\r\n"]),
    );
    // Last chunk ends in CR: hashed raw and not counted.
    write(&q.join("cr-end.txt"), b"a\r\nb\r");
    // Two chunks in a row ending in CR.
    let chunk = concat(&[&y8191, b"\r"]);
    write(
        &q.join("cr-chunks.txt"),
        &concat(&[&chunk, &chunk, b"\nz\r\n"]),
    );
    // A multi-byte character cut by the boundary.
    write(
        &q.join("split-utf8.txt"),
        &concat(&[&x8191, "€".as_bytes(), b"\r\n"]),
    );
    // Invalid UTF-8, including an encoded surrogate.
    write(&q.join("invalid.txt"), b"\xff\xfe bad \r\n\xed\xa0\x80");
    // A NUL after the first 8 KiB does not make a file binary.
    write(
        &q.join("late-nul.bin"),
        &concat(&[&repeat(b'a', 9000), b"\0\r\n"]),
    );
    // First chunk held back (ends in CR), so the second is tested for NUL again: binary.
    write(
        &q.join("held-then-binary.bin"),
        &concat(&[&y8191, b"\r\0z\r\n"]),
    );
    write(&q.join("empty"), b"");
    for name in ["é.txt", "z.txt", "\u{FF21}.txt", "\u{1F600}.txt", "a.txt"] {
        write(&q.join(name), &concat(&[name.as_bytes(), b"\r\n"]));
    }
    write(&q.join("a/b.txt"), b"b\n");

    assert_eq!(
        fingerprint(q, &FingerprintOptions::default()).unwrap(),
        "419fbd3d1150750c379c1f89fea1a530954d61734774929591b3884d08bdf968"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_under_each_follow_mode() {
    use std::os::unix::fs::symlink;

    let base = tempfile::tempdir().unwrap();
    let base = fs::canonicalize(base.path()).unwrap();
    let links = base.join("links");
    let outside = base.join("outside");
    write(&outside.join("file.txt"), b"outside\r\n");
    write(&outside.join("dir/x.txt"), b"x\n");
    write(&links.join("target.txt"), b"t\n");
    write(&links.join("sub/inner.txt"), b"i\n");
    symlink("target.txt", links.join("rel")).unwrap();
    symlink(links.join("sub/inner.txt"), links.join("abs")).unwrap();
    symlink("../outside/file.txt", links.join("ext-file")).unwrap();
    symlink("../outside/dir", links.join("ext-dir")).unwrap();
    symlink("nope/missing", links.join("dangling")).unwrap();
    symlink("/nonexistent/x", links.join("dangling-abs")).unwrap();
    symlink("..", links.join("sub/up")).unwrap();
    symlink(".", links.join("self")).unwrap();
    symlink("sub", links.join("subdir")).unwrap();

    for (follow, expected) in [
        (
            SymlinkFollow::External,
            "9ffd89a44decb7452ffe72a9af6a3f33554b653b9a32737051261bdebf439bfe",
        ),
        (
            SymlinkFollow::Always,
            "1c8d41628655e23c4020ce004286a18afd3ad6224d2ee66aabfc21b371a8bc39",
        ),
        (
            SymlinkFollow::BlockExternal,
            "39d4b90b0de2e2d905a094b6254acd3ae71f07174a2583a4cf698049c44c8814",
        ),
        (
            SymlinkFollow::Never,
            "1895175dc1eeb1d6369d119d477d88538affe5668bc904b2d5a5ac8ecf41749d",
        ),
    ] {
        let options = FingerprintOptions {
            follow,
            ..FingerprintOptions::default()
        };
        assert_eq!(
            fingerprint(&links, &options).unwrap(),
            expected,
            "{follow:?}"
        );
    }
}

#[test]
fn exclude_patterns_in_each_mode() {
    // Over fixtures/exclude-src (the oracle's fixture).
    let source = fixture("exclude-src");
    let cases: [(&[&str], IgnoreMode, &str); 8] = [
        (
            &["**/*.py", "!sub/**"],
            IgnoreMode::Glob,
            "343273d226b7e83626fa602f711c9e7b9d46a92423d865bdd1dc06f64d0feb00",
        ),
        (
            &["*.{py,md}", "!index.*"],
            IgnoreMode::Glob,
            "8bd911ceca6a78f561b538da9202e411cc092d9e6e5122d90a86a2b97dc6f9f6",
        ),
        (
            &["+(help|ind)*", ".*"],
            IgnoreMode::Glob,
            "655163a7adb33dbb4cc155978e324be0e11944601d2f4c3f0c59a3110041a443",
        ),
        (
            &["**/*.py"],
            IgnoreMode::Docker,
            "0b036c6dca390a181f9c841a1628bd1f6fbcf7cc538c2504f8937ab161420eba",
        ),
        (
            &["*", "!**/*.py"],
            IgnoreMode::Docker,
            "b3ddb0f94e12fe4e609800d1d220a659db94bb95baaa5f463d5768845d036c60",
        ),
        (
            &["*.IGNORE", "SUB/KEEP.PY"],
            IgnoreMode::Docker,
            "7d0ac074f5c6aa42996c13119ece98bf558262d8b0303db862c0c2561e49dc90",
        ),
        (
            &["sub/", "!*.md", "*"],
            IgnoreMode::Git,
            "13e268012a107714e10d7f2edd76d1bf91980904ec61fdf3aae2075a8b5c86be",
        ),
        (
            &["*.PY"],
            IgnoreMode::Git,
            "008e3263254c033676a7da576a92387922d3a59ee38360eb8db2843de923a856",
        ),
    ];
    for (exclude, mode, expected) in cases {
        assert_eq!(
            fingerprint(&source, &options(exclude, mode)).unwrap(),
            expected,
            "{mode:?} {exclude:?}"
        );
    }
    let salted = FingerprintOptions {
        extra_hash: Some("salt".into()),
        ..FingerprintOptions::default()
    };
    assert_eq!(
        fingerprint(&source, &salted).unwrap(),
        "cea4d3d3126c9b60c90b15d587db54de8b5fa3fd28d8e2dd35cd308c70cd6ab2"
    );
}
