//! The construct tree: an arena of nodes owned by the app, addressed by index.

use std::any::{Any, TypeId};
use std::borrow::Cow;
use std::rc::Rc;

use serde_json::{Map, Value as Json};

use super::element::{Element, Section};
use super::references::CrossStackReferences;
use super::stack::StackData;
use crate::App;
use crate::Result;

/// Index of a node in the app's arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct NodeId(pub(crate) usize);

/// A hook run in the prepare phase of synthesis (a construct finalizing itself).
pub(crate) type PrepareHook = Rc<dyn Fn(&App) -> Result<()>>;

/// What a node is, with what it holds (kept apart from the [`Node`]).
pub(crate) enum NodeKind {
    Root,
    Stack(Box<StackData>),
    Construct,
    Element(Box<Element>),
}

/// What a node is, without what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Root,
    Stack,
    Construct,
    Element(Section),
}

/// A node of the tree. Nodes hold plain data only (what [`NodeKind`] holds, values with lazy
/// parts, lives beside them), so `tree.json` and stack metadata can be written from another
/// thread while the templates are rendered.
pub(crate) struct Node {
    pub(crate) id: String,
    pub(crate) parent: Option<NodeId>,
    pub(crate) children: Vec<NodeId>,
    pub(crate) shape: Shape,
    /// The CloudFormation type of a resource (empty otherwise), for tree.json.
    pub(crate) cfn_type: Cow<'static, str>,
    /// aws-cdk-lib's fully qualified construct name, for tree.json.
    pub(crate) fqn: &'static str,
    /// What few nodes carry, boxed so that the many that do not stay small.
    extra: Option<Box<NodeExtra>>,
}

#[derive(Default)]
pub(crate) struct NodeExtra {
    pub(crate) context: Map<String, Json>,
    /// Constructs this node depends on (`node.addDependency`).
    pub(crate) dependencies: Vec<NodeId>,
    /// `Tags.of(node).add(key, value)`, in the order added.
    pub(crate) tags: Vec<super::tags::ScopeTag>,
    /// Warnings and infos (`aws:cdk:warning`, `aws:cdk:info`) with their message.
    pub(crate) annotations: Vec<(&'static str, String)>,
    /// Validation rules acknowledged here (`aws:cdk:acknowledged-rules`): rule id and reason.
    pub(crate) acknowledged: Vec<(&'static str, &'static str)>,
}

impl Node {
    fn new(id: String, parent: Option<NodeId>, kind: &NodeKind, fqn: &'static str) -> Self {
        let (shape, cfn_type) = match kind {
            NodeKind::Root => (Shape::Root, Cow::Borrowed("")),
            NodeKind::Stack(_) => (Shape::Stack, Cow::Borrowed("")),
            NodeKind::Construct => (Shape::Construct, Cow::Borrowed("")),
            NodeKind::Element(e) => (Shape::Element(e.section), e.type_name.clone()),
        };
        Node {
            id,
            parent,
            children: Vec::new(),
            shape,
            cfn_type,
            fqn,
            extra: None,
        }
    }

    pub(crate) fn is_stack(&self) -> bool {
        self.shape == Shape::Stack
    }

    /// Context set on this node.
    pub(crate) fn context_value(&self, key: &str) -> Option<&Json> {
        self.extra.as_ref()?.context.get(key)
    }

    pub(crate) fn dependencies(&self) -> &[NodeId] {
        self.extra.as_ref().map_or(&[], |e| &e.dependencies)
    }

    pub(crate) fn tags(&self) -> &[super::tags::ScopeTag] {
        self.extra.as_ref().map_or(&[], |e| &e.tags)
    }

    pub(crate) fn acknowledged(&self) -> &[(&'static str, &'static str)] {
        self.extra.as_ref().map_or(&[], |e| &e.acknowledged)
    }

