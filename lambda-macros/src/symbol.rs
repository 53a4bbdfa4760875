//! Every attribute name and key the macros understand, written once: the parsers
//! compare against these, and the lists double as "did you mean" candidates.

use std::fmt;

use syn::{Ident, Path};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Symbol(pub &'static str);

// #[lambda_function(...)] keys.
pub const RUNTIME: Symbol = Symbol("runtime");
pub const HANDLER: Symbol = Symbol("handler");
pub const CODE: Symbol = Symbol("code");
pub const DESCRIPTION: Symbol = Symbol("description");
pub const FUNCTION_NAME: Symbol = Symbol("function_name");
pub const MEMORY_SIZE: Symbol = Symbol("memory_size");
pub const TIMEOUT: Symbol = Symbol("timeout");
pub const ENVIRONMENT: Symbol = Symbol("environment");
pub const ARCHITECTURE: Symbol = Symbol("architecture");
pub const EPHEMERAL_STORAGE: Symbol = Symbol("ephemeral_storage");
pub const RESERVED_CONCURRENT_EXECUTIONS: Symbol = Symbol("reserved_concurrent_executions");
pub const TRACING: Symbol = Symbol("tracing");
pub const LOGGING_FORMAT: Symbol = Symbol("logging_format");
pub const APPLICATION_LOG_LEVEL: Symbol = Symbol("application_log_level");
pub const SYSTEM_LOG_LEVEL: Symbol = Symbol("system_log_level");
pub const RUNTIME_MANAGEMENT: Symbol = Symbol("runtime_management");
pub const RECURSIVE_LOOP: Symbol = Symbol("recursive_loop");
pub const SNAP_START: Symbol = Symbol("snap_start");
pub const DEAD_LETTER_QUEUE_ENABLED: Symbol = Symbol("dead_letter_queue_enabled");
pub const MAX_EVENT_AGE: Symbol = Symbol("max_event_age");
pub const RETRY_ATTEMPTS: Symbol = Symbol("retry_attempts");
pub const DURABLE_CONFIG: Symbol = Symbol("durable_config");
// Extensions (see `attr/extensions.rs`).
pub const INSIGHTS_VERSION: Symbol = Symbol("insights_version");
pub const PROFILING: Symbol = Symbol("profiling");
pub const PARAMS_AND_SECRETS: Symbol = Symbol("params_and_secrets");
pub const TENANCY: Symbol = Symbol("tenancy");

pub const FUNCTION_KEYS: &[Symbol] = &[
    RUNTIME,
    HANDLER,
    CODE,
    DESCRIPTION,
    FUNCTION_NAME,
    MEMORY_SIZE,
    TIMEOUT,
    ENVIRONMENT,
    ARCHITECTURE,
    EPHEMERAL_STORAGE,
    RESERVED_CONCURRENT_EXECUTIONS,
    TRACING,
    LOGGING_FORMAT,
    APPLICATION_LOG_LEVEL,
    SYSTEM_LOG_LEVEL,
    RUNTIME_MANAGEMENT,
    RECURSIVE_LOOP,
    SNAP_START,
    DEAD_LETTER_QUEUE_ENABLED,
    MAX_EVENT_AGE,
    RETRY_ATTEMPTS,
    DURABLE_CONFIG,
    INSIGHTS_VERSION,
    PROFILING,
    PARAMS_AND_SECRETS,
    TENANCY,
];

// `params_and_secrets(...)` options.
pub const ARN: Symbol = Symbol("arn");
pub const PARAMS_AND_SECRETS_KEYS: &[Symbol] = &[
    VERSION,
    ARN,
    Symbol("cache_enabled"),
    Symbol("cache_size"),
    Symbol("http_port"),
    Symbol("log_level"),
    Symbol("max_connections"),
    Symbol("secrets_manager_timeout"),
    Symbol("secrets_manager_ttl"),
    Symbol("parameter_store_timeout"),
    Symbol("parameter_store_ttl"),
];

// `durable_config(...)` options.
pub const EXECUTION_TIMEOUT: Symbol = Symbol("execution_timeout");
pub const RETENTION_PERIOD: Symbol = Symbol("retention_period");
pub const DURABLE_CONFIG_KEYS: &[Symbol] = &[EXECUTION_TIMEOUT, RETENTION_PERIOD];

// `code = ...` sources and their options.
pub const INLINE: Symbol = Symbol("inline");
pub const ASSET: Symbol = Symbol("asset");
pub const BUCKET: Symbol = Symbol("bucket");
pub const RUST: Symbol = Symbol("rust");
pub const BINARY: Symbol = Symbol("binary");
pub const CODE_KINDS: &[Symbol] = &[INLINE, ASSET, RUST];
pub const EXCLUDE: Symbol = Symbol("exclude");
pub const IGNORE_MODE: Symbol = Symbol("ignore_mode");
pub const ASSET_OPTIONS: &[Symbol] = &[EXCLUDE, IGNORE_MODE];
pub const IGNORE_MODES: &[Symbol] = &[Symbol("glob"), Symbol("git"), Symbol("docker")];

// `runtime_management = ...` forms besides the enum spellings.
pub const MANUAL: Symbol = Symbol("manual");

// Field attributes of a #[lambda_function] struct.
pub const ENV: Symbol = Symbol("env");
pub const NAME: Symbol = Symbol("name");
pub const ENV_KEYS: &[Symbol] = &[NAME];

// #[derive(VersionProps)].
pub const VERSION: Symbol = Symbol("version");
pub const VERSION_PROPS: Symbol = Symbol("version_props");
pub const LOCKED: Symbol = Symbol("locked");
pub const UNLOCKED: Symbol = Symbol("unlocked");
pub const VERSION_KEYS: &[Symbol] = &[LOCKED, UNLOCKED];
pub const CRATE: Symbol = Symbol("crate");
pub const VERSION_PROPS_KEYS: &[Symbol] = &[CRATE];
pub const SERDE: Symbol = Symbol("serde");
pub const RENAME: Symbol = Symbol("rename");
pub const RENAME_ALL: Symbol = Symbol("rename_all");
pub const SERIALIZE: Symbol = Symbol("serialize");
pub const SKIP: Symbol = Symbol("skip");
pub const SKIP_SERIALIZING: Symbol = Symbol("skip_serializing");

impl Symbol {
    /// The candidate closest to `input` among `symbols`, for "did you mean".
    pub fn closest(input: &str, symbols: &[Symbol]) -> Option<&'static str> {
        lambda_spec::closest(input, symbols.iter().map(|s| s.0))
    }

    /// `a`, `b` or `c`, backticked, for "expected one of" messages.
    pub fn list(symbols: &[Symbol]) -> String {
        let names: Vec<String> = symbols.iter().map(|s| format!("`{}`", s.0)).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        }
    }
}

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(self.0)
    }
}

impl PartialEq<Symbol> for &Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}
