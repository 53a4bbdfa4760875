//! Behaviour of the asset module beyond the golden hashes: normalization, errors, staging,
//! zips and symlinks.

use std::fs::{self, File};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use lambda_core::assets::{
    content_fingerprint, fingerprint, is_archive_file, plan, stage, write_zip, AssetError,
    FingerprintOptions, IgnoreMode, SymlinkFollow,
};
use sha2::{Digest, Sha256};

fn default() -> FingerprintOptions {
    FingerprintOptions::default()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The fingerprint computed by hand from its definition: sha256 over `\x01key\x02value\x03`.
fn hash_fields(fields: &[(&str, &str)]) -> String {
    let mut hash = Sha256::new();
    for (key, value) in fields {
        hash.update([1u8]);
        hash.update(key.as_bytes());
        hash.update([2u8]);
        hash.update(value.as_bytes());
        hash.update([3u8]);
    }
    hex(&hash.finalize())
}

fn content(bytes: &[u8]) -> String {
    format!("{}:{}", bytes.len(), hex(&Sha256::digest(bytes)))
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn zip_bytes(dir: &Path, options: &FingerprintOptions) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    write_zip(dir, options, &mut out).unwrap();
    out.into_inner()
}

#[test]
fn fingerprint_is_sha256_over_fields() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a/b.txt"), b"b\n");
    write(&dir.path().join("a.txt"), b"a\n");
    // `a/b.txt` comes before `a.txt`: each directory is walked at its sorted position.
    let expected = hash_fields(&[
        ("options.extra", ""),
        ("options.follow", "external"),
        ("file:a/b.txt", &content(b"b\n")),
        ("file:a.txt", &content(b"a\n")),
    ]);
    assert_eq!(fingerprint(dir.path(), &default()).unwrap(), expected);

    let with_mode = FingerprintOptions {
        ignore_mode: IgnoreMode::Docker,
        extra_hash: Some("salt".into()),
        follow: SymlinkFollow::Never,
        ..default()
    };
    let expected = hash_fields(&[
        ("options.extra", "salt"),
        ("options.follow", "never"),
        ("options.ignoreMode", "docker"),
        ("file:a/b.txt", &content(b"b\n")),
        ("file:a.txt", &content(b"a\n")),
    ]);
    assert_eq!(fingerprint(dir.path(), &with_mode).unwrap(), expected);
}

#[test]
fn single_file_uses_an_empty_key_and_ignores_excludes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("handler.zip");
    write(&file, b"PK\x03\x04\0\0");
    let expected = hash_fields(&[
        ("options.extra", ""),
        ("options.follow", "external"),
        ("file:", &content(b"PK\x03\x04\0\0")),
    ]);
    assert_eq!(fingerprint(&file, &default()).unwrap(), expected);
    let excluding = FingerprintOptions {
        exclude: vec!["*".into()],
        ..default()
    };
    assert_eq!(fingerprint(&file, &excluding).unwrap(), expected);
}

#[test]
fn crlf_and_lf_text_hash_the_same() {
    let crlf = tempfile::tempdir().unwrap();
    let lf = tempfile::tempdir().unwrap();
    write(&crlf.path().join("index.js"), b"line one\r\nline two\r\n");
    write(&lf.path().join("index.js"), b"line one\nline two\n");
    assert_eq!(
        fingerprint(crlf.path(), &default()).unwrap(),
        fingerprint(lf.path(), &default()).unwrap()
    );
    assert_eq!(
        content_fingerprint(&crlf.path().join("index.js")).unwrap(),
        content(b"line one\nline two\n")
    );
}

#[test]
fn binary_file_with_nul_is_not_normalized() {
    let crlf = tempfile::tempdir().unwrap();
    let lf = tempfile::tempdir().unwrap();
    write(&crlf.path().join("blob.bin"), b"\0\x01\r\n\x02");
    write(&lf.path().join("blob.bin"), b"\0\x01\n\x02");
    assert_ne!(
        fingerprint(crlf.path(), &default()).unwrap(),
        fingerprint(lf.path(), &default()).unwrap()
    );
    assert_eq!(
        content_fingerprint(&crlf.path().join("blob.bin")).unwrap(),
        content(b"\0\x01\r\n\x02")
    );
}

