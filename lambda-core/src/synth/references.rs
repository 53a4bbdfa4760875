//! The cross-stack references pass (aws-cdk-lib's `resolveReferences`, run when it prepares the
//! app): every `Ref` / `Fn::GetAtt` of an element of one stack used in another becomes an import
//! of an output the producing stack publishes, and the consumer depends on the producer.
//!
//! - `"strong"` (the default of `@aws-cdk/core:defaultCrossStackReferences`): an output
//!   `Exports/Output{...}` with an `Export` named `<producer>:ExportsOutput...`, read with
//!   `Fn::ImportValue`.
//! - `"weak"`: an output `Publish/Output{...}` without export, read with `Fn::GetStackOutput`.
//! - `"both"`: the strong export is kept, the value is read the weak way.

use std::cell::RefCell;

use serde_json::{json, Value as Json};

use super::template::{elements_of, logical_ids_searching};
use crate::core::construct::ConstructNode;
use crate::core::element::{add_element, Element, RenderMetadata, Section};
use crate::core::flags::DEFAULT_CROSS_STACK_REFERENCES;
use crate::core::ids::LogicalIds;
use crate::core::logical_id::make_unique_id;
use crate::core::references::Reference;
use crate::core::resolve::Resolver;
use crate::core::tags::tags_property;
use crate::core::tree::{NodeId, NodeKind, Tree, ROOT};
use crate::core::value::{ElementRef, Pseudo, Target, Value};
use crate::{App, Error, Result};

/// `UNKNOWN_ACCOUNT` / `UNKNOWN_REGION` of aws-cdk-lib: what an environment-agnostic stack's
/// account and region compare as.
const UNKNOWN_ACCOUNT: &str = "unknown-account";
const UNKNOWN_REGION: &str = "unknown-region";

/// aws-cdk-lib's longest export name.
const MAX_EXPORT_NAME: usize = 255;

/// How references between stacks are written (`@aws-cdk/core:defaultCrossStackReferences`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Strength {
    Strong,
    Weak,
    Both,
}

/// Finds every cross-stack reference of the app and wires it. Apps with one stack have none.
pub(crate) fn wire_references(app: &App) -> Result<()> {
    let found = find_references(app)?;
    for (reference, target_id) in found {
        wire(app, &reference, &target_id)?;
    }
    Ok(())
}

/// The references not wired yet, in the order aws-cdk-lib finds them (elements in tree order,
/// each one's values in template order), each once, with the logical ID of its target.
fn find_references(app: &App) -> Result<Vec<(Reference, String)>> {
    let tree = app.tree();
    let stacks: Vec<NodeId> = tree
        .preorder(ROOT)
        .into_iter()
        .filter(|&n| tree.node(n).is_stack())
        .collect();
    if stacks.len() < 2 {
        return Ok(Vec::new());
    }
    let mut ids = LogicalIds::with_nodes(tree.nodes.len());
    // What lazy logical IDs read is read again below, in its element's order.
    let ignored = RefCell::default();
    for &stack in &stacks {
        let elements = elements_of(&tree, stack);
        logical_ids_searching(&tree, stack, &elements, &mut ids, &ignored)?;
    }
    let found = RefCell::new(Vec::new());
    for n in tree.preorder(ROOT) {
        let (Some(element), Some(stack)) = (tree.element(n), tree.stack_of(n)) else {
            continue;
        };
        let r = Resolver::searching(&tree, stack, &ids, &found);
        visit_element(&r, n, element)?;
    }
    let mut unique: Vec<Reference> = Vec::new();
    for reference in found.into_inner() {
        if !unique.contains(&reference) {
            unique.push(reference);
        }
    }
    unique
        .into_iter()
        .map(|reference| {
            let id = ids
                .get(reference.target)
                .ok_or_else(|| {
                    Error::Synth(format!("{} has no logical ID", tree.path(reference.target)))
                })?
                .to_owned();
            Ok((reference, id))
        })
        .collect()
}

/// Walks the values of `element` in the order its template entry holds them.
fn visit_element(r: &Resolver<'_>, n: NodeId, element: &Element) -> Result<()> {
    let tags = tags_property(r.tree, n, &element.type_name);
    let plain = element.section == Section::Resources
        && element.extra().is_none_or(|x| x.overrides.is_empty());
    if !plain {
        let meta = RenderMetadata {
            path: None,
            asset: false,
            tags,
        };
        return r.visit(&element.render(&[], &meta));
    }
    let mut tags = tags.filter(|t| !element.properties.contains_key(t.property));
    for (k, v) in element.properties.iter() {
        if let Some(t) = tags.take_if(|t| k > t.property) {
            r.visit(&t.value)?;
        }
        r.visit(v)?;
    }
    if let Some(t) = tags {
        r.visit(&t.value)?;
    }
    Ok(())
}

