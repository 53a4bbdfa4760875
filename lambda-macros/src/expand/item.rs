//! The user's struct, with lambda-builder's typestate builder derived on it.
//!
//! The builder's type records which required fields are set: `build` is only callable
//! once every non-`Option` field is, and the error for a missing one names the field
//! (``the member `table_name` was not set``).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, Type};

use super::private;
use crate::ast::Function;
use crate::case::screaming_snake;

pub fn builder_type(function: &Function) -> Ident {
    format_ident!("{}Builder", function.item.ident)
}

pub fn state_mod(function: &Function) -> Ident {
    let snake = screaming_snake(&function.item.ident.to_string()).to_ascii_lowercase();
    Ident::new(&format!("{snake}_builder"), Span::call_site())
}

pub const PROPS_FN: &str = "__lambda_function_props";

pub fn struct_with_builder(function: &Function) -> TokenStream {
    let private = private();
    let builder_type = builder_type(function);
    let state_mod = state_mod(function);
    let props_fn = Ident::new(PROPS_FN, Span::call_site());
    let mut item = function.item.clone();
    for (field, parsed) in item.fields.iter_mut().zip(&function.fields) {
        if wants_into(&parsed.value_ty) {
            field.attrs.push(syn::parse_quote!(#[builder(into)]));
        }
    }
    quote! {
        #[derive(#private::Builder)]
        #[builder(
            builder_type = #builder_type,
            state_mod = #state_mod,
            finish_fn(name = #props_fn, vis = ""),
        )]
        #item
    }
}

/// `String` and `Value` setters take `impl Into<..>`, so `.table_name("orders")` works;
/// numbers stay exact so integer literals infer.
fn wants_into(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    path.path
        .segments
        .last()
        .is_some_and(|s| s.ident == "String" || s.ident == "Value")
}
