//! What the macro cannot check itself: values given as constants are checked by
//! `const` items that call the same lambda-spec rules (spanned at the user's
//! expression, so a failure points there), and a deprecated runtime becomes a
//! `#[deprecated]` warning at the runtime literal.

use lambda_spec::{
    Runtime, RuntimeFamily, DESCRIPTION_MAX_LENGTH, EPHEMERAL_STORAGE_MAX_MIB,
    EPHEMERAL_STORAGE_MIN_MIB, FUNCTION_NAME_MAX_LENGTH, MEMORY_SIZE_MAX_MB, MEMORY_SIZE_MIN_MB,
    TIMEOUT_MAX_SECONDS, TIMEOUT_MIN_SECONDS,
};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Expr;

use crate::attr::{Code, FunctionAttrs, Num, Sp, Text};

pub fn const_checks(attrs: &FunctionAttrs) -> TokenStream {
    let mut out = TokenStream::new();
    // `assert!(is_valid_*(..))` rather than the spec's `assert_*` fns: the panic is then in
    // the user's own const item, so rustc shows one short error at their expression.
    // Every token of a check carries the user's span: rustc reports a failed const
    // evaluation at the call, and a call whose path had the macro's span would point
    // at the whole attribute instead of the constant.
    let mut assert = |at: Span, check: TokenStream| {
        out.extend(quote_spanned!(at=> const _: () = #check;));
    };
    if let Some((at, e)) = constant(&attrs.memory_size) {
        let spec = spec(at);
        let message = format!(
            "memory_size must be between {MEMORY_SIZE_MIN_MB} and {MEMORY_SIZE_MAX_MB} MiB"
        );
        assert(
            at,
            quote_spanned!(at=> ::core::assert!(#spec::is_valid_memory_size(#e), #message)),
        );
    }
    if let Some((at, e)) = constant(&attrs.ephemeral_storage) {
        let spec = spec(at);
        let message = format!("ephemeral_storage must be between {EPHEMERAL_STORAGE_MIN_MIB} and {EPHEMERAL_STORAGE_MAX_MIB} MiB");
        assert(
            at,
            quote_spanned!(at=> ::core::assert!(#spec::is_valid_ephemeral_storage_size(#e), #message)),
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
        let spec = spec(at);
        assert(
            at,
            quote_spanned!(at=> ::core::assert!(
                #spec::is_valid_reserved_concurrency((#e) as i64),
                "reserved_concurrent_executions must be 0 or more"
            )),
        );
    }
    if let Some((at, e)) = constant(&attrs.timeout) {
        let spec = spec(at);
        let message = format!("timeout must be between {TIMEOUT_MIN_SECONDS} and {TIMEOUT_MAX_SECONDS} seconds (15 minutes)");
        assert(
            at,
            quote_spanned!(at=> {
                let timeout: ::core::time::Duration = #e;
                ::core::assert!(timeout.subsec_nanos() == 0, "Lambda timeouts are whole seconds");
                ::core::assert!(#spec::is_valid_timeout_seconds(timeout.as_secs()), #message);
            }),
        );
    }
    if let Some((at, e)) = constant(&attrs.max_event_age) {
        let spec = spec(at);
        assert(
            at,
            quote_spanned!(at=> {
                let age: ::core::time::Duration = #e;
                ::core::assert!(age.subsec_nanos() == 0, "max_event_age must be whole seconds");
                ::core::assert!(
                    #spec::is_valid_max_event_age(age.as_secs()),
                    "max_event_age must be between 60 and 21600 seconds (6 hours)"
                );
            }),
        );
    }
    if let Some((at, e)) = constant(&attrs.retry_attempts) {
        let spec = spec(at);
        assert(
            at,
            quote_spanned!(at=> ::core::assert!(
                #spec::is_valid_async_retry_attempts(#e),
                "retry_attempts must be between 0 and 2"
            )),
        );
    }
    if let Some((at, e)) = text_constant(&attrs.function_name) {
        let spec = spec(at);
        let message = format!(
            "function_name must be 1 to {FUNCTION_NAME_MAX_LENGTH} letters, digits, `-` or `_`"
        );
        assert(
            at,
            quote_spanned!(at=> ::core::assert!(#spec::is_valid_function_name(#e), #message)),
        );
    }
    if let Some((at, e)) = text_constant(&attrs.description) {
        let spec = spec(at);
        let message = format!("description must be at most {DESCRIPTION_MAX_LENGTH} characters");
        assert(
            at,
            quote_spanned!(at=> ::core::assert!(#spec::is_valid_description(#e), #message)),
        );
    }
    if let Some(Code::Inline(source)) = attrs.code.as_ref().map(|c| &c.value) {
        if let Some((at, e)) = text_constant(&Some(source.clone())) {
            let spec = spec(at);
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

fn spec(at: Span) -> TokenStream {
    quote_spanned!(at=> ::lambda_cdk::__private::spec)
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
