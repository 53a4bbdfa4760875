//! `FunctionVersionUpgrade`: the one-time change that makes every function publish a new
//! version when a feature flag that changes version hashes is switched.

use serde_json::Value as Json;

use crate::core::construct::Construct;
use crate::core::construct::ConstructNode;
use crate::core::element::CfnResource;
use crate::core::tree::ROOT;
use crate::lambda::function_hash::FunctionRegistry;
use crate::synth::ids::LogicalIds;
use crate::synth::resolve::Resolver;
use crate::synth::template::{elements_of, logical_ids_searching};

/// aws-cdk-lib's `FunctionVersionUpgrade` aspect: for every function under a scope whose
/// `flag` is `enabled`, appends ` version-hash:<hash>` to its description (or sets
/// `version-hash:<hash>`), so its version changes once when the flag is flipped.
pub struct FunctionVersionUpgrade;

impl FunctionVersionUpgrade {
    /// Applies the upgrade to every function under `scope` at synthesis.
    pub fn apply(scope: &dyn Construct, flag: &str, enabled: bool) {
        let scope = scope.node();
        let flag = flag.to_owned();
        let hook_scope = scope.clone();
        scope
            .app
            .tree_mut()
            .prepare_hooks
            .push(std::rc::Rc::new(move |app| {
                let targets: Vec<_> = {
                    let tree = app.tree();
                    let under = tree.preorder(hook_scope.id);
                    tree.extension::<FunctionRegistry>()
                        .iter()
                        .flat_map(|x| &x.function_hashers)
                        .filter(|(n, _)| under.contains(n))
                        .cloned()
                        .collect()
                };
                for (l1, hasher) in targets {
                    let node = ConstructNode::new(app, l1);
                    if node.feature_flag(&flag) != enabled {
                        continue;
                    }
                    let description = {
                        let tree = app.tree();
                        let Some(stack) = tree.stack_of(l1) else {
                            continue;
                        };
                        // Before references are wired, as aws-cdk-lib's aspects see them.
                        let found = std::cell::RefCell::default();
                        // Every stack's IDs: a reference to another stack reads as its own `Ref`.
                        let mut ids = LogicalIds::with_nodes(tree.nodes.len());
                        for &s in &tree.node(ROOT).children {
                            if tree.node(s).is_stack() {
                                let elements = elements_of(&tree, s);
                                logical_ids_searching(&tree, s, &elements, &mut ids, &found)?;
                            }
                        }
                        let r = Resolver::searching(&tree, stack, &ids, &found);
                        let hash = hasher(&r)?;
                        let existing = tree
                            .element(l1)
                            .and_then(|e| e.properties.get("Description"))
                            .map(|d| r.resolve(d))
                            .transpose()?
                            .flatten();
                        match existing {
                            Some(Json::String(d)) => format!("{d} version-hash:{hash}"),
                            _ => format!("version-hash:{hash}"),
                        }
                    };
                    CfnResource::from_node(node).add_property_override("Description", description);
                }
                Ok(())
            }));
    }
}
