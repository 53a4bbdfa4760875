//! Keys with no compile-time rule, handed to `Function::builder()` as they are written.
//!
//! `key = <expr>` becomes `.method(<expr>)` in the generated `build`, with the call spanned
//! at the key: rustc checks the value against the builder's type and reports a wrong one
//! at the key and value the user wrote. The expression is evaluated each time `build`
//! runs, where `scope` names the construct the function is built under.
//!
//! A plain Function property costs one row here and one in the key table of
//! `#[lambda_function]`'s doc (`lib.rs`); a key that needs a compile-time rule belongs in
//! `symbol.rs` / `attr` / `valid` / `expand` instead.

use crate::symbol::{Symbol, FUNCTION_KEYS};

/// One pass-through key.
pub struct PassThrough {
    /// The key as written in the attribute.
    pub key: Symbol,
    /// The `Function::builder()` setter it calls.
    pub method: &'static str,
    /// What a correct use looks like, for "expected ..." messages.
    pub example: &'static str,
}

/// Every pass-through key, in the order of `Function::builder()`'s members.
pub const PASS_THROUGH_KEYS: &[PassThrough] = &[
    PassThrough {
        key: Symbol("log_group"),
        method: "log_group",
        example: "log_group = orders_log_group(scope)?",
    },
    PassThrough {
        key: Symbol("role"),
        method: "role",
        example: "role = orders_role(scope)?",
    },
    PassThrough {
        key: Symbol("initial_policy"),
        method: "initial_policy",
        example: "initial_policy = vec![PolicyStatement::new().actions([\"s3:GetObject\"]).resources([\"*\"])]",
    },
    PassThrough {
        key: Symbol("current_version_options"),
        method: "current_version_options",
        example: "current_version_options = VersionOptions { retry_attempts: Some(1), ..Default::default() }",
    },
    PassThrough {
        key: Symbol("dead_letter_queue"),
        method: "dead_letter_queue",
        example: "dead_letter_queue = orders_dlq(scope)?",
    },
    PassThrough {
        key: Symbol("dead_letter_topic"),
        method: "dead_letter_topic",
        example: "dead_letter_topic = failures_topic(scope)?",
    },
    PassThrough {
        key: Symbol("on_success"),
        method: "on_success",
        example: "on_success = results_queue(scope)?",
    },
    PassThrough {
        key: Symbol("on_failure"),
        method: "on_failure",
        example: "on_failure = failures_topic(scope)?",
    },
    PassThrough {
        key: Symbol("layers"),
        method: "layers",
        example: "layers = vec![LayerVersion::from_layer_version_arn(scope, \"Shared\", SHARED_LAYER_ARN)?]",
    },
    PassThrough {
        key: Symbol("environment_encryption"),
        method: "environment_encryption",
        example: "environment_encryption = env_key(scope)?",
    },
    PassThrough {
        key: Symbol("vpc"),
        method: "vpc",
        example: "vpc = network(scope)?",
    },
    PassThrough {
        key: Symbol("vpc_subnets"),
        method: "vpc_subnets",
        example: "vpc_subnets = SubnetSelection::of_type(SubnetType::PrivateWithEgress)",
    },
    PassThrough {
        key: Symbol("security_groups"),
        method: "security_groups",
        example: "security_groups = vec![app_security_group(scope)?]",
    },
    PassThrough {
        key: Symbol("allow_public_subnet"),
        method: "allow_public_subnet",
        example: "allow_public_subnet = true",
    },
    PassThrough {
        key: Symbol("allow_all_outbound"),
        method: "allow_all_outbound",
        example: "allow_all_outbound = false",
    },
    PassThrough {
        key: Symbol("filesystem"),
        method: "filesystem",
        example: "filesystem = FileSystem::from_efs_access_point(&access_point(scope)?, \"/mnt/data\")",
    },
    PassThrough {
        key: Symbol("ipv6_allowed_for_dual_stack"),
        method: "ipv6_allowed_for_dual_stack",
        example: "ipv6_allowed_for_dual_stack = true",
    },
    PassThrough {
        key: Symbol("allow_all_ipv6_outbound"),
        method: "allow_all_ipv6_outbound",
        example: "allow_all_ipv6_outbound = true",
    },
];

/// The pass-through entry of `name`, if it is one.
pub fn find(name: &str) -> Option<&'static PassThrough> {
    PASS_THROUGH_KEYS.iter().find(|p| p.key.0 == name)
}

/// Every key `#[lambda_function]` accepts: those with rules, then the pass-through ones.
pub fn all_keys() -> Vec<Symbol> {
    FUNCTION_KEYS
        .iter()
        .copied()
        .chain(PASS_THROUGH_KEYS.iter().map(|p| p.key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_consistent() {
        let keys = all_keys();
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(key), "`{key}` is listed twice");
        }
        for entry in PASS_THROUGH_KEYS {
            assert!(
                syn::parse_str::<syn::Ident>(entry.method).is_ok(),
                "`{}` is not a method name",
                entry.method
            );
            let (key, value) = entry.example.split_once(" = ").expect("`key = value`");
            assert_eq!(key, entry.key.0);
            assert!(syn::parse_str::<syn::Expr>(value).is_ok(), "{value}");
        }
    }
}