    pub(crate) fn annotations(&self) -> &[(&'static str, String)] {
        self.extra.as_ref().map_or(&[], |e| &e.annotations)
    }

    /// The rarely set parts, created on first write.
    pub(crate) fn extra_mut(&mut self) -> &mut NodeExtra {
        self.extra.get_or_insert_with(Box::default)
    }
}

/// Children of the parents with many children, by (parent, id), for the duplicate-id check:
/// node indexes with the hash of their parent and id, compared against the arena, so no id is
/// stored twice. Parents with a few children are searched directly.
type ChildIndex = hashbrown::HashTable<(u64, NodeId)>;

/// Children a parent may have before they go into the [`ChildIndex`].
const SCAN_LIMIT: usize = 16;

fn child_hash(parent: NodeId, id: &str) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = foldhash::fast::FixedState::default().build_hasher();
    parent.hash(&mut h);
    id.hash(&mut h);
    h.finish()
}

pub(crate) struct Tree {
    pub(crate) nodes: Vec<Node>,
    /// What each node holds, by node index.
    kinds: Vec<NodeKind>,
    by_parent_and_id: ChildIndex,
    pub(crate) prepare_hooks: Vec<PrepareHook>,
    /// State that construct modules keep for the whole app, one value per type.
    extensions: Extensions,
    /// References between stacks, wired at synthesis.
    pub(crate) cross_stack: CrossStackReferences,
    /// Whether any node besides the root has context.
    context_below_root: bool,
    /// Feature flags looked up while only the root has context.
    flag_cache: std::cell::RefCell<Vec<(String, bool)>>,
}

/// App-wide state of construct modules, one value per type (a small type map). The tree keeps
/// it without knowing what it is: a module defines its own type and finds it again by type, so
/// the core depends on no construct module.
#[derive(Default)]
struct Extensions {
    /// Few types ever register: a list beats hashing.
    values: Vec<(TypeId, Box<dyn Any>)>,
}

impl Extensions {
    fn get<T: 'static>(&self) -> Option<&T> {
        let id = TypeId::of::<T>();
        self.values
            .iter()
            .find(|(t, _)| *t == id)
            .and_then(|(_, v)| v.downcast_ref())
    }

    fn get_or_default<T: Default + 'static>(&mut self) -> &mut T {
        let id = TypeId::of::<T>();
        let i = match self.values.iter().position(|(t, _)| *t == id) {
            Some(i) => i,
            None => {
                self.values.push((id, Box::new(T::default())));
                self.values.len() - 1
            }
        };
        self.values[i]
            .1
            .downcast_mut()
            .expect("an extension is stored under its own type")
    }
}

pub(crate) const ROOT: NodeId = NodeId(0);

/// A point in the tree's history (see [`Tree::mark`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct TreeMark {
    nodes: usize,
    prepare_hooks: usize,
}

impl Tree {
    pub(crate) fn new() -> Self {
        Tree {
            nodes: vec![Node::new(
                String::new(),
                None,
                &NodeKind::Root,
                "aws-cdk-lib.App",
            )],
            kinds: vec![NodeKind::Root],
            by_parent_and_id: ChildIndex::new(),
            prepare_hooks: Vec::new(),
            extensions: Extensions::default(),
            cross_stack: CrossStackReferences::default(),
            context_below_root: false,
            flag_cache: std::cell::RefCell::default(),
        }
    }

    pub(crate) fn add(
        &mut self,
        parent: NodeId,
        id: &str,
        kind: NodeKind,
        fqn: &'static str,
    ) -> Result<NodeId> {
        let sanitized = sanitize_id(id);
        let id = &*sanitized;
        if id.is_empty() {
            return Err(crate::Error::EmptyId {
                parent: self.describe(parent),
            });
        }
        if self.child(parent, id).is_some() {
            return Err(crate::Error::DuplicateId {
                id: id.to_owned(),
                parent: self.describe(parent),
            });
        }
        if matches!(kind, NodeKind::Element(_)) && self.stack_of(parent).is_none() {
            return Err(self.outside_stack(parent, id, fqn));
        }
        let node = NodeId(self.nodes.len());
        self.nodes
            .push(Node::new(id.to_owned(), Some(parent), &kind, fqn));
        self.kinds.push(kind);
        self.nodes[parent.0].children.push(node);
        let siblings = &self.nodes[parent.0].children;
        let newly_indexed = match siblings.len() {
            n if n <= SCAN_LIMIT => &[][..],
            n if n == SCAN_LIMIT + 1 => &siblings[..],
            n => &siblings[n - 1..],
        };
        for &c in newly_indexed {
            let hash = child_hash(parent, &self.nodes[c.0].id);
            self.by_parent_and_id
                .insert_unique(hash, (hash, c), |&(h, _)| h);
        }
        Ok(node)
    }

    /// How errors name a scope: `App`, or `<path> [<id>]`.
    fn describe(&self, node: NodeId) -> String {
        if node == ROOT {
            "App".to_owned()
        } else {
            format!("{} [{}]", self.path(node), self.nodes[node.0].id)
        }
    }

