//! Parity of function URLs with aws-cdk-lib 2.276.0: each example `examples/<app>.rs` must
//! synthesize what the oracle app `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the
//! real library, with no context (`tests/golden/<app>/`) and with a new project's recommended
//! feature flags (`tests/golden-recommended/<app>/`). Run `cargo build --examples` first.

mod common;

use common::parity;

/// `AWS_IAM` auth, `grant_invoke_url` to a role, the URL as an output.
#[test]
fn function_url_iam() {
    parity("function-url-iam");
}

/// `NONE` auth: the two public permissions.
#[test]
fn function_url_none() {
    parity("function-url-none");
}

/// Every CORS option.
#[test]
fn function_url_cors() {
    parity("function-url-cors");
}

/// Invoke modes, and a URL on an alias (`Qualifier`, `DependsOn`).
#[test]
fn function_url_stream() {
    parity("function-url-stream");
}
