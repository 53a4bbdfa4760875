//! The compile-time layer of lambda-cdk: `#[lambda_function]` checks a function's
//! configuration with the lambda-spec rules while the crate compiles, and derives a
//! typestate builder for its environment; `#[derive(VersionProps)]` classifies every
//! CloudFormation property of a struct as version-locked or not.
//!
//! Use them through the `lambda_cdk` facade, whose `__private` module the generated
//! code names. Parse (`attr`, `ast`), check (`valid`) and generate (`expand`) are
//! separate; every error is collected in a [`ctxt::Ctxt`] and emitted at once.

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod guard;
mod symbol;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Declares a Lambda function: `#[lambda_function(runtime = "nodejs22.x", handler =
/// "index.handler", code = asset("handlers/orders"), ...)]` on a struct whose fields
/// are its environment variables. See the `lambda_cdk` docs for every key.
#[proc_macro_attribute]
pub fn lambda_function(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = proc_macro2::TokenStream::from(item);
    guard::catch(item.clone(), || expand::lambda_function(args.into(), item)).into()
}

/// Lists each CloudFormation property of a struct with whether changing it must
/// publish a new function version (`#[version(locked)]` / `#[version(unlocked)]`).
#[proc_macro_derive(VersionProps, attributes(version, version_props))]
pub fn derive_version_props(input: TokenStream) -> TokenStream {
    guard::catch(proc_macro2::TokenStream::new(), || {
        expand::derive_version_props(input.into())
    })
    .into()
}
