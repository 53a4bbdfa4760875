//! The extension keys of `#[lambda_function]`: `insights_version = "1.0.333.0"`,
//! `profiling = true`, `params_and_secrets(...)` and `tenancy = "per_tenant"`, checked against
//! the same lambda-spec facts the run time reads.

use lambda_spec::{Architecture, ParamsAndSecretsLimits};
use syn::{Expr, LitStr, Meta};

use super::duration::parse_duration;
use super::value::{self, Num, Sp};
use crate::ctxt::Ctxt;
use crate::symbol::*;

/// `params_and_secrets(...)`: the layer by version or ARN, and the options given.
pub struct ParamsAndSecretsAttr {
    pub source: ParamsAndSecretsSource,
    pub cache_enabled: Option<bool>,
    pub cache_size: Option<u32>,
    pub http_port: Option<u32>,
    pub max_connections: Option<u32>,
    /// The `ParamsAndSecretsLogLevel` variant.
    pub log_level: Option<&'static str>,
    /// Durations in milliseconds.
    pub secrets_manager_timeout: Option<u64>,
    pub secrets_manager_ttl: Option<u64>,
    pub parameter_store_timeout: Option<u64>,
    pub parameter_store_ttl: Option<u64>,
}

pub enum ParamsAndSecretsSource {
    /// The `ParamsAndSecretsVersions` variant (`V1_0_103`).
    Version(String),
    Arn(LitStr),
}

/// `insights_version = "1.0.333.0"`: a version aws-cdk-lib names.
pub fn insights_version(cx: &Ctxt, expr: &Expr) -> Option<Sp<String>> {
    let lit = value::lit_str(
        cx,
        INSIGHTS_VERSION,
        expr,
        "insights_version = \"1.0.333.0\"",
    )?;
    let version = lit.value();
    if !lambda_spec::is_insights_version(&version) {
        let err = lambda_spec::validate_insights_version(&version, Architecture::X86_64)
            .expect_err("not a named version");
        cx.error_spanned_by(lit, err.message);
        return None;
    }
    Some(Sp::new(version, lit))
}

/// `tenancy = "per_tenant"`.
pub fn tenancy(cx: &Ctxt, expr: &Expr) -> Option<Sp<()>> {
    let lit = value::lit_str(cx, TENANCY, expr, "tenancy = \"per_tenant\"")?;
    if matches!(lit.value().as_str(), "per_tenant" | "PER_TENANT") {
        return Some(Sp::new((), lit));
    }
    cx.error_spanned_by(
        lit,
        format!(
            "unknown tenancy `{}`; expected `\"per_tenant\"` (each tenant's invocations in their own execution environments)",
            lit.value()
        ),
    );
    None
}

const PARAMS_EXAMPLE: &str =
    "params_and_secrets(version = \"1.0.103\", cache_size = 500, log_level = \"debug\")";

/// `params_and_secrets(version = "1.0.103" | arn = "...", <option> = <literal>, ...)`; every
/// value is checked with aws-cdk-lib's ranges and messages.
pub fn params_and_secrets(cx: &Ctxt, meta: &Meta) -> Option<Sp<ParamsAndSecretsAttr>> {
    let entries = value::options(cx, meta, PARAMS_EXAMPLE)?;
    let mut attr = ParamsAndSecretsAttr {
        source: ParamsAndSecretsSource::Version(String::new()),
        cache_enabled: None,
        cache_size: None,
        http_port: None,
        max_connections: None,
        log_level: None,
        secrets_manager_timeout: None,
        secrets_manager_ttl: None,
        parameter_store_timeout: None,
        parameter_store_ttl: None,
    };
    let mut source: Option<ParamsAndSecretsSource> = None;
    let mut ok = true;
    for entry in &entries {
        let Some(name) = value::path_ident(&entry.path) else {
            cx.error_spanned_by(
                &entry.path,
                format!("expected an option, e.g. `{PARAMS_EXAMPLE}`"),
            );
            ok = false;
            continue;
        };
        let Some(&key) = PARAMS_AND_SECRETS_KEYS.iter().find(|k| k.0 == name) else {
            cx.error_spanned_by(
                &entry.path,
                value::unknown("params_and_secrets option", &name, PARAMS_AND_SECRETS_KEYS),
            );
            ok = false;
            continue;
        };
        let expr = &entry.value;
        let parsed = match key.0 {
            "version" | "arn" => {
                if source.is_some() {
                    cx.error_spanned_by(
                        &entry.path,
                        "give the layer once: `version = \"1.0.103\"` or `arn = \"arn:aws:lambda:...\"`",
                    );
                    false
                } else {
                    source = layer_source(cx, key, expr);
                    source.is_some()
                }
            }
            "cache_enabled" => bool_value(cx, key, expr)
                .map(|b| attr.cache_enabled = Some(b))
                .is_some(),
            "cache_size" => ranged(cx, key, expr, |n| ParamsAndSecretsLimits {
                cache_size: Some(n),
                ..Default::default()
            })
            .map(|n| attr.cache_size = Some(n))
            .is_some(),
            "http_port" => ranged(cx, key, expr, |n| ParamsAndSecretsLimits {
                http_port: Some(n),
                ..Default::default()
            })
            .map(|n| attr.http_port = Some(n))
            .is_some(),
            "max_connections" => ranged(cx, key, expr, |n| ParamsAndSecretsLimits {
                max_connections: Some(n),
                ..Default::default()
            })
            .map(|n| attr.max_connections = Some(n))
            .is_some(),
            "log_level" => log_level(cx, expr)
                .map(|l| attr.log_level = Some(l))
                .is_some(),
            "secrets_manager_timeout" => duration(cx, key, expr, None)
                .map(|ms| attr.secrets_manager_timeout = Some(ms))
                .is_some(),
            "parameter_store_timeout" => duration(cx, key, expr, None)
                .map(|ms| attr.parameter_store_timeout = Some(ms))
                .is_some(),
            "secrets_manager_ttl" => duration(
                cx,
                key,
                expr,
                Some(|s| ParamsAndSecretsLimits {
                    secrets_manager_ttl_seconds: Some(s),
                    ..Default::default()
                }),
            )
            .map(|ms| attr.secrets_manager_ttl = Some(ms))
            .is_some(),
            _ => duration(
                cx,
                key,
                expr,
                Some(|s| ParamsAndSecretsLimits {
                    parameter_store_ttl_seconds: Some(s),
                    ..Default::default()
                }),
            )
            .map(|ms| attr.parameter_store_ttl = Some(ms))
            .is_some(),
        };
        ok &= parsed;
    }
    let Some(source) = source else {
        if ok {
            cx.error_spanned_by(
                meta,
                format!("`params_and_secrets` needs the layer: `version = \"1.0.103\"` or `arn = \"arn:aws:lambda:...\"`, e.g. `{PARAMS_EXAMPLE}`"),
            );
        }
        return None;
    };
    attr.source = source;
    ok.then(|| Sp::new(attr, meta))
}