/// The strength configured for `consumer`, `None` when unset.
fn configured_strength(tree: &Tree, consumer: NodeId) -> Result<Option<Strength>> {
    match tree.context(consumer, DEFAULT_CROSS_STACK_REFERENCES) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) if s == "strong" => Ok(Some(Strength::Strong)),
        Some(Json::String(s)) if s == "weak" => Ok(Some(Strength::Weak)),
        Some(Json::String(s)) if s == "both" => Ok(Some(Strength::Both)),
        Some(other) => {
            let shown = match other {
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            Err(Error::validation(
                "InvalidReferenceStrength",
                format!(
                    "Invalid value for {DEFAULT_CROSS_STACK_REFERENCES}: \"{shown}\". Must be \"strong\", \"weak\", or \"both\"."
                ),
                tree.path(consumer),
            ))
        }
    }
}

/// aws-cdk-lib's `{<target path>[<display name>]}`.
fn render_reference(tree: &Tree, reference: &Reference) -> String {
    format!(
        "{{{}[{}]}}",
        tree.path(reference.target),
        reference.display_name()
    )
}

/// aws-cdk-lib's warning about the configured strength (none for `"strong"` / `"weak"`).
fn strength_warning(configured: Option<Strength>) -> Option<(&'static str, String)> {
    match configured {
        None => Some((
            "@aws-cdk/core:crossStackReferencesDefaultStrong",
            format!(
                "No cross-stack-reference strength configured, defaulting to \"strong\". We recommend you set feature flag \"{DEFAULT_CROSS_STACK_REFERENCES}\" to \"both\", then deploy everywhere, then set it to \"weak\". Alternatively, set it to \"strong\" explicitly to lock in the current producer-protecting behavior. (See: https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/README.md#reference-strength)"
            ),
        )),
        Some(Strength::Both) => Some((
            "@aws-cdk/core:crossStackReferencesBothTransitional",
            format!(
                "Feature flag \"{DEFAULT_CROSS_STACK_REFERENCES}\" currently set to \"both\". This is a transitory state. After you have finished deploying this application everywhere, set it to \"weak\". (See: https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/README.md#reference-strength)"
            ),
        )),
        Some(_) => None,
    }
}

/// References between environments: aws-cdk-lib's error when a region is unknown; ours for what
/// aws-cdk-lib builds with roles or custom resources (across accounts, strong across regions).
fn check_environments(
    tree: &Tree,
    reference: &Reference,
    producer: NodeId,
    strength: Strength,
) -> Result<()> {
    let consumer = reference.consumer;
    let consumer_path = tree.path(consumer);
    let producer_path = tree.path(producer);
    let env = |stack: NodeId| {
        let env = tree
            .stack_data(stack)
            .map(|d| d.env.clone())
            .unwrap_or_default();
        (
            env.account.unwrap_or_else(|| UNKNOWN_ACCOUNT.to_owned()),
            env.region,
        )
    };
    let (producer_account, producer_region) = env(producer);
    let (consumer_account, consumer_region) = env(consumer);
    let region_name = |r: &Option<String>| r.clone().unwrap_or_else(|| UNKNOWN_REGION.to_owned());
    let cannot = || {
        format!(
            "Stack \"{consumer_path}\" cannot reference {} in stack \"{producer_path}\". ",
            render_reference(tree, reference)
        )
    };
    let across_regions = region_name(&producer_region) != region_name(&consumer_region);
    let across_accounts = producer_account != consumer_account;
    if across_accounts || across_regions {
        if producer_region.is_none() || consumer_region.is_none() {
            return Err(Error::validation(
                "CrossRegionReferencesRequireExplicitRegion",
                format!(
                    "{}Cross stack/region references are only supported for stacks with an explicit region defined. ",
                    cannot()
                ),
                consumer_path,
            ));
        }
        // aws-cdk-lib reads these through a role it creates in the producer (across accounts)
        // or a custom resource that copies exports (strong, across regions).
        if across_accounts || strength != Strength::Weak {
            return Err(Error::validation(
                "CrossEnvironmentReferenceUnsupported",
                format!(
                    "{}References across accounts, and strong or \"both\" references across regions, are not supported by lambda-cdk yet: set \"{DEFAULT_CROSS_STACK_REFERENCES}\" to \"weak\" for references across regions of one account.",
                    cannot()
                ),
                consumer_path,
            ));
        }
    }
    Ok(())
}

