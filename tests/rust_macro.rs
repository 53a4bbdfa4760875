//! `#[lambda_function(code = rust("dir"))]`: runtime and handler default to cargo-lambda's
//! (`provided.al2023`, `bootstrap`), the package is hashed by source and built as
//! `RustFunction` builds it, and the struct's fields are the function's environment. Needs
//! `cargo lambda` on PATH (./scripts/test.sh).

use lambda_cdk::prelude::*;

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
