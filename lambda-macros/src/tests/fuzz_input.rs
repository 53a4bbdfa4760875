//! Random but well-formed `#[lambda_function(...)]` inputs, as source text: every entry
//! is `key = value`, `key(...)` or a bare `key`, so the attribute passes the first syntax
//! check and each key reaches its parser and the validators.
//!
//! Keys: those with rules, the pass-through ones, misspellings of both, random words.
//! Values: right and wrong literals for every key, out-of-range and overflowing numbers,
//! odd strings (empty, blanks, quotes, NUL, emoji, 300 characters, random text), paths
//! and calls, arrays, negations, struct literals, and `asset(..)` / `inline(..)` /
//! `manual(..)` calls nested in one another.

use proc_macro2::Literal;
use proptest::prelude::*;
use proptest::sample::select;

use crate::pass_through::PASS_THROUGH_KEYS;
use crate::symbol::FUNCTION_KEYS;

/// One generated input: the attribute's arguments and the struct it is on.
#[derive(Clone, Debug)]
pub struct Input {
    pub args: String,
    pub item: String,
    /// The key of every entry, in order (a misspelt one as written).
    pub keys: Vec<String>,
}

/// A string literal, escaped as Rust source.
fn string(s: &str) -> String {
    Literal::string(s).to_string()
}

/// Strings each key can take (valid or nearly so), plus odd ones.
fn text() -> impl Strategy<Value = String> {
    let known: Vec<&'static str> = vec![
        // runtimes
        "nodejs22.x",
        "nodejs20",
        "python3.12",
        "java21",
        "nodejs16.x",
        "provided.al2023",
        "cobol",
        // handlers
        "index.handler",
        "app.handler",
        "index",
        "main.handler",
        "example.Handler::handleRequest",
        "src/index.handler",
        // durations
        "30s",
        "5m",
        "1m30s",
        "0s",
        "16m",
        "15m",
        "900s",
        "1500ms",
        "30 seconds",
        "-5s",
        "99999999999999999999s",
        "1h",
        // enums
        "arm64",
        "x86_64",
        "arm65",
        "active",
        "pass_through",
        "disabled",
        "activ",
        "json",
        "JSON",
        "text",
        "debug",
        "info",
        "warn",
        "verbose",
        "auto",
        "function_update",
        "manual",
        "allow",
        "terminate",
        "stop",
        "glob",
        "git",
        "docker",
        "gti",
        // names and descriptions
        "orders-handler",
        "orders handler",
        "Handles orders.",
        "arn:aws:lambda:us-east-1::runtime:0123456789abcdef",
        // code
        "exports.handler = async () => 1;",
        "class Handler {}",
    ];
    let odd: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\"".into(),
        "\\".into(),
        "\0".into(),
        "line\nbreak".into(),
        "\u{1F600}".into(),
        "é".repeat(40),
        "a".repeat(300),
    ];
    prop_oneof![
        6 => select(known).prop_map(string),
        2 => select(odd).prop_map(|s| string(&s)),
        1 => "\\PC{0,24}".prop_map(|s| string(&s)),
    ]
}

/// Integer literals: in range, at the limits, out of range, overflowing, suffixed.
fn integer() -> impl Strategy<Value = String> {
    let fixed: Vec<&'static str> = vec![
        "0",
        "1",
        "10",
        "64",
        "127",
        "128",
        "512",
        "513",
        "1024",
        "1769",
        "10240",
        "10241",
        "20_000",
        "4294967295",
        "4294967296",
        "18446744073709551615",
        "340282366920938463463374607431768211456",
        "0x200",
        "512u32",
        "512i8",
        "1_0_2_4",
    ];
    prop_oneof![
        3 => select(fixed).prop_map(str::to_owned),
        1 => any::<i64>().prop_map(|n| Literal::i64_unsuffixed(n).to_string()),
        1 => (0u32..20_000).prop_map(|n| n.to_string()),
    ]
}

/// Paths an `asset(..)` may name, relative to this crate's Cargo.toml (the validators
/// resolve them against `CARGO_MANIFEST_DIR`, which `cargo test` sets).
fn asset_path() -> impl Strategy<Value = String> {
    select(vec![
        "../fixtures/handler-node",
        "../fixtures/handler-python",
        "../fixtures/java-handler.zip",
        "../fixtures/handler-nod",
        "../README.md",
        "../fixtures",
        "",
        "/",
        "src/nothing-here",
    ])
    .prop_map(string)
}

