//! The arguments of `#[lambda_function(...)]`.

use lambda_spec::{
    ApplicationLogLevel, Architecture, LoggingFormat, RecursiveLoop, Runtime, SystemLogLevel,
    Tracing, UpdateRuntimeOn,
};
use proc_macro2::TokenStream;
use syn::punctuated::Punctuated;
use syn::{Expr, ExprLit, Lit, LitStr, Meta, MetaNameValue, Token};

use super::code::{self, Code};
use super::duration::parse_duration;
use super::extensions::{self, ParamsAndSecretsAttr};
use super::value::{self, Num, Sp, Text};
use crate::ctxt::Ctxt;
use crate::pass_through::{self, PassThrough};
use crate::symbol::*;

/// What each key looks like, for "expected ..." messages.
const EXAMPLES: &[(Symbol, &str)] = &[
    (RUNTIME, "runtime = \"nodejs22.x\""),
    (HANDLER, "handler = \"index.handler\""),
    (CODE, "code = asset(\"handlers/orders\")"),
    (DESCRIPTION, "description = \"Handles orders\""),
    (FUNCTION_NAME, "function_name = \"orders-handler\""),
    (MEMORY_SIZE, "memory_size = 512"),
    (TIMEOUT, "timeout = \"30s\""),
    (ENVIRONMENT, "environment(STAGE = \"prod\")"),
    (ARCHITECTURE, "architecture = \"arm64\""),
    (EPHEMERAL_STORAGE, "ephemeral_storage = 1024"),
    (
        RESERVED_CONCURRENT_EXECUTIONS,
        "reserved_concurrent_executions = 10",
    ),
    (TRACING, "tracing = \"active\""),
    (LOGGING_FORMAT, "logging_format = \"json\""),
    (APPLICATION_LOG_LEVEL, "application_log_level = \"info\""),
    (SYSTEM_LOG_LEVEL, "system_log_level = \"warn\""),
    (RUNTIME_MANAGEMENT, "runtime_management = \"auto\""),
    (RECURSIVE_LOOP, "recursive_loop = \"terminate\""),
    (SNAP_START, "snap_start = true"),
    (INSIGHTS_VERSION, "insights_version = \"1.0.333.0\""),
    (PROFILING, "profiling = true"),
    (
        PARAMS_AND_SECRETS,
        "params_and_secrets(version = \"1.0.103\", cache_size = 500)",
    ),
    (TENANCY, "tenancy = \"per_tenant\""),
    (
        DEAD_LETTER_QUEUE_ENABLED,
        "dead_letter_queue_enabled = true",
    ),
    (MAX_EVENT_AGE, "max_event_age = \"2h\""),
    (RETRY_ATTEMPTS, "retry_attempts = 1"),
    (
        DURABLE_CONFIG,
        "durable_config(execution_timeout = \"1h\", retention_period = \"30d\")",
    ),
];

pub fn example(key: Symbol) -> &'static str {
    EXAMPLES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, e)| e)
}

#[derive(Default)]
pub struct FunctionAttrs {
    pub runtime: Option<Sp<Runtime>>,
    pub handler: Option<Sp<String>>,
    pub code: Option<Sp<Code>>,
    pub description: Option<Sp<Text>>,
    pub function_name: Option<Sp<Text>>,
    pub memory_size: Option<Sp<Num<u32>>>,
    /// A literal is in milliseconds; a constant is a `std::time::Duration`.
    pub timeout: Option<Sp<Num<u64>>>,
    pub environment: Vec<EnvEntry>,
    pub architecture: Option<Sp<Architecture>>,
    pub ephemeral_storage: Option<Sp<Num<u32>>>,
    pub reserved_concurrent_executions: Option<Sp<Num<i64>>>,
    pub tracing: Option<Sp<Tracing>>,
    pub logging_format: Option<Sp<LoggingFormat>>,
    pub application_log_level: Option<Sp<ApplicationLogLevel>>,
    pub system_log_level: Option<Sp<SystemLogLevel>>,
    pub runtime_management: Option<Sp<RuntimeManagement>>,
    pub recursive_loop: Option<Sp<RecursiveLoop>>,
    pub snap_start: Option<Sp<bool>>,
    // Extensions (see `extensions.rs`).
    pub insights_version: Option<Sp<String>>,
    pub profiling: Option<Sp<bool>>,
    pub params_and_secrets: Option<Sp<ParamsAndSecretsAttr>>,
    pub tenancy: Option<Sp<()>>,
    pub dead_letter_queue_enabled: Option<Sp<bool>>,
    /// Like `timeout`: a literal is in milliseconds; a constant is a `std::time::Duration`.
    pub max_event_age: Option<Sp<Num<u64>>>,
    pub retry_attempts: Option<Sp<Num<u32>>>,
    pub durable_config: Option<Sp<super::DurableAttr>>,
    /// Keys with no compile-time rule, in the order written (see `pass_through`).
    pub pass_through: Vec<PassThroughValue>,
    /// Every key written, valid or not (a bad value is not also "missing").
    pub given: Vec<Symbol>,
}