#[test]
fn missing_path_is_not_found_naming_the_absolute_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir");
    for result in [
        fingerprint(&missing, &default()),
        plan(&missing, &default()).map(|a| a.hash),
        stage(&missing, &default(), &dir.path().join("out")).map(|a| a.hash),
    ] {
        let err = result.unwrap_err();
        assert!(
            matches!(&err, AssetError::NotFound { path } if *path == missing),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!("Cannot find asset at {}", missing.display())
        );
    }
    // A relative path is reported resolved, as CDK's `path.resolve` does.
    let err = fingerprint(Path::new("surely/not/here/../there"), &default()).unwrap_err();
    let expected = std::env::current_dir().unwrap().join("surely/not/there");
    assert_eq!(
        err.to_string(),
        format!("Cannot find asset at {}", expected.display())
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn lambda_code_must_be_an_archive() {
    assert!(is_archive_file("code.zip"));
    assert!(is_archive_file("/x/LAYER.TAR.GZ"));
    assert!(is_archive_file("app.jar"));
    assert!(is_archive_file("a.tgz"));
    assert!(is_archive_file("a.tar"));
    assert!(!is_archive_file("index.js"));
    assert!(!is_archive_file("zip"));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("index.js");
    write(&file, b"exports.handler = 1;\n");
    let asset = plan(&file, &default()).unwrap();
    assert!(asset.file_name.ends_with(".js"));
    let err = asset
        .ensure_archive(Path::new("handlers/index.js"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Asset must be a .zip file or a directory (handlers/index.js)"
    );
    assert!(plan(dir.path(), &default())
        .unwrap()
        .ensure_archive(dir.path())
        .is_ok());
}

#[cfg(unix)]
#[test]
fn special_files_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable, skipped");
        return;
    }
    let err = plan(&fifo, &default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "Asset {} is expected to be either a directory or a regular file",
            fifo.display()
        )
    );
    // Inside a directory a FIFO is skipped, as CDK skips it.
    write(&dir.path().join("index.js"), b"x\n");
    let expected = hash_fields(&[
        ("options.extra", ""),
        ("options.follow", "external"),
        ("file:index.js", &content(b"x\n")),
    ]);
    assert_eq!(fingerprint(dir.path(), &default()).unwrap(), expected);
}

#[test]
fn staging_twice_is_a_no_op_the_second_time() {
    let src = tempfile::tempdir().unwrap();
    write(&src.path().join("index.js"), b"exports.handler = 1;\n");
    write(&src.path().join("lib/util.js"), b"module.exports = 2;\n");
    write(&src.path().join(".is_custom_resource"), b"");
    let out = tempfile::tempdir().unwrap();

    let planned = plan(src.path(), &default()).unwrap();
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
    let first = stage(src.path(), &default(), out.path()).unwrap();
    assert_eq!(first, planned);
    let staged = out.path().join(&first.file_name);
    assert!(staged.join("lib/util.js").is_file());
    // Staging always excludes `.is_custom_resource` (the plain fingerprint does not).
    assert!(!staged.join(".is_custom_resource").exists());
    assert_ne!(fingerprint(src.path(), &default()).unwrap(), first.hash);

    // Tamper with the staged copy: a second staging must leave it alone.
    write(&staged.join("marker"), b"left alone");
    let second = stage(src.path(), &default(), out.path()).unwrap();
    assert_eq!(second, first);
    assert_eq!(fs::read(staged.join("marker")).unwrap(), b"left alone");
    // Nothing else was written (no temporary folders left behind).
    let names: Vec<_> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from(&first.file_name)]);
}

