//! Checks of a parsed `#[lambda_function]` against the lambda-spec rules. Nothing here
//! parses or generates code; each check pushes its errors and the next one runs.
//!
//! Values known only as constants are left to the `const` assertions `expand` writes.

mod asset;
mod combination;
mod environment;
mod extensions;
mod rust;
mod value;

use crate::ast::Function;
use crate::attr::FunctionAttrs;
use crate::ctxt::Ctxt;
use crate::symbol::{CODE, HANDLER, RUNTIME};

/// `files`: also check the files the attribute names, relative to the crate being compiled
/// (only meaningful in the infrastructure crate, i.e. with the `synth` feature).
pub fn check(cx: &Ctxt, function: &Function, files: bool) {
    required(cx, &function.attrs);
    value::check(cx, &function.attrs);
    environment::check(cx, function);
    combination::check(cx, &function.attrs);
    if files {
        asset::check(cx, &function.attrs);
        rust::check(cx, &function.attrs);
    }
    extensions::check(cx, &function.attrs);
}

fn required(cx: &Ctxt, attrs: &FunctionAttrs) {
    // A Rust handler has cargo-lambda's defaults: provided.al2023 and `bootstrap`.
    let rust = matches!(
        attrs.code.as_ref().map(|c| &c.value),
        Some(crate::attr::Code::Rust { .. })
    );
    for key in [RUNTIME, HANDLER, CODE] {
        if rust && key != CODE {
            continue;
        }
        if !attrs.given.contains(&key) {
            cx.error_at(
                proc_macro2::Span::call_site(),
                format!(
                    "#[lambda_function] needs `{key}`: add `{}`",
                    crate::attr::example(key)
                ),
            );
        }
    }
}
