//! One stack's CloudFormation template, assembled as aws-cdk-lib assembles it.

use std::collections::{BTreeSet, HashMap};

use serde_json::{json, Map, Value as Json};

use super::collate::locale_compare;
use super::resolve::Resolver;
use crate::core::element::{LogicalIdOverride, Section};
use crate::core::logical_id::{make_unique_id, validate_logical_id};
use crate::core::tree::{NodeId, NodeKind, Tree};
use crate::{Error, Result};

/// The CloudFormation elements of a stack in template order (pre-order, creation order).
pub(crate) fn elements_of(tree: &Tree, stack: NodeId) -> Vec<NodeId> {
    tree.preorder(stack)
        .into_iter()
        .filter(|n| *n != stack && tree.stack_of(*n) == Some(stack))
        .filter(|n| matches!(tree.node(*n).kind, NodeKind::Element(_)))
        .collect()
}

/// Logical IDs of every element of the stack: fixed ones first, then lazy ones (which may
/// resolve the others, as the `currentVersion` hash does).
pub(crate) fn logical_ids(tree: &Tree, stack: NodeId) -> Result<HashMap<NodeId, String>> {
    let elements = elements_of(tree, stack);
    let mut ids = HashMap::with_capacity(elements.len());
    let mut lazy = Vec::new();
    for &n in &elements {
        let element = tree.element(n).expect("element");
        match &element.logical_id {
            Some(LogicalIdOverride::Fixed(id)) => {
                ids.insert(n, id.clone());
            }
            Some(LogicalIdOverride::Lazy(f)) => lazy.push((n, f.clone())),
            None => {
                let components = tree.components_below_stack(n);
                let id = make_unique_id(&components)
                    .map_err(|e| Error::Synth(format!("{}: {e}", tree.path(n))))?;
                ids.insert(n, id);
            }
        }
    }
    let mut lazy_ids = Vec::with_capacity(lazy.len());
    {
        let resolver = Resolver {
            tree,
            stack,
            ids: &ids,
        };
        for (n, f) in lazy {
            lazy_ids.push((n, f(&resolver)?));
        }
    }
    ids.extend(lazy_ids);
    for (n, id) in &ids {
        validate_logical_id(id).map_err(|e| Error::Synth(format!("{}: {e}", tree.path(*n))))?;
    }
    Ok(ids)
}

/// `DependsOn` of a resource: every resource under a construct that the resource or one of its
/// ancestors depends on, sorted by construct path with `localeCompare`, as logical IDs.
pub(crate) fn depends_on(
    tree: &Tree,
    stack: NodeId,
    resource: NodeId,
    ids: &HashMap<NodeId, String>,
) -> Vec<String> {
    let mut targets: BTreeSet<NodeId> = BTreeSet::new();
    for ancestor in tree.lineage(resource) {
        for &dep in &tree.node(ancestor).dependencies {
            for t in tree.preorder(dep) {
                let is_resource =
                    matches!(tree.element(t).map(|e| e.section), Some(Section::Resources));
                if is_resource && t != resource && tree.stack_of(t) == Some(stack) {
                    targets.insert(t);
                }
            }
        }
    }
    let mut paths: Vec<(String, NodeId)> = targets.into_iter().map(|t| (tree.path(t), t)).collect();
    paths.sort_by(|a, b| locale_compare(&a.0, &b.0));
    // Targets are distinct elements, and logical IDs are unique in a stack: no duplicates.
    paths.into_iter().map(|(_, t)| ids[&t].clone()).collect()
}

/// The whole template of `stack` as JSON, sections in the order aws-cdk-lib writes them.
pub(crate) fn build(tree: &Tree, stack: NodeId, ids: &HashMap<NodeId, String>) -> Result<Json> {
    let resolver = Resolver { tree, stack, ids };
    let mut template = Map::new();
    if let NodeKind::Stack(data) = &tree.node(stack).kind {
        if let Some(description) = &data.description {
            template.insert("Description".into(), Json::String(description.clone()));
        }
    }
    for n in elements_of(tree, stack) {
        let element = tree.element(n).expect("element");
        let deps = if element.section == Section::Resources {
            depends_on(tree, stack, n, ids)
        } else {
            Vec::new()
        };
        let rendered = resolver
            .resolve(&element.render(&deps, &resolver.render_metadata(n)))?
            .unwrap_or_else(|| json!({}));
        let section = template
            .entry(element.section.key())
            .or_insert_with(|| Json::Object(Map::new()))
            .as_object_mut()
            .expect("sections are objects");
        let id = &ids[&n];
        if section.contains_key(id) {
            return Err(Error::Synth(format!(
                "section '{}' already contains '{id}'",
                element.section.key()
            )));
        }
        section.insert(id.clone(), rendered);
    }
    add_bootstrap_check(&mut template);
    Ok(Json::Object(template))
}

/// The default synthesizer's bootstrap version parameter and the rule that checks it.
fn add_bootstrap_check(template: &mut Map<String, Json>) {
    let parameters = template
        .entry("Parameters")
        .or_insert_with(|| Json::Object(Map::new()))
        .as_object_mut()
        .expect("Parameters is an object");
    parameters.insert(
        "BootstrapVersion".into(),
        json!({
            "Type": "AWS::SSM::Parameter::Value<String>",
            "Default": "/cdk-bootstrap/hnb659fds/version",
            "Description": "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]"
        }),
    );
    let rules = template
        .entry("Rules")
        .or_insert_with(|| Json::Object(Map::new()))
        .as_object_mut()
        .expect("Rules is an object");
    rules.insert(
        "CheckBootstrapVersion".into(),
        json!({
            "Assertions": [{
                "Assert": {"Fn::Not": [{"Fn::Contains": [["1", "2", "3", "4", "5"], {"Ref": "BootstrapVersion"}]}]},
                "AssertDescription": "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI."
            }]
        }),
    );
}
