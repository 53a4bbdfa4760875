//! A Rust handler built with cargo-lambda (oracle app `rust-function`): the package
//! `fixtures/rust-handler` is built only when its sources changed.

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "rust-function")?;
    RustFunction::builder()
        .manifest_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rust-handler"))
        .binary_name("orders")
        .memory_size(256)
        .environment([("TABLE_NAME", "orders")])
        .build(&stack, "Orders")?;
    app.synth()?;
    Ok(())
}
