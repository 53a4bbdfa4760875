//! `#[env(name = "...")]` on a field of a `#[lambda_function]` struct.

use syn::{Field, Meta};

use super::value::{self, Sp};
use crate::case::screaming_snake;
use crate::ctxt::Ctxt;
use crate::symbol::{ENV, ENV_KEYS, NAME};

/// The environment variable a field sets: `#[env(name = "...")]`, or the field's name in
/// SCREAMING_SNAKE_CASE (spanned at the field, so a bad derived name points there).
pub fn env_name(cx: &Ctxt, field: &Field) -> Option<Sp<String>> {
    let ident = field.ident.as_ref()?;
    let mut name: Option<Sp<String>> = None;
    for attr in field.attrs.iter().filter(|a| a.path() == ENV) {
        let Meta::List(list) = &attr.meta else {
            cx.error_spanned_by(attr, "expected `#[env(name = \"VARIABLE_NAME\")]`");
            continue;
        };
        for meta in super::parse_meta_list(cx, list.tokens.clone()) {
            let key = value::path_ident(meta.path()).unwrap_or_default();
            if meta.path() != NAME {
                cx.error_spanned_by(meta.path(), value::unknown("#[env] key", &key, ENV_KEYS));
                continue;
            }
            let Some(expr) = value::name_value(cx, NAME, &meta, "#[env(name = \"TABLE_NAME\")]")
            else {
                continue;
            };
            let Some(lit) = value::lit_str(cx, NAME, expr, "#[env(name = \"TABLE_NAME\")]") else {
                continue;
            };
            if name.is_some() {
                cx.error_spanned_by(meta.path(), "duplicate `#[env]` key `name`");
                continue;
            }
            name = Some(Sp::new(lit.value(), lit));
        }
    }
    let unraw = ident.to_string().trim_start_matches("r#").to_owned();
    Some(name.unwrap_or_else(|| Sp::new(screaming_snake(&unraw), ident)))
}