#[test]
fn zips_are_byte_identical_whatever_the_mtimes() {
    let src = tempfile::tempdir().unwrap();
    write(&src.path().join("index.js"), b"exports.handler = 1;\n");
    write(&src.path().join("lib/a.js"), b"a\n");
    write(&src.path().join("lib.js"), &[0u8, 1, 2, 3]);
    write(&src.path().join("skip.test.js"), b"test\n");
    let options = FingerprintOptions {
        exclude: vec!["*.test.js".into()],
        ..default()
    };
    let first = zip_bytes(src.path(), &options);
    assert_eq!(first, zip_bytes(src.path(), &options));

    let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for name in ["index.js", "lib/a.js", "lib.js"] {
        File::options()
            .write(true)
            .open(src.path().join(name))
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
    assert_eq!(first, zip_bytes(src.path(), &options));

    let mut archive = zip::ZipArchive::new(Cursor::new(first)).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    assert_eq!(names, ["index.js", "lib.js", "lib/a.js"]);
    let mut entry = archive.by_name("lib/a.js").unwrap();
    assert_eq!(entry.unix_mode().map(|m| m & 0o777), Some(0o644));
    assert_eq!(entry.last_modified(), Some(zip::DateTime::default()));
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    assert_eq!(text, "a\n");
}

#[cfg(unix)]
#[test]
fn zip_marks_executables_0755() {
    use std::os::unix::fs::PermissionsExt;
    let src = tempfile::tempdir().unwrap();
    write(&src.path().join("bootstrap"), b"#!/bin/sh\n");
    fs::set_permissions(
        src.path().join("bootstrap"),
        fs::Permissions::from_mode(0o700),
    )
    .unwrap();
    let bytes = zip_bytes(src.path(), &default());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let entry = archive.by_name("bootstrap").unwrap();
    assert_eq!(entry.unix_mode().map(|m| m & 0o777), Some(0o755));
}

#[cfg(unix)]
mod symlinks {
    use super::*;
    use std::os::unix::fs::symlink;

    fn canonical(dir: &tempfile::TempDir) -> PathBuf {
        fs::canonicalize(dir.path()).unwrap()
    }

    /// SymlinkFollow::External (the default): a link leaving the asset folder is followed, so
    /// it is hashed, staged and zipped exactly as a regular copy of its target would be.
    #[test]
    fn external_link_is_hashed_as_its_target() {
        let outside = tempfile::tempdir().unwrap();
        write(&outside.path().join("shared.js"), b"shared\r\n");
        write(&outside.path().join("lib/x.js"), b"x\n");

        let linked = tempfile::tempdir().unwrap();
        write(&linked.path().join("index.js"), b"main\n");
        symlink(
            outside.path().join("shared.js"),
            linked.path().join("shared.js"),
        )
        .unwrap();
        symlink(outside.path().join("lib"), linked.path().join("lib")).unwrap();

        let copied = tempfile::tempdir().unwrap();
        write(&copied.path().join("index.js"), b"main\n");
        write(&copied.path().join("shared.js"), b"shared\r\n");
        write(&copied.path().join("lib/x.js"), b"x\n");

        let hash = fingerprint(linked.path(), &default()).unwrap();
        assert_eq!(hash, fingerprint(copied.path(), &default()).unwrap());

        let out = tempfile::tempdir().unwrap();
        let asset = stage(linked.path(), &default(), out.path()).unwrap();
        let staged = out.path().join(&asset.file_name);
        assert!(!fs::symlink_metadata(staged.join("shared.js"))
            .unwrap()
            .is_symlink());
        assert!(!fs::symlink_metadata(staged.join("lib"))
            .unwrap()
            .is_symlink());
        assert_eq!(fs::read(staged.join("lib/x.js")).unwrap(), b"x\n");
        assert_eq!(
            zip_bytes(linked.path(), &default()),
            zip_bytes(copied.path(), &default())
        );

        // With Never, the same links are hashed as `link:` entries holding their targets.
        let never = FingerprintOptions {
            follow: SymlinkFollow::Never,
            ..default()
        };
        let lib_target = outside.path().join("lib");
        let shared_target = outside.path().join("shared.js");
        assert_eq!(
            fingerprint(linked.path(), &never).unwrap(),
            hash_fields(&[
                ("options.extra", ""),
                ("options.follow", "never"),
                ("file:index.js", &content(b"main\n")),
                ("link:lib", &lib_target.to_string_lossy()),
                ("link:shared.js", &shared_target.to_string_lossy()),
            ])
        );
        // And BlockExternal refuses to stage them.
        let block = FingerprintOptions {
            follow: SymlinkFollow::BlockExternal,
            ..default()
        };
        let err = stage(linked.path(), &block, out.path()).unwrap_err();
        assert!(matches!(err, AssetError::ExternalSymlink { .. }), "{err:?}");
    }

    /// An internal link stays a link: hashed as `link:<path>` = its target, an absolute target
    /// written relative to the asset root, and copied as a link.
    #[test]
    fn internal_link_is_hashed_as_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let root = canonical(&dir);
        write(&root.join("target.js"), b"t\n");
        symlink("target.js", root.join("relative.js")).unwrap();
        symlink(root.join("target.js"), root.join("absolute.js")).unwrap();
        let expected = hash_fields(&[
            ("options.extra", ""),
            ("options.follow", "external"),
            ("link:absolute.js", "target.js"),
            ("link:relative.js", "target.js"),
            ("file:target.js", &content(b"t\n")),
        ]);
        assert_eq!(fingerprint(&root, &default()).unwrap(), expected);

        let out = tempfile::tempdir().unwrap();
        let asset = stage(&root, &default(), out.path()).unwrap();
        let staged = out.path().join(&asset.file_name);
        assert_eq!(
            fs::read_link(staged.join("relative.js")).unwrap(),
            PathBuf::from("target.js")
        );
        // The zip stores what the link points to, as the CDK CLI's zip does.
        let mut archive = zip::ZipArchive::new(Cursor::new(zip_bytes(&root, &default()))).unwrap();
        let mut text = String::new();
        archive
            .by_name("relative.js")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "t\n");
    }

    #[test]
    fn link_cycles_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = canonical(&dir);
        write(&root.join("sub/file.txt"), b"f\n");
        symlink("..", root.join("sub/up")).unwrap();
        let always = FingerprintOptions {
            follow: SymlinkFollow::Always,
            ..default()
        };
        let plain = tempfile::tempdir().unwrap();
        write(&plain.path().join("sub/file.txt"), b"f\n");
        let always_plain = fingerprint(plain.path(), &always).unwrap();
        assert_eq!(fingerprint(&root, &always).unwrap(), always_plain);
    }

    #[test]
    fn symlinked_root_is_resolved() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("real/index.js"), b"x\n");
        symlink(dir.path().join("real"), dir.path().join("alias")).unwrap();
        assert_eq!(
            fingerprint(&dir.path().join("alias"), &default()).unwrap(),
            fingerprint(&dir.path().join("real"), &default()).unwrap()
        );
    }
}
