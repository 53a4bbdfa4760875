//! Parity with aws-cdk-lib 2.276.0: each example `examples/<app>.rs` must synthesize what the
//! oracle app `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the real library —
//! with no context (`tests/golden/<app>/`), and with a new project's recommended feature flags as
//! `CDK_CONTEXT_JSON` (`tests/golden-recommended/<app>/`). Every file is compared separately
//! (templates, asset manifests, manifest artifacts, staged assets) and every template written is
//! checked by cfn-lint. Run through ./scripts/test.sh (it installs cfn-lint).

mod common;

use common::parity;

#[test]
fn minimal_inline() {
    parity("minimal-inline");
}

#[test]
fn asset_code() {
    parity("asset-code");
}

#[test]
fn asset_zip() {
    parity("asset-zip");
}

#[test]
fn code_from_bucket() {
    parity("code-from-bucket");
}

#[test]
fn custom_role() {
    parity("custom-role");
}

#[test]
fn timeout() {
    parity("timeout");
}

#[test]
fn advanced_logging() {
    parity("advanced-logging");
}

#[test]
fn arm64() {
    parity("arm64");
}

#[test]
fn ephemeral_storage() {
    parity("ephemeral-storage");
}

#[test]
fn reserved_concurrency() {
    parity("reserved-concurrency");
}

#[test]
fn xray_tracing() {
    parity("xray-tracing");
}

#[test]
fn runtime_management_auto() {
    parity("runtime-management-auto");
}

#[test]
fn runtime_management_manual() {
    parity("runtime-management-manual");
}

#[test]
fn exclude_patterns() {
    parity("exclude-patterns");
}

#[test]
fn version() {
    parity("version");
}

#[test]
fn current_version_alias() {
    parity("current-version-alias");
}

#[test]
fn hash_description() {
    parity("hash-description");
}

#[test]
fn hash_tags() {
    parity("hash-tags");
}

#[test]
fn layers() {
    parity("layers");
}

#[test]
fn hash_layer_order() {
    parity("hash-layer-order");
}

#[test]
fn snapstart_java11() {
    parity("snapstart-java11");
}
