//! Feature flags: context keys whose unset value takes aws-cdk-lib 2.276.0's default.

use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

/// `currentVersion` hashes only version-locked properties (on when unset).
pub const RECOGNIZE_VERSION_PROPS: &str = "@aws-cdk/aws-lambda:recognizeVersionProps";
/// `currentVersion` hashes layers too and sorts them by path (off when unset).
pub const RECOGNIZE_LAYER_VERSION: &str = "@aws-cdk/aws-lambda:recognizeLayerVersion";
/// Each function creates its own `AWS::Logs::LogGroup` (off when unset).
pub const USE_CDK_MANAGED_LOG_GROUP: &str = "@aws-cdk/aws-lambda:useCdkManagedLogGroup";
/// `addToRolePolicy` creates a new inline policy instead of filling the DefaultPolicy.
pub const CREATE_NEW_POLICIES_WITH_ADD_TO_ROLE_POLICY: &str =
    "@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy";
/// IAM policy statements are merged and their lists sorted (off when unset).
pub const MINIMIZE_POLICIES: &str = "@aws-cdk/aws-iam:minimizePolicies";
/// Every resource gets `Metadata: {"aws:cdk:path": ...}`; the CLI sets it.
pub const PATH_METADATA: &str = "aws:cdk:enable-path-metadata";
/// Asset consumers get `aws:asset:*` metadata; the CLI sets it.
pub const ASSET_METADATA: &str = "aws:cdk:enable-asset-metadata";
/// The `CDKMetadata` resource; the CLI sets it.
pub const VERSION_REPORTING: &str = "aws:cdk:version-reporting";
/// Staging is skipped and assets are used where they are.
pub const DISABLE_ASSET_STAGING: &str = "aws:cdk:disable-asset-staging";
/// Salt mixed into every asset hash.
pub const ASSET_HASH_SALT: &str = "@aws-cdk/core:assetHashSalt";
/// Stack tags (`manifest.json`, deployed with the stack) only from the stack's own tags, not from
/// `Tags::of` a scope (resources are tagged either way).
pub const EXPLICIT_STACK_TAGS: &str = "@aws-cdk/core:explicitStackTags";
/// Limit on resources per stack (500 when unset, 0 for none).
pub const STACK_RESOURCE_LIMIT: &str = "@aws-cdk/core:stackResourceLimit";

/// How a value of one stack is read in another: `"strong"` (exports and `Fn::ImportValue`, the
/// default), `"weak"` (`Fn::GetStackOutput`) or `"both"` (exports kept, `Fn::GetStackOutput` read).
pub const DEFAULT_CROSS_STACK_REFERENCES: &str = "@aws-cdk/core:defaultCrossStackReferences";

const REPORT_JSON: &str = include_str!("../../data/feature-flags-2.276.0.json");

/// aws-cdk-lib 2.276.0's feature-flag report: flag -> recommendedValue, explanation, and
/// `unconfiguredBehavesLike` when a flag is on by default. Facts dumped from the library.
pub(crate) fn report() -> &'static Map<String, Json> {
    static REPORT: OnceLock<Map<String, Json>> = OnceLock::new();
    REPORT.get_or_init(|| serde_json::from_str(REPORT_JSON).expect("bundled flag report is JSON"))
}

/// The value a flag has when no context sets it.
pub fn default_value(flag: &str) -> bool {
    report()
        .get(flag)
        .and_then(|f| f.get("unconfiguredBehavesLike"))
        .and_then(|u| u.get("v2"))
        .and_then(Json::as_bool)
        .unwrap_or(false)
}

/// A flag's value given its context value or, when unset, its default. A set value counts as
/// JavaScript's `Boolean(value)` counts it, as aws-cdk-lib's `FeatureFlags.isEnabled` does: so
/// `"yes"`, `1`, `{}` and even the string `"false"` turn a flag on; `false`, `0`, `""` and
/// `null` turn it off.
pub(crate) fn flag_value(context: Option<&Json>, flag: &str) -> bool {
    match context {
        Some(value) => js_truthy(value),
        None => default_value(flag),
    }
}

/// JavaScript's `Boolean(value)` for a JSON value.
fn js_truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Json::String(s) => !s.is_empty(),
        Json::Array(_) | Json::Object(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lambda_defaults_match_cdk() {
        assert!(default_value(RECOGNIZE_VERSION_PROPS));
        assert!(!default_value(RECOGNIZE_LAYER_VERSION));
        assert!(!default_value(USE_CDK_MANAGED_LOG_GROUP));
        assert!(!default_value(MINIMIZE_POLICIES));
        assert_eq!(report().len(), 105);
    }

    /// What aws-cdk-lib 2.276.0's `FeatureFlags.of(stack).isEnabled(flag)` answered for each
    /// context value (`new cdk.App({ context: { [flag]: value } })`).
    #[test]
    fn set_values_count_as_javascript_booleans() {
        use serde_json::json;
        let cases = [
            (json!(true), true),
            (json!(false), false),
            (json!("true"), true),
            (json!("false"), true),
            (json!("yes"), true),
            (json!(""), false),
            (json!(1), true),
            (json!(0), false),
            (json!({}), true),
            (json!([]), true),
            (json!(null), false),
        ];
        for (value, on) in cases {
            assert_eq!(
                flag_value(Some(&value), RECOGNIZE_LAYER_VERSION),
                on,
                "{value}"
            );
        }
    }
}
