//! Asset hashes and staged contents against the facts aws-cdk-lib 2.276.0 produced for the
//! oracle apps. Every expected value below is copied from a golden file named next to it
//! (`oracle/golden/<app>/assets-listing.txt`, the list of staged `asset.<hash>` folders and
//! the files each kept); the fixtures are the oracle's, copied to `fixtures/`.

use std::fs;
use std::path::{Path, PathBuf};

use lambda_core::assets::{
    fingerprint, plan, stage, FingerprintOptions, IgnoreMode, Packaging, StagedAsset,
};

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

fn planned(source: &Path, options: &FingerprintOptions) -> StagedAsset {
    plan(source, options).unwrap_or_else(|e| panic!("plan {}: {e}", source.display()))
}

/// Files below `dir` as `path size`, sorted, like assets-listing.txt.
fn listing(dir: &Path) -> Vec<String> {
    fn visit(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push(format!("{rel} {}", fs::metadata(&path).unwrap().len()));
            }
        }
    }
    let mut out = Vec::new();
    visit(dir, dir, &mut out);
    out.sort();
    out
}

// golden/asset-code/assets-listing.txt (also arm64, code-signing, kitchen-sink, … : every
// app using fixtures/handler-node): index.js 113, package.json 73.
const HANDLER_NODE: &str = "7c6f48e3e070f1f618845bc856b417bccf3a3582f2a02af2aa625d7673336bc7";

#[test]
fn handler_node_directory() {
    let source = fixture("handler-node");
    let default = FingerprintOptions::default();
    assert_eq!(fingerprint(&source, &default).unwrap(), HANDLER_NODE);
    let asset = planned(&source, &default);
    assert_eq!(asset.hash, HANDLER_NODE);
    assert_eq!(asset.file_name, format!("asset.{HANDLER_NODE}"));
    assert_eq!(asset.packaging, Packaging::Zip);
    assert!(asset.source_is_dir);

    let out = tempfile::tempdir().unwrap();
    stage(&source, &default, out.path()).unwrap();
    assert_eq!(
        listing(&out.path().join(&asset.file_name)),
        ["index.js 113", "package.json 73"]
    );
}

#[test]
fn java_handler_zip_file() {
    // golden/asset-zip/assets-listing.txt (also snapstart-java11):
    // asset.e3cb887d….zip, 345 bytes; the hash is the fingerprint (`file:` field), not the
    // sha256 of the zip bytes (6b74f8a2…).
    const HASH: &str = "e3cb887deffe5be5f2e0f7216d93211f4f279ff7faf7a0c8e8cb2a1969ec9ecf";
    let source = fixture("java-handler.zip");
    assert_eq!(
        fingerprint(&source, &FingerprintOptions::default()).unwrap(),
        HASH
    );
    let asset = planned(&source, &FingerprintOptions::default());
    assert_eq!(asset.file_name, format!("asset.{HASH}.zip"));
    assert_eq!(asset.packaging, Packaging::File);
    assert!(!asset.source_is_dir);
    assert!(asset.is_archive());

    let out = tempfile::tempdir().unwrap();
    stage(&source, &FingerprintOptions::default(), out.path()).unwrap();
    let staged = out.path().join(&asset.file_name);
    assert_eq!(fs::read(staged).unwrap(), fs::read(&source).unwrap());
}

#[test]
fn handler_python_directory() {
    // golden/profiling/assets-listing.txt: index.py 74, requirements.txt 18.
    const HASH: &str = "73c57881db107e0c71d6efd7e1b541fe314dc43eb80900facab95acee38c4d59";
    assert_eq!(
        planned(&fixture("handler-python"), &FingerprintOptions::default()).hash,
        HASH
    );
}

#[test]
fn layer_node_directory() {
    // golden/layers/assets-listing.txt (also hash-layer-order):
    // nodejs/package.json 49, nodejs/util.js 21.
    const HASH: &str = "06e3a42bcce3d640c45048a9d0ccf87a1c702ed8504727e2cec1b91f80466c39";
    let asset = planned(&fixture("layer-node"), &FingerprintOptions::default());
    assert_eq!(asset.hash, HASH);
    let out = tempfile::tempdir().unwrap();
    stage(
        &fixture("layer-node"),
        &FingerprintOptions::default(),
        out.path(),
    )
    .unwrap();
    assert_eq!(
        listing(&out.path().join(&asset.file_name)),
        ["nodejs/package.json 49", "nodejs/util.js 21"]
    );
}

