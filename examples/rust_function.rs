//! A Rust handler built with cargo-lambda (oracle app `rust-function`): the package
//! `fixtures/rust-handler` is built only when its sources changed. The function is declared
//! once, in the handler's `src/config.rs`: this program builds it from the struct, the handler
//! reads the same struct back with `Orders::from_env()`.

use lambda_cdk::prelude::*;

#[path = "../fixtures/rust-handler/src/config.rs"]
mod config;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "rust-function")?;
    config::Orders::builder()
        .table_name("orders")
        .build(&stack, "Orders")?;
    app.synth()?;
    Ok(())
}
