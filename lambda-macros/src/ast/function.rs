//! A `#[lambda_function]` struct: its configuration and its environment fields.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Fields, GenericArgument, Ident, Item, ItemStruct, PathArguments, Type};

use crate::attr::{self, FunctionAttrs, Sp};
use crate::ctxt::Ctxt;
use crate::symbol::ENV;

pub struct Function {
    /// The user's struct, `#[env]` attributes removed.
    pub item: ItemStruct,
    pub attrs: FunctionAttrs,
    pub fields: Vec<Field>,
}

/// A field: an environment variable the builder asks for.
pub struct Field {
    pub ident: Ident,
    /// `T` for an `Option<T>` field (optional), the field's type otherwise (required).
    pub value_ty: Type,
    pub optional: bool,
    pub env: Sp<String>,
}

impl Function {
    /// `None` when the item is not a struct we can build on (already reported); the
    /// arguments are parsed either way so their errors are reported too.
    pub fn from_ast(cx: &Ctxt, args: TokenStream, item: TokenStream) -> Option<Function> {
        let attrs = FunctionAttrs::from_args(cx, args);
        let mut item = match syn::parse2::<Item>(item) {
            Ok(Item::Struct(item)) => item,
            Ok(other) => {
                cx.error_spanned_by(
                    item_keyword(&other),
                    "#[lambda_function] goes on a struct whose fields are the function's environment variables, e.g. `struct Orders { table_name: String }`",
                );
                return None;
            }
            Err(err) => {
                cx.syn_error(err);
                return None;
            }
        };
        if !item.generics.params.is_empty() {
            cx.error_spanned_by(
                &item.generics,
                "a #[lambda_function] struct cannot be generic: its fields are the environment variables of one function",
            );
            return None;
        }
        if let Fields::Unnamed(fields) = &item.fields {
            cx.error_spanned_by(
                fields,
                "a #[lambda_function] struct needs named fields (each is an environment variable) or none, e.g. `struct Orders { table_name: String }`",
            );
            return None;
        }
        if let Fields::Unit = item.fields {
            // The builder derive takes braced structs only; `struct Orders;` has no
            // environment either way, and `Orders {}` still builds it.
            item.fields = Fields::Named(syn::parse_quote!({}));
            item.semi_token = None;
        }
        let fields = item
            .fields
            .iter()
            .filter_map(|field| {
                let ident = field.ident.clone()?;
                let env = attr::env_name(cx, field)?;
                let (optional, value_ty) = match option_inner(&field.ty) {
                    Some(inner) => (true, inner.clone()),
                    None => (false, field.ty.clone()),
                };
                Some(Field {
                    ident,
                    value_ty,
                    optional,
                    env,
                })
            })
            .collect();
        for field in item.fields.iter_mut() {
            field.attrs.retain(|a| a.path() != ENV);
        }
        Some(Function {
            item,
            attrs,
            fields,
        })
    }
}

/// `Some(T)` for `Option<T>` (also `std::option::Option<T>`).
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// Where to point "this is not a struct": the item's keyword (`enum`, `fn`, ...).
fn item_keyword(item: &Item) -> TokenStream {
    match item {
        Item::Enum(i) => i.enum_token.to_token_stream(),
        Item::Fn(i) => i.sig.fn_token.to_token_stream(),
        Item::Union(i) => i.union_token.to_token_stream(),
        Item::Trait(i) => i.trait_token.to_token_stream(),
        Item::Impl(i) => i.impl_token.to_token_stream(),
        Item::Mod(i) => i.mod_token.to_token_stream(),
        other => other.to_token_stream(),
    }
}
