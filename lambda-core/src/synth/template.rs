//! One stack's CloudFormation template, assembled as aws-cdk-lib assembles it.

use std::cell::RefCell;

use super::collate::locale_compare;
use super::emit::Emitter;
use super::ids::LogicalIds;
use super::resolve::Resolver;
use super::writer::JsonWriter;
use crate::core::element::{LogicalIdOverride, Section};
use crate::core::logical_id::{make_unique_id, validate_logical_id};
use crate::core::references::Reference;
use crate::core::tree::{components_below_stack, Node, NodeId, Shape, Tree};
use crate::{Error, Result};

/// The CloudFormation elements of a stack in template order (pre-order, creation order). Nested
/// stacks' elements are theirs, not this stack's.
pub(crate) fn elements_of(tree: &Tree, stack: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut pending: Vec<NodeId> = tree.node(stack).children.iter().rev().copied().collect();
    while let Some(n) = pending.pop() {
        let node = tree.node(n);
        match node.shape {
            Shape::Stack => continue,
            Shape::Element(_) => out.push(n),
            _ => {}
        }
        pending.extend(node.children.iter().rev());
    }
    out
}

/// Assigns the logical ID of every element of the stack: fixed ones first, then lazy ones (which
/// may resolve the others, as the `currentVersion` hash does).
pub(crate) fn logical_ids(
    tree: &Tree,
    stack: NodeId,
    elements: &[NodeId],
    ids: &mut LogicalIds,
) -> Result<()> {
    assign_logical_ids(tree, stack, elements, ids, None)
}

/// [`logical_ids`] before cross-stack references are wired: lazy IDs see references to other
/// stacks as those stacks write them, and the references are noted in `found`.
pub(crate) fn logical_ids_searching(
    tree: &Tree,
    stack: NodeId,
    elements: &[NodeId],
    ids: &mut LogicalIds,
    found: &RefCell<Vec<Reference>>,
) -> Result<()> {
    assign_logical_ids(tree, stack, elements, ids, Some(found))
}

fn assign_logical_ids(
    tree: &Tree,
    stack: NodeId,
    elements: &[NodeId],
    ids: &mut LogicalIds,
    found: Option<&RefCell<Vec<Reference>>>,
) -> Result<()> {
    let mut lazy = Vec::new();
    let mut from_path = Vec::with_capacity(elements.len());
    for &n in elements {
        let element = tree.element(n).expect("element");
        match element.logical_id() {
            Some(LogicalIdOverride::Fixed(id)) => ids.insert(n, id.clone()),
            Some(LogicalIdOverride::Lazy(f)) => lazy.push((n, f.clone())),
            None => from_path.push(n),
        }
    }
    for (n, id) in path_ids(&tree.nodes, &from_path) {
        let id = id.map_err(|e| Error::Synth(format!("{}: {e}", tree.path(n))))?;
        ids.insert(n, id);
    }
    let mut lazy_ids = Vec::with_capacity(lazy.len());
    {
        let resolver = match found {
            Some(found) => Resolver::searching(tree, stack, &*ids, found),
            None => Resolver::new(tree, stack, &*ids),
        };
        for (n, f) in lazy {
            lazy_ids.push((n, f(&resolver)?));
        }
    }
    for (n, id) in lazy_ids {
        ids.insert(n, id);
    }
    for &n in elements {
        let id = ids.get(n).expect("assigned above");
        validate_logical_id(id).map_err(|e| Error::Synth(format!("{}: {e}", tree.path(n))))?;
    }
    Ok(())
}

/// Elements from which logical IDs are computed on two threads (each takes well under a
/// microsecond, so only large stacks gain).
const IDS_THREADED_FROM: usize = 8192;

/// The path-derived logical IDs of `elements`, in order; large stacks are split over two threads
/// (the IDs depend on the nodes' ids alone).
fn path_ids(
    nodes: &[Node],
    elements: &[NodeId],
) -> Vec<(NodeId, std::result::Result<String, String>)> {
    let compute = |part: &[NodeId]| {
        let mut components: Vec<&str> = Vec::new();
        part.iter()
            .map(|&n| {
                components_below_stack(nodes, n, &mut components);
                (n, make_unique_id(&components))
            })
            .collect::<Vec<_>>()
    };
    if elements.len() < IDS_THREADED_FROM {
        return compute(elements);
    }
    let (first, second) = elements.split_at(elements.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| compute(second));
        let mut ids = compute(first);
        ids.extend(other.join().expect("logical IDs cannot panic"));
        ids
    })
}

/// `DependsOn` of a resource: every resource under a construct that the resource or one of its
/// ancestors depends on, sorted by construct path with `localeCompare`, as logical IDs.
pub(crate) fn depends_on<'i>(
    tree: &Tree,
    stack: NodeId,
    resource: NodeId,
    ids: &'i LogicalIds,
) -> Vec<&'i str> {
    let mut targets: Vec<NodeId> = Vec::new();
    let mut pending: Vec<NodeId> = Vec::new();
    let mut cur = Some(resource);
    while let Some(scope) = cur {
        let node = tree.node(scope);
        for &dep in node.dependencies() {
            pending.push(dep);
            while let Some(t) = pending.pop() {
                let is_resource =
                    matches!(tree.element(t).map(|e| e.section), Some(Section::Resources));
                if is_resource && t != resource && tree.stack_of(t) == Some(stack) {
                    targets.push(t);
                }
                pending.extend(&tree.node(t).children);
            }
        }
        cur = node.parent;
    }
    targets.sort_unstable();
    targets.dedup();
    let id = |t: NodeId| ids.get(t).expect("every element of the stack has an ID");
    if targets.len() <= 1 {
        return targets.into_iter().map(id).collect();
    }
    let mut paths: Vec<(String, NodeId)> = targets.into_iter().map(|t| (tree.path(t), t)).collect();
    paths.sort_by(|a, b| locale_compare(&a.0, &b.0));
    // Targets are distinct elements, and logical IDs are unique in a stack: no duplicates.
    paths.into_iter().map(|(_, t)| id(t)).collect()
}

