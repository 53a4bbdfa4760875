//! The project's own `Custom::LogRetention` handler (`lambda-core/handlers/log-retention/index.js`)
//! against a stubbed CloudWatch Logs client: `tests/log_retention/handler.test.js`, run with node
//! (which the CDK CLI needs anyway). Creating the log group, setting and deleting retention,
//! retries on throttling, deletion only with the `destroy` removal policy, failure responses.

use std::process::Command;

#[test]
fn log_retention_handler_against_a_stubbed_client() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("node")
        .arg("tests/log_retention/handler.test.js")
        .current_dir(root)
        .output()
        .expect("node must be installed (the CDK CLI needs it too)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "handler tests failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.lines().filter(|l| l.starts_with("ok ")).count(), 5);
}
