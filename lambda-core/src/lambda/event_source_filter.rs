//! Event filtering of event source mappings (aws-cdk-lib's `FilterCriteria` and `FilterRule`):
//! a pattern of rules, written as the JSON text `FilterCriteria.Filters[].Pattern`.

use serde_json::{Number, Value as Json};

/// One rule of a filter pattern: the list of values a field may match (aws-cdk-lib's
/// `FilterRule.*` results).
///
/// ```
/// use lambda_core::lambda::FilterRule;
/// assert_eq!(FilterRule::exists().to_json().to_string(), r#"[{"exists":true}]"#);
/// assert_eq!(
///     FilterRule::between(1.0, 5.5).to_json().to_string(),
///     r#"[{"numeric":[">",1,"<=",5.5]}]"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FilterRule(Vec<Json>);

impl FilterRule {
    /// The field is `null`.
    pub fn null() -> Self {
        FilterRule(vec![Json::Null])
    }

    /// The field is the empty string.
    pub fn empty() -> Self {
        FilterRule(vec![Json::from("")])
    }

    /// The field equals `item` (a number compares numerically).
    pub fn is_equal(item: impl Into<FilterValue>) -> Self {
        FilterRule(vec![match item.into() {
            FilterValue::Number(n) => serde_json::json!({ "numeric": ["=", n] }),
            FilterValue::Other(v) => v,
        }])
    }

    /// The field equals one of `items`.
    pub fn or<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Self {
        FilterRule(items.into_iter().map(|s| Json::from(s.into())).collect())
    }

    /// The field is anything but `item`.
    pub fn not_equals(item: impl Into<String>) -> Self {
        FilterRule(vec![serde_json::json!({ "anything-but": [item.into()] })])
    }

    /// The field is a number greater than `first` and at most `second`.
    pub fn between(first: f64, second: f64) -> Self {
        FilterRule(vec![serde_json::json!({
            "numeric": [">", js_number(first), "<=", js_number(second)]
        })])
    }

    /// The field exists.
    pub fn exists() -> Self {
        FilterRule(vec![serde_json::json!({ "exists": true })])
    }

    /// The field does not exist.
    pub fn not_exists() -> Self {
        FilterRule(vec![serde_json::json!({ "exists": false })])
    }

    /// The field is a string starting with `prefix`.
    pub fn begins_with(prefix: impl Into<String>) -> Self {
        FilterRule(vec![serde_json::json!({ "prefix": prefix.into() })])
    }

    /// The rule as JSON.
    pub fn to_json(&self) -> Json {
        Json::Array(self.0.clone())
    }
}

/// A value [`FilterRule::is_equal`] compares with: a number, or a string or boolean.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterValue {
    /// Compared numerically (`{"numeric": ["=", n]}`).
    Number(Json),
    /// Compared as is.
    Other(Json),
}

impl From<&str> for FilterValue {
    fn from(s: &str) -> Self {
        FilterValue::Other(Json::from(s))
    }
}

impl From<String> for FilterValue {
    fn from(s: String) -> Self {
        FilterValue::Other(Json::from(s))
    }
}

impl From<bool> for FilterValue {
    fn from(b: bool) -> Self {
        FilterValue::Other(Json::from(b))
    }
}

impl From<i64> for FilterValue {
    fn from(n: i64) -> Self {
        FilterValue::Number(Json::from(n))
    }
}

impl From<f64> for FilterValue {
    fn from(n: f64) -> Self {
        FilterValue::Number(js_number(n))
    }
}

/// A number as JavaScript's `JSON.stringify` writes it: integral values without a fraction.
fn js_number(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        // Integral and exactly representable: JS prints it without `.0`.
        Json::from(n as i64)
    } else {
        Number::from_f64(n).map_or(Json::Null, Json::Number)
    }
}

