//! Turning [`Value`]s into CloudFormation JSON once every logical ID is known.

use serde_json::{Map, Value as Json};

use crate::core::tree::{NodeId, Tree};
use crate::core::value::{Target, Value};
use crate::{Error, Result};

/// What a lazy value sees at synthesis: the final tree and the stack's logical IDs.
pub struct Resolver<'a> {
    pub(crate) tree: &'a Tree,
    pub(crate) stack: NodeId,
    pub(crate) ids: &'a super::ids::LogicalIds,
}

impl<'a> Resolver<'a> {
    /// The logical ID of an element of this stack.
    pub(crate) fn logical_id(&self, node: NodeId) -> Result<String> {
        self.logical_id_str(node).map(str::to_owned)
    }

    /// The logical ID of an element of this stack, borrowed from the table.
    pub(crate) fn logical_id_str(&self, node: NodeId) -> Result<&'a str> {
        if self.tree.stack_of(node) != Some(self.stack) {
            return Err(Error::Synth(format!(
                "{} is referenced from stack {} but belongs to another stack; cross-stack references are not supported",
                self.tree.path(node),
                self.tree.path(self.stack)
            )));
        }
        self.ids.get(node).ok_or_else(|| {
            Error::Synth(format!(
                "the logical ID of {} is not known yet (a lazy logical ID may not refer to another one)",
                self.tree.path(node)
            ))
        })
    }

    /// Resolves a value; `None` means it is absent and its key or list slot is dropped.
    pub fn resolve(&self, value: &Value) -> Result<Option<Json>> {
        Ok(Some(match value {
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.clone()),
            Value::String(s) => Json::String(s.clone()),
            Value::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    if let Some(v) = self.resolve(item)? {
                        out.push(v);
                    }
                }
                Json::Array(out)
            }
            Value::Object(entries) => {
                let mut out = Map::with_capacity(entries.len());
                for (k, v) in entries {
                    if let Some(v) = self.resolve(v)? {
                        out.insert(k.clone(), v);
                    }
                }
                Json::Object(out)
            }
            Value::Ref(target) => single("Ref", self.target(target)?),
            Value::GetAtt(target, attr) => single(
                "Fn::GetAtt",
                Json::Array(vec![self.target(target)?, Json::String(attr.clone())]),
            ),
            Value::Join(delimiter, parts) => {
                let mut out = Vec::with_capacity(parts.len());
                for part in parts {
                    if let Some(v) = self.resolve(part)? {
                        out.push(v);
                    }
                }
                single(
                    "Fn::Join",
                    Json::Array(vec![Json::String(delimiter.clone()), Json::Array(out)]),
                )
            }
            Value::Sub(template) => single("Fn::Sub", Json::String(template.clone())),
            Value::Select(index, list) => single(
                "Fn::Select",
                Json::Array(vec![Json::from(*index), self.required(list)?]),
            ),
            Value::Split(delimiter, source) => single(
                "Fn::Split",
                Json::Array(vec![
                    Json::String(delimiter.clone()),
                    self.required(source)?,
                ]),
            ),
            Value::FindInMap(mapping, key, second) => single(
                "Fn::FindInMap",
                Json::Array(vec![
                    self.target(mapping)?,
                    self.required(key)?,
                    Json::String(second.clone()),
                ]),
            ),
            Value::Shared(inner) => return self.resolve(inner),
            Value::Lazy(lazy) => match (lazy.0)(self)? {
                Some(v) => return self.resolve(&v),
                None => return Ok(None),
            },
        }))
    }

    fn required(&self, value: &Value) -> Result<Json> {
        Ok(self.resolve(value)?.unwrap_or(Json::Null))
    }

    fn target(&self, target: &Target) -> Result<Json> {
        Ok(Json::String(match target {
            Target::Pseudo(p) => p.name().to_owned(),
            Target::Element(e) => self.logical_id(e.0)?,
        }))
    }
}

fn single(key: &str, value: Json) -> Json {
    let mut map = Map::with_capacity(1);
    map.insert(key.to_owned(), value);
    Json::Object(map)
}

impl Resolver<'_> {
    /// The metadata the CLI's context asks `node` to carry.
    pub(crate) fn render_metadata(&self, node: NodeId) -> crate::core::element::RenderMetadata {
        crate::core::element::RenderMetadata {
            path: self
                .feature_flag(node, crate::core::flags::PATH_METADATA)
                .then(|| self.tree.path(node)),
            asset: self.feature_flag(node, crate::core::flags::ASSET_METADATA),
            tags: self
                .tree
                .element(node)
                .and_then(|e| crate::core::tags::tags_property(self.tree, node, &e.type_name)),
        }
    }

    /// A feature flag as seen from `node` (its context, else aws-cdk-lib's default).
    pub(crate) fn feature_flag(&self, node: NodeId, flag: &str) -> bool {
        self.tree.feature_flag(node, flag)
    }
}