/// A value with no inner value: literals, paths, constants.
fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => text(),
        4 => integer(),
        1 => select(vec!["1.5", "1e3", "0.0"]).prop_map(str::to_owned),
        1 => select(vec!["true", "false"]).prop_map(str::to_owned),
        1 => select(vec![
            "MEMORY",
            "crate::LIMIT",
            "Runtime::NODEJS_22_X",
            "arm64",
            "Duration::from_secs(30)",
            "Default::default()",
            "VersionOptions { retry_attempts: Some(1), ..Default::default() }",
            "vec![read_orders()]",
            "|| 1",
            "{ 512 }",
            "concat!(\"a\", \"b\")",
            "1 + 2",
            "&\"x\"",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Any value: a leaf, or calls (`asset`, `inline`, `manual`, misspelt), arrays,
/// parentheses and negations around other values, up to three levels deep.
fn value() -> impl Strategy<Value = String> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        let option = (
            select(vec!["exclude", "ignore_mode", "exclud", "name"]),
            inner.clone(),
        )
            .prop_map(|(k, v)| format!("{k} = {v}"));
        prop_oneof![
            3 => text().prop_map(|s| format!("inline({s})")),
            3 => (asset_path(), prop::collection::vec(option, 0..3)).prop_map(|(path, options)| {
                let mut args = vec![path];
                args.extend(options);
                format!("asset({})", args.join(", "))
            }),
            1 => prop::collection::vec(text(), 0..3)
                .prop_map(|p| format!("asset(\"../fixtures/handler-node\", exclude = [{}])", p.join(", "))),
            2 => (
                select(vec!["inline", "asset", "manual", "bucket", "assett", "inlin", "f"]),
                prop::collection::vec(inner.clone(), 0..3),
            )
                .prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
            1 => prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            1 => inner.clone().prop_map(|v| format!("({v})")),
            1 => inner.prop_map(|v| format!("-{v}")),
        ]
    })
}

/// Every key with a rule or passed through.
fn known_keys() -> Vec<&'static str> {
    FUNCTION_KEYS
        .iter()
        .map(|k| k.0)
        .chain(PASS_THROUGH_KEYS.iter().map(|p| p.key.0))
        .collect()
}

/// A known key with one edit: a letter dropped, doubled, swapped or replaced.
fn misspelt() -> impl Strategy<Value = String> {
    (select(known_keys()), 0..4u8, any::<prop::sample::Index>()).prop_map(|(key, op, at)| {
        let mut chars: Vec<char> = key.chars().collect();
        let i = at.index(chars.len());
        match op {
            0 if chars.len() > 1 => {
                chars.remove(i);
            }
            1 => chars.insert(i, chars[i]),
            2 if i + 1 < chars.len() => chars.swap(i, i + 1),
            _ => chars[i] = if chars[i] == 'x' { 'y' } else { 'x' },
        }
        // A leading `_` or digit-free result is still an identifier; `_` alone is not.
        let word: String = chars.into_iter().collect();
        if word == "_" {
            "x".to_owned()
        } else {
            word
        }
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => select(FUNCTION_KEYS.iter().map(|k| k.0).collect::<Vec<_>>()).prop_map(str::to_owned),
        2 => select(PASS_THROUGH_KEYS.iter().map(|p| p.key.0).collect::<Vec<_>>()).prop_map(str::to_owned),
        2 => misspelt(),
        1 => "[a-z][a-z_]{0,8}",
    ]
}

/// `NAME = value` entries of `environment(...)`, valid and invalid names.
fn environment() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        3 => select(vec!["STAGE", "TABLE_NAME", "RETRIES", "AWS_REGION", "A", "lower_case", "_X", "LAMBDA_TASK_ROOT"])
            .prop_map(str::to_owned),
        1 => "[A-Z_][A-Z0-9_]{0,8}",
    ];
    prop::collection::vec((name, value()), 0..4).prop_map(|entries| {
        let entries: Vec<String> = entries
            .into_iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect();
        entries.join(", ")
    })
}

