//! Values of attribute keys: string, integer and boolean literals, or constant
//! expressions checked later by generated `const` assertions.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::{Expr, ExprLit, ExprUnary, Lit, LitStr, Meta, UnOp};

use crate::ctxt::Ctxt;
use crate::symbol::Symbol;

/// A parsed value and the tokens it came from, so errors can point at them.
#[derive(Clone)]
pub struct Sp<T> {
    pub value: T,
    origin: TokenStream,
}

impl<T> Sp<T> {
    pub fn new(value: T, origin: impl ToTokens) -> Self {
        Sp {
            value,
            origin: origin.into_token_stream(),
        }
    }

    /// The span of the first token (for `quote_spanned!`).
    pub fn span(&self) -> Span {
        self.origin
            .clone()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |t| t.span())
    }
}

impl<T> ToTokens for Sp<T> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(self.origin.clone());
    }
}

/// An integer given as a literal (checked now) or as a constant expression (checked by
/// a generated `const` assertion).
#[derive(Clone)]
pub enum Num<T> {
    Lit(T),
    Const(Expr),
}

/// A string given as a literal or as a constant expression.
#[derive(Clone)]
pub enum Text {
    Lit(String),
    Const(Expr),
}

/// The value of `key = value`; any other form is an error naming the right one.
pub fn name_value<'m>(cx: &Ctxt, key: Symbol, meta: &'m Meta, example: &str) -> Option<&'m Expr> {
    match meta {
        Meta::NameValue(nv) => Some(&nv.value),
        _ => {
            cx.error_spanned_by(meta, format!("expected `{key} = ...`, e.g. `{example}`"));
            None
        }
    }
}

/// Strips `(...)` and invisible groups around an expression.
/// The `name = value` options of a list key (`params_and_secrets(...)`, `durable_config(...)`),
/// or an error at the key when it is not a list or its options do not parse.
pub fn options(
    cx: &Ctxt,
    meta: &Meta,
    example: &str,
) -> Option<syn::punctuated::Punctuated<syn::MetaNameValue, syn::Token![,]>> {
    let Meta::List(list) = meta else {
        cx.error_spanned_by(meta, format!("expected `{example}`"));
        return None;
    };
    match list.parse_args_with(syn::punctuated::Punctuated::parse_terminated) {
        Ok(entries) => Some(entries),
        Err(err) => {
            cx.syn_error(err);
            None
        }
    }
}

pub fn unparen(mut expr: &Expr) -> &Expr {
    loop {
        match expr {
            Expr::Paren(inner) => expr = &inner.expr,
            Expr::Group(inner) => expr = &inner.expr,
            _ => return expr,
        }
    }
}

pub fn lit_str<'e>(cx: &Ctxt, key: Symbol, expr: &'e Expr, example: &str) -> Option<&'e LitStr> {
    match unparen(expr) {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s),
        _ => {
            cx.error_spanned_by(
                expr,
                format!("expected `{key}` to be a string literal, e.g. `{example}`"),
            );
            None
        }
    }
}

/// A string literal, or any other expression taken as a constant `&str`.
pub fn text(cx: &Ctxt, key: Symbol, expr: &Expr, example: &str) -> Option<Sp<Text>> {
    match unparen(expr) {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(Sp::new(Text::Lit(s.value()), s)),
        Expr::Lit(_) => {
            cx.error_spanned_by(
                expr,
                format!("expected `{key}` to be a string literal or a `&str` constant, e.g. `{example}`"),
            );
            None
        }
        other => Some(Sp::new(Text::Const(other.clone()), expr)),
    }
}

/// An integer literal (with an optional `-`), or any other expression taken as a constant.
pub fn integer<T: TryFrom<i128>>(
    cx: &Ctxt,
    key: Symbol,
    expr: &Expr,
    expected: &str,
    example: &str,
) -> Option<Sp<Num<T>>> {
    let wrong = |cx: &Ctxt| {
        cx.error_spanned_by(
            expr,
            format!("expected `{key}` to be {expected}, e.g. `{example}`"),
        );
        None
    };
    let (negative, lit) = match unparen(expr) {
        Expr::Lit(ExprLit { lit, .. }) => (false, lit),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr: inner,
            ..
        }) => match unparen(inner) {
            Expr::Lit(ExprLit { lit, .. }) => (true, lit),
            _ => return Some(Sp::new(Num::Const(expr.clone()), expr)),
        },
        other => return Some(Sp::new(Num::Const(other.clone()), expr)),
    };
    let Lit::Int(int) = lit else {
        return wrong(cx);
    };
    let Ok(magnitude) = int.base10_parse::<i128>() else {
        return wrong(cx);
    };
    let n = if negative { -magnitude } else { magnitude };
    match T::try_from(n) {
        Ok(value) => Some(Sp::new(Num::Lit(value), expr)),
        Err(_) => wrong(cx),
    }
}

/// `key = true`, `key = false`, or the bare `key` meaning `true`.
pub fn flag(cx: &Ctxt, key: Symbol, meta: &Meta) -> Option<Sp<bool>> {
    let wrong = || {
        cx.error_spanned_by(
            meta,
            format!("expected `{key}`, `{key} = true` or `{key} = false`"),
        );
        None
    };
    match meta {
        Meta::Path(path) => Some(Sp::new(true, path)),
        Meta::NameValue(nv) => match unparen(&nv.value) {
            Expr::Lit(ExprLit {
                lit: Lit::Bool(b), ..
            }) => Some(Sp::new(b.value, b)),
            _ => wrong(),
        },
        Meta::List(_) => wrong(),
    }
}

/// Parses a string literal into one of lambda-spec's enums; the spec's error (with its
/// "did you mean") lands on the literal.
pub fn spec_enum<T>(cx: &Ctxt, key: Symbol, expr: &Expr, example: &str) -> Option<Sp<T>>
where
    T: std::str::FromStr<Err = lambda_spec::SpecError>,
{
    let lit = lit_str(cx, key, expr, example)?;
    match lit.value().parse::<T>() {
        Ok(value) => Some(Sp::new(value, lit)),
        Err(err) => {
            cx.error_spanned_by(lit, err.message);
            None
        }
    }
}

/// "unknown `what` `input`" with the closest candidate, or the list of candidates.
pub fn unknown(what: &str, input: &str, candidates: &[Symbol]) -> String {
    match Symbol::closest(input, candidates) {
        Some(close) => format!("unknown {what} `{input}`; did you mean `{close}`?"),
        None => format!(
            "unknown {what} `{input}`; expected {}",
            Symbol::list(candidates)
        ),
    }
}

/// The single identifier of a meta's path, unraw (`r#type` → `type`).
pub fn path_ident(path: &syn::Path) -> Option<String> {
    path.get_ident()
        .map(|ident| ident.to_string().trim_start_matches("r#").to_owned())
}
