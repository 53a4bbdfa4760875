//! `#[lambda_function(code = rust("dir"))]`: runtime and handler default to cargo-lambda's
//! (`provided.al2023`, `bootstrap`), the package is hashed by source and built as
//! `RustFunction` builds it, and the struct's fields are the function's environment. Needs
//! `cargo lambda` on PATH (./scripts/test.sh).

use lambda_cdk::prelude::*;

/// The fixture handler's own source (its `mod config;` included), compiled here with lambda-cdk's
/// `synth` feature: features are additive, so a build that unifies the infrastructure's features
/// into the handler still compiles it (`from_env`, `Value::as_literal_str`).
#[path = "../fixtures/rust-handler/src/main.rs"]
#[allow(dead_code, clippy::type_complexity)]
mod handler_with_synth;

/// The `rust-function` app, declared with the macro.
#[lambda_function(
    code = rust("fixtures/rust-handler", binary = "orders"),
    memory_size = 256,
    architecture = "x86_64"
)]
pub struct Orders {
    /// `TABLE_NAME`.
    table_name: String,
}

fn template(outdir: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(outdir.join("rust-function.template.json")).unwrap(),
    )
    .unwrap()
}

#[test]
fn macro_rust_code_synthesizes_as_rust_function() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let by_macro = tmp.path().join("macro");
    let app = App::new().with_outdir(&by_macro);
    let stack = Stack::builder().build(&app, "rust-function").unwrap();
    Orders::builder()
        .table_name("orders")
        .build(&stack, "Orders")
        .unwrap();
    app.synth().unwrap();

    let by_builder = tmp.path().join("builder");
    let app = App::new().with_outdir(&by_builder);
    let stack = Stack::builder().build(&app, "rust-function").unwrap();
    RustFunction::builder()
        .manifest_path(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rust-handler"),
        )
        .binary_name("orders")
        .memory_size(256)
        .environment([("TABLE_NAME", "orders")])
        .build(&stack, "Orders")
        .unwrap();
    app.synth().unwrap();

    let t = template(&by_macro);
    let props = &t["Resources"]["OrdersA9B65338"]["Properties"];
    assert_eq!(props["Runtime"], "provided.al2023");
    assert_eq!(props["Handler"], "bootstrap");
    assert_eq!(props["Environment"]["Variables"]["TABLE_NAME"], "orders");
    assert_eq!(t, template(&by_builder));
}

/// Every field type `from_env` reads, renamed and optional ones included.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 1;"),
    environment(STAGE = "prod")
)]
#[derive(Debug)]
pub struct Settings {
    table_name: String,
    #[env(name = "ROUND_TRIP_QUEUE")]
    queue: Value,
    page_size: u32,
    ratio: f64,
    dry_run: bool,
    offset: Option<i64>,
    label: Option<String>,
}

/// What the synthesis side writes into the template, `from_env` reads back as the same values:
/// the variables of a synthesized function, set in this process, give the struct it was built from.
#[test]
fn from_env_reads_back_what_synthesis_writes() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let app = App::new().with_outdir(tmp.path());
    let stack = Stack::builder().build(&app, "Settings").unwrap();
    Settings::builder()
        .table_name("orders")
        .queue("https://sqs.example/q")
        .page_size(50)
        .ratio(0.5)
        .dry_run(true)
        .offset(-7)
        .build(&stack, "Fn")
        .unwrap();
    app.synth().unwrap();
    let t: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("Settings.template.json")).unwrap(),
    )
    .unwrap();
    let (_, function) = t["Resources"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, r)| r["Type"] == "AWS::Lambda::Function")
        .unwrap();
    let variables = function["Properties"]["Environment"]["Variables"]
        .as_object()
        .unwrap();
    assert_eq!(variables.len(), 7, "{variables:?}"); // STAGE and the six set fields
    assert!(!variables.contains_key("LABEL"));
    // This test alone reads these names: tests in this file share the process environment.
    for (name, value) in variables {
        std::env::set_var(name, value.as_str().unwrap());
    }
    let read = Settings::from_env().unwrap();
    assert_eq!(read.table_name, "orders");
    assert_eq!(read.queue.as_literal_str(), Some("https://sqs.example/q"));
    assert_eq!(read.page_size, 50);
    assert_eq!(read.ratio, 0.5);
    assert!(read.dry_run);
    assert_eq!(read.offset, Some(-7));
    assert_eq!(read.label, None);

    // Each missing or unparsable variable is named, in the order of the fields.
    std::env::remove_var("TABLE_NAME");
    std::env::set_var("PAGE_SIZE", "fifty");
    std::env::remove_var("DRY_RUN");
    std::env::set_var("OFFSET", "1.5");
    let err = Settings::from_env().unwrap_err();
    let names: Vec<&str> = err.problems().iter().map(|p| p.name()).collect();
    assert_eq!(names, ["TABLE_NAME", "PAGE_SIZE", "DRY_RUN", "OFFSET"]);
    assert_eq!(err.missing().collect::<Vec<_>>(), ["TABLE_NAME", "DRY_RUN"]);
    assert_eq!(
        err.to_string(),
        "4 environment variables missing or invalid: TABLE_NAME is not set; \
         PAGE_SIZE=\"fifty\" is not a valid u32 (invalid digit found in string); DRY_RUN is not set; \
         OFFSET=\"1.5\" is not a valid i64 (invalid digit found in string)"
    );
}
