//! CloudFormation elements (resources, parameters, outputs...) and the L1 `CfnResource` handle.

use std::borrow::Cow;
use std::rc::Rc;

use serde_json::Value as Json;

use super::construct::{Construct, ConstructNode};
use super::properties::Properties;
use super::resolve::Resolver;
use super::tree::NodeKind;
use super::value::{ElementRef, Target, Value};
use crate::Result;

/// The template section an element is written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Section {
    Resources,
    Parameters,
    Outputs,
    Mappings,
}

impl Section {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Section::Resources => "Resources",
            Section::Parameters => "Parameters",
            Section::Outputs => "Outputs",
            Section::Mappings => "Mappings",
        }
    }
}

type LazyId = Rc<dyn Fn(&Resolver<'_>) -> Result<String>>;

/// Where an element's logical ID comes from when it is not the path-derived one.
#[derive(Clone)]
pub(crate) enum LogicalIdOverride {
    Fixed(String),
    /// Computed after every fixed ID is known (the `currentVersion` hash).
    Lazy(LazyId),
}

/// What happens to a resource when it leaves the stack or is replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemovalPolicy {
    /// Delete the physical resource.
    Destroy,
    /// Keep it in the account, orphaned.
    Retain,
    /// Take a snapshot, then delete (for resources that support it).
    Snapshot,
}

impl RemovalPolicy {
    pub(crate) fn cfn(self) -> &'static str {
        match self {
            RemovalPolicy::Destroy => "Delete",
            RemovalPolicy::Retain => "Retain",
            RemovalPolicy::Snapshot => "Snapshot",
        }
    }
}

/// A CloudFormation element in the tree.
pub(crate) struct Element {
    pub(crate) section: Section,
    /// `Type` of a resource; empty for other sections.
    pub(crate) type_name: Cow<'static, str>,
    /// Resource properties, in CloudFormation's (lexicographic) codegen order.
    pub(crate) properties: Properties,
    /// The rarely set parts, boxed so that the many plain resources stay small.
    extra: Option<Box<ElementExtra>>,
}

/// The parts of an [`Element`] most resources never set.
#[derive(Default)]
pub(crate) struct ElementExtra {
    /// The body of a parameter, output, mapping or condition, in the order written.
    pub(crate) body: Vec<(String, Value)>,
    pub(crate) update_replace_policy: Option<&'static str>,
    pub(crate) deletion_policy: Option<&'static str>,
    pub(crate) metadata: Vec<(String, Json)>,
    pub(crate) condition: Option<String>,
    /// Raw overrides (`addOverride`), deep-merged after rendering; `None` deletes.
    pub(crate) overrides: Vec<(Vec<String>, Option<Value>)>,
    pub(crate) logical_id: Option<LogicalIdOverride>,
    /// The staged asset this resource consumes and the property naming it, for the
    /// `aws:asset:*` metadata the CLI asks for.
    pub(crate) asset: Option<(String, &'static str)>,
    /// The key slots of the resource's L1 schema, for overrides (see [`KeySlots`]).
    pub(crate) key_slots: Option<KeySlots>,
    /// How `tree.json` writes the properties, if the construct declares it (see
    /// [`TreeProps`](crate::synth::tree_props::TreeProps)).
    pub(crate) tree_props: Option<&'static crate::synth::tree_props::TreeProps>,
}

/// The keys an aws-cdk-lib L1 renders, in its order, for the object at a path of the rendered
/// resource (`["Properties"]`, `["Properties", "Code"]`), if the construct knows them. An L1
/// renders every key of its schema (unset ones as `undefined`), so an override of a known key
/// that was not set lands in that key's slot, and an unknown key after all of them.
pub(crate) type KeySlots = fn(&[&str]) -> Option<&'static [&'static str]>;

/// Metadata the CLI asks for with context (`aws:cdk:path`, `aws:asset:*`).
pub(crate) struct RenderMetadata {
    pub(crate) path: Option<String>,
    pub(crate) asset: bool,
    /// Tags from `Tags.of(...)`, unless the resource sets that property itself.
    pub(crate) tags: Option<super::tags::ResourceTags>,
}

impl Element {
    pub(crate) fn new(section: Section, type_name: impl Into<Cow<'static, str>>) -> Self {
        Element {
            section,
            type_name: type_name.into(),
            properties: Properties::default(),
            extra: None,
        }
    }

    /// The rarely set parts, if any is set.
    pub(crate) fn extra(&self) -> Option<&ElementExtra> {
        self.extra.as_deref()
    }

    /// The rarely set parts, created on first write.
    pub(crate) fn extra_mut(&mut self) -> &mut ElementExtra {
        self.extra.get_or_insert_with(Box::default)
    }

