//! What the macro cannot check itself: values given as constants are checked by
//! `const` items that call the same lambda-spec rules (spanned at the user's
//! expression, so a failure points there), and a deprecated runtime becomes a
//! `#[deprecated]` warning at the runtime literal.

use lambda_spec::{Runtime, RuntimeFamily};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Expr;

use super::private;
use crate::attr::{Code, FunctionAttrs, Num, Sp, Text};

pub fn const_checks(attrs: &FunctionAttrs) -> TokenStream {
    let p = private();
    let spec = quote!(#p::spec);
    let mut out = TokenStream::new();
    let mut assert = |at: Span, check: TokenStream| {
        out.extend(quote_spanned!(at=> const _: () = #check;));
    };
    if let Some((at, e)) = constant(&attrs.memory_size) {
        assert(at, quote_spanned!(at=> #spec::assert_memory_size(#e)));
    }
    if let Some((at, e)) = constant(&attrs.ephemeral_storage) {
        assert(
            at,
            quote_spanned!(at=> #spec::assert_ephemeral_storage_size(#e)),
        );
        if attrs.snap_start.as_ref().is_some_and(|s| s.value) {
            assert(
                at,
                quote_spanned!(at=> ::core::assert!(
                    #spec::is_valid_snap_start_ephemeral_storage(#e),
                    "SnapStart is currently not supported using more than 512 MiB Ephemeral Storage"
                )),
            );
        }
    }
    if let Some((at, e)) = constant(&attrs.reserved_concurrent_executions) {
        assert(
            at,
            quote_spanned!(at=> #spec::assert_reserved_concurrency((#e) as i64)),
        );
    }
    if let Some((at, e)) = constant(&attrs.timeout) {
        assert(
            at,
            quote_spanned!(at=> {
                let timeout: #p::Duration = #e;
                ::core::assert!(timeout.subsec_nanos() == 0, "Lambda timeouts are whole seconds");
                #spec::assert_timeout_seconds(timeout.as_secs())
            }),
        );
    }
    if let Some((at, e)) = text_constant(&attrs.function_name) {
        assert(at, quote_spanned!(at=> #spec::assert_function_name(#e)));
    }
    if let Some((at, e)) = text_constant(&attrs.description) {
        assert(at, quote_spanned!(at=> #spec::assert_description(#e)));
    }
    if let Some(Code::Inline(source)) = attrs.code.as_ref().map(|c| &c.value) {
        if let Some((at, e)) = text_constant(&Some(source.clone())) {
            assert(
                at,
                quote_spanned!(at=> ::core::assert!(
                    #spec::is_valid_inline_code_size((#e).len()),
                    "inline code must be between 1 byte and 4 MiB"
                )),
            );
        }
    }
    if let Some(runtime) = attrs.runtime.as_ref().filter(|r| r.value.is_deprecated()) {
        out.extend(deprecated_runtime(runtime));
    }
    out
}

fn constant<T>(value: &Option<Sp<Num<T>>>) -> Option<(Span, &Expr)> {
    let sp = value.as_ref()?;
    match &sp.value {
        Num::Const(expr) => Some((sp.span(), expr)),
        Num::Lit(_) => None,
    }
}

fn text_constant(value: &Option<Sp<Text>>) -> Option<(Span, &Expr)> {
    let sp = value.as_ref()?;
    match &sp.value {
        Text::Const(expr) => Some((sp.span(), expr)),
        Text::Lit(_) => None,
    }
}

/// A use of a `#[deprecated]` constant at the runtime literal: rustc's own warning,
/// silenced or denied like any other (`#[allow(deprecated)]`, `-D deprecated`).
fn deprecated_runtime(runtime: &Sp<Runtime>) -> TokenStream {
    let name = runtime.value.name();
    let supported = runtime.value.family().map(successors).unwrap_or_default();
    let note = format!(
        "runtime `{name}` is deprecated by AWS Lambda: it gets no security patches, and creating or updating its functions is blocked or soon will be; move to {supported}"
    );
    let use_it = quote_spanned!(runtime.span()=> deprecated_runtime);
    quote! {
        const _: () = {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const deprecated_runtime: () = ();
            #use_it
        };
    }
}

/// The supported runtimes of a family, newest last: `nodejs22.x` or `nodejs24.x`.
fn successors(family: RuntimeFamily) -> String {
    let names: Vec<String> = Runtime::supported_names()
        .filter_map(Runtime::from_name)
        .filter(|r| r.family() == Some(family))
        .map(|r| format!("`{}`", r.name()))
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => "a supported runtime".to_owned(),
    }
}