/// `key = <expr>` of a pass-through key: handed to the builder's `method` as written.
pub struct PassThroughValue {
    /// The key as written: the generated call carries its span.
    pub key: syn::Path,
    pub method: &'static str,
    pub value: Expr,
}

/// `KEY = value` inside `environment(...)`.
pub struct EnvEntry {
    pub name: Sp<String>,
    pub value: EnvValue,
}

pub enum EnvValue {
    Lit(String),
    Expr(Expr),
}

pub enum RuntimeManagement {
    Auto,
    FunctionUpdate,
    Manual(LitStr),
}

impl FunctionAttrs {
    pub fn from_args(cx: &Ctxt, args: TokenStream) -> Self {
        let mut attrs = FunctionAttrs::default();
        let mut seen: Vec<Symbol> = Vec::new();
        for meta in super::parse_meta_list(cx, args) {
            let path = meta.path();
            let Some(name) = value::path_ident(path) else {
                cx.error_spanned_by(path, "expected a key such as `runtime = \"nodejs22.x\"`");
                continue;
            };
            let pass_through = pass_through::find(&name);
            let known = FUNCTION_KEYS.iter().find(|k| k.0 == name);
            let Some(&key) = known.or(pass_through.map(|p| &p.key)) else {
                cx.error_spanned_by(
                    path,
                    value::unknown("#[lambda_function] key", &name, &pass_through::all_keys()),
                );
                continue;
            };
            if seen.contains(&key) {
                cx.error_spanned_by(
                    path,
                    format!("duplicate key `{key}`: it is already set earlier in this attribute"),
                );
                continue;
            }
            seen.push(key);
            match pass_through {
                Some(entry) => attrs.pass(cx, entry, &meta),
                None => attrs.set(cx, key, &meta),
            }
        }
        attrs.given = seen;
        attrs
    }

    /// A pass-through key takes any expression; rustc judges it against the builder.
    fn pass(&mut self, cx: &Ctxt, entry: &'static PassThrough, meta: &Meta) {
        let Some(value) = value::name_value(cx, entry.key, meta, entry.example) else {
            return;
        };
        self.pass_through.push(PassThroughValue {
            key: meta.path().clone(),
            method: entry.method,
            value: value.clone(),
        });
    }

    fn set(&mut self, cx: &Ctxt, key: Symbol, meta: &Meta) {
        if key == ENVIRONMENT {
            self.environment = environment(cx, meta);
            return;
        }
        if key == SNAP_START {
            self.snap_start = value::flag(cx, key, meta);
            return;
        }
        if key == PROFILING {
            self.profiling = value::flag(cx, key, meta);
            return;
        }
        if key == PARAMS_AND_SECRETS {
            self.params_and_secrets = extensions::params_and_secrets(cx, meta);
            return;
        }
        if key == DURABLE_CONFIG {
            self.durable_config = super::durable::durable_config(cx, meta);
            return;
        }
        if key == DEAD_LETTER_QUEUE_ENABLED {
            self.dead_letter_queue_enabled = value::flag(cx, key, meta);
            return;
        }
        let example = example(key);
        let Some(expr) = value::name_value(cx, key, meta, example) else {
            return;
        };
        if key == RUNTIME {
            self.runtime = value::spec_enum(cx, key, expr, example);
        } else if key == HANDLER {
            self.handler = value::lit_str(cx, key, expr, example).map(|s| Sp::new(s.value(), s));
        } else if key == CODE {
            self.code = code::parse(cx, expr);
        } else if key == DESCRIPTION {
            self.description = value::text(cx, key, expr, example);
        } else if key == FUNCTION_NAME {
            self.function_name = value::text(cx, key, expr, example);
        } else if key == MEMORY_SIZE {
            self.memory_size = value::integer(cx, key, expr, "a whole number of MiB", example);
        } else if key == TIMEOUT {
            self.timeout = timeout(cx, expr);
        } else if key == ARCHITECTURE {
            self.architecture = value::spec_enum(cx, key, expr, example);
        } else if key == EPHEMERAL_STORAGE {
            self.ephemeral_storage =
                value::integer(cx, key, expr, "a whole number of MiB", example);
        } else if key == RESERVED_CONCURRENT_EXECUTIONS {
            self.reserved_concurrent_executions =
                value::integer(cx, key, expr, "a whole number of executions", example);
        } else if key == TRACING {
            self.tracing = value::spec_enum(cx, key, expr, example);
        } else if key == LOGGING_FORMAT {
            self.logging_format = value::spec_enum(cx, key, expr, example);
        } else if key == APPLICATION_LOG_LEVEL {
            self.application_log_level = value::spec_enum(cx, key, expr, example);
        } else if key == SYSTEM_LOG_LEVEL {
            self.system_log_level = value::spec_enum(cx, key, expr, example);
        } else if key == RUNTIME_MANAGEMENT {
            self.runtime_management = runtime_management(cx, expr);
        } else if key == RECURSIVE_LOOP {
            self.recursive_loop = value::spec_enum(cx, key, expr, example);
        } else if key == INSIGHTS_VERSION {
            self.insights_version = extensions::insights_version(cx, expr);
        } else if key == TENANCY {
            self.tenancy = extensions::tenancy(cx, expr);
        } else if key == MAX_EVENT_AGE {
            self.max_event_age = duration(cx, key, expr);
        } else if key == RETRY_ATTEMPTS {
            self.retry_attempts =
                value::integer(cx, key, expr, "a whole number of retries", example);
        }
    }
}

