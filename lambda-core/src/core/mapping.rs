//! Template mappings (`CfnMapping`, the `Mappings` section) and regional facts looked up at
//! deploy time through them, as aws-cdk-lib's `Stack.regionalFact` does.

use lambda_spec::codes;
use lambda_spec::region_facts;

use super::construct::{Construct, ConstructNode};
use super::element::{add_element, Section};
use super::value::{ElementRef, Pseudo, Target, Value};
use crate::{Error, Result, Stack};

/// The context key naming the partitions whose regions a deploy-time lookup map holds.
pub const TARGET_PARTITIONS: &str = "@aws-cdk/core:target-partitions";

/// A template mapping (`Mappings` section): a two-level table looked up at deploy time with
/// `Fn::FindInMap`. Keys can be added after creation; the template shows the final table.
#[derive(Clone)]
pub struct CfnMapping {
    node: ConstructNode,
}

impl Construct for CfnMapping {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

#[lambda_builder::builders]
impl CfnMapping {
    /// A mapping, empty or with a first table (top-level keys, then second-level keys, each in
    /// the order given).
    ///
    /// ```
    /// use lambda_core::{App, CfnMapping, Pseudo, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let sizes = CfnMapping::builder()
    ///     .mapping(vec![("us-east-1".into(), vec![("size".into(), "large".into())])])
    ///     .build(&stack, "Sizes")?;
    /// sizes.set_value("eu-west-1", "size", "small")?;
    /// let _size = sizes.find_in_map(Pseudo::Region.value(), "size")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The first table: `(top-level key, [(second-level key, value)])`.
        #[builder(default)]
        mapping: Vec<(String, Vec<(String, Value)>)>,
    ) -> Result<Self> {
        for (_, entries) in &mapping {
            for (key, _) in entries {
                check_alphanumeric(key)?;
            }
        }
        let body = mapping
            .into_iter()
            .map(|(key, entries)| (key, Value::Object(entries)))
            .collect();
        let node = add_element(scope, id, Section::Mappings, body, "aws-cdk-lib.CfnMapping")?;
        Ok(CfnMapping { node })
    }
}

impl CfnMapping {
    fn with_body<R>(&self, f: impl FnOnce(&mut Vec<(String, Value)>) -> R) -> R {
        let mut tree = self.node.app.tree_mut();
        let element = tree
            .element_mut(self.node.id)
            .expect("a CfnMapping handle points at an element");
        f(&mut element.extra_mut().body)
    }

    /// Sets `value` at `key1`/`key2` (a new key goes last, an existing one keeps its place).
    /// Second-level keys must be alphanumeric, as CloudFormation requires.
    pub fn set_value(&self, key1: &str, key2: &str, value: impl Into<Value>) -> Result<()> {
        if [key1, key2]
            .iter()
            .any(|k| ["__proto__", "constructor"].contains(k))
        {
            return Err(Error::validation(
                "ValidationError",
                "Cannot use '__proto__' or 'constructor' as keys",
                self.node.path(),
            ));
        }
        check_alphanumeric(key2)?;
        let value = value.into();
        self.with_body(|body| {
            let i = match body.iter().position(|(k, _)| k == key1) {
                Some(i) => i,
                None => {
                    body.push((key1.to_owned(), Value::Object(Vec::new())));
                    body.len() - 1
                }
            };
            if let Value::Object(entries) = &mut body[i].1 {
                match entries.iter_mut().find(|(k, _)| k == key2) {
                    Some(entry) => entry.1 = value,
                    None => entries.push((key2.to_owned(), value)),
                }
            }
        });
        Ok(())
    }

    /// `{"Fn::FindInMap": [<mapping>, key1, key2]}`. A literal `key1` must be in the table, and
    /// then `key2` must be under it (aws-cdk-lib's checks and messages).
    pub fn find_in_map(&self, key1: impl Into<Value>, key2: &str) -> Result<Value> {
        let key1 = key1.into();
        if let Some(k1) = key1.as_literal_str() {
            let has = self.with_body(|body| {
                body.iter().find(|(k, _)| k == k1).map(|(_, v)| match v {
                    Value::Object(entries) => entries.iter().any(|(k, _)| k == key2),
                    _ => false,
                })
            });
            let message = match has {
                None => format!("Mapping doesn't contain top-level key '{k1}'"),
                Some(false) => format!("Mapping doesn't contain second-level key '{key2}'"),
                Some(true) => String::new(),
            };
            if !message.is_empty() {
                return Err(Error::validation(
                    "ValidationError",
                    message,
                    self.node.path(),
                ));
            }
        }
        Ok(Value::FindInMap(
            Target::Element(ElementRef(self.node.id)),
            Box::new(key1),
            key2.to_owned(),
        ))
    }
}