    /// aws-cdk-lib's `ShouldBeCreatedInStackScope` for a CloudFormation element `id` about to be
    /// added under `parent`, outside any stack. Like aws-cdk-lib it names the construct that
    /// needs a stack: the L2 whose `Resource` this is (`Role at 'Fn/ServiceRole'`), or the
    /// element itself (`CfnResource at 'R'`).
    fn outside_stack(&self, parent: NodeId, id: &str, fqn: &'static str) -> crate::Error {
        let parent_node = &self.nodes[parent.0];
        let l2 = parent != ROOT && id == "Resource" && parent_node.shape == Shape::Construct;
        let (class_fqn, path) = if l2 {
            (parent_node.fqn, self.path(parent))
        } else if parent == ROOT {
            (fqn, id.to_owned())
        } else {
            (fqn, format!("{}/{id}", self.path(parent)))
        };
        let class = class_fqn.rsplit('.').next().unwrap_or(class_fqn);
        crate::Error::validation(
            "ShouldBeCreatedInStackScope",
            format!(
                "{class} at '{path}' should be created in the scope of a Stack, but no Stack found"
            ),
            path,
        )
    }

    /// Where the tree stands now, for [`Tree::rollback`].
    pub(crate) fn mark(&self) -> TreeMark {
        TreeMark {
            nodes: self.nodes.len(),
            prepare_hooks: self.prepare_hooks.len(),
        }
    }

    /// Removes every node (and prepare hook) added since `mark`, so a construct whose build
    /// failed half-way leaves nothing behind. Nodes are only ever appended, so what came after
    /// the mark is a suffix of the arena, and the children lists that name those nodes end
    /// with them.
    pub(crate) fn rollback(&mut self, mark: TreeMark) {
        if self.nodes.len() <= mark.nodes {
            return;
        }
        let first = NodeId(mark.nodes);
        for n in mark.nodes..self.nodes.len() {
            let Some(parent) = self.nodes[n].parent else {
                continue;
            };
            if parent < first {
                let children = &mut self.nodes[parent.0].children;
                if let Some(cut) = children.iter().position(|c| *c >= first) {
                    children.truncate(cut);
                }
            }
        }
        self.nodes.truncate(mark.nodes);
        // Parents back under the scan limit are searched directly again; their entries go, so
        // that crossing the limit later indexes each child once.
        let nodes = &self.nodes;
        self.by_parent_and_id.retain(|&mut (_, n)| {
            n < first
                && nodes[n.0]
                    .parent
                    .is_some_and(|p| nodes[p.0].children.len() > SCAN_LIMIT)
        });
        self.kinds.truncate(mark.nodes);
        self.prepare_hooks.truncate(mark.prepare_hooks);
    }

    /// The child of `parent` called `id`.
    pub(crate) fn child(&self, parent: NodeId, id: &str) -> Option<NodeId> {
        let nodes = &self.nodes;
        let children = &nodes[parent.0].children;
        if children.len() <= SCAN_LIMIT {
            return children.iter().copied().find(|c| nodes[c.0].id == id);
        }
        let hash = child_hash(parent, id);
        let same = |&(h, n): &(u64, NodeId)| {
            h == hash && nodes[n.0].parent == Some(parent) && nodes[n.0].id == id
        };
        self.by_parent_and_id.find(hash, same).map(|&(_, n)| n)
    }

