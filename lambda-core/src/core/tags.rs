//! Tags applied to a construct and everything taggable below it (aws-cdk-lib's `Tags.of`).

use super::construct::Construct;
use super::tree::{NodeId, Tree};
use super::value::Value;
use crate::synth::collate::locale_compare;

/// How a resource type takes tags: the property, and whether it is a `[{Key, Value}]` list or
/// a `{key: value}` map (`AWS::SSM::Parameter`).
#[derive(Clone, Copy)]
enum TagFormat {
    List(&'static str),
    Map(&'static str),
}

/// The resource types aws-cdk-lib 2.276.0 tags through `Tags.of(scope)` (checked with oracle app
/// `tags-everywhere`), sorted by type. Versions, aliases, URLs, permissions, policies, mount
/// targets, routes and rules of security groups take no tags.
const TAGGABLE: &[(&str, TagFormat)] = &[
    ("AWS::CloudWatch::Alarm", TagFormat::List("Tags")),
    (
        "AWS::CodeGuruProfiler::ProfilingGroup",
        TagFormat::List("Tags"),
    ),
    ("AWS::DynamoDB::Table", TagFormat::List("Tags")),
    ("AWS::EC2::EIP", TagFormat::List("Tags")),
    (
        "AWS::EC2::EgressOnlyInternetGateway",
        TagFormat::List("Tags"),
    ),
    ("AWS::EC2::InternetGateway", TagFormat::List("Tags")),
    ("AWS::EC2::NatGateway", TagFormat::List("Tags")),
    ("AWS::EC2::RouteTable", TagFormat::List("Tags")),
    ("AWS::EC2::SecurityGroup", TagFormat::List("Tags")),
    ("AWS::EC2::Subnet", TagFormat::List("Tags")),
    ("AWS::EC2::VPC", TagFormat::List("Tags")),
    ("AWS::EFS::AccessPoint", TagFormat::List("AccessPointTags")),
    ("AWS::EFS::FileSystem", TagFormat::List("FileSystemTags")),
    ("AWS::Events::Rule", TagFormat::List("Tags")),
    ("AWS::IAM::Role", TagFormat::List("Tags")),
    ("AWS::KMS::Key", TagFormat::List("Tags")),
    ("AWS::Lambda::CodeSigningConfig", TagFormat::List("Tags")),
    ("AWS::Lambda::EventSourceMapping", TagFormat::List("Tags")),
    ("AWS::Lambda::Function", TagFormat::List("Tags")),
    ("AWS::Logs::LogGroup", TagFormat::List("Tags")),
    ("AWS::S3::Bucket", TagFormat::List("Tags")),
    ("AWS::SNS::Topic", TagFormat::List("Tags")),
    ("AWS::SQS::Queue", TagFormat::List("Tags")),
    ("AWS::SSM::Parameter", TagFormat::Map("Tags")),
    ("AWS::SecretsManager::Secret", TagFormat::List("Tags")),
    ("AWS::Signer::SigningProfile", TagFormat::List("Tags")),
];

/// The tags a resource gets from its scopes, and the property they go in.
#[derive(Clone, Debug)]
pub(crate) struct ResourceTags {
    /// `Tags`, or the type's own name for it (`FileSystemTags`, `AccessPointTags`).
    pub(crate) property: &'static str,
    /// The rendered tags.
    pub(crate) value: Value,
}

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
        self.set(key.into(), value.into(), None);
    }

    fn set(&self, key: String, value: String, only: Option<&'static str>) {
        let mut tree = self.node.app.tree_mut();
        let tags = &mut tree.node_mut(self.node.id).extra_mut().tags;
        match tags.iter_mut().find(|t| t.key == key && t.only == only) {
            Some(entry) => entry.value = value,
            None => tags.push(ScopeTag { key, value, only }),
        }
    }
}

