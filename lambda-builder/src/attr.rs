//! The `#[builder(...)]` arguments: on the function or struct, and on each member.

use proc_macro::{Delimiter, Span, TokenTree};

use crate::tokens::{is_ident, is_punct, split_commas, to_string, Error, Result};

/// `#[builder(...)]` on a `new`-like function or a struct.
#[derive(Default)]
pub struct ItemAttr {
    /// `finish_fn = name` or `finish_fn(name = name)`; `build` when unset.
    pub finish_fn: Option<String>,
    /// `finish_fn(vis = "")`: the finishing function's visibility instead of the item's.
    pub finish_vis: Option<String>,
    /// `builder_type = Name`; `{Type}Builder` (or `{Type}{Method}Builder`) when unset.
    pub builder_type: Option<String>,
    /// `state_mod = name`; the builder type in snake case when unset.
    pub state_mod: Option<String>,
}

/// `#[builder(...)]` on a parameter or field.
#[derive(Default)]
pub struct MemberAttr {
    pub into: bool,
    /// `default` (`Some(None)`) or `default = expr` (`Some(Some(expr))`).
    pub default: Option<Option<Vec<TokenTree>>>,
    pub start_fn: bool,
    pub finish_fn: bool,
}

fn name_value(piece: &[TokenTree]) -> Option<(&TokenTree, &[TokenTree])> {
    match piece {
        [key, eq, value @ ..] if is_punct(eq, '=') && !value.is_empty() => Some((key, value)),
        _ => None,
    }
}

fn single_ident(value: &[TokenTree], what: &str) -> Result<String> {
    match value {
        [TokenTree::Ident(i)] => Ok(i.to_string()),
        _ => Err(Error::new(
            value.first().map_or_else(Span::call_site, TokenTree::span),
            format!("`{what}` takes a name"),
        )),
    }
}

fn string_literal(value: &[TokenTree], what: &str) -> Result<String> {
    if let [TokenTree::Literal(l)] = value {
        let text = l.to_string();
        if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            return Ok(inner.to_string());
        }
    }
    Err(Error::new(
        value.first().map_or_else(Span::call_site, TokenTree::span),
        format!("`{what}` takes a string, e.g. `{what} = \"pub(crate)\"`"),
    ))
}

pub fn item_attr(args: &[TokenTree], into: &mut ItemAttr) -> Result<()> {
    for piece in split_commas(args) {
        let key = &piece[0];
        if let Some((key, value)) = name_value(&piece) {
            match key.to_string().as_str() {
                "finish_fn" => into.finish_fn = Some(single_ident(value, "finish_fn")?),
                "builder_type" => into.builder_type = Some(single_ident(value, "builder_type")?),
                "state_mod" => into.state_mod = Some(single_ident(value, "state_mod")?),
                other => return Err(unknown(key.span(), other, ITEM_KEYS)),
            }
        } else if let [k, TokenTree::Group(g)] = piece.as_slice() {
            if !is_ident(k, "finish_fn") || g.delimiter() != Delimiter::Parenthesis {
                return Err(unknown(k.span(), &k.to_string(), ITEM_KEYS));
            }
            let inner: Vec<TokenTree> = g.stream().into_iter().collect();
            for nested in split_commas(&inner) {
                let Some((key, value)) = name_value(&nested) else {
                    return Err(Error::new(
                        nested[0].span(),
                        "expected `name = ...` or `vis = \"...\"`",
                    ));
                };
                match key.to_string().as_str() {
                    "name" => into.finish_fn = Some(single_ident(value, "name")?),
                    "vis" => into.finish_vis = Some(string_literal(value, "vis")?),
                    other => return Err(unknown(key.span(), other, &["name", "vis"])),
                }
            }
        } else {
            return Err(unknown(key.span(), &to_string(&piece), ITEM_KEYS));
        }
    }
    Ok(())
}

const ITEM_KEYS: &[&str] = &["finish_fn", "builder_type", "state_mod"];
const MEMBER_KEYS: &[&str] = &["into", "default", "start_fn", "finish_fn"];

pub fn member_attr(args: &[TokenTree], into: &mut MemberAttr) -> Result<()> {
    for piece in split_commas(args) {
        let key = &piece[0];
        match (key.to_string().as_str(), piece.len()) {
            ("into", 1) => into.into = true,
            ("default", 1) => into.default = Some(None),
            ("start_fn", 1) => into.start_fn = true,
            ("finish_fn", 1) => into.finish_fn = true,
            ("default", _) => match name_value(&piece) {
                Some((_, value)) => into.default = Some(Some(value.to_vec())),
                None => {
                    return Err(Error::new(
                        key.span(),
                        "expected `default` or `default = <expression>`",
                    ))
                }
            },
            (other, _) => return Err(unknown(key.span(), other, MEMBER_KEYS)),
        }
    }
    Ok(())
}

fn unknown(span: Span, key: &str, known: &[&str]) -> Error {
    Error::new(
        span,
        format!(
            "unknown builder option `{key}`; expected one of: {}",
            known.join(", ")
        ),
    )
}