    /// The app-wide state of type `T` a construct module registered, if any.
    pub(crate) fn extension<T: 'static>(&self) -> Option<&T> {
        self.extensions.get()
    }

    /// The app-wide state of type `T`, created empty on first use.
    pub(crate) fn extension_mut<T: Default + 'static>(&mut self) -> &mut T {
        self.extensions.get_or_default()
    }

    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0]
    }

    pub(crate) fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.0]
    }

    /// The construct path, ids joined by `/` from below the root: `MyStack/MyFunction/Resource`.
    pub(crate) fn path(&self, id: NodeId) -> String {
        path_of(&self.nodes, id)
    }

    /// The stack a node belongs to (the nearest stack ancestor, itself included).
    pub(crate) fn stack_of(&self, id: NodeId) -> Option<NodeId> {
        let mut cur = Some(id);
        while let Some(n) = cur {
            if self.nodes[n.0].is_stack() {
                return Some(n);
            }
            cur = self.nodes[n.0].parent;
        }
        None
    }

    /// Path components below the owning stack, as logical IDs are computed from.
    pub(crate) fn components_below_stack(&self, id: NodeId) -> Vec<&str> {
        let mut out = Vec::new();
        components_below_stack(&self.nodes, id, &mut out);
        out
    }

    /// Depth-first pre-order walk under `id` (included), children in creation order.
    pub(crate) fn preorder(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n.0].children.iter().rev());
        }
        out
    }

    /// Sets context `key` on node `id` (for it and everything below it).
    pub(crate) fn set_context(&mut self, id: NodeId, key: String, value: Json) {
        if id != ROOT {
            self.context_below_root = true;
        }
        self.flag_cache.get_mut().clear();
        self.nodes[id.0].extra_mut().context.insert(key, value);
    }

    /// Replaces the root's context (the app's merged context).
    pub(crate) fn set_root_context(&mut self, context: Map<String, Json>) {
        self.flag_cache.get_mut().clear();
        self.nodes[ROOT.0].extra_mut().context = context;
    }

    /// Whether feature flag `flag` is on at `id`: the nearest context value, else aws-cdk-lib's
    /// default. Synthesis asks for the same few flags at every element; while only the app sets
    /// context (the usual case) the answers are the same everywhere and are kept.
    pub(crate) fn feature_flag(&self, id: NodeId, flag: &str) -> bool {
        if self.context_below_root {
            return super::flags::flag_value(self.context(id, flag), flag);
        }
        if let Some(&(_, on)) = self.flag_cache.borrow().iter().find(|(f, _)| f == flag) {
            return on;
        }
        let on = super::flags::flag_value(self.nodes[ROOT.0].context_value(flag), flag);
        self.flag_cache.borrow_mut().push((flag.to_owned(), on));
        on
    }

    /// Context value for `key` seen from `id`: the nearest node that sets it wins.
    pub(crate) fn context(&self, id: NodeId, key: &str) -> Option<&Json> {
        let mut cur = Some(id);
        while let Some(n) = cur {
            if let Some(v) = self.nodes[n.0].context_value(key) {
                return Some(v);
            }
            cur = self.nodes[n.0].parent;
        }
        None
    }

    /// The app's context as the root node holds it.
    pub(crate) fn root_context(&self) -> Map<String, Json> {
        self.nodes[ROOT.0]
            .extra
            .as_ref()
            .map(|e| e.context.clone())
            .unwrap_or_default()
    }

    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.kinds[id.0] {
            NodeKind::Element(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn element_mut(&mut self, id: NodeId) -> Option<&mut Element> {
        match &mut self.kinds[id.0] {
            NodeKind::Element(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn stack_data(&self, id: NodeId) -> Option<&StackData> {
        match &self.kinds[id.0] {
            NodeKind::Stack(data) => Some(data),
            _ => None,
        }
    }

    pub(crate) fn stack_data_mut(&mut self, id: NodeId) -> Option<&mut StackData> {
        match &mut self.kinds[id.0] {
            NodeKind::Stack(data) => Some(data),
            _ => None,
        }
    }
}

/// A construct id as the `constructs` library stores it: the separators of paths (`/`) and of
/// addresses (a newline) become `--`, so one id never reads as several path components.
pub(crate) fn sanitize_id(id: &str) -> Cow<'_, str> {
    if id.contains(['/', '\n']) {
        Cow::Owned(id.replace(['/', '\n'], "--"))
    } else {
        Cow::Borrowed(id)
    }
}

/// Runs `build` (a construct being built in `app`) and, if it fails, removes whatever it had
/// added to the tree: a failed `build(scope, id)` leaves nothing behind, so a retry with the same
/// id works and synthesis never writes half a construct.
pub(crate) fn all_or_nothing<T>(app: &App, build: impl FnOnce() -> Result<T>) -> Result<T> {
    let mark = app.tree().mark();
    let result = build();
    if result.is_err() {
        app.tree_mut().rollback(mark);
    }
    result
}

/// The construct path of node `n`: ids from below the root, joined by `/`.
pub(crate) fn path_of(nodes: &[Node], n: NodeId) -> String {
    let mut ids = Vec::new();
    let mut cur = Some(n);
    while let Some(c) = cur.filter(|c| *c != ROOT) {
        ids.push(nodes[c.0].id.as_str());
        cur = nodes[c.0].parent;
    }
    ids.reverse();
    ids.join("/")
}

/// The ids from below the owning stack down to `n` (what `makeUniqueId` takes), into `out`.
pub(crate) fn components_below_stack<'n>(nodes: &'n [Node], n: NodeId, out: &mut Vec<&'n str>) {
    out.clear();
    let mut cur = Some(n);
    while let Some(c) = cur.filter(|c| *c != ROOT && !nodes[c.0].is_stack()) {
        out.push(nodes[c.0].id.as_str());
        cur = nodes[c.0].parent;
    }
    out.reverse();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(tree: &mut Tree, parent: NodeId, id: &str) -> Result<NodeId> {
        tree.add(parent, id, NodeKind::Construct, "constructs.Construct")
    }

    /// Ids are sanitised and checked as the `constructs` library does.
    #[test]
    fn slashes_become_dashes_and_empty_ids_are_refused() {
        let mut tree = Tree::new();
        let a = add(&mut tree, ROOT, "A").unwrap();
        let b = add(&mut tree, a, "x/y").unwrap();
        assert_eq!(tree.path(b), "A/x--y");
        let err = add(&mut tree, a, "x--y").unwrap_err();
        assert_eq!(
            err.to_string(),
            "There is already a Construct with name 'x--y' in A [A]"
        );
        let c = add(&mut tree, a, "line\nbreak").unwrap();
        assert_eq!(tree.path(c), "A/line--break");
        let err = add(&mut tree, a, "").unwrap_err();
        assert_eq!(err.to_string(), "Only root constructs may have an empty ID");
    }

    /// A rollback removes exactly what came after the mark, under small and large parents.
    #[test]
    fn rollback_removes_what_came_after_the_mark() {
        let mut tree = Tree::new();
        let a = add(&mut tree, ROOT, "A").unwrap();
        for i in 0..SCAN_LIMIT - 1 {
            add(&mut tree, a, &format!("C{i}")).unwrap();
        }
        let mark = tree.mark();
        let late = add(&mut tree, a, "Late").unwrap();
        for i in 0..3 {
            add(&mut tree, late, &format!("G{i}")).unwrap();
            add(&mut tree, a, &format!("D{i}")).unwrap();
        }
        tree.rollback(mark);
        assert_eq!(tree.nodes.len(), SCAN_LIMIT + 1);
        assert_eq!(tree.node(a).children.len(), SCAN_LIMIT - 1);
        assert!(tree.child(a, "Late").is_none());
        // The ids are free again, and the parent indexes its children once it grows.
        add(&mut tree, a, "Late").unwrap();
        for i in 0..2 * SCAN_LIMIT {
            add(&mut tree, a, &format!("D{i}")).unwrap();
        }
        assert!(add(&mut tree, a, "D0").is_err());
        assert!(add(&mut tree, a, "C0").is_err());
        assert_eq!(tree.by_parent_and_id.len(), tree.node(a).children.len());
    }

    /// Duplicates are found whether the parent's children are scanned or indexed, including
    /// children added before the parent crossed into the index.
    #[test]
    fn duplicate_ids_under_small_and_large_parents() {
        let mut tree = Tree::new();
        let a = add(&mut tree, ROOT, "A").unwrap();
        let b = add(&mut tree, ROOT, "B").unwrap();
        for count in [1, SCAN_LIMIT, SCAN_LIMIT + 1, 3 * SCAN_LIMIT] {
            let parent = add(&mut tree, a, &format!("P{count}")).unwrap();
            for i in 0..count {
                add(&mut tree, parent, &format!("C{i}")).unwrap();
            }
            for i in [0, count / 2, count - 1] {
                let err = add(&mut tree, parent, &format!("C{i}")).unwrap_err();
                assert!(
                    matches!(err, crate::Error::DuplicateId { ref id, .. } if *id == format!("C{i}")),
                    "{count} children, C{i}: {err}"
                );
            }
            assert_eq!(
                tree.child(parent, &format!("C{}", count - 1))
                    .map(|n| tree.node(n).id.clone()),
                Some(format!("C{}", count - 1))
            );
            assert!(tree.child(parent, "missing").is_none());
            // The same ids under another parent are distinct constructs.
            let other = add(&mut tree, b, &format!("P{count}")).unwrap();
            for i in 0..count {
                add(&mut tree, other, &format!("C{i}")).unwrap();
            }
        }
    }

    /// Each type gets its own slot, created empty on first use and kept.
    #[test]
    fn extensions_are_kept_by_type() {
        #[derive(Default)]
        struct Counter(u32);
        #[derive(Default)]
        struct Names(Vec<String>);
        let mut tree = Tree::new();
        assert!(tree.extension::<Counter>().is_none());
        tree.extension_mut::<Counter>().0 += 2;
        tree.extension_mut::<Names>().0.push("a".into());
        tree.extension_mut::<Counter>().0 += 1;
        assert_eq!(tree.extension::<Counter>().map(|c| c.0), Some(3));
        assert_eq!(tree.extension::<Names>().map(|n| n.0.len()), Some(1));
    }
}
