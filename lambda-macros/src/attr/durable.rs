//! `durable_config(execution_timeout = "1h", retention_period = "30d")`: a durable function's
//! limits, checked with the lambda-spec rules (aws-cdk-lib's codes and messages) while the
//! crate compiles.

use std::time::Duration;

use syn::Meta;

use super::duration::parse_duration;
use super::value::{self, Sp};
use crate::ctxt::Ctxt;
use crate::symbol::*;

const EXAMPLE: &str = "durable_config(execution_timeout = \"1h\", retention_period = \"30d\")";

/// The two durations, in milliseconds, both already valid.
pub struct DurableAttr {
    pub execution_timeout_ms: u64,
    pub retention_period_ms: Option<u64>,
}

/// Parses and checks `durable_config(...)`; every mistake is reported at its literal.
pub fn durable_config(cx: &Ctxt, meta: &Meta) -> Option<Sp<DurableAttr>> {
    let entries = value::options(cx, meta, EXAMPLE)?;
    let mut timeout: Option<Option<u64>> = None;
    let mut retention: Option<Option<u64>> = None;
    for entry in &entries {
        let Some(name) = value::path_ident(&entry.path) else {
            cx.error_spanned_by(&entry.path, format!("expected an option, e.g. `{EXAMPLE}`"));
            continue;
        };
        let Some(&key) = DURABLE_CONFIG_KEYS.iter().find(|k| k.0 == name) else {
            cx.error_spanned_by(
                &entry.path,
                value::unknown("durable_config option", &name, DURABLE_CONFIG_KEYS),
            );
            continue;
        };
        let slot = if key == EXECUTION_TIMEOUT {
            &mut timeout
        } else {
            &mut retention
        };
        if slot.is_some() {
            cx.error_spanned_by(&entry.path, format!("`{key}` is given twice"));
            continue;
        }
        *slot = Some(checked(cx, key, &entry.value));
    }
    let Some(timeout) = timeout else {
        cx.error_spanned_by(
            meta,
            format!("a durable function needs `execution_timeout`, e.g. `{EXAMPLE}`"),
        );
        return None;
    };
    Some(Sp::new(
        DurableAttr {
            execution_timeout_ms: timeout?,
            retention_period_ms: match retention {
                Some(r) => Some(r?),
                None => None,
            },
        },
        meta,
    ))
}

/// One duration literal, parsed and held to aws-cdk-lib's rule for `key`.
fn checked(cx: &Ctxt, key: Symbol, expr: &syn::Expr) -> Option<u64> {
    let example = if key == EXECUTION_TIMEOUT {
        "execution_timeout = \"1h\""
    } else {
        "retention_period = \"30d\""
    };
    let lit = value::lit_str(cx, key, expr, example)?;
    let ms = match parse_duration(&lit.value()) {
        Ok(ms) => ms,
        Err(message) => {
            cx.error_spanned_by(lit, message);
            return None;
        }
    };
    let duration = Duration::from_millis(ms);
    let rule = if key == EXECUTION_TIMEOUT {
        lambda_spec::durable_execution_timeout_seconds(duration)
    } else {
        lambda_spec::durable_retention_period_days(duration)
    };
    match rule {
        Ok(_) => Some(ms),
        Err(e) => {
            cx.error_spanned_by(lit, format!("durable_config.{key}: {}", e.message));
            None
        }
    }
}
