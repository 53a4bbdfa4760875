//! The examples run by the real CDK CLI (`cdk synth --app <example>`), as users deploy them:
//! the CLI passes its context (path and asset metadata, version reporting) and the templates
//! must equal what the CLI wrote for the aws-cdk-lib apps (`tests/golden-cli/`), apart from the
//! `CDKMetadata` resource, whose analytics string embeds the Node.js version.

mod common;

use std::path::Path;
use std::process::Command;

use common::{assert_template_matches, cfn_lint, example_binary, files_ending, repo_root, tool};

fn cli_synth(app: &str) {
    let example = app.replace('-', "_");
    let binary = example_binary(&example);
    let cdk = tool(
        "CDK_CLI",
        &repo_root().join(".tools/cdk/node_modules/.bin/cdk"),
    )
    .unwrap_or_else(|| panic!("CDK CLI not found: run ./scripts/test.sh"));
    let out = tempfile::tempdir().unwrap();
    let output = Command::new(&cdk)
        .args(["synth", "--quiet", "--no-notices", "--no-color", "--app"])
        .arg(&binary)
        .arg("--output")
        .arg(out.path())
        .current_dir(out.path())
        .env("CDK_DISABLE_VERSION_CHECK", "1")
        .env("CDK_DISABLE_CLI_TELEMETRY", "true")
        .env_remove("CDK_CONTEXT_JSON")
        .env_remove("CDK_OUTDIR")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cdk synth failed\n--- stderr ---\n{}\n--- stdout ---\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    let golden = repo_root().join("tests/golden-cli").join(app);
    let goldens = files_ending(&golden, ".template.json");
    assert!(!goldens.is_empty());
    for name in &goldens {
        assert_template_matches(&golden.join(name), &out.path().join(name));
    }
    let written: Vec<_> = files_ending(out.path(), ".template.json")
        .iter()
        .map(|n| out.path().join(n))
        .collect();
    assert_eq!(written.len(), goldens.len());
    cfn_lint(&written);
    assert!(Path::new(&out.path().join("manifest.json")).exists());
}

#[test]
fn minimal_inline() {
    cli_synth("minimal-inline");
}

#[test]
fn asset_code() {
    cli_synth("asset-code");
}

#[test]
fn asset_zip() {
    cli_synth("asset-zip");
}

#[test]
fn xray_tracing() {
    cli_synth("xray-tracing");
}

#[test]
fn current_version_alias() {
    cli_synth("current-version-alias");
}

#[test]
fn code_from_bucket() {
    cli_synth("code-from-bucket");
}

#[test]
fn exclude_patterns() {
    cli_synth("exclude-patterns");
}

#[test]
fn custom_role() {
    cli_synth("custom-role");
}
