//! An unknown `LAMBDA_CDK_STAGING` value is an error, not silently ignored (its own test binary:
//! the variable is process-wide).

use std::fs;

use lambda_core::lambda::{Code, Function, Runtime};
use lambda_core::{App, Stack};

#[test]
fn an_unknown_staging_mode_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("handler");
    fs::create_dir(&src).unwrap();
    fs::write(src.join("index.js"), "exports.handler = 1;\n").unwrap();
    let synth = || -> lambda_core::Result<_> {
        let app = App::new().with_outdir(tmp.path().join("out"));
        let stack = Stack::builder().build(&app, "S")?;
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_asset(&src))
            .build(&stack, "F")?;
        app.synth()
    };
    // SAFETY: the only test of this binary; no other thread reads the environment meanwhile.
    unsafe { std::env::set_var("LAMBDA_CDK_STAGING", "copy2") };
    let err = synth().unwrap_err().to_string();
    assert!(
        err.contains("unknown LAMBDA_CDK_STAGING value `copy2`"),
        "{err}"
    );
    unsafe { std::env::set_var("LAMBDA_CDK_STAGING", "copy") };
    synth().unwrap();
}
