//! `impl VersionProps for T { const VERSION_PROPERTIES: ... }`.

use proc_macro2::TokenStream;
use quote::quote;

use super::private;
use crate::ast::VersionPropsInput;

pub fn expand(input: &VersionPropsInput) -> TokenStream {
    let root = match &input.krate {
        Some(path) => quote!(#path),
        None => private(),
    };
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let entries = input.properties.iter().map(|p| {
        let name = &p.name;
        let locked = p.locked;
        quote!((#name, #locked))
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #root::VersionProps for #ident #ty_generics #where_clause {
            const VERSION_PROPERTIES: &'static [(&'static str, bool)] = &[#(#entries),*];
        }
    }
}
