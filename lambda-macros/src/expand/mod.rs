//! Code generation. Paths in the output start with `::lambda_cdk::__private` (or the
//! `crate = ..` override of `VersionProps`), so users depend on the facade only.

mod build;
mod checks;
mod extensions;
mod item;
mod version_props;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Function, VersionPropsInput};
use crate::ctxt::Ctxt;
use crate::valid;

pub fn private() -> TokenStream {
    quote!(::lambda_cdk::__private)
}

/// `#[lambda_function(args)] item`.
///
/// On errors the struct and its builder are still generated (with a `build` that is
/// never reached), so one mistake in the attribute does not also break every use of
/// the builder: the user sees the mistakes they made, nothing more.
pub fn lambda_function(args: TokenStream, item: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let function = Function::from_ast(&cx, args, item.clone());
    if let Some(function) = &function {
        valid::check(&cx, function);
    }
    let result = cx.check();
    match (function, result) {
        (Some(function), Ok(())) => {
            let item = item::struct_with_builder(&function);
            let checks = checks::const_checks(&function.attrs);
            let build = build::build_fns(&function, Some(build::function_builder(&function)));
            quote!(#item #checks #build)
        }
        (Some(function), Err(errors)) => {
            let errors = errors.to_compile_error();
            let item = item::struct_with_builder(&function);
            let build = build::build_fns(&function, None);
            quote!(#errors #item #build)
        }
        (None, result) => {
            let errors = result.err().map(|e| e.to_compile_error());
            quote!(#errors #item)
        }
    }
}

/// `#[derive(VersionProps)]`.
pub fn derive_version_props(input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let parsed = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => VersionPropsInput::from_ast(&cx, &input),
        Err(err) => {
            cx.syn_error(err);
            None
        }
    };
    match (parsed, cx.check()) {
        (Some(parsed), Ok(())) => version_props::expand(&parsed),
        (_, Err(errors)) => errors.to_compile_error(),
        (None, Ok(())) => TokenStream::new(),
    }
}