/// Values aimed at one key: its limits and one past them, its spellings and near misses.
fn typed_value(key: &str) -> BoxedStrategy<String> {
    use lambda_spec::{
        DESCRIPTION_MAX_LENGTH, EPHEMERAL_STORAGE_MAX_MIB, EPHEMERAL_STORAGE_MIN_MIB,
        FUNCTION_NAME_MAX_LENGTH, MEMORY_SIZE_MAX_MB, MEMORY_SIZE_MIN_MB, TIMEOUT_MAX_SECONDS,
    };
    let around = |min: i64, max: i64| -> Vec<String> {
        [
            min - 1,
            min,
            min + 1,
            max - 1,
            max,
            max + 1,
            0,
            -1,
            i64::from(u32::MAX) + 1,
        ]
        .iter()
        .map(i64::to_string)
        .collect()
    };
    let strings = |values: &[&str]| values.iter().map(|v| string(v)).collect::<Vec<_>>();
    let max_timeout = TIMEOUT_MAX_SECONDS;
    let values: Vec<String> = match key {
        "memory_size" => around(MEMORY_SIZE_MIN_MB.into(), MEMORY_SIZE_MAX_MB.into()),
        "ephemeral_storage" => around(
            EPHEMERAL_STORAGE_MIN_MIB.into(),
            EPHEMERAL_STORAGE_MAX_MIB.into(),
        ),
        "reserved_concurrent_executions" => around(0, i64::from(u32::MAX)),
        "timeout" => [
            "1s".to_owned(),
            "0s".to_owned(),
            "999ms".to_owned(),
            "1000ms".to_owned(),
            "1001ms".to_owned(),
            format!("{}s", max_timeout - 1),
            format!("{max_timeout}s"),
            format!("{}s", max_timeout + 1),
            "15m".to_owned(),
            "15m1s".to_owned(),
            "18446744073709551615h".to_owned(),
        ]
        .iter()
        .map(|v| string(v))
        .collect(),
        "function_name" => [
            "a".repeat(FUNCTION_NAME_MAX_LENGTH),
            "a".repeat(FUNCTION_NAME_MAX_LENGTH + 1),
            "orders_handler-2".to_owned(),
            "orders.handler".to_owned(),
            String::new(),
        ]
        .iter()
        .map(|v| string(v))
        .collect(),
        "description" => [
            "d".repeat(DESCRIPTION_MAX_LENGTH),
            "d".repeat(DESCRIPTION_MAX_LENGTH + 1),
            "é".repeat(DESCRIPTION_MAX_LENGTH),
            String::new(),
        ]
        .iter()
        .map(|v| string(v))
        .collect(),
        "runtime" => strings(&[
            "nodejs22.x",
            "python3.14",
            "java25",
            "nodejs16.x",
            "provided.al2",
            "nodejs22",
            "NODEJS22.X",
        ]),
        "handler" => strings(&[
            "index.handler",
            "src/app.main",
            "a.b.c",
            "index",
            ".handler",
            "example.Handler::handleRequest",
        ]),
        "architecture" => strings(&["arm64", "x86_64", "ARM64", "x86", "arm"]),
        "tracing" => strings(&[
            "active",
            "pass_through",
            "disabled",
            "Active",
            "passthrough",
        ]),
        "logging_format" => strings(&["json", "text", "JSON", "yaml"]),
        "application_log_level" | "system_log_level" => strings(&[
            "trace", "debug", "info", "warn", "error", "fatal", "DEBUG", "verbose",
        ]),
        "runtime_management" => vec![
            string("auto"),
            string("function_update"),
            string("manual"),
            "manual(\"arn:aws:lambda:us-east-1::runtime:0123\")".to_owned(),
            "manual()".to_owned(),
            "manual(1)".to_owned(),
            "auto(\"x\")".to_owned(),
        ],
        "recursive_loop" => strings(&["allow", "terminate", "Allow", "stop"]),
        "snap_start" | "profiling" => vec![
            "true".to_owned(),
            "false".to_owned(),
            "1".to_owned(),
            string("true"),
        ],
        "insights_version" => strings(&["1.0.333.0", "1.0.98.0", "1.0.98", "latest"]),
        "tenancy" => strings(&["per_tenant", "PER_TENANT", "per_function"]),
        _ => return value().boxed(),
    };
    select(values).boxed()
}

/// A key with rules and a value aimed at it.
fn typed_entry() -> impl Strategy<Value = (String, String)> {
    select(FUNCTION_KEYS.iter().map(|k| k.0).collect::<Vec<_>>()).prop_flat_map(|key| {
        typed_value(key).prop_map(move |v| (key.to_owned(), format!("{key} = {v}")))
    })
}