/// The tags given to [`Stack::builder`](crate::Stack::builder)'s `tags`: from an array or
/// a `Vec` of `(key, value)` pairs, or collected from any iterator of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StackTags(pub Vec<(String, String)>);

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for StackTags {
    fn from_iter<T: IntoIterator<Item = (K, V)>>(iter: T) -> Self {
        StackTags(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl<K: Into<String>, V: Into<String>, const N: usize> From<[(K, V); N]> for StackTags {
    fn from(tags: [(K, V); N]) -> Self {
        tags.into_iter().collect()
    }
}

impl<K: Into<String>, V: Into<String>> From<Vec<(K, V)>> for StackTags {
    fn from(tags: Vec<(K, V)>) -> Self {
        tags.into_iter().collect()
    }
}

/// A tag set on a scope.
#[derive(Clone, Debug)]
pub(crate) struct ScopeTag {
    pub(crate) key: String,
    pub(crate) value: String,
    /// Only resources of this type take it (aws-cdk-lib's `includeResourceTypes`).
    pub(crate) only: Option<&'static str>,
}

/// The tags of resource `node` of type `type_name`: every tag of its scopes (the nearest
/// scope's value of a key wins, as aws-cdk-lib's tag aspects applied from the root down give),
/// sorted by key with `localeCompare` as aws-cdk-lib's `TagManager` renders them; `None` when
/// the type takes no tags or no scope has any. A resource aws-cdk-lib makes as a plain
/// `CfnResource` (a custom resource provider's role and function) is not taggable there.
pub(crate) fn tags_property(tree: &Tree, node: NodeId, type_name: &str) -> Option<ResourceTags> {
    let plain = tree
        .element(node)
        .and_then(|e| e.extra()?.tree_props)
        .is_some_and(|rule| rule.generic);
    if plain {
        return None;
    }
    let format = TAGGABLE
        .binary_search_by(|(t, _)| (*t).cmp(type_name))
        .ok()
        .map(|i| TAGGABLE[i].1)?;
    let mut tags = scope_tags(tree, node, Some(type_name));
    if tags.is_empty() {
        return None;
    }
    tags.sort_by(|a, b| locale_compare(a.0, b.0));
    Some(match format {
        TagFormat::List(property) => ResourceTags {
            property,
            value: Value::List(
                tags.into_iter()
                    .map(|(k, v)| {
                        Value::object([("Key", Value::from(k)), ("Value", Value::from(v))])
                    })
                    .collect(),
            ),
        },
        TagFormat::Map(property) => ResourceTags {
            property,
            value: Value::Object(
                tags.into_iter()
                    .map(|(k, v)| (k.to_string(), Value::from(v)))
                    .collect(),
            ),
        },
    })
}

/// The tags of stack `stack`, as `manifest.json` lists them for the CLI to deploy with the
/// stack, sorted with `localeCompare`: its own `tags`, and `Tags::of` the stack or a scope above
/// it (nearest winning, and over the stack's own, as aws-cdk-lib's tag aspects outrank the
/// tags a construct is created with) unless `@aws-cdk/core:explicitStackTags` is on.
pub(crate) fn stack_tags(tree: &Tree, stack: NodeId) -> Vec<(String, String)> {
    let mut tags = if tree.feature_flag(stack, super::flags::EXPLICIT_STACK_TAGS) {
        Vec::new()
    } else {
        scope_tags(tree, stack, None)
    };
    // The stack's own rank below `Tags::of`; of a key given twice, the later value counts (as
    // in a JavaScript object literal).
    let own: &[(String, String)] = tree.stack_data(stack).map_or(&[], |d| &d.tags);
    for (k, v) in own.iter().rev() {
        if !tags.iter().any(|(key, _)| key == k) {
            tags.push((k, v));
        }
    }
    tags.sort_by(|a, b| locale_compare(a.0, b.0));
    tags.into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// The `Tags::of` tags that reach `node`, each key once, the nearest scope's value winning (as
/// aws-cdk-lib's tag aspects applied from the root down give); tags meant for one resource type
/// count only for a resource of that type (`type_name`), never for a stack (`None`).
fn scope_tags<'t>(
    tree: &'t Tree,
    node: NodeId,
    type_name: Option<&str>,
) -> Vec<(&'t str, &'t str)> {
    let mut tags: Vec<(&str, &str)> = Vec::new();
    let mut cur = Some(node);
    while let Some(scope) = cur {
        let scope = tree.node(scope);
        for tag in scope.tags() {
            if tag.only.is_some_and(|only| Some(only) != type_name) {
                continue;
            }
            if !tags.iter().any(|(key, _)| *key == tag.key) {
                tags.push((&tag.key, &tag.value));
            }
        }
        cur = scope.parent;
    }
    tags
}

/// Sets tag `key` on `node` as a construct does for itself (aws-cdk-lib's
/// `Tags.of(this).add(...)` in a constructor, e.g. a VPC's `Name`): it reaches every taggable
/// resource below `node`, and a user's later `Tags::of(node).add(key, ..)` replaces it.
pub(crate) fn add_tag(node: &super::construct::ConstructNode, key: &str, value: impl Into<String>) {
    Tags { node: node.clone() }.set(key.into(), value.into(), None);
}

/// [`add_tag`] for resources of type `only` below `node` (`includeResourceTypes`), as a subnet
/// tags its `AWS::EC2::Subnet` with its group name and type, but not its route table.
pub(crate) fn add_tag_for(
    node: &super::construct::ConstructNode,
    only: &'static str,
    key: &str,
    value: impl Into<String>,
) {
    Tags { node: node.clone() }.set(key.into(), value.into(), Some(only));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_taggable_table_is_sorted_for_its_binary_search() {
        assert!(TAGGABLE.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
