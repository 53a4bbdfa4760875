//! Tags applied to a construct and everything taggable below it (aws-cdk-lib's `Tags.of`).

use super::construct::Construct;
use super::tree::{NodeId, Tree};
use super::value::Value;

/// CloudFormation types whose `Tags` property is a `[{Key, Value}]` list and that aws-cdk-lib
/// tags through `Tags.of(scope)`. Versions, aliases and policies take no tags.
const TAGGABLE: &[&str] = &[
    "AWS::CloudWatch::Alarm",
    "AWS::IAM::Role",
    "AWS::KMS::Key",
    "AWS::Lambda::Function",
    "AWS::Logs::LogGroup",
    "AWS::S3::Bucket",
    "AWS::SNS::Topic",
    "AWS::SQS::Queue",
];

/// Adds tags to a construct and every taggable resource under it.
pub struct Tags {
    node: super::construct::ConstructNode,
}

impl Tags {
    /// The tags of `scope` (`Tags.of(scope)`).
    pub fn of(scope: &dyn Construct) -> Tags {
        Tags { node: scope.node() }
    }

    /// Sets tag `key` to `value` on every taggable resource under the scope; a tag set on a
    /// nearer scope wins over the same key set further up.
    pub fn add(&self, key: impl Into<String>, value: impl Into<String>) {
        let (key, value) = (key.into(), value.into());
        let mut tree = self.node.app.tree_mut();
        let tags = &mut tree.node_mut(self.node.id).extra_mut().tags;
        match tags.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => tags.push((key, value)),
        }
    }
}

/// The `Tags` property of resource `node` of type `type_name`: every tag of its scopes,
/// sorted by key as aws-cdk-lib writes them, or `None` when untaggable or untagged.
pub(crate) fn tags_property(tree: &Tree, node: NodeId, type_name: &str) -> Option<Value> {
    if !TAGGABLE.contains(&type_name) {
        return None;
    }
    // From the resource up: the nearest scope's value of a key wins.
    let mut tags: Vec<(&str, &str)> = Vec::new();
    let mut cur = Some(node);
    while let Some(scope) = cur {
        let scope = tree.node(scope);
        for (k, v) in scope.tags() {
            if !tags.iter().any(|(key, _)| key == k) {
                tags.push((k, v));
            }
        }
        cur = scope.parent;
    }
    if tags.is_empty() {
        return None;
    }
    tags.sort_by(|a, b| a.0.cmp(b.0));
    Some(Value::List(
        tags.into_iter()
            .map(|(k, v)| Value::object([("Key", Value::from(k)), ("Value", Value::from(v))]))
            .collect(),
    ))
}
