//! aws-cdk-lib's run-time errors, reproduced through the run-time builders: each test builds the
//! app `tests/oracle/errors/<name>.js` with lambda-cdk and expects the error aws-cdk-lib 2.276.0
//! threw for it, as `tests/golden/errors/<name>.json` records it (written by
//! `tests/oracle/regenerate-errors.sh`): the same code (`name`), construct path and message.
//! The compile-time side of the same rules is in `tests/ui/`.

mod common;

use common::assert_same_error;
use std::path::{Path, PathBuf};

use lambda_cdk::lambda::SnapStartApplyOn;
use lambda_cdk::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// An app with one stack named like the oracle app, as its `path.basename(__filename)` names it.
fn stack(name: &str) -> (App, Stack) {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, name).expect("stack");
    (app, stack)
}

const INLINE: &str = "exports.handler = async () => \"hi\";";

/// `Function::builder()` with the oracle apps' Node.js 20 runtime and handler.
macro_rules! node20 {
    () => {
        Function::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
    };
}

#[test]
fn ephemeral_too_small() {
    let (_app, stack) = stack("ephemeral-too-small");
    let result = node20!()
        .code(Code::from_inline(INLINE))
        .ephemeral_storage_size(Size::mebibytes(256))
        .build(&stack, "Fn");
    assert_same_error("ephemeral-too-small", result);
}

#[test]
fn function_name_too_long() {
    let (_app, stack) = stack("function-name-too-long");
    let result = node20!()
        .code(Code::from_inline(INLINE))
        .function_name("f".repeat(65))
        .build(&stack, "Fn");
    assert_same_error("function-name-too-long", result);
}

#[test]
fn inline_empty() {
    let (_app, stack) = stack("inline-empty");
    let result = node20!().code(Code::from_inline("")).build(&stack, "Fn");
    assert_same_error("inline-empty", result);
}

#[test]
fn inline_unsupported_runtime() {
    let (_app, stack) = stack("inline-unsupported-runtime");
    let result = Function::builder()
        .runtime(Runtime::JAVA_11)
        .handler("a.B::c")
        .code(Code::from_inline(INLINE))
        .build(&stack, "Fn");
    assert_same_error("inline-unsupported-runtime", result);
}

#[test]
fn layer_incompatible_runtime() {
    let (_app, stack) = stack("layer-incompatible-runtime");
    let layer = LayerVersion::builder()
        .code(Code::from_asset(fixture("layer-node")))
        .compatible_runtimes(vec![Runtime::PYTHON_3_12])
        .build(&stack, "L")
        .expect("layer");
    let result = node20!()
        .code(Code::from_inline(INLINE))
        .layers(vec![layer])
        .build(&stack, "Fn");
    assert_same_error("layer-incompatible-runtime", result);
}

#[test]
fn reserved_env_var() {
    let (_app, stack) = stack("reserved-env-var");
    let result = node20!()
        .code(Code::from_inline(INLINE))
        .environment([("AWS_REGION", "x")])
        .build(&stack, "Fn");
    assert_same_error("reserved-env-var", result);
}

#[test]
fn snapstart_ephemeral() {
    let (_app, stack) = stack("snapstart-ephemeral");
    let result = Function::builder()
        .runtime(Runtime::JAVA_21)
        .handler("example.Handler::handleRequest")
        .code(Code::from_asset(fixture("java-handler.zip")))
        .ephemeral_storage_size(Size::mebibytes(1024))
        .snap_start(SnapStartApplyOn::PublishedVersions)
        .build(&stack, "Fn");
    assert_same_error("snapstart-ephemeral", result);
}

#[test]
fn snapstart_unsupported_runtime() {
    let (_app, stack) = stack("snapstart-unsupported-runtime");
    let result = node20!()
        .code(Code::from_inline(INLINE))
        .snap_start(SnapStartApplyOn::PublishedVersions)
        .build(&stack, "Fn");
    assert_same_error("snapstart-unsupported-runtime", result);
}

/// aws-cdk-lib fails at synthesis here (the version hash is lazy); so does lambda-cdk.
#[test]
fn unrecognized_version_prop() {
    let (app, stack) = stack("unrecognized-version-prop");
    let out = tempfile::tempdir().unwrap();
    let function = node20!()
        .code(Code::from_inline(INLINE))
        .build(&stack, "Fn")
        .expect("the function itself is valid");
    function
        .cfn_resource()
        .add_property_override("UnclassifiedProp", "Value");
    function.current_version().expect("current version");
    assert_same_error("unrecognized-version-prop", app.synth_to(out.path()));
}
