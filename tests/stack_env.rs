//! A stack with a concrete account and region: literal asset bucket, `region` in the asset
//! destinations, and roles in the stack artifact, as aws-cdk-lib writes them (goldens in
//! tests/golden-env/, from the oracle app `insights-region`).

mod common;

use std::path::Path;

use common::{read_json, repo_root};
use lambda_cdk::prelude::*;

const ASSET: &str = "7c6f48e3e070f1f618845bc856b417bccf3a3582f2a02af2aa625d7673336bc7";

#[test]
fn concrete_environment_matches_aws_cdk_lib() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::from_env().with_outdir(dir.path().join("cdk.out"));
    let stack = Stack::builder()
        .env(Environment {
            account: Some("123456789012".into()),
            region: Some("us-east-1".into()),
        })
        .build(&app, "insights-region")
        .unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .build(&stack, "MyFunction")
        .unwrap();
    let assembly = app.synth().unwrap();
    let out = assembly.directory;

    let template = assembly.stacks[0].template().unwrap().clone();
    let code = &template["Resources"]["MyFunction3BAA72D1"]["Properties"]["Code"];
    assert_eq!(
        code["S3Bucket"],
        "cdk-hnb659fds-assets-123456789012-us-east-1"
    );
    assert_eq!(code["S3Key"], format!("{ASSET}.zip"));

    let golden = repo_root().join("tests/golden-env");
    let want = read_json(&golden.join("insights-region.assets.json"));
    let got = read_json(&out.join("insights-region.assets.json"));
    assert_eq!(got["files"][ASSET], want["files"][ASSET]);

    let want = read_json(&golden.join("manifest.json"));
    let got = read_json(&out.join("manifest.json"));
    let artifact = |m: &serde_json::Value| {
        let mut a = m["artifacts"]["insights-region"].clone();
        // The template differs (no Insights layer here), so its hash does.
        a["properties"]
            .as_object_mut()
            .unwrap()
            .remove("stackTemplateAssetObjectUrl");
        a
    };
    assert_eq!(artifact(&got), artifact(&want));
    let url = got["artifacts"]["insights-region"]["properties"]["stackTemplateAssetObjectUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        url.starts_with("s3://cdk-hnb659fds-assets-123456789012-us-east-1/"),
        "{url}"
    );
}
