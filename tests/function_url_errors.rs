//! aws-cdk-lib's function URL errors, reproduced: each test builds the app
//! `tests/oracle/errors/<name>.js` with lambda-cdk and expects what aws-cdk-lib 2.276.0 threw for
//! it, as `tests/golden/errors/<name>.json` records it (code, construct path, message). Errors
//! without an oracle app assert the code and message aws-cdk-lib gives for the same input.

mod common;

use common::{assert_same_error, golden_error, validation};

use lambda_cdk::prelude::*;
use lambda_cdk::Error;

/// The oracle apps' stack (named like the app) and function `Fn` (Node.js 20, inline code).
fn function(name: &str) -> (App, Stack, Function) {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, name).expect("stack");
    let function = Function::builder()
        .runtime(Runtime::NODEJS_20_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "Fn")
        .expect("function");
    (app, stack, function)
}

/// A second `add_function_url` on one function: the construct id `FunctionUrl` is taken.
/// aws-cdk-lib names the parent by its JavaScript class (`Function2` in its bundle) and id; we
/// name it by its path and id, so the message is compared around that name.
#[test]
fn duplicate_function_url() {
    let (_app, _stack, function) = function("duplicate-function-url");
    function.add_function_url().build().expect("first URL");
    let err = function
        .add_function_url()
        .build()
        .err()
        .expect("a second URL on one function must fail");
    let Error::DuplicateId { ref id, .. } = err else {
        panic!("expected a duplicate construct id, got {err:?}")
    };
    assert_eq!(id, "FunctionUrl");
    let want = golden_error("duplicate-function-url");
    let want = want["message"].as_str().unwrap();
    let (prefix, suffix) = (
        "There is already a Construct with name 'FunctionUrl' in ",
        " [Fn]",
    );
    assert!(want.starts_with(prefix) && want.ends_with(suffix), "{want}");
    assert_eq!(
        err.to_string(),
        format!("{prefix}duplicate-function-url/Fn{suffix}")
    );
}

/// A second URL on an alias fails the same way, and the first one is kept.
#[test]
fn duplicate_alias_function_url() {
    let (_app, _stack, function) = function("duplicate-alias-url");
    let alias = function.add_alias("live").expect("alias");
    alias.add_function_url().build().expect("first URL");
    assert!(matches!(
        alias.add_function_url().build(),
        Err(Error::DuplicateId { ref id, .. }) if id == "FunctionUrl"
    ));
}

/// CORS `MaxAge` above one day (86400 s).
#[test]
fn function_url_cors_max_age() {
    let (_app, _stack, function) = function("function-url-cors-max-age");
    let result = function
        .add_function_url()
        .cors(FunctionUrlCorsOptions {
            max_age: Some(Duration::from_secs(86_401)),
            ..Default::default()
        })
        .build();
    assert_same_error("function-url-cors-max-age", result);
}

/// Exactly one day is accepted.
#[test]
fn function_url_cors_max_age_of_one_day_is_accepted() {
    let (_app, _stack, function) = function("function-url-cors-day");
    function
        .add_function_url()
        .cors(FunctionUrlCorsOptions {
            max_age: Some(Duration::from_secs(86_400)),
            ..Default::default()
        })
        .build()
        .expect("86400 s is the limit, not over it");
}

/// A fractional `MaxAge`: aws-cdk-lib's `Duration.millis(1500).toSeconds()` refuses it
/// (`CannotConvertedIntoWhole`, message checked against aws-cdk-lib 2.276.0).
#[test]
fn function_url_cors_max_age_not_whole_seconds() {
    let (_app, _stack, function) = function("function-url-cors-millis");
    let (code, message, path) = validation(
        function
            .add_function_url()
            .cors(FunctionUrlCorsOptions {
                max_age: Some(Duration::from_millis(1500)),
                ..Default::default()
            })
            .build(),
    );
    assert_eq!(code, "CannotConvertedIntoWhole");
    assert_eq!(
        message,
        "'1500 millis' cannot be converted into a whole number of seconds."
    );
    assert_eq!(path, "function-url-cors-millis/Fn/FunctionUrl");
}

/// A URL on a version is refused (there is no `add_function_url` on `Version`; the
/// constructor takes one only to refuse it as aws-cdk-lib does).
#[test]
fn function_url_on_version() {
    let (_app, stack, function) = function("function-url-on-version");
    let version = function.current_version().expect("version");
    let result = FunctionUrl::builder()
        .function(&version)
        .build(&stack, "Url");
    assert_same_error("function-url-on-version", result);
    // Nothing was added under the stack.
    assert!(stack.node().try_find_child("Url").is_none());
}