fn timeout(cx: &Ctxt, expr: &Expr) -> Option<Sp<Num<u64>>> {
    duration(cx, TIMEOUT, expr)
}

/// A duration string (`"30s"`, `"2h"`) as milliseconds, or a `Duration` constant.
fn duration(cx: &Ctxt, key: Symbol, expr: &Expr) -> Option<Sp<Num<u64>>> {
    match value::unparen(expr) {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => match parse_duration(&s.value()) {
            Ok(ms) => Some(Sp::new(Num::Lit(ms), s)),
            Err(message) => {
                cx.error_spanned_by(s, message);
                None
            }
        },
        Expr::Lit(_) => {
            cx.error_spanned_by(
                expr,
                format!(
                    "expected `{key}` to be a duration string with a unit, e.g. `{}` or `{key} = \"5m\"`",
                    example(key)
                ),
            );
            None
        }
        other => Some(Sp::new(Num::Const(other.clone()), expr)),
    }
}

fn runtime_management(cx: &Ctxt, expr: &Expr) -> Option<Sp<RuntimeManagement>> {
    const EXAMPLE: &str = "runtime_management = \"auto\"";
    if let Expr::Call(call) = value::unparen(expr) {
        let is_manual = matches!(value::unparen(&call.func), Expr::Path(p) if p.path == MANUAL);
        let arn = match (is_manual, call.args.len()) {
            (true, 1) => {
                value::lit_str(cx, MANUAL, &call.args[0], "manual(\"arn:aws:lambda:...\")")
            }
            _ => {
                cx.error_spanned_by(
                    expr,
                    "expected `runtime_management = manual(\"<runtime version ARN>\")`",
                );
                None
            }
        }?;
        return Some(Sp::new(RuntimeManagement::Manual(arn.clone()), expr));
    }
    let mode: Sp<UpdateRuntimeOn> = value::spec_enum(cx, RUNTIME_MANAGEMENT, expr, EXAMPLE)?;
    let management = match mode.value {
        UpdateRuntimeOn::Auto => RuntimeManagement::Auto,
        UpdateRuntimeOn::FunctionUpdate => RuntimeManagement::FunctionUpdate,
        UpdateRuntimeOn::Manual => {
            cx.error_spanned_by(
                &mode,
                "manual runtime management pins a runtime version: write `runtime_management = manual(\"<runtime version ARN>\")`",
            );
            return None;
        }
    };
    Some(Sp::new(management, mode))
}

fn environment(cx: &Ctxt, meta: &Meta) -> Vec<EnvEntry> {
    let Meta::List(list) = meta else {
        cx.error_spanned_by(
            meta,
            format!(
                "expected `environment(KEY = \"value\", ...)`, e.g. `{}`",
                example(ENVIRONMENT)
            ),
        );
        return Vec::new();
    };
    let entries =
        match list.parse_args_with(Punctuated::<MetaNameValue, Token![,]>::parse_terminated) {
            Ok(entries) => entries,
            Err(err) => {
                cx.syn_error(err);
                return Vec::new();
            }
        };
    let mut out = Vec::new();
    for entry in entries {
        let Some(name) = value::path_ident(&entry.path) else {
            cx.error_spanned_by(
                &entry.path,
                "expected a variable name, e.g. `STAGE = \"prod\"`",
            );
            continue;
        };
        let value = match value::unparen(&entry.value) {
            Expr::Lit(ExprLit { lit, .. }) => match lit {
                Lit::Str(s) => EnvValue::Lit(s.value()),
                Lit::Int(i) => EnvValue::Lit(i.base10_digits().to_owned()),
                Lit::Float(f) => EnvValue::Lit(f.base10_digits().to_owned()),
                Lit::Bool(b) => EnvValue::Lit(b.value.to_string()),
                _ => {
                    cx.error_spanned_by(
                        lit,
                        "expected a string, number or bool, e.g. `STAGE = \"prod\"`",
                    );
                    continue;
                }
            },
            other => EnvValue::Expr(other.clone()),
        };
        out.push(EnvEntry {
            name: Sp::new(name, &entry.path),
            value,
        });
    }
    out
}
