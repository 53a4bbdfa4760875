//! `from_env()` on the struct: the handler reads back, at run time, the variables the
//! synthesis side wrote, each parsed into its field's type. Written with and without the
//! `synth` feature; it names only std-only items of `lambda_cdk::__private`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::private;
use crate::ast::Function;

pub fn from_env_fn(function: &Function) -> TokenStream {
    let p = private();
    let ident = &function.item.ident;
    let vis = &function.item.vis;
    let bindings: Vec<_> = (0..function.fields.len())
        .map(|i| format_ident!("__field_{i}"))
        .collect();
    let field_idents = function.fields.iter().map(|f| &f.ident);
    let reads = function
        .fields
        .iter()
        .zip(&bindings)
        .map(|(field, binding)| {
            let name = &field.env.value;
            let ty = &field.value_ty;
            let read = if field.optional {
                quote!(optional)
            } else {
                quote!(required)
            };
            quote_spanned!(ty.span()=> let #binding = __reader.#read::<#ty>(#name);)
        });
    // One bound per field type, higher-ranked so a type `from_env` cannot read (a
    // `&'static str` field) is an error where `from_env` is called, not on every struct. Every
    // token of the bound carries the field type's span: rustc's note points at the field.
    let bounds = function.fields.iter().map(|field| {
        let ty = &field.value_ty;
        quote_spanned!(ty.span()=> for<'__env> #ty: ::lambda_cdk::__private::FromEnvValue)
    });
    let names: Vec<String> = function
        .fields
        .iter()
        .map(|f| format!("`{}`", f.env.value))
        .collect();
    let doc = if names.is_empty() {
        format!("Builds [`{ident}`], which reads no environment variable.")
    } else {
        format!(
            "Reads [`{ident}`] from the environment the function runs with ({}), each variable parsed into its field's type.",
            names.join(", ")
        )
    };
    quote! {
        #[automatically_derived]
        impl #ident {
            #[doc = #doc]
            ///
            /// # Errors
            /// An error naming every required variable that is not set and every variable
            /// that does not parse.
            #[allow(unused_mut, unreachable_patterns)]
            #vis fn from_env() -> #p::StdResult<Self, #p::EnvError>
            where
                #(#bounds,)*
            {
                let mut __reader = #p::EnvReader::new();
                #(#reads)*
                match (#(#bindings,)*) {
                    (#(#p::Option::Some(#bindings),)*) => {
                        #p::StdResult::Ok(#ident { #(#field_idents: #bindings),* })
                    }
                    _ => #p::StdResult::Err(__reader.into_error()),
                }
            }
        }
    }
}
