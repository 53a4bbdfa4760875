//! Turning [`Value`]s into CloudFormation JSON once every logical ID is known. A reference to
//! an element of another stack is written as the import the cross-stack references pass of
//! synthesis wired for it (`Fn::ImportValue`, `Fn::GetStackOutput`).

use std::cell::RefCell;

use serde_json::{Map, Value as Json};

use super::construct::Construct;
use super::ids::LogicalIds;
use super::references::Reference;
use super::tree::{NodeId, Tree};
use super::value::{ElementRef, Target, Value};
use crate::{Error, Result};

/// What a lazy value sees at synthesis: the final tree and the logical IDs of the stack whose
/// template is being written. [`Lazy`](crate::Lazy) closures get one.
pub struct Resolver<'a> {
    pub(crate) tree: &'a Tree,
    pub(crate) stack: NodeId,
    pub(crate) ids: &'a LogicalIds,
    /// Set while synthesis searches for cross-stack references: references to another stack's
    /// elements that are not wired yet are noted here and written as that stack would write
    /// them (as aws-cdk-lib's references resolve before it prepares the app).
    found: Option<&'a RefCell<Vec<Reference>>>,
}

impl<'a> Resolver<'a> {
    /// A resolver for the templates of `stack`, every reference wired.
    pub(crate) fn new(tree: &'a Tree, stack: NodeId, ids: &'a LogicalIds) -> Self {
        Resolver {
            tree,
            stack,
            ids,
            found: None,
        }
    }

    /// A resolver that notes, in `found`, the references to other stacks' elements that are not
    /// wired yet, and writes them as their own stack would.
    pub(crate) fn searching(
        tree: &'a Tree,
        stack: NodeId,
        ids: &'a LogicalIds,
        found: &'a RefCell<Vec<Reference>>,
    ) -> Self {
        Resolver {
            tree,
            stack,
            ids,
            found: Some(found),
        }
    }

    /// The logical ID of `element`, an element of the stack being written.
    ///
    /// An element of another stack has no logical ID here (the stack reads its values through
    /// an import), and an element whose own ID is computed lazily may not ask for another lazy
    /// one: both are errors.
    pub fn element_logical_id(&self, element: &ElementRef) -> Result<String> {
        self.logical_id(element.0)
    }

    /// Whether feature flag `flag` is on at `scope`: its context, else aws-cdk-lib's default.
    pub fn feature_flag_at(&self, scope: &dyn Construct, flag: &str) -> bool {
        self.feature_flag(scope.node().id, flag)
    }

    /// The construct path of the stack whose template is being written.
    pub fn stack_path(&self) -> String {
        self.tree.path(self.stack)
    }

    /// The logical ID of an element of this stack.
    pub(crate) fn logical_id(&self, node: NodeId) -> Result<String> {
        self.logical_id_str(node).map(str::to_owned)
    }

    /// The logical ID of an element of this stack, borrowed from the table.
    pub(crate) fn logical_id_str(&self, node: NodeId) -> Result<&'a str> {
        if self.found.is_none() && self.tree.stack_of(node) != Some(self.stack) {
            return Err(Error::Synth(format!(
                "{} belongs to another stack than {}: reference its values (Ref, Fn::GetAtt), not its logical ID",
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

    /// What this stack writes for the `Ref` (`attribute` `None`) or `Fn::GetAtt` of `target`
    /// when `target` belongs to another stack (the import the references pass wired); `None`
    /// when it is this stack's own.
    pub(crate) fn foreign(
        &self,
        target: &Target,
        attribute: Option<&str>,
    ) -> Result<Option<&'a Value>> {
        let Target::Element(e) = target else {
            return Ok(None);
        };
        let node = e.0;
        if self.tree.stack_of(node) == Some(self.stack) {
            return Ok(None);
        }
        if let Some(import) = self.tree.cross_stack.import(self.stack, node, attribute) {
            return Ok(Some(import));
        }
        match self.found {
            Some(found) => {
                found.borrow_mut().push(Reference {
                    consumer: self.stack,
                    target: node,
                    attribute: attribute.map(str::to_owned),
                });
                Ok(None)
            }
            None => Err(Error::Synth(format!(
                "{} is referenced from stack {} but belongs to another stack, and the reference was not wired (a value computed at synthesis that only a lazy logical ID reads?)",
                self.tree.path(node),
                self.tree.path(self.stack)
            ))),
        }
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
            Value::Ref(target) => match self.foreign(target, None)? {
                Some(import) => return self.resolve(import),
                None => single("Ref", self.target(target)?),
            },
            Value::GetAtt(target, attr) => match self.foreign(target, Some(attr))? {
                Some(import) => return self.resolve(import),
                None => single(
                    "Fn::GetAtt",
                    Json::Array(vec![self.target(target)?, Json::String(attr.clone())]),
                ),
            },
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

    /// Walks a value as [`resolve`](Self::resolve) would, lazy parts evaluated, without building
    /// the JSON: what the search for cross-stack references needs.
    pub(crate) fn visit(&self, value: &Value) -> Result<()> {
        match value {
            Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Sub(_) => {}
            Value::List(items) | Value::Join(_, items) => {
                for item in items {
                    self.visit(item)?;
                }
            }
            Value::Object(entries) => {
                for (_, v) in entries {
                    self.visit(v)?;
                }
            }
            Value::Ref(target) => {
                if let Some(import) = self.foreign(target, None)? {
                    self.visit(import)?;
                }
            }
            Value::GetAtt(target, attr) => {
                if let Some(import) = self.foreign(target, Some(attr))? {
                    self.visit(import)?;
                }
            }
            Value::Select(_, inner) | Value::Split(_, inner) => self.visit(inner)?,
            Value::FindInMap(_, key, _) => self.visit(key)?,
            Value::Shared(inner) => self.visit(inner)?,
            Value::Lazy(lazy) => {
                if let Some(v) = (lazy.0)(self)? {
                    self.visit(&v)?;
                }
            }
        }
        Ok(())
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
    pub(crate) fn render_metadata(&self, node: NodeId) -> super::element::RenderMetadata {
        super::element::RenderMetadata {
            path: self
                .feature_flag(node, super::flags::PATH_METADATA)
                .then(|| self.tree.path(node)),
            asset: self.feature_flag(node, super::flags::ASSET_METADATA),
            tags: self
                .tree
                .element(node)
                .and_then(|e| super::tags::tags_property(self.tree, node, &e.type_name)),
        }
    }

    /// A feature flag as seen from `node` (its context, else aws-cdk-lib's default).
    pub(crate) fn feature_flag(&self, node: NodeId, flag: &str) -> bool {
        self.tree.feature_flag(node, flag)
    }
}
