//! The logical IDs of an app's elements, assigned at synthesis.

use crate::core::tree::NodeId;

/// Logical ID by node. Node indexes are small and dense, so a table beats hashing: synthesis looks
/// an ID up for every reference, every `tree.json` node and every metadata entry.
#[derive(Default)]
pub(crate) struct LogicalIds {
    ids: Vec<Option<String>>,
}

impl LogicalIds {
    /// A table with room for the nodes of a tree of `nodes` nodes.
    pub(crate) fn with_nodes(nodes: usize) -> Self {
        LogicalIds {
            ids: vec![None; nodes],
        }
    }

    /// The logical ID of `node`, once assigned.
    pub(crate) fn get(&self, node: NodeId) -> Option<&str> {
        self.ids.get(node.0)?.as_deref()
    }

    /// Assigns `id` to `node`.
    pub(crate) fn insert(&mut self, node: NodeId, id: String) {
        if node.0 >= self.ids.len() {
            self.ids.resize(node.0 + 1, None);
        }
        self.ids[node.0] = Some(id);
    }
}
