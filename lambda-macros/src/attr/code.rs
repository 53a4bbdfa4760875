//! `code = inline("...")`, `code = asset("dir", exclude = [..], ignore_mode = "..")` and
//! `code = rust("package dir", binary = "name")`.

use syn::{Expr, ExprArray, ExprAssign, ExprCall, ExprLit, Lit, LitStr};

use super::value::{self, Sp, Text};
use crate::ctxt::Ctxt;
use crate::symbol::{
    ASSET, ASSET_OPTIONS, BINARY, BUCKET, CODE_KINDS, EXCLUDE, IGNORE_MODE, IGNORE_MODES, INLINE,
    RUST,
};

const EXAMPLE: &str = "code = asset(\"handlers/orders\")";

pub enum Code {
    Inline(Sp<Text>),
    Asset {
        path: LitStr,
        exclude: Vec<String>,
        ignore_mode: Option<IgnoreMode>,
    },
    /// A Rust handler package built with cargo-lambda.
    Rust {
        path: LitStr,
        binary: Option<LitStr>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IgnoreMode {
    Glob,
    Git,
    Docker,
}

pub fn parse(cx: &Ctxt, expr: &Expr) -> Option<Sp<Code>> {
    let Expr::Call(call) = value::unparen(expr) else {
        cx.error_spanned_by(
            expr,
            format!(
                "expected `code = inline(\"...\")` or `code = asset(\"path\")`, e.g. `{EXAMPLE}`"
            ),
        );
        return None;
    };
    let kind = match value::unparen(&call.func) {
        Expr::Path(p) => value::path_ident(&p.path),
        _ => None,
    };
    let code = match kind.as_deref() {
        Some(k) if k == INLINE.0 => inline(cx, call),
        Some(k) if k == ASSET.0 => asset(cx, call),
        Some(k) if k == RUST.0 => rust(cx, call),
        Some(k) if k == BUCKET.0 => {
            cx.error_spanned_by(
                &call.func,
                "`code = bucket(..)` is not supported by #[lambda_function]: the bucket is a construct known only at run time; build this function with `Function::builder().code(Code::from_bucket(&bucket, key))`",
            );
            None
        }
        Some(k) => {
            cx.error_spanned_by(&call.func, value::unknown("code source", k, CODE_KINDS));
            None
        }
        None => {
            cx.error_spanned_by(
                &call.func,
                format!("expected `inline`, `asset` or `rust`, e.g. `{EXAMPLE}`"),
            );
            None
        }
    }?;
    Some(Sp::new(code, expr))
}

fn inline(cx: &Ctxt, call: &ExprCall) -> Option<Code> {
    let mut args = call.args.iter();
    let (Some(source), None) = (args.next(), args.next()) else {
        cx.error_spanned_by(
            call,
            "expected one argument, the source: `code = inline(\"exports.handler = async () => {};\")`",
        );
        return None;
    };
    let text = value::text(cx, INLINE, source, "inline(\"exports.handler = ...\")")?;
    Some(Code::Inline(text))
}

fn asset(cx: &Ctxt, call: &ExprCall) -> Option<Code> {
    let mut args = call.args.iter();
    let Some(first) = args.next() else {
        cx.error_spanned_by(
            call,
            format!("expected the asset path first, e.g. `{EXAMPLE}`"),
        );
        return None;
    };
    let path = match value::unparen(first) {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.clone()),
        _ => {
            cx.error_spanned_by(
                first,
                format!("expected the asset path as a string literal (relative to the crate's Cargo.toml), e.g. `{EXAMPLE}`"),
            );
            None
        }
    };
    let mut exclude: Option<Vec<String>> = None;
    let mut ignore_mode: Option<IgnoreMode> = None;
    for arg in args {
        let Expr::Assign(ExprAssign { left, right, .. }) = arg else {
            cx.error_spanned_by(
                arg,
                "expected `exclude = [\"...\"]` or `ignore_mode = \"glob\"` after the asset path",
            );
            continue;
        };
        let name = match value::unparen(left) {
            Expr::Path(p) => value::path_ident(&p.path),
            _ => None,
        };
        match name.as_deref() {
            Some(n) if n == EXCLUDE.0 => {
                if exclude.is_some() {
                    cx.error_spanned_by(left, "duplicate asset option `exclude`");
                }
                exclude = patterns(cx, right);
            }
            Some(n) if n == IGNORE_MODE.0 => {
                if ignore_mode.is_some() {
                    cx.error_spanned_by(left, "duplicate asset option `ignore_mode`");
                }
                ignore_mode = mode(cx, right);
            }
            Some(n) => cx.error_spanned_by(left, value::unknown("asset option", n, ASSET_OPTIONS)),
            None => cx.error_spanned_by(left, "expected `exclude` or `ignore_mode`"),
        }
    }
    Some(Code::Asset {
        path: path?,
        exclude: exclude.unwrap_or_default(),
        ignore_mode,
    })
}

fn rust(cx: &Ctxt, call: &ExprCall) -> Option<Code> {
    const RUST_EXAMPLE: &str = "code = rust(\"handlers/orders\", binary = \"orders\")";
    let mut args = call.args.iter();
    let path = match args.next().map(value::unparen) {
        Some(Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        })) => Some(s.clone()),
        Some(other) => {
            cx.error_spanned_by(
                other,
                format!("expected the package folder as a string literal (relative to the crate's Cargo.toml), e.g. `{RUST_EXAMPLE}`"),
            );
            None
        }
        None => {
            cx.error_spanned_by(
                call,
                format!("expected the package folder first, e.g. `{RUST_EXAMPLE}`"),
            );
            None
        }
    };
    let mut binary = None;
    for arg in args {
        let Expr::Assign(ExprAssign { left, right, .. }) = arg else {
            cx.error_spanned_by(
                arg,
                format!(
                    "expected `binary = \"name\"` after the package folder, e.g. `{RUST_EXAMPLE}`"
                ),
            );
            continue;
        };
        let name = match value::unparen(left) {
            Expr::Path(p) => value::path_ident(&p.path),
            _ => None,
        };
        match name.as_deref() {
            Some(n) if n == BINARY.0 => {
                if binary.is_some() {
                    cx.error_spanned_by(left, "duplicate rust option `binary`");
                }
                binary = value::lit_str(cx, BINARY, right, "binary = \"orders\"").cloned();
            }
            Some(n) => cx.error_spanned_by(left, value::unknown("rust option", n, &[BINARY])),
            None => cx.error_spanned_by(left, "expected `binary`"),
        }
    }
    Some(Code::Rust {
        path: path?,
        binary,
    })
}