/// The template of `stack` as the text aws-cdk-lib writes (`JSON.stringify` with one space),
/// resolved straight into the text: sections in order of first appearance, the bootstrap
/// parameter and rule last.
pub(crate) fn render(
    w: &mut JsonWriter<'_>,
    tree: &Tree,
    stack: NodeId,
    elements: &[NodeId],
    ids: &LogicalIds,
) -> Result<()> {
    let resolver = Resolver::new(tree, stack, ids);
    let mut e = Emitter::new(&resolver, w);
    e.w.begin_object();
    if let Some(data) = tree.stack_data(stack) {
        if let Some(description) = &data.description {
            e.w.key("Description");
            e.w.string(description);
        }
    }
    let mut sections: Vec<Section> = Vec::with_capacity(3);
    for &n in elements {
        let section = tree.element(n).expect("element").section;
        if !sections.contains(&section) {
            sections.push(section);
        }
    }
    if !sections.contains(&Section::Parameters) {
        sections.push(Section::Parameters);
    }
    for section in sections {
        e.w.key(section.key());
        e.w.begin_object();
        let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
        let mut wrote_bootstrap = false;
        for &n in elements {
            let element = tree.element(n).expect("element");
            if element.section != section {
                continue;
            }
            let id = ids.get(n).expect("every element of the stack has an ID");
            if !seen.insert(id) {
                return Err(Error::Synth(format!(
                    "section '{}' already contains '{id}'",
                    section.key()
                )));
            }
            e.w.key(id);
            if section == Section::Parameters && id == BOOTSTRAP_PARAMETER {
                // The synthesizer's parameter replaces one of the same logical ID in place.
                bootstrap_parameter(&mut e);
                wrote_bootstrap = true;
                continue;
            }
            let deps = match section {
                Section::Resources => depends_on(tree, stack, n, ids),
                _ => Vec::new(),
            };
            e.element(n, element, &deps)?;
        }
        if section == Section::Parameters && !wrote_bootstrap {
            e.w.key(BOOTSTRAP_PARAMETER);
            bootstrap_parameter(&mut e);
        }
        e.w.end_object();
    }
    e.w.key("Rules");
    e.w.begin_object();
    e.w.key("CheckBootstrapVersion");
    check_bootstrap_rule(&mut e);
    e.w.end_object();
    e.w.end_object();
    Ok(())
}

const BOOTSTRAP_PARAMETER: &str = "BootstrapVersion";

/// The default synthesizer's bootstrap version parameter.
fn bootstrap_parameter(e: &mut Emitter<'_, '_, '_, '_>) {
    let w = &mut *e.w;
    w.begin_object();
    w.key("Type");
    w.string("AWS::SSM::Parameter::Value<String>");
    w.key("Default");
    w.string("/cdk-bootstrap/hnb659fds/version");
    w.key("Description");
    w.string("Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]");
    w.end_object();
}

/// The rule that fails a deployment into an environment bootstrapped before version 6.
fn check_bootstrap_rule(e: &mut Emitter<'_, '_, '_, '_>) {
    let w = &mut *e.w;
    w.begin_object();
    w.key("Assertions");
    w.begin_array();
    w.item();
    w.begin_object();
    w.key("Assert");
    w.begin_object();
    w.key("Fn::Not");
    w.begin_array();
    w.item();
    w.begin_object();
    w.key("Fn::Contains");
    w.begin_array();
    w.item();
    w.begin_array();
    for v in ["1", "2", "3", "4", "5"] {
        w.item();
        w.string(v);
    }
    w.end_array();
    w.item();
    w.begin_object();
    w.key("Ref");
    w.string(BOOTSTRAP_PARAMETER);
    w.end_object();
    w.end_array();
    w.end_object();
    w.end_array();
    w.end_object();
    w.key("AssertDescription");
    w.string("CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.");
    w.end_object();
    w.end_array();
    w.end_object();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::element::CfnResource;
    use crate::{App, Construct, Stack};

    /// Large stacks get their logical IDs from two threads, in element order, equal to one
    /// thread's.
    #[test]
    fn logical_ids_from_two_threads_equal_one_threads() {
        let app = App::new();
        let stack = Stack::builder().build(&app, "S").unwrap();
        for i in 0..IDS_THREADED_FROM / 2 {
            let scope = stack.node().add_construct(&format!("Scope-{i}")).unwrap();
            CfnResource::create(&scope, "Resource", "AWS::SQS::Queue", [("A", "a".into())])
                .unwrap();
            CfnResource::create(
                &scope,
                &format!("Q{i}"),
                "AWS::SQS::Queue",
                [("A", "a".into())],
            )
            .unwrap();
        }
        let tree = app.tree();
        let elements = elements_of(&tree, stack.node().id);
        assert!(elements.len() >= IDS_THREADED_FROM);
        let parallel = path_ids(&tree.nodes, &elements);
        let sequential: Vec<_> = elements
            .iter()
            .map(|&n| (n, make_unique_id(&tree.components_below_stack(n))))
            .collect();
        assert_eq!(parallel, sequential);
        // md5("Scope-0/Resource") starts 76777643.
        assert_eq!(parallel[0].1.as_deref(), Ok("Scope076777643"));
    }
}