/// A filter pattern: field names mapped, in the order given, to rules or nested patterns.
///
/// ```
/// use lambda_core::lambda::{FilterPattern, FilterRule};
/// let pattern = FilterPattern::object([(
///     "body",
///     FilterPattern::object([
///         ("id", FilterRule::exists().into()),
///         ("kind", FilterRule::is_equal("order").into()),
///     ]),
/// )]);
/// assert_eq!(
///     pattern.to_json().to_string(),
///     r#"{"body":{"id":[{"exists":true}],"kind":["order"]}}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum FilterPattern {
    /// A rule for one field.
    Rule(FilterRule),
    /// Fields and their patterns, in order.
    Object(Vec<(String, FilterPattern)>),
    /// A pattern given as JSON (`serde_json::json!` keeps key order in this crate's build).
    Json(Json),
}

impl FilterPattern {
    /// Fields and their patterns, in order.
    pub fn object<K: Into<String>>(fields: impl IntoIterator<Item = (K, FilterPattern)>) -> Self {
        FilterPattern::Object(fields.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The pattern as JSON, keys in the order given.
    pub fn to_json(&self) -> Json {
        match self {
            FilterPattern::Rule(rule) => rule.to_json(),
            FilterPattern::Object(fields) => Json::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
            FilterPattern::Json(json) => json.clone(),
        }
    }
}

impl From<FilterRule> for FilterPattern {
    fn from(rule: FilterRule) -> Self {
        FilterPattern::Rule(rule)
    }
}

impl From<Json> for FilterPattern {
    fn from(json: Json) -> Self {
        FilterPattern::Json(json)
    }
}

/// One entry of `FilterCriteria.Filters`: a pattern as JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// The pattern, as `JSON.stringify` writes it.
    pub pattern: String,
}

/// Builds filters for an event source mapping (aws-cdk-lib's `FilterCriteria`).
pub struct FilterCriteria;

impl FilterCriteria {
    /// A filter matching `pattern` (aws-cdk-lib's `FilterCriteria.filter`).
    ///
    /// ```
    /// use lambda_core::lambda::{FilterCriteria, FilterPattern, FilterRule};
    /// let f = FilterCriteria::filter(FilterPattern::object([(
    ///     "eventName",
    ///     FilterRule::or(["INSERT", "MODIFY"]).into(),
    /// )]));
    /// assert_eq!(f.pattern, r#"{"eventName":["INSERT","MODIFY"]}"#);
    /// ```
    pub fn filter(pattern: impl Into<FilterPattern>) -> Filter {
        Filter {
            pattern: pattern.into().to_json().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each rule as aws-cdk-lib 2.276.0's `JSON.stringify(FilterRule.x(...))` prints it.
    #[test]
    fn rules_as_aws_cdk_lib() {
        let s = |r: FilterRule| r.to_json().to_string();
        assert_eq!(s(FilterRule::null()), "[null]");
        assert_eq!(s(FilterRule::empty()), r#"[""]"#);
        assert_eq!(s(FilterRule::is_equal("a")), r#"["a"]"#);
        assert_eq!(s(FilterRule::is_equal(true)), "[true]");
        assert_eq!(s(FilterRule::is_equal(3_i64)), r#"[{"numeric":["=",3]}]"#);
        assert_eq!(s(FilterRule::is_equal(2.5)), r#"[{"numeric":["=",2.5]}]"#);
        assert_eq!(s(FilterRule::or(["a", "b"])), r#"["a","b"]"#);
        assert_eq!(
            s(FilterRule::not_equals("x")),
            r#"[{"anything-but":["x"]}]"#
        );
        assert_eq!(
            s(FilterRule::between(1.0, 2.0)),
            r#"[{"numeric":[">",1,"<=",2]}]"#
        );
        assert_eq!(s(FilterRule::not_exists()), r#"[{"exists":false}]"#);
        assert_eq!(s(FilterRule::begins_with("ab")), r#"[{"prefix":"ab"}]"#);
    }

    #[test]
    fn json_patterns_keep_their_order() {
        let f = FilterCriteria::filter(serde_json::json!({"z": ["a"], "a": [{"exists": true}]}));
        assert_eq!(f.pattern, r#"{"z":["a"],"a":[{"exists":true}]}"#);
    }
}