/// Wires one reference: the producer's output, the consumer's import and stack dependency.
fn wire(app: &App, reference: &Reference, target_id: &str) -> Result<()> {
    let tree = app.tree();
    let consumer = reference.consumer;
    let Some(producer) = tree.stack_of(reference.target) else {
        return Ok(());
    };
    if producer == consumer
        || tree
            .cross_stack
            .import(consumer, reference.target, reference.attribute.as_deref())
            .is_some()
    {
        return Ok(());
    }
    let configured = configured_strength(&tree, consumer)?;
    let strength = configured.unwrap_or(Strength::Strong);
    let warning = strength_warning(configured);
    check_environments(&tree, reference, producer, strength)?;
    let consumer_path = tree.path(consumer);
    let producer_path = tree.path(producer);
    let reason = format!(
        "{consumer_path} -> {}.{}",
        tree.path(reference.target),
        reference.display_name()
    );
    if let Some(cycle) = tree.cross_stack.dependency_reasons(producer, consumer) {
        return Err(Error::validation(
            "DependencyCycle",
            format!(
                "'{producer_path}' depends on '{consumer_path}' ({}). Adding this dependency ({reason}) would create a cyclic reference.",
                cycle.join(", ")
            ),
            consumer_path,
        ));
    }
    drop(tree);

    let node = ConstructNode::new(app, consumer);
    let warn = {
        let mut tree = app.tree_mut();
        let refs = &mut tree.cross_stack;
        refs.add_dependency(consumer, producer, reason);
        // Once per app, by the first consumer that has something to be warned about.
        let warn = !refs.warned && warning.is_some();
        refs.warned |= warn;
        warn
    };
    if let (true, Some((id, message))) = (warn, warning) {
        node.add_warning_v2(id, &message);
    }

    let import = publish(app, reference, target_id, producer, strength)?;
    app.tree_mut()
        .cross_stack
        .add_import(reference.clone(), import);
    Ok(())
}

/// Adds the producer's output(s) for `reference`; what the consumer writes to read it.
fn publish(
    app: &App,
    reference: &Reference,
    target_id: &str,
    producer: NodeId,
    strength: Strength,
) -> Result<Value> {
    let (producer_name, producer_region) = {
        let tree = app.tree();
        let region = tree.stack_data(producer).and_then(|d| d.env.region.clone());
        (
            tree.node(producer).id.clone(),
            region.map_or_else(|| Pseudo::Region.value(), Value::String),
        )
    };
    let output_id = output_id(reference, target_id);
    let value = match reference.attribute.as_deref() {
        None => Value::Ref(Target::Element(ElementRef(reference.target))),
        Some(attr) => Value::GetAtt(
            Target::Element(ElementRef(reference.target)),
            attr.to_owned(),
        ),
    };
    let producer_node = ConstructNode::new(app, producer);
    if strength != Strength::Weak {
        let name = export_name(&producer_name, &output_id)?;
        let body = vec![
            ("Value".to_owned(), value.clone()),
            (
                "Export".to_owned(),
                Value::object([("Name", Value::from(name.as_str()))]),
            ),
        ];
        add_output(&producer_node, "Exports", &output_id, body)?;
        if strength == Strength::Strong {
            return Ok(Value::object([("Fn::ImportValue", Value::from(name))]));
        }
    }
    add_output(
        &producer_node,
        "Publish",
        &output_id,
        vec![("Value".to_owned(), value)],
    )?;
    let output_name = make_unique_id(&["Publish", &output_id]).map_err(Error::Synth)?;
    let import = Value::object([(
        "Fn::GetStackOutput",
        Value::object([
            ("StackName", Value::from(producer_name)),
            ("Region", producer_region),
            ("OutputName", Value::from(output_name)),
        ]),
    )]);
    Ok(import)
}

/// The construct id of the output publishing `reference`: `Output` and the reference as the
/// producer writes it, in compact JSON (`Output{"Ref":"Bucket83908E77"}`).
fn output_id(reference: &Reference, target_id: &str) -> String {
    let resolved = match &reference.attribute {
        None => json!({ "Ref": target_id }),
        Some(attr) => json!({ "Fn::GetAtt": [target_id, attr] }),
    };
    format!("Output{resolved}")
}

