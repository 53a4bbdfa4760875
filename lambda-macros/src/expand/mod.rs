//! Code generation. Paths in the output start with `::lambda_cdk::__private` (or the
//! `crate = ..` override of `VersionProps`), so users depend on the facade only.

mod build;
mod checks;
mod extensions;
mod from_env;
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

/// What `#[lambda_function]` writes: with lambda-cdk's `synth` feature, the builder and
/// `build` too; without it (a handler reading its configuration), the struct and `from_env`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Synth,
    Runtime,
}

impl Mode {
    /// The mode this build of the macro was compiled for.
    pub fn from_features() -> Mode {
        if cfg!(feature = "synth") {
            Mode::Synth
        } else {
            Mode::Runtime
        }
    }
}

/// `#[lambda_function(args)] item`, in the mode of the enabled features.
pub fn lambda_function(args: TokenStream, item: TokenStream) -> TokenStream {
    lambda_function_in(args, item, Mode::from_features())
}

/// `#[lambda_function(args)] item`.
///
/// On errors the struct and its builder are still generated (with a `build` that is
/// never reached), so one mistake in the attribute does not also break every use of
/// the builder: the user sees the mistakes they made, nothing more.
///
/// Without `synth` the files the attribute names (asset folders, Rust packages) are not
/// checked: their paths are relative to the infrastructure crate, not to the handler's.
pub fn lambda_function_in(args: TokenStream, item: TokenStream, mode: Mode) -> TokenStream {
    let cx = Ctxt::new();
    let function = Function::from_ast(&cx, args, item.clone());
    if let Some(function) = &function {
        valid::check(&cx, function, mode == Mode::Synth);
    }
    let result = cx.check();
    match (function, result) {
        (Some(function), Ok(())) => {
            let checks = checks::const_checks(&function.attrs);
            let from_env = from_env::from_env_fn(&function);
            match mode {
                Mode::Synth => {
                    let item = item::struct_with_builder(&function);
                    let build =
                        build::build_fns(&function, Some(build::function_builder(&function)));
                    quote!(#item #checks #build #from_env)
                }
                Mode::Runtime => {
                    let item = &function.item;
                    quote!(#item #checks #from_env)
                }
            }
        }
        (Some(function), Err(errors)) => {
            let errors = errors.to_compile_error();
            let from_env = from_env::from_env_fn(&function);
            match mode {
                Mode::Synth => {
                    let item = item::struct_with_builder(&function);
                    let build = build::build_fns(&function, None);
                    quote!(#errors #item #build #from_env)
                }
                Mode::Runtime => {
                    let item = &function.item;
                    quote!(#errors #item #from_env)
                }
            }
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