/// CloudFormation's rule for second-level mapping keys (aws-cdk-lib's message).
fn check_alphanumeric(key: &str) -> Result<()> {
    if key.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(());
    }
    Err(Error::validation(
        "ValidationError",
        format!("Attribute name '{key}' must contain only alphanumeric characters."),
        "",
    ))
}

/// The value of regional fact `fact_name` for `stack` (aws-cdk-lib's `Stack.regionalFact`): the
/// literal when the stack's region is known; otherwise one value with `AWS::Region` in it when
/// every region's value follows one pattern, or else a lookup in a mapping shared by the stack
/// (`<Fact-class>Map`, keys added as facts are looked up), limited to the regions of the
/// `@aws-cdk/core:target-partitions` context when it is set.
pub fn regional_fact(stack: &Stack, fact_name: &str) -> Result<Value> {
    if let Some(region) = stack.region() {
        return region_facts::find_fact(&region, fact_name)
            .map(Value::from)
            .ok_or_else(|| {
                Error::validation(
                    codes::REGION_FACT_NOT_FOUND,
                    format!(
                        "region-info: don't know {fact_name} for region {region}. Use 'Fact.register' to provide this value."
                    ),
                    stack.node().path(),
                )
            });
    }
    let all = region_facts::region_map(fact_name);
    let lookup: Vec<(&str, &str)> = match stack.node().try_get_context(TARGET_PARTITIONS) {
        None => all.to_vec(),
        Some(serde_json::Value::String(s)) if s == "undefined" => all.to_vec(),
        Some(serde_json::Value::Array(partitions)) => all
            .iter()
            .filter(|(region, _)| {
                let partition = region_facts::partition_of(region);
                partitions.iter().any(|p| p.as_str() == Some(partition))
            })
            .copied()
            .collect(),
        Some(other) => {
            return Err(Error::validation(
                codes::TARGET_PARTITIONS_CONTEXT_VALUE_INVALID,
                format!(
                    "Context value '{TARGET_PARTITIONS}' should be a list of strings, got: {other}"
                ),
                stack.node().path(),
            ))
        }
    };
    deploy_time_lookup(stack, fact_name, &lookup)
}

/// aws-cdk-lib's `deployTimeLookup`: a pattern value, or a `Fn::FindInMap` into the stack's
/// shared mapping for the fact's class.
fn deploy_time_lookup(stack: &Stack, fact_name: &str, lookup: &[(&str, &str)]) -> Result<Value> {
    if lookup.is_empty() {
        return Err(Error::validation(
            codes::REGION_INFO_DON_T_INFORMATION,
            format!(
                "region-info: don't have any information for {fact_name}. Use 'Fact.register' to provide values, or add partitions to the '{TARGET_PARTITIONS}' context value."
            ),
            "",
        ));
    }
    if let Some(pattern) = value_pattern(lookup) {
        return Ok(pattern);
    }
    let (class, param) = fact_name.split_once(':').unwrap_or((fact_name, "value"));
    let map_id = format!("{}Map", upper_first(class));
    let key: String = param
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { 'x' })
        .collect();
    let mapping = match stack.node().try_find_child(&map_id) {
        Some(node) => CfnMapping { node },
        None => CfnMapping::builder().build(stack, &map_id)?,
    };
    for (region, value) in lookup {
        mapping.set_value(region, &key, *value)?;
    }
    mapping.find_in_map(Pseudo::Region.value(), &key)
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One piece of a value pattern.
enum Piece<'a> {
    Text(&'a str),
    Region,
    UrlSuffix,
}