fn patterns(cx: &Ctxt, expr: &Expr) -> Option<Vec<String>> {
    let Expr::Array(ExprArray { elems, .. }) = value::unparen(expr) else {
        cx.error_spanned_by(
            expr,
            "expected a list of patterns, e.g. `exclude = [\"*.test.js\"]`",
        );
        return None;
    };
    let mut out = Vec::new();
    for elem in elems {
        match value::unparen(elem) {
            Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) => out.push(s.value()),
            _ => cx.error_spanned_by(
                elem,
                "expected a string literal pattern, e.g. `\"*.test.js\"`",
            ),
        }
    }
    Some(out)
}

fn mode(cx: &Ctxt, expr: &Expr) -> Option<IgnoreMode> {
    let lit = value::lit_str(cx, IGNORE_MODE, expr, "ignore_mode = \"glob\"")?;
    let name = lit.value().to_ascii_lowercase();
    match IGNORE_MODES.iter().position(|mode| mode.0 == name) {
        Some(i) => Some(IgnoreMode::ALL[i]),
        None => {
            cx.error_spanned_by(lit, value::unknown("ignore mode", &name, IGNORE_MODES));
            None
        }
    }
}

impl IgnoreMode {
    /// In the order of [`IGNORE_MODES`].
    const ALL: [IgnoreMode; 3] = [IgnoreMode::Glob, IgnoreMode::Git, IgnoreMode::Docker];

    pub fn variant(self) -> &'static str {
        match self {
            IgnoreMode::Glob => "Glob",
            IgnoreMode::Git => "Git",
            IgnoreMode::Docker => "Docker",
        }
    }
}
