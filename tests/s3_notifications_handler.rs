//! The project's own `Custom::S3BucketNotifications` handler (`lambda-core/src/s3/
//! notifications_handler.py`, inlined into templates) runs against a stubbed S3 client and a
//! stubbed CloudFormation response URL: `tests/s3_notifications/test_handler.py`, with the
//! system's `python3` (its standard library only; boto3 is not needed, the client is stubbed).

use std::process::Command;

#[test]
fn notifications_handler_behaves() {
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new("python3")
        .args([
            "-m",
            "unittest",
            "-v",
            "tests/s3_notifications/test_handler.py",
        ])
        .current_dir(root)
        .output()
        .expect("python3 runs (the handler's tests need it)");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "handler tests failed:\n{log}");
    assert!(log.contains("Ran 5 tests"), "{log}");
}

/// What the templates inline is the file the Python tests load.
#[test]
fn templates_inline_the_tested_file() {
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/lambda-core/src/s3/notifications_handler.py"
    ))
    .unwrap();
    assert_eq!(lambda_cdk::s3::NOTIFICATIONS_HANDLER_SOURCE, file);
}
