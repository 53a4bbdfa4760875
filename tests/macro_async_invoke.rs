//! `#[lambda_function]`'s dead-letter and asynchronous-invocation keys synthesize exactly what
//! the same props given to `Function::builder()` synthesize (the macro only adds compile-time
//! range checks, see `tests/ui/max_event_age_*`, `retry_attempts_*`, `dead_letter_*`).

use lambda_cdk::prelude::*;
use lambda_cdk::sns::Topic;
use serde_json::Value as Json;

/// Synthesizes the stack `define` builds and returns its template.
fn template(define: impl FnOnce(&Stack) -> Result<(), lambda_cdk::Error>) -> Json {
    let out = tempfile::tempdir().expect("temporary folder");
    let app = App::new().with_outdir(out.path());
    let stack = Stack::builder().build(&app, "Equivalence").expect("stack");
    define(&stack).expect("function");
    let assembly = app.synth().expect("synthesis");
    assembly
        .template("Equivalence")
        .expect("template of the stack")
        .clone()
}

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    dead_letter_queue_enabled = true,
    max_event_age = "2h",
    retry_attempts = 1,
    on_failure = Topic::builder().build(scope, "Failures")?,
)]
struct Orders;

#[test]
fn async_invoke_keys_match_the_builder() {
    let from_macro = template(|stack| Orders::builder().build(stack, "Orders").map(drop));
    let by_hand = template(|stack| {
        let failures = Topic::builder().build(stack, "Failures")?;
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => 'ok';"))
            .dead_letter_queue_enabled(true)
            .max_event_age(Duration::from_secs(7200))
            .retry_attempts(1)
            .on_failure(failures)
            .build(stack, "Orders")
            .map(drop)
    });
    assert_eq!(from_macro, by_hand);
    let resources = from_macro["Resources"].as_object().unwrap();
    let config = resources
        .values()
        .find(|r| r["Type"] == "AWS::Lambda::EventInvokeConfig")
        .expect("an EventInvokeConfig");
    assert_eq!(config["Properties"]["MaximumEventAgeInSeconds"], 7200);
    assert_eq!(config["Properties"]["MaximumRetryAttempts"], 1);
    assert!(resources.values().any(|r| r["Type"] == "AWS::SQS::Queue"
        && r["Properties"]["MessageRetentionPeriod"] == 1_209_600));
}
