//! The two modes of `#[lambda_function]`: with `synth` the builder, `build` and `from_env`;
//! without (a handler reading its configuration) the plain struct and `from_env` only, with
//! no check of files named relative to the infrastructure crate.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::{self, Mode};

fn orders(args: TokenStream, mode: Mode) -> String {
    expand::lambda_function_in(
        args,
        quote!(
            pub struct Orders {
                pub table_name: String,
                #[env(name = "PAGE")]
                pub page_size: Option<u32>,
            }
        ),
        mode,
    )
    .to_string()
}

fn rust_code() -> TokenStream {
    quote!(
        code = rust("no/such/handler", binary = "orders"),
        memory_size = 256
    )
}

#[test]
fn runtime_mode_writes_the_struct_and_from_env_only() {
    let out = orders(rust_code(), Mode::Runtime);
    assert!(!out.contains("compile_error"), "{out}");
    assert!(out.contains("pub struct Orders"), "{out}");
    assert!(!out.contains("Builder"), "{out}");
    assert!(!out.contains("fn build"), "{out}");
    assert!(!out.contains("#[env"), "{out}");
    assert!(!out.contains("# [env"), "{out}");
    assert!(out.contains("pub fn from_env ()"), "{out}");
    assert!(
        out.contains("required :: < String > (\"TABLE_NAME\")"),
        "{out}"
    );
    assert!(out.contains("optional :: < u32 > (\"PAGE\")"), "{out}");
}

#[test]
fn synth_mode_writes_the_builder_build_and_from_env() {
    let args = quote!(
        runtime = "nodejs22.x",
        handler = "index.handler",
        code = inline("exports.handler = async () => 1;"),
    );
    let out = orders(args, Mode::Synth);
    assert!(!out.contains("compile_error"), "{out}");
    assert!(out.contains("__private :: Builder"), "{out}");
    assert!(out.contains("fn build"), "{out}");
    assert!(out.contains("pub fn from_env ()"), "{out}");
}

#[test]
fn files_are_checked_in_synth_mode_only() {
    let synth = orders(rust_code(), Mode::Synth);
    assert!(
        synth.contains("Rust handler folder `no/such/handler` does not exist"),
        "{synth}"
    );
    let asset = quote!(
        runtime = "nodejs22.x",
        handler = "index.handler",
        code = asset("no/such/folder"),
    );
    assert!(orders(asset.clone(), Mode::Synth).contains("compile_error"));
    assert!(!orders(asset, Mode::Runtime).contains("compile_error"));
}

#[test]
fn other_mistakes_are_reported_in_runtime_mode_too() {
    // The struct and `from_env` are still written, so the handler's calls do not error too.
    let out = orders(quote!(code = rust("x"), memory_size = 64), Mode::Runtime);
    assert_eq!(out.matches("compile_error").count(), 1, "{out}");
    assert!(out.contains("pub fn from_env ()"), "{out}");
}
