//! The project's own `Custom::VpcRestrictDefaultSG` handler
//! (`lambda-core/handlers/restrict-default-sg/__entrypoint__.js`) against a stubbed EC2 client:
//! `tests/restrict_default_sg/handler.test.js`, run with node. Create and update revoke the
//! default group's default rules, delete restores them, already-done calls are tolerated, other
//! failures become a FAILED response.

use std::process::Command;

#[test]
fn restrict_default_sg_handler_against_a_stubbed_client() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("node")
        .arg("tests/restrict_default_sg/handler.test.js")
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
