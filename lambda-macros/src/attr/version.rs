//! Attributes `#[derive(VersionProps)]` reads: `#[version(locked | unlocked)]`,
//! `#[version_props(crate = path)]`, and serde's `rename`, `rename_all` and `skip`.

use syn::{Attribute, Expr, ExprLit, Lit, Meta, Path};

use super::value::{self, Sp};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::symbol::{
    Symbol, CRATE, LOCKED, RENAME, RENAME_ALL, SERDE, SERIALIZE, SKIP, SKIP_SERIALIZING, UNLOCKED,
    VERSION, VERSION_KEYS, VERSION_PROPS, VERSION_PROPS_KEYS,
};

/// `Some(true)` for `#[version(locked)]`, `Some(false)` for `unlocked`, `None` if the
/// field has neither (or a malformed one, already reported).
pub fn version_class(cx: &Ctxt, attrs: &[Attribute]) -> Option<Sp<bool>> {
    let mut class: Option<Sp<bool>> = None;
    for attr in attrs.iter().filter(|a| a.path() == VERSION) {
        let Meta::List(list) = &attr.meta else {
            cx.error_spanned_by(
                attr,
                "expected `#[version(locked)]` or `#[version(unlocked)]`",
            );
            continue;
        };
        for meta in super::parse_meta_list(cx, list.tokens.clone()) {
            let path = meta.path();
            let locked = if path == LOCKED {
                true
            } else if path == UNLOCKED {
                false
            } else {
                let name = value::path_ident(path).unwrap_or_default();
                cx.error_spanned_by(
                    path,
                    value::unknown("version attribute", &name, VERSION_KEYS),
                );
                continue;
            };
            if !matches!(meta, Meta::Path(_)) {
                cx.error_spanned_by(
                    &meta,
                    format!(
                        "expected `#[version({})]` without a value",
                        path_name(locked)
                    ),
                );
                continue;
            }
            match &class {
                Some(first) if first.value == locked => {
                    cx.error_spanned_by(path, format!("duplicate `#[version({})]`", path_name(locked)));
                }
                Some(_) => cx.error_spanned_by(
                    path,
                    "a property cannot be both `#[version(locked)]` and `#[version(unlocked)]`: keep the one that says whether changing it must publish a new version",
                ),
                None => class = Some(Sp::new(locked, path)),
            }
        }
    }
    class
}

fn path_name(locked: bool) -> Symbol {
    if locked {
        LOCKED
    } else {
        UNLOCKED
    }
}

/// `#[version_props(crate = ::lambda_core::lambda)]` (or `crate = "::lambda_core::lambda"`).
pub fn version_props_crate(cx: &Ctxt, attrs: &[Attribute]) -> Option<Path> {
    let mut krate: Option<Path> = None;
    for attr in attrs.iter().filter(|a| a.path() == VERSION_PROPS) {
        let Meta::List(list) = &attr.meta else {
            cx.error_spanned_by(
                attr,
                "expected `#[version_props(crate = path::to::module)]`",
            );
            continue;
        };
        for meta in super::parse_meta_list(cx, list.tokens.clone()) {
            if meta.path() != CRATE {
                let name = value::path_ident(meta.path()).unwrap_or_default();
                cx.error_spanned_by(
                    meta.path(),
                    value::unknown("version_props key", &name, VERSION_PROPS_KEYS),
                );
                continue;
            }
            let path = match &meta {
                Meta::NameValue(nv) => match value::unparen(&nv.value) {
                    Expr::Path(p) => Some(p.path.clone()),
                    Expr::Lit(ExprLit {
                        lit: Lit::Str(s), ..
                    }) => s.parse::<Path>().ok(),
                    _ => None,
                },
                _ => None,
            };
            let Some(path) = path else {
                cx.error_spanned_by(&meta, "expected `crate = path::to::module`, e.g. `#[version_props(crate = ::lambda_core::lambda)]`");
                continue;
            };
            if krate.is_some() {
                cx.error_spanned_by(meta.path(), "duplicate `version_props` key `crate`");
                continue;
            }
            krate = Some(path);
        }
    }
    krate
}

/// What serde says about a field's serialized name.
#[derive(Default)]
pub struct SerdeField {
    pub rename: Option<String>,
    pub skip: bool,
}

/// Reads `rename = ".."`, `rename(serialize = "..")`, `skip`, `skip_serializing`; anything
/// else (and malformed serde attributes, which serde reports) is ignored.
pub fn serde_name(attrs: &[Attribute]) -> SerdeField {
    let mut field = SerdeField::default();
    for meta in serde_metas(attrs) {
        if meta.path() == SKIP || meta.path() == SKIP_SERIALIZING {
            field.skip = true;
        } else if meta.path() == RENAME {
            if let Some(name) = serialize_string(&meta) {
                field.rename = Some(name);
            }
        }
    }
    field
}

/// The container's `#[serde(rename_all = "..")]` rule for serialization.
pub fn rename_all(attrs: &[Attribute]) -> Option<RenameRule> {
    serde_metas(attrs)
        .filter(|m| m.path() == RENAME_ALL)
        .filter_map(|m| serialize_string(&m))
        .filter_map(|name| RenameRule::from_name(&name))
        .last()
}

fn serde_metas(attrs: &[Attribute]) -> impl Iterator<Item = Meta> + '_ {
    attrs
        .iter()
        .filter(|a| a.path() == SERDE)
        .filter_map(|a| match &a.meta {
            Meta::List(list) => {
                // serde reports its own syntax errors; this only reads what it can.
                let cx = Ctxt::new();
                let metas = super::parse_meta_list(&cx, list.tokens.clone());
                let _ = cx.check();
                Some(metas)
            }
            _ => None,
        })
        .flatten()
}

/// `key = "x"` or `key(serialize = "x")`.
fn serialize_string(meta: &Meta) -> Option<String> {
    match meta {
        Meta::NameValue(nv) => string_lit(&nv.value),
        Meta::List(list) => {
            let cx = Ctxt::new();
            let inner = super::parse_meta_list(&cx, list.tokens.clone());
            let _ = cx.check();
            inner.iter().find_map(|m| match m {
                Meta::NameValue(nv) if nv.path == SERIALIZE => string_lit(&nv.value),
                _ => None,
            })
        }
        Meta::Path(_) => None,
    }
}

fn string_lit(expr: &Expr) -> Option<String> {
    match value::unparen(expr) {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.value()),
        _ => None,
    }
}