/// aws-cdk-lib's export name: `<producer stack name>:` and the unique id of
/// `Exports/<output id>`, cut from the start to 255 characters in all.
pub(crate) fn export_name(stack_name: &str, output_id: &str) -> Result<String> {
    let local = make_unique_id(&["Exports", output_id]).map_err(Error::Synth)?;
    let prefix = format!("{stack_name}:");
    // Logical IDs are ASCII: bytes are characters.
    let start = (local.len() + prefix.len())
        .saturating_sub(MAX_EXPORT_NAME)
        .min(local.len());
    Ok(format!("{prefix}{}", &local[start..]))
}

/// Adds `scope/id` (an output with `body`) under the stack `stack` unless it is there.
fn add_output(
    stack: &ConstructNode,
    scope: &str,
    id: &str,
    body: Vec<(String, Value)>,
) -> Result<()> {
    let existing = stack.app.tree().child(stack.id, scope);
    let scope = match existing {
        Some(n) => ConstructNode::new(&stack.app, n),
        None => stack.add_child(scope, NodeKind::Construct, "constructs.Construct")?,
    };
    if stack.app.tree().child(scope.id, id).is_some() {
        return Ok(());
    }
    add_element(&scope, id, Section::Outputs, body, "aws-cdk-lib.CfnOutput")?;
    Ok(())
}

#[cfg(test)]
#[path = "references_tests.rs"]
mod behaviour;

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(attribute: Option<&str>) -> Reference {
        Reference {
            consumer: NodeId(1),
            target: NodeId(2),
            attribute: attribute.map(str::to_owned),
        }
    }

    /// The names of the `cross-stack` oracle app, as aws-cdk-lib wrote them.
    #[test]
    fn export_names_of_the_oracle_app() {
        let get_att = output_id(&reference(Some("Arn")), "Worker11F36D0F");
        assert_eq!(get_att, r#"Output{"Fn::GetAtt":["Worker11F36D0F","Arn"]}"#);
        assert_eq!(
            export_name("cross-stack-shared", &get_att).unwrap(),
            "cross-stack-shared:ExportsOutputFnGetAttWorker11F36D0FArnAAAA15E7"
        );
        let by_ref = output_id(&reference(None), "CommonD8257971");
        assert_eq!(
            export_name("cross-stack-shared", &by_ref).unwrap(),
            "cross-stack-shared:ExportsOutputRefCommonD8257971AA98C2D9"
        );
        assert_eq!(
            make_unique_id(&["Publish", &get_att]).unwrap(),
            "PublishOutputFnGetAttWorker11F36D0FArn898705DA"
        );
    }

    /// Ref and GetAtt of the same element are different exports; a name longer than 255
    /// characters keeps its end (the hash), as aws-cdk-lib cuts it.
    #[test]
    fn export_names_of_other_shapes() {
        let by_ref = export_name("P", &output_id(&reference(None), "Bucket83908E77")).unwrap();
        let by_att =
            export_name("P", &output_id(&reference(Some("Arn")), "Bucket83908E77")).unwrap();
        assert!(
            by_ref.starts_with("P:ExportsOutputRefBucket83908E77"),
            "{by_ref}"
        );
        assert!(
            by_att.starts_with("P:ExportsOutputFnGetAttBucket83908E77Arn"),
            "{by_att}"
        );
        assert_ne!(by_ref, by_att);
        // Attributes with dots (`Outputs.X`) lose them in the name, not in the hash.
        let dotted =
            export_name("P", &output_id(&reference(Some("Endpoint.Address")), "Db")).unwrap();
        assert!(
            dotted.starts_with("P:ExportsOutputFnGetAttDbEndpointAddress"),
            "{dotted}"
        );

        let long_id = "L".repeat(230);
        let stack = "S".repeat(100);
        let output = output_id(&reference(None), &long_id);
        let local = make_unique_id(&["Exports", &output]).unwrap();
        let name = export_name(&stack, &output).unwrap();
        assert_eq!(name.len(), MAX_EXPORT_NAME);
        assert!(name.starts_with(&format!("{stack}:")));
        assert!(local.ends_with(&name[stack.len() + 1..]), "{name}");
        assert_eq!(&name[name.len() - 8..], &local[local.len() - 8..]);
    }
}