/// aws-cdk-lib's `findValuePattern`: when, with each region's domain suffix (only if the
/// suffixes differ and every value holds its own) and then its name replaced by the pseudo
/// parameters, every value reads the same, that one value (a `Fn::Join`).
fn value_pattern(lookup: &[(&str, &str)]) -> Option<Value> {
    let suffixes: Vec<&str> = lookup
        .iter()
        .map(|(r, _)| region_facts::domain_suffix_of(r))
        .collect();
    let suffixes_differ = suffixes.iter().any(|s| *s != suffixes[0]);
    let replace_suffix = suffixes_differ
        && lookup
            .iter()
            .all(|(r, v)| v.contains(region_facts::domain_suffix_of(r)));
    let mut patterns: Vec<Vec<Piece<'_>>> = lookup
        .iter()
        .map(|(r, v)| {
            if replace_suffix {
                split_pieces(v, region_facts::domain_suffix_of(r), Piece::UrlSuffix)
            } else {
                vec![Piece::Text(v)]
            }
        })
        .collect();
    // Text of the pattern so far, to test "every value holds its region".
    let text = |pieces: &[Piece<'_>]| -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => *t,
                Piece::Region => "\u{0}R",
                Piece::UrlSuffix => "\u{0}U",
            })
            .collect()
    };
    if lookup
        .iter()
        .zip(&patterns)
        .all(|((r, _), p)| text(p).contains(r))
    {
        patterns = lookup
            .iter()
            .zip(patterns)
            .map(|((r, _), pieces)| {
                pieces
                    .into_iter()
                    .flat_map(|p| match p {
                        Piece::Text(t) => split_pieces(t, r, Piece::Region),
                        other => vec![other],
                    })
                    .collect()
            })
            .collect();
    }
    let first = text(&patterns[0]);
    if patterns.iter().any(|p| text(p) != first) {
        return None;
    }
    let parts = patterns.swap_remove(0).into_iter().map(|p| match p {
        Piece::Text(t) => Value::from(t),
        Piece::Region => Pseudo::Region.value(),
        Piece::UrlSuffix => Pseudo::UrlSuffix.value(),
    });
    Some(Value::join("", parts))
}

/// `text` split on `pattern`, with `marker` where each occurrence was.
fn split_pieces<'a>(text: &'a str, pattern: &str, marker: Piece<'a>) -> Vec<Piece<'a>> {
    let is_region = matches!(marker, Piece::Region);
    let mut out = Vec::new();
    for (i, part) in text.split(pattern).enumerate() {
        if i > 0 {
            out.push(if is_region {
                Piece::Region
            } else {
                Piece::UrlSuffix
            });
        }
        if !part.is_empty() {
            out.push(Piece::Text(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{App, Environment};

    #[test]
    fn arm64_insights_follow_one_pattern() {
        let app = App::new();
        let stack = Stack::builder().build(&app, "S").unwrap();
        let v =
            regional_fact(&stack, "cloudwatch-lambda-insights-version:1_0_119_0_arm64").unwrap();
        assert_eq!(
            format!("{v:?}"),
            r#"Join("", ["arn:aws:lambda:", Ref(Pseudo(Region)), ":580247275435:layer:LambdaInsightsExtension-Arm64:1"])"#
        );
        assert!(stack.node().children().is_empty(), "no mapping needed");
    }

    #[test]
    fn x86_insights_need_a_shared_mapping() {
        let app = App::new();
        let stack = Stack::builder().build(&app, "S").unwrap();
        let a =
            regional_fact(&stack, "cloudwatch-lambda-insights-version:1_0_98_0_x86_64").unwrap();
        regional_fact(&stack, "cloudwatch-lambda-insights-version:1_0_54_0_x86_64").unwrap();
        assert!(format!("{a:?}").contains("1x0x98x0xx86x64"));
        let children = stack.node().children();
        assert_eq!(children.len(), 1);
        assert_eq!(children[0].id(), "Cloudwatch-lambda-insights-versionMap");
    }

    #[test]
    fn known_region_gives_the_literal() {
        let app = App::new();
        let env = Environment {
            account: None,
            region: Some("eu-west-1".into()),
        };
        let stack = Stack::builder().env(env).build(&app, "S").unwrap();
        let v = regional_fact(&stack, "params-and-secrets-layer:1_0_103_x86_64").unwrap();
        assert!(v
            .as_literal_str()
            .unwrap()
            .starts_with("arn:aws:lambda:eu-west-1:"));
        let e = regional_fact(&stack, "no-such-fact").unwrap_err();
        assert!(e.to_string().contains("don't know no-such-fact"), "{e}");
    }

    #[test]
    fn mapping_keys_are_checked() {
        let app = App::new();
        let stack = Stack::builder().build(&app, "S").unwrap();
        let m = CfnMapping::builder().build(&stack, "M").unwrap();
        assert!(m.set_value("us-east-1", "not-alnum", "x").is_err());
        m.set_value("us-east-1", "key", "x").unwrap();
        assert!(m.find_in_map("eu-west-1", "key").is_err());
        assert!(m.find_in_map("us-east-1", "other").is_err());
        assert!(m.find_in_map("us-east-1", "key").is_ok());
    }
}
