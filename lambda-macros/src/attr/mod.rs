//! Parsing of the macros' attributes into plain values with their spans. Parsers never
//! stop at the first mistake: each pushes its error into the [`Ctxt`] and the caller
//! moves on to the next key, so the user sees every bad key at once.

mod code;
mod durable;
mod duration;
mod extensions;
mod field;
mod function;
mod value;
mod version;

pub use code::Code;
pub use durable::DurableAttr;
pub use extensions::ParamsAndSecretsSource;
pub use field::env_name;
pub use function::{example, EnvValue, FunctionAttrs, RuntimeManagement};
pub use value::{Num, Sp, Text};
pub use version::{rename_all, serde_name, version_class, version_props_crate};

use syn::punctuated::Punctuated;
use syn::{Meta, Token};

use crate::ctxt::Ctxt;

/// `a = 1, b(c), d` as a list of metas; a syntax error is pushed and gives an empty list.
fn parse_meta_list(cx: &Ctxt, tokens: proc_macro2::TokenStream) -> Vec<Meta> {
    use syn::parse::Parser;
    match Punctuated::<Meta, Token![,]>::parse_terminated.parse2(tokens) {
        Ok(list) => list.into_iter().collect(),
        Err(err) => {
            cx.syn_error(err);
            Vec::new()
        }
    }
}