    /// The logical ID override, if any.
    pub(crate) fn logical_id(&self) -> Option<&LogicalIdOverride> {
        self.extra()?.logical_id.as_ref()
    }

    /// The resource as CloudFormation sees it, before resolution, overrides applied.
    pub(crate) fn render(&self, depends_on: &[&str], extra: &RenderMetadata) -> Value {
        let empty = ElementExtra::default();
        let x = self.extra().unwrap_or(&empty);
        let mut entries: Vec<(String, Value)> = Vec::new();
        match self.section {
            Section::Resources => {
                entries.push(("Type".into(), Value::from(&*self.type_name)));
                let mut properties = self.properties.clone();
                if let Some(tags) = &extra.tags {
                    if !properties.contains_key(tags.property) {
                        properties.insert(tags.property.into(), tags.value.clone());
                    }
                }
                if !properties.is_empty() {
                    entries.push((
                        "Properties".into(),
                        Value::Object(properties.into_entries()),
                    ));
                }
                if !depends_on.is_empty() {
                    entries.push((
                        "DependsOn".into(),
                        Value::List(depends_on.iter().map(|d| Value::from(*d)).collect()),
                    ));
                }
                if let Some(p) = x.update_replace_policy {
                    entries.push(("UpdateReplacePolicy".into(), p.into()));
                }
                if let Some(p) = x.deletion_policy {
                    entries.push(("DeletionPolicy".into(), p.into()));
                }
                let mut metadata: Vec<(String, Value)> = Vec::new();
                if let Some(path) = &extra.path {
                    metadata.push(("aws:cdk:path".into(), path.as_str().into()));
                }
                metadata.extend(
                    x.metadata
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::from_json(v))),
                );
                if let (true, Some((file, property))) = (extra.asset, &x.asset) {
                    metadata.push(("aws:asset:path".into(), file.as_str().into()));
                    metadata.push(("aws:asset:is-bundled".into(), false.into()));
                    metadata.push(("aws:asset:property".into(), (*property).into()));
                }
                if !metadata.is_empty() {
                    entries.push(("Metadata".into(), Value::Object(metadata)));
                }
                if let Some(c) = &x.condition {
                    entries.push(("Condition".into(), c.as_str().into()));
                }
            }
            _ => entries.extend(x.body.iter().cloned()),
        }
        let mut rendered = Value::Object(entries);
        if !x.overrides.is_empty() {
            let mut raw = Vec::new();
            for (path, value) in &x.overrides {
                add_raw_override(&mut raw, path, value.as_ref());
            }
            deep_merge(&mut rendered, &raw, x.key_slots, &mut Vec::new());
        }
        rendered
    }
}

/// aws-cdk-lib's `rawOverrides`: every `addOverride` is first written into one tree (a later
/// override replaces what an earlier one set at the same path), which is then deep-merged into
/// the rendered resource at once.
enum RawOverride {
    /// Objects are merged key by key into what was rendered.
    Object(Vec<(String, RawOverride)>),
    /// Anything else (strings, numbers, lists, intrinsics) replaces what was rendered.
    Set(Value),
    /// `addDeletionOverride`: the key goes.
    Delete,
}

impl RawOverride {
    /// A value as the raw tree holds it: plain objects become trees (so a later, deeper
    /// override writes into them, and merging recurses into them, as in aws-cdk-lib).
    fn of(value: Option<&Value>) -> RawOverride {
        match value {
            None => RawOverride::Delete,
            Some(Value::Object(entries)) => RawOverride::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), RawOverride::of(Some(v))))
                    .collect(),
            ),
            Some(v) => RawOverride::Set(v.clone()),
        }
    }
}

/// Writes one override into the raw tree: intermediate keys that are not objects become empty
/// objects, the last key is replaced.
fn add_raw_override(raw: &mut Vec<(String, RawOverride)>, path: &[String], value: Option<&Value>) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut current = raw;
    for key in parents {
        let i = match current.iter().position(|(k, _)| k == key) {
            Some(i) => i,
            None => {
                current.push((key.clone(), RawOverride::Object(Vec::new())));
                current.len() - 1
            }
        };
        if !matches!(current[i].1, RawOverride::Object(_)) {
            current[i].1 = RawOverride::Object(Vec::new());
        }
        let RawOverride::Object(children) = &mut current[i].1 else {
            unreachable!("made an object above")
        };
        current = children;
    }
    let entry = RawOverride::of(value);
    match current.iter().position(|(k, _)| k == last) {
        Some(i) => current[i].1 = entry,
        None => current.push((last.clone(), entry)),
    }
}