fn layer_source(cx: &Ctxt, key: Symbol, expr: &Expr) -> Option<ParamsAndSecretsSource> {
    let lit = value::lit_str(cx, key, expr, PARAMS_EXAMPLE)?;
    if key == ARN {
        return Some(ParamsAndSecretsSource::Arn(lit.clone()));
    }
    let version = lit.value();
    if let Err(err) = lambda_spec::validate_params_and_secrets_version(&version) {
        cx.error_spanned_by(lit, err.message);
        return None;
    }
    Some(ParamsAndSecretsSource::Version(format!(
        "V{}",
        version.replace('.', "_")
    )))
}

fn bool_value(cx: &Ctxt, key: Symbol, expr: &Expr) -> Option<bool> {
    match value::unparen(expr) {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Bool(b),
            ..
        }) => Some(b.value),
        _ => {
            cx.error_spanned_by(expr, format!("expected `{key} = true` or `{key} = false`"));
            None
        }
    }
}

/// An integer literal within aws-cdk-lib's range (`limits` puts it in the right field).
fn ranged(
    cx: &Ctxt,
    key: Symbol,
    expr: &Expr,
    limits: impl Fn(i64) -> ParamsAndSecretsLimits,
) -> Option<u32> {
    let example = format!("{key} = 500");
    let n = value::integer::<i64>(cx, key, expr, "an integer literal", &example)?;
    let Num::Lit(n) = n.value else {
        cx.error_spanned_by(
            expr,
            format!("expected `{key}` to be an integer literal, e.g. `{example}`"),
        );
        return None;
    };
    if let Err(err) = lambda_spec::validate_params_and_secrets_options(&limits(n)) {
        cx.error_spanned_by(expr, err.message);
        return None;
    }
    match u32::try_from(n) {
        Ok(n) => Some(n),
        Err(_) => {
            cx.error_spanned_by(expr, format!("`{key}` is out of range: {n}"));
            None
        }
    }
}

fn log_level(cx: &Ctxt, expr: &Expr) -> Option<&'static str> {
    const LEVELS: &[(&str, &str)] = &[
        ("debug", "Debug"),
        ("info", "Info"),
        ("warn", "Warn"),
        ("error", "Error"),
        ("none", "None"),
    ];
    let lit = value::lit_str(cx, Symbol("log_level"), expr, "log_level = \"debug\"")?;
    let text = lit.value().to_ascii_lowercase();
    if let Some((_, variant)) = LEVELS.iter().find(|(name, _)| *name == text) {
        return Some(variant);
    }
    let names: Vec<&str> = LEVELS.iter().map(|(n, _)| *n).collect();
    let hint = lambda_spec::closest(&text, names.iter().copied())
        .map(|c| format!("did you mean `\"{c}\"`?"))
        .unwrap_or_else(|| format!("expected one of `\"{}\"`", names.join("\"`, `\"")));
    cx.error_spanned_by(lit, format!("unknown log level `{}`; {hint}", lit.value()));
    None
}

/// A duration literal in milliseconds; a TTL (`limits` given) must be whole seconds within
/// aws-cdk-lib's limit.
fn duration(
    cx: &Ctxt,
    key: Symbol,
    expr: &Expr,
    limits: Option<fn(u64) -> ParamsAndSecretsLimits>,
) -> Option<u64> {
    let example = format!("{key} = \"2m\"");
    let lit = value::lit_str(cx, key, expr, &example)?;
    let ms = match parse_duration(&lit.value()) {
        Ok(ms) => ms,
        Err(message) => {
            cx.error_spanned_by(lit, message);
            return None;
        }
    };
    if let Some(limits) = limits {
        if ms % 1000 != 0 {
            cx.error_spanned_by(lit, format!("`{key}` must be a whole number of seconds"));
            return None;
        }
        if let Err(err) = lambda_spec::validate_params_and_secrets_options(&limits(ms / 1000)) {
            cx.error_spanned_by(lit, err.message);
            return None;
        }
    }
    Some(ms)
}
