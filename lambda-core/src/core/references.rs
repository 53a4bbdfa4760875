//! Cross-stack references: how a stack reads a value of another stack of the app, once the
//! synthesis pass that finds them has wired each one (aws-cdk-lib's `resolveReferences`).

use super::tree::NodeId;
use super::value::Value;

/// A `Ref` (no attribute) or `Fn::GetAtt` of an element, used by an element of another stack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reference {
    /// The stack whose template holds the reference.
    pub(crate) consumer: NodeId,
    /// The element referred to (it belongs to another stack).
    pub(crate) target: NodeId,
    /// The `Fn::GetAtt` attribute, `None` for a `Ref`.
    pub(crate) attribute: Option<String>,
}

impl Reference {
    /// aws-cdk-lib's display name of the reference: `Ref`, or the attribute.
    pub(crate) fn display_name(&self) -> &str {
        self.attribute.as_deref().unwrap_or("Ref")
    }
}

/// The wired references of the app and the stack dependencies they made.
#[derive(Default)]
pub(crate) struct CrossStackReferences {
    /// What each reference is written as in its consumer (`Fn::ImportValue`, `Fn::GetStackOutput`).
    imports: Vec<(Reference, Value)>,
    /// Stack -> the stacks it depends on, each with the first reason given, in the order added.
    dependencies: Vec<(NodeId, Vec<(NodeId, String)>)>,
    /// Whether the app was warned about the reference strength (aws-cdk-lib warns once).
    pub(crate) warned: bool,
}

impl CrossStackReferences {
    /// What `consumer` writes for the `Ref` (`attribute` `None`) or `Fn::GetAtt` of `target`.
    pub(crate) fn import(
        &self,
        consumer: NodeId,
        target: NodeId,
        attribute: Option<&str>,
    ) -> Option<&Value> {
        self.imports
            .iter()
            .find(|(r, _)| {
                r.consumer == consumer && r.target == target && r.attribute.as_deref() == attribute
            })
            .map(|(_, v)| v)
    }

    /// Records how `reference` is written in its consumer.
    pub(crate) fn add_import(&mut self, reference: Reference, value: Value) {
        if self
            .import(
                reference.consumer,
                reference.target,
                reference.attribute.as_deref(),
            )
            .is_none()
        {
            self.imports.push((reference, value));
        }
    }

    /// The stacks `stack` depends on, in the order added.
    pub(crate) fn dependencies_of(&self, stack: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.dependencies
            .iter()
            .filter(move |(s, _)| *s == stack)
            .flat_map(|(_, deps)| deps.iter().map(|(d, _)| *d))
    }

    /// The reasons on a dependency path from `from` to `to` (`Some(empty)` when they are the
    /// same stack, `None` when `from` does not depend on `to`).
    pub(crate) fn dependency_reasons(&self, from: NodeId, to: NodeId) -> Option<Vec<String>> {
        if from == to {
            return Some(Vec::new());
        }
        let deps = self.dependencies.iter().find(|(s, _)| *s == from)?;
        for (dep, reason) in &deps.1 {
            if let Some(rest) = self.dependency_reasons(*dep, to) {
                let mut reasons = vec![reason.clone()];
                reasons.extend(rest);
                return Some(reasons);
            }
        }
        None
    }

    /// Makes `stack` depend on `target` for `reason` (kept only if it is the first for the
    /// pair). The caller checks for cycles first.
    pub(crate) fn add_dependency(&mut self, stack: NodeId, target: NodeId, reason: String) {
        let i = match self.dependencies.iter().position(|(s, _)| *s == stack) {
            Some(i) => i,
            None => {
                self.dependencies.push((stack, Vec::new()));
                self.dependencies.len() - 1
            }
        };
        let deps = &mut self.dependencies[i].1;
        if !deps.iter().any(|(d, _)| *d == target) {
            deps.push((target, reason));
        }
    }
}