/// aws-cdk-lib's `deepMerge(target, rawOverrides)`: objects merge key by key (a target value
/// that is not an object becomes one first, and an object left empty by the merge is removed),
/// deletions remove, anything else replaces. Existing keys keep their place; a new key goes to
/// its schema slot when `slots` knows it, else last. `path` is where `target` is.
fn deep_merge<'r>(
    target: &mut Value,
    raw: &'r [(String, RawOverride)],
    slots: Option<KeySlots>,
    path: &mut Vec<&'r str>,
) {
    if let Value::Shared(inner) = target {
        // Overriding inside a shared value changes this holder's copy only.
        *target = (**inner).clone();
    }
    let Value::Object(entries) = target else {
        return;
    };
    let order = slots.and_then(|f| f(path));
    for (key, source) in raw {
        let position = entries.iter().position(|(k, _)| k == key);
        match source {
            RawOverride::Delete => {
                if let Some(i) = position {
                    entries.remove(i);
                }
            }
            RawOverride::Set(v) => match position {
                Some(i) => entries[i].1 = v.clone(),
                None => {
                    let at = slot_position(entries, key, order);
                    entries.insert(at, (key.clone(), v.clone()));
                }
            },
            RawOverride::Object(children) => {
                let i = match position {
                    Some(i) => i,
                    None => {
                        let at = slot_position(entries, key, order);
                        entries.insert(at, (key.clone(), Value::Object(Vec::new())));
                        at
                    }
                };
                let is_object = match &entries[i].1 {
                    Value::Object(_) => true,
                    Value::Shared(inner) => matches!(**inner, Value::Object(_)),
                    _ => false,
                };
                if !is_object {
                    entries[i].1 = Value::Object(Vec::new());
                }
                path.push(key);
                deep_merge(&mut entries[i].1, children, slots, path);
                path.pop();
                if matches!(&entries[i].1, Value::Object(e) if e.is_empty()) {
                    entries.remove(i);
                }
            }
        }
    }
}

/// Where a new `key` goes among `entries`: before the first entry that comes after it in the
/// schema's slots (or is not in them at all), or last when the key has no slot.
fn slot_position(entries: &[(String, Value)], key: &str, order: Option<&[&str]>) -> usize {
    let slot = |k: &str| order.and_then(|o| o.iter().position(|s| *s == k));
    match slot(key) {
        None => entries.len(),
        Some(mine) => entries
            .iter()
            .position(|(k, _)| slot(k).is_none_or(|theirs| theirs > mine))
            .unwrap_or(entries.len()),
    }
}

/// Splits an override path on `.` (a `\.` keeps the dot), as aws-cdk-lib's `addOverride` does.
fn split_override_path(path: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'.') => {
                parts.last_mut().expect("non-empty").push('.');
                chars.next();
            }
            '.' => parts.push(String::new()),
            c => parts.last_mut().expect("non-empty").push(c),
        }
    }
    parts
}

/// An L1 CloudFormation resource: the escape hatch under every higher-level construct.
#[derive(Clone)]
pub struct CfnResource {
    node: ConstructNode,
}

impl Construct for CfnResource {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

#[lambda_builder::builders]
impl CfnResource {
    /// A resource of any CloudFormation type, with its properties as written (aws-cdk-lib's
    /// `new CfnResource(scope, id, { type, properties })`): the escape hatch for types that have
    /// no construct yet.
    ///
    /// ```
    /// use lambda_core::{App, CfnResource, Stack, Value};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let queue = CfnResource::builder()
    ///     .type_name("AWS::SQS::Queue")
    ///     .properties(vec![("DelaySeconds".to_owned(), Value::from(5))])
    ///     .build(&stack, "Orders")?;
    /// let _url = queue.ref_value();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The CloudFormation type, e.g. `AWS::SQS::Queue`.
        #[builder(into)]
        type_name: String,
        /// Properties, in the order they are written.
        #[builder(default)]
        properties: Vec<(String, Value)>,
    ) -> Result<Self> {
        Self::create(scope, id, type_name, properties)
    }
}