/// One entry: mostly `key = value`; `environment(..)` and the other list form, and the
/// bare `key`, now and then.
fn entry() -> impl Strategy<Value = (String, String)> {
    (key(), 0..20u8, value(), environment()).prop_map(|(key, form, value, env)| {
        let text = match form {
            0 => key.clone(),
            1 => format!("{key}({value})"),
            _ if key == "environment" => format!("{key}({env})"),
            _ => format!("{key} = {value}"),
        };
        (key, text)
    })
}

/// A runtime, handler and code that fit together, and whether the runtime has SnapStart.
fn required() -> impl Strategy<Value = (Vec<(String, String)>, bool)> {
    let triples: Vec<(&'static str, &'static str, &'static str, bool)> = vec![
        (
            "nodejs22.x",
            "index.handler",
            "inline(\"exports.handler = async () => 1;\")",
            false,
        ),
        (
            "nodejs22.x",
            "index.handler",
            "asset(\"../fixtures/handler-node\", exclude = [\"*.md\"])",
            false,
        ),
        (
            "nodejs20.x",
            "index.handler",
            "asset(\"../fixtures/handler-node\")",
            false,
        ),
        (
            "python3.12",
            "index.handler",
            "asset(\"../fixtures/handler-python\", ignore_mode = \"git\")",
            true,
        ),
        (
            "python3.13",
            "index.handler",
            "inline(\"def handler(event, context): pass\")",
            true,
        ),
        (
            "java21",
            "example.Handler::handleRequest",
            "asset(\"../fixtures/java-handler.zip\")",
            true,
        ),
        ("nodejs22.x", "index.handler", "inline(SOURCE)", false),
    ];
    select(triples).prop_map(|(runtime, handler, code, snap_start)| {
        let entries = vec![
            (
                "runtime".to_owned(),
                format!("runtime = {}", string(runtime)),
            ),
            (
                "handler".to_owned(),
                format!("handler = {}", string(handler)),
            ),
            ("code".to_owned(), format!("code = {code}")),
        ];
        (entries, snap_start)
    })
}

/// Right values for the other keys, in groups whose keys depend on one another (log
/// levels need the JSON format); each group is used at most once.
fn valid_groups(snap_start: bool) -> Vec<Vec<(&'static str, &'static str)>> {
    let mut groups = vec![
        vec![("description", "\"Handles orders.\"")],
        vec![("description", "DESCRIPTION")],
        vec![("function_name", "\"orders-handler\"")],
        vec![("memory_size", "512")],
        vec![("memory_size", "MEMORY")],
        vec![("timeout", "\"1m30s\"")],
        vec![("timeout", "Duration::from_secs(30)")],
        vec![(
            "environment",
            "environment(SERVICE = \"orders\", RETRIES = 3, READY = true)",
        )],
        vec![("architecture", "\"arm64\"")],
        vec![("ephemeral_storage", "512")],
        vec![("reserved_concurrent_executions", "10")],
        vec![("tracing", "\"pass_through\"")],
        vec![
            ("logging_format", "\"json\""),
            ("application_log_level", "\"info\""),
            ("system_log_level", "\"warn\""),
        ],
        vec![(
            "runtime_management",
            "manual(\"arn:aws:lambda:us-east-1::runtime:0123\")",
        )],
        vec![("runtime_management", "\"function_update\"")],
        vec![("recursive_loop", "\"terminate\"")],
        vec![("insights_version", "\"1.0.333.0\"")],
        vec![(
            "params_and_secrets",
            "params_and_secrets(version = \"1.0.103\", cache_size = 500, log_level = \"debug\", secrets_manager_ttl = \"2m\")",
        )],
        vec![("max_event_age", "\"2h\"")],
        vec![(
            "durable_config",
            "durable_config(execution_timeout = \"1h\", retention_period = \"30d\")",
        )],
        vec![("max_event_age", "Duration::from_secs(60)")],
        // A dead-letter topic excludes a queue and `dead_letter_queue_enabled`: the two groups
        // share `retry_attempts`, so a clean input takes one of them only.
        vec![
            ("dead_letter_queue_enabled", "true"),
            ("dead_letter_queue", "orders_dlq(scope)?"),
            ("retry_attempts", "1"),
        ],
        vec![
            ("dead_letter_topic", "failures_topic(scope)?"),
            ("retry_attempts", "2"),
        ],
    ];
    // The runtimes with SnapStart (Python, Java) also have a profiler; tenant isolation
    // excludes SnapStart. Both branches add as many groups (`clean` counts them once).
    if snap_start {
        groups.push(vec![("snap_start", "true")]);
        groups.push(vec![("profiling", "true")]);
    } else {
        groups.push(vec![("tenancy", "\"per_tenant\"")]);
        groups.push(vec![("profiling", "false")]);
    }
    // Pass-through keys take any expression: the table's own examples.
    for entry in PASS_THROUGH_KEYS {
        if entry.key.0.starts_with("dead_letter_") {
            continue; // in the exclusive groups above
        }
        let value = entry.example.split_once(" = ").map_or("x", |(_, v)| v);
        groups.push(vec![(entry.key.0, value)]);
    }
    groups
}

