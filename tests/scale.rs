//! The performance apps of `bench/compare.sh` (`examples/scale.rs`) write what aws-cdk-lib
//! 2.276.0 writes for the same apps (`tests/golden/inline-10`, `assets-100` and `split-1000x200`,
//! made by `tests/oracle/regenerate-scale.sh` from the oracle's `perf/gen.js` apps), and
//! re-synthesizing over a previous assembly reuses its staged assets without changing a byte.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{assert_assembly_matches, assets_listing, example_binary, golden_dir};

/// Runs `scale <args>` with `CDK_OUTDIR=outdir` (no other `CDK_*` variable) and the given extra
/// environment; panics with its output if it fails.
fn scale(args: &[&str], outdir: &Path, env: &[(&str, &str)]) -> Output {
    let bin = example_binary("scale");
    let mut cmd = Command::new(&bin);
    cmd.args(args).env("CDK_OUTDIR", outdir);
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        if key.starts_with("CDK_") && key != "CDK_OUTDIR" || key.starts_with("LAMBDA_CDK_") {
            cmd.env_remove(key);
        }
    }
    cmd.envs(env.iter().copied());
    let output = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
    assert!(
        output.status.success(),
        "scale {args:?} failed ({})\n--- stderr ---\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn temp(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create a temporary folder")
}

/// The 100 input folders of assets-100, as the oracle's gen.js writes them.
fn assets_input(root: &Path) -> String {
    let dir = root.join("assets100");
    let dir = dir.to_str().expect("UTF-8 temporary path").to_owned();
    scale(&["write-assets", &dir], &root.join("unused"), &[]);
    dir
}

#[test]
fn inline_10_matches_aws_cdk_lib() {
    let tmp = temp("scale-inline-");
    let out = tmp.path().join("cdk.out");
    scale(&["inline", "10"], &out, &[]);
    assert_assembly_matches(&golden_dir("inline-10"), &out);
}

/// 1,000 functions over five stacks: large enough that synthesis spreads its work over threads
/// (templates through the writer thread, tree.json and metadata beside them).
#[test]
fn split_1000x200_matches_aws_cdk_lib() {
    let tmp = temp("scale-split-");
    let out = tmp.path().join("cdk.out");
    let log = scale(
        &["split", "1000", "200"],
        &out,
        &[("LAMBDA_CDK_LOG", "debug")],
    );
    let stderr = String::from_utf8_lossy(&log.stderr);
    assert!(stderr.contains("beside the templates"), "{stderr}");
    assert_assembly_matches(&golden_dir("split-1000x200"), &out);
}

#[test]
fn assets_100_matches_aws_cdk_lib_and_restages_from_the_previous_assembly() {
    let tmp = temp("scale-assets-");
    let input = assets_input(tmp.path());
    let out = tmp.path().join("cdk.out");
    scale(&["assets", &input], &out, &[]);
    assert_assembly_matches(&golden_dir("assets-100"), &out);
    let first = assets_listing(&out);

    // Again over the previous assembly: every asset is reused (hard-linked), nothing changes.
    let log = scale(&["assets", &input], &out, &[("LAMBDA_CDK_LOG", "debug")]);
    let stderr = String::from_utf8_lossy(&log.stderr);
    assert_eq!(
        stderr.matches("from the previous assembly").count(),
        100,
        "{stderr}"
    );
    assert_eq!(stderr.matches(": fingerprint ").count(), 100, "{stderr}");
    assert_eq!(assets_listing(&out), first);
    assert_assembly_matches(&golden_dir("assets-100"), &out);

    // Copy mode stages the same bytes.
    let copied = tmp.path().join("copied.out");
    scale(
        &["assets", &input],
        &copied,
        &[("LAMBDA_CDK_STAGING", "copy")],
    );
    assert_eq!(assets_listing(&copied), first);
}