impl CfnResource {
    /// Adds a resource of `type_name` (e.g. `AWS::SQS::Queue`) under `scope`: how constructs
    /// add their L1s.
    pub(crate) fn create(
        scope: &dyn Construct,
        id: &str,
        type_name: impl Into<Cow<'static, str>>,
        properties: impl IntoIterator<Item = (impl Into<Cow<'static, str>>, Value)>,
    ) -> Result<Self> {
        let mut element = Element::new(Section::Resources, type_name);
        element.properties = properties.into_iter().map(|(k, v)| (k.into(), v)).collect();
        let node = scope.node().add_child(
            id,
            NodeKind::Element(Box::new(element)),
            "aws-cdk-lib.CfnResource",
        )?;
        Ok(CfnResource { node })
    }

    pub(crate) fn from_node(node: ConstructNode) -> Self {
        CfnResource { node }
    }

    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut Element) -> R) -> R {
        let mut tree = self.node.app.tree_mut();
        let element = tree
            .element_mut(self.node.id)
            .expect("CfnResource handle points at an element");
        f(element)
    }

    /// A reference to this element for use in other values.
    pub fn element_ref(&self) -> ElementRef {
        ElementRef(self.node.id)
    }

    /// `{"Ref": <this resource>}`.
    pub fn ref_value(&self) -> Value {
        Value::Ref(Target::Element(self.element_ref()))
    }

    /// `{"Fn::GetAtt": [<this resource>, attribute]}`.
    pub fn get_att(&self, attribute: &str) -> Value {
        Value::GetAtt(Target::Element(self.element_ref()), attribute.to_owned())
    }

    /// Sets (or replaces) a property.
    pub fn set_property(&self, name: &str, value: impl Into<Value>) {
        let value = value.into();
        self.with(|e| e.properties.insert(name.to_owned().into(), value));
    }

    /// Removes a property.
    pub fn remove_property(&self, name: &str) {
        self.with(|e| e.properties.remove(name));
    }

    /// Overrides a property by dotted path (`Environment.Variables.X`), deep-merged into the
    /// rendered resource like aws-cdk-lib's `addPropertyOverride`.
    pub fn add_property_override(&self, path: &str, value: impl Into<Value>) {
        self.add_override(&format!("Properties.{path}"), value);
    }

    /// Removes a property by dotted path after rendering.
    pub fn add_property_deletion_override(&self, path: &str) {
        let parts = split_override_path(&format!("Properties.{path}"));
        self.with(|e| e.extra_mut().overrides.push((parts, None)));
    }

    /// Overrides anything in the rendered resource by dotted path (`Metadata.x`, `DependsOn`).
    pub fn add_override(&self, path: &str, value: impl Into<Value>) {
        let parts = split_override_path(path);
        let value = value.into();
        self.with(|e| e.extra_mut().overrides.push((parts, Some(value))));
    }

    /// Declares the key slots of this resource's L1 schema, so overrides land where aws-cdk-lib
    /// puts them.
    pub(crate) fn set_key_slots(&self, slots: KeySlots) {
        self.with(|e| e.extra_mut().key_slots = Some(slots));
    }

    /// Declares how `tree.json` writes this resource's properties (which are JSON- or
    /// map-typed, which structs aws-cdk-lib fills in its own order), for a resource type that
    /// the default rule of [`tree_props`](crate::synth::tree_props) does not fit.
    pub fn set_tree_props(&self, props: &'static crate::synth::tree_props::TreeProps) {
        self.with(|e| e.extra_mut().tree_props = Some(props));
    }

    /// Uses `logical_id` instead of the path-derived one.
    pub fn override_logical_id(&self, logical_id: impl Into<String>) {
        let id = logical_id.into();
        self.with(|e| e.extra_mut().logical_id = Some(LogicalIdOverride::Fixed(id)));
    }

    pub(crate) fn set_lazy_logical_id(
        &self,
        f: impl Fn(&Resolver<'_>) -> Result<String> + 'static,
    ) {
        self.with(|e| e.extra_mut().logical_id = Some(LogicalIdOverride::Lazy(Rc::new(f))));
    }

    /// Sets `UpdateReplacePolicy` and `DeletionPolicy`.
    pub fn apply_removal_policy(&self, policy: RemovalPolicy) {
        self.with(|e| {
            let x = e.extra_mut();
            x.update_replace_policy = Some(policy.cfn());
            x.deletion_policy = Some(policy.cfn());
        });
    }

    /// Adds a resource metadata entry (`Metadata` in the template).
    pub fn add_metadata(&self, key: &str, value: impl Into<Json>) {
        let value = value.into();
        self.with(|e| e.extra_mut().metadata.push((key.to_owned(), value)));
    }
}

/// Adds a non-resource element (parameter, output, mapping, condition) under `scope`.
pub(crate) fn add_element(
    scope: &dyn Construct,
    id: &str,
    section: Section,
    body: Vec<(String, Value)>,
    fqn: &'static str,
) -> Result<ConstructNode> {
    let mut element = Element::new(section, "");
    element.extra_mut().body = body;
    scope
        .node()
        .add_child(id, NodeKind::Element(Box::new(element)), fqn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_paths_split_on_unescaped_dots() {
        assert_eq!(split_override_path("a.b\\.c.d"), vec!["a", "b.c", "d"]);
    }
}