/// A configuration without mistakes: the required keys and a random set of groups
/// (a key in two groups is kept from the first only).
fn clean() -> impl Strategy<Value = Vec<(String, String)>> {
    let groups = valid_groups(true).len();
    (required(), prop::collection::vec(any::<bool>(), groups)).prop_map(
        |((mut entries, snap), pick)| {
            for (group, chosen) in valid_groups(snap).into_iter().zip(pick) {
                let taken = group
                    .iter()
                    .any(|(k, _)| entries.iter().any(|(e, _)| e == k));
                if !chosen || taken {
                    continue;
                }
                for (key, value) in group {
                    let text = if key == "environment"
                        || key == "params_and_secrets"
                        || key == "durable_config"
                    {
                        value.to_owned()
                    } else {
                        format!("{key} = {value}")
                    };
                    entries.push((key.to_owned(), text));
                }
            }
            entries
        },
    )
}

/// The struct under the attribute: named fields from a pool (each at most once), now
/// and then a unit or tuple struct or something that is not a struct at all. With
/// `clean`, only fields the macro accepts.
fn item(clean: bool) -> impl Strategy<Value = String> {
    let good = [
        "table_name: String",
        "#[env(name = \"LOG_LEVEL\")] level: Option<String>",
        "batch_size: u32",
        "#[env(name = \"STAGE\")] stage: &'static str",
        "tables: Vec<String>",
    ];
    let bad = [
        "aws_region: String",
        "#[env(name = \"1TABLE\")] table: String",
        "#[env(nam = \"X\")] x: String",
        "#[env(name = \"SERVICE\")] service: String",
    ];
    let pool: Vec<&'static str> = if clean {
        good.to_vec()
    } else {
        good.iter().chain(&bad).copied().collect()
    };
    let count = pool.len();
    let named = prop::collection::vec(any::<bool>(), count).prop_map(move |pick| {
        let chosen: Vec<&str> = pool
            .iter()
            .zip(pick)
            .filter(|(_, p)| *p)
            .map(|(f, _)| *f)
            .collect();
        format!("pub struct Orders {{ {} }}", chosen.join(", "))
    });
    if clean {
        return prop_oneof![9 => named, 1 => Just("pub struct Orders;".to_owned())].boxed();
    }
    prop_oneof![
        30 => named,
        3 => Just("pub struct Orders;".to_owned()),
        1 => Just("pub struct Orders(String);".to_owned()),
        1 => Just("pub struct Orders<T> { t: T }".to_owned()),
        1 => Just("pub enum Orders { A }".to_owned()),
    ]
    .boxed()
}

/// A whole input: a clean configuration with up to four random entries put in at random
/// places (none in about a third of the inputs), one required key now and then left
/// out, with or without a trailing comma.
pub fn input() -> impl Strategy<Value = Input> {
    let noise = prop_oneof![
        1 => Just(Vec::new()),
        2 => prop::collection::vec(
            (prop_oneof![3 => typed_entry(), 2 => entry()], any::<prop::sample::Index>()),
            1..5,
        ),
    ];
    (clean(), noise, 0..20usize, any::<bool>(), any::<bool>()).prop_flat_map(
        |(base, noise, drop, trailing, clean_item)| {
            let clean_input = noise.is_empty() && drop >= 3;
            item(clean_input || clean_item).prop_map(move |item| {
                let mut all = base.clone();
                if drop < 3 {
                    all.remove(drop);
                }
                for ((key, text), at) in noise.clone() {
                    let i = at.index(all.len() + 1);
                    all.insert(i, (key, text));
                }
                let keys = all.iter().map(|(k, _)| k.clone()).collect();
                let mut args = all
                    .iter()
                    .map(|(_, t)| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                if trailing && !args.is_empty() {
                    args.push(',');
                }
                Input { args, item, keys }
            })
        },
    )
}
