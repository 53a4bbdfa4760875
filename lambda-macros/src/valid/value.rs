//! One key at a time: ranges, lengths and formats of literal values.

use lambda_spec::SpecError;

use crate::attr::{FunctionAttrs, Num, Sp, Text};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, attrs: &FunctionAttrs) {
    if let Some(mb) = lit(&attrs.memory_size) {
        report(cx, mb.origin, lambda_spec::validate_memory_size(mb.value));
    }
    if let Some(ms) = lit(&attrs.timeout) {
        report(
            cx,
            ms.origin,
            lambda_spec::validate_timeout(std::time::Duration::from_millis(ms.value)),
        );
    }
    if let Some(ms) = lit(&attrs.max_event_age) {
        let age = std::time::Duration::from_millis(ms.value);
        let result = lambda_spec::whole_seconds(age)
            .and_then(lambda_spec::validate_max_event_age)
            .map_err(|e| SpecError::new(e.code, format!("max_event_age: {}", e.message)));
        report(cx, ms.origin, result);
    }
    if let Some(n) = lit(&attrs.retry_attempts) {
        let result = lambda_spec::validate_async_retry_attempts(n.value)
            .map_err(|e| SpecError::new(e.code, format!("retry_attempts: {}", e.message)));
        report(cx, n.origin, result);
    }
    if let Some(mib) = lit(&attrs.ephemeral_storage) {
        report(
            cx,
            mib.origin,
            lambda_spec::validate_ephemeral_storage_size(mib.value),
        );
    }
    if let Some(n) = lit(&attrs.reserved_concurrent_executions) {
        report(
            cx,
            n.origin,
            lambda_spec::validate_reserved_concurrency(n.value),
        );
        if u32::try_from(n.value).is_err() && n.value > 0 {
            cx.error_spanned_by(n.origin, "reserved_concurrent_executions must fit in a u32");
        }
    }
    if let Some(name) = text(&attrs.function_name) {
        report(
            cx,
            name.origin,
            lambda_spec::validate_function_name(name.value),
        );
    }
    if let Some(description) = text(&attrs.description) {
        report(
            cx,
            description.origin,
            lambda_spec::validate_description(description.value),
        );
    }
}

/// A literal value with the tokens to point at.
struct Lit<'a, T> {
    value: T,
    origin: &'a dyn quote::ToTokens,
}

fn lit<T: Copy>(value: &Option<Sp<Num<T>>>) -> Option<Lit<'_, T>> {
    let sp = value.as_ref()?;
    match &sp.value {
        Num::Lit(v) => Some(Lit {
            value: *v,
            origin: sp,
        }),
        Num::Const(_) => None,
    }
}

fn text(value: &Option<Sp<Text>>) -> Option<Lit<'_, &str>> {
    let sp = value.as_ref()?;
    match &sp.value {
        Text::Lit(v) => Some(Lit {
            value: v.as_str(),
            origin: sp,
        }),
        Text::Const(_) => None,
    }
}

pub fn report(cx: &Ctxt, at: &dyn quote::ToTokens, result: Result<(), SpecError>) {
    if let Err(err) = result {
        cx.error_spanned_by(at, err.message);
    }
}