#[test]
fn custom_command_output() {
    // golden/custom-command/assets-listing.txt: the command writes one index.js of 33 bytes,
    // `exports.handler = async () => 1;\n`.
    const HASH: &str = "043f0934ab1b9f130060417623f0b668ae47f7800755923be303cf77ebc4b512";
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("index.js"),
        "exports.handler = async () => 1;\n",
    )
    .unwrap();
    assert_eq!(
        planned(dir.path(), &FingerprintOptions::default()).hash,
        HASH
    );
}

#[test]
fn single_index_js_from_the_spec() {
    // reference/cdk-lambda-spec.md §6.1, checked there against aws-cdk-lib 2.276.0.
    const HASH: &str = "bcd056a9631caefced74ee80da3dc73e1a343205bfa76710c77c48ba9c5c11c6";
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("index.js"),
        "exports.handler = async function(event) {\n  return { statusCode: 200 };\n};\n",
    )
    .unwrap();
    assert_eq!(
        fingerprint(dir.path(), &FingerprintOptions::default()).unwrap(),
        HASH
    );
}

/// Construct id, exclude patterns, ignore mode, asset hash, files kept (`path size`).
type ExcludeCase = (
    &'static str,
    &'static [&'static str],
    IgnoreMode,
    &'static str,
    &'static [&'static str],
);

/// golden/exclude-patterns/assets-listing.txt, with the construct each asset belongs to
/// taken from golden/exclude-patterns/exclude-patterns.assets.json (`displayName`).
#[test]
fn exclude_patterns_six_variants() {
    let cases: [ExcludeCase; 6] = [
        (
            "GlobExclude",
            &["*.ignore"],
            IgnoreMode::Glob,
            "0646644c0d75c0be0b304de218aaac9c0292b39dd1bfff3449a54552fdba7af0",
            &[
                ".hidden 7",
                "README.md 43",
                "helper.py 27",
                "index.py 48",
                "sub/keep.py 12",
            ],
        ),
        (
            "DockerExclude",
            &["*.ignore"],
            IgnoreMode::Docker,
            "16cf030ccfdfdb39c7259e1f46839a28bb3ded19914090e883b6e8b697eaa7e8",
            &[
                ".hidden 7",
                "README.md 43",
                "helper.py 27",
                "index.py 48",
                "sub/deep.ignore 13",
                "sub/keep.py 12",
            ],
        ),
        (
            "GitExclude",
            &["*.ignore"],
            IgnoreMode::Git,
            "f03c0d3910ce41b5cd424520afee3183caab06a1086d0cd69d02abffd6ddea2c",
            &[
                ".hidden 7",
                "README.md 43",
                "helper.py 27",
                "index.py 48",
                "sub/keep.py 12",
            ],
        ),
        (
            "NegationGlob",
            &["*", "!index.py"],
            IgnoreMode::Glob,
            "bf7fdbf79c969fd82dbf332fb2fddea8ececaa9870938a87497ac8a94fc6b96c",
            &[".hidden 7", "index.py 48"],
        ),
        (
            "NegationDocker",
            &["*", "!index.py", "!sub", "sub/*.ignore"],
            IgnoreMode::Docker,
            "0c4ad684a7c600308121f67004176812b4a4fa70f45ed8140d96afb54632e504",
            &["index.py 48", "sub/keep.py 12"],
        ),
        (
            "NoExclude",
            &[],
            IgnoreMode::Glob,
            "31e5b73b18c5ab02c2b5ce1bdd8fb0c3425838a167b07c753fd8ce97c74f2760",
            &[
                ".hidden 7",
                "README.md 43",
                "data.ignore 13",
                "helper.py 27",
                "index.py 48",
                "sub/deep.ignore 13",
                "sub/keep.py 12",
            ],
        ),
    ];
    let source = fixture("exclude-src");
    let out = tempfile::tempdir().unwrap();
    for (construct, exclude, mode, hash, kept) in cases {
        let options = options(exclude, mode);
        let asset =
            stage(&source, &options, out.path()).unwrap_or_else(|e| panic!("{construct}: {e}"));
        assert_eq!(asset.hash, hash, "{construct}");
        assert_eq!(asset.file_name, format!("asset.{hash}"), "{construct}");
        let mut expected: Vec<String> = kept.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(
            listing(&out.path().join(&asset.file_name)),
            expected,
            "{construct}"
        );
    }
}
