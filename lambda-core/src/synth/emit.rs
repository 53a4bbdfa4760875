//! Resolving [`Value`]s and elements straight into template text.
//!
//! The result is the text that resolving into `serde_json::Value` ([`Resolver::resolve`]) and
//! printing would give, including its corner cases: a value that resolves to nothing drops its key
//! or list slot, and a key repeated in one object keeps its first place and its last value.

use std::borrow::Cow;

use super::resolve::Resolver;
use super::tree_props;
use super::writer::JsonWriter;
use crate::core::element::{Element, Section};
use crate::core::tree::NodeId;
use crate::core::value::{Target, Value};
use crate::Result;

/// A template being written.
pub(crate) struct Emitter<'r, 'a, 'w, 's> {
    r: &'r Resolver<'a>,
    pub(crate) w: &'w mut JsonWriter<'s>,
}

impl<'r, 'a, 'w, 's> Emitter<'r, 'a, 'w, 's> {
    pub(crate) fn new(r: &'r Resolver<'a>, w: &'w mut JsonWriter<'s>) -> Self {
        Emitter { r, w }
    }

    /// `value` as the template writes it, compact (no indentation).
    pub(crate) fn compact_text(&self, value: &Value) -> Result<String> {
        let mut w = JsonWriter::appending(String::new(), "");
        Emitter::new(self.r, &mut w).concrete(value)?;
        Ok(w.finish())
    }

    /// Evaluates lazy values until a concrete one or nothing is left.
    pub(crate) fn force<'v>(&self, value: &'v Value) -> Result<Option<Cow<'v, Value>>> {
        let lazy = match value {
            Value::Lazy(lazy) => lazy,
            Value::Shared(inner) => return self.force(inner),
            _ => return Ok(Some(Cow::Borrowed(value))),
        };
        let mut produced = (lazy.0)(self.r)?;
        while let Some(Value::Lazy(inner)) = &produced {
            produced = (inner.0)(self.r)?;
        }
        if let Some(Value::Shared(inner)) = &produced {
            // A lazy value that produced a shared one: whatever that stands for, owned.
            let inner = inner.clone();
            return Ok(self.force(&inner)?.map(|v| Cow::Owned(v.into_owned())));
        }
        Ok(produced.map(Cow::Owned))
    }

    /// An object member, left out when its value resolves to nothing.
    fn member(&mut self, key: &str, value: &Value) -> Result<()> {
        if let Some(v) = self.force(value)? {
            self.w.key(key);
            self.concrete(&v)?;
        }
        Ok(())
    }

    /// An array element, left out when it resolves to nothing.
    fn item(&mut self, value: &Value) -> Result<()> {
        if let Some(v) = self.force(value)? {
            self.w.item();
            self.concrete(&v)?;
        }
        Ok(())
    }

    /// A value that must be there (an intrinsic's argument): nothing becomes `null`.
    fn required(&mut self, value: &Value) -> Result<()> {
        match self.force(value)? {
            Some(v) => self.concrete(&v),
            None => {
                self.w.null();
                Ok(())
            }
        }
    }

    fn target(&mut self, target: &Target) -> Result<()> {
        match target {
            Target::Pseudo(p) => self.w.string(p.name()),
            Target::Element(e) => {
                let id = self.r.logical_id_str(e.0)?;
                self.w.string(id);
            }
        }
        Ok(())
    }

    /// `{"<name>": [` ... `]}` around an intrinsic's arguments.
    fn intrinsic(&mut self, name: &str, args: impl FnOnce(&mut Self) -> Result<()>) -> Result<()> {
        self.w.begin_object();
        self.w.key(name);
        self.w.begin_array();
        args(self)?;
        self.w.end_array();
        self.w.end_object();
        Ok(())
    }

    /// Writes a value known to be present (lazy values are forced on the way).
    pub(crate) fn concrete(&mut self, value: &Value) -> Result<()> {
        match value {
            Value::Bool(b) => self.w.bool(*b),
            Value::Number(n) => self.w.number(n),
            Value::String(s) => self.w.string(s),
            Value::List(items) => {
                self.w.begin_array();
                for item in items {
                    self.item(item)?;
                }
                self.w.end_array();
            }
            Value::Object(entries) => self.object(entries)?,
            Value::Ref(target) => {
                if let Some(import) = self.r.foreign(target, None)? {
                    return self.concrete(import);
                }
                self.w.begin_object();
                self.w.key("Ref");
                self.target(target)?;
                self.w.end_object();
            }
            Value::GetAtt(target, attribute) => {
                if let Some(import) = self.r.foreign(target, Some(attribute))? {
                    return self.concrete(import);
                }
                self.intrinsic("Fn::GetAtt", |e| {
                    e.w.item();
                    e.target(target)?;
                    e.w.item();
                    e.w.string(attribute);
                    Ok(())
                })?
            }
            Value::Join(delimiter, parts) => self.intrinsic("Fn::Join", |e| {
                e.w.item();
                e.w.string(delimiter);
                e.w.item();
                e.w.begin_array();
                for part in parts {
                    e.item(part)?;
                }
                e.w.end_array();
                Ok(())
            })?,
            Value::Sub(template) => {
                self.w.begin_object();
                self.w.key("Fn::Sub");
                self.w.string(template);
                self.w.end_object();
            }
            Value::Select(index, list) => self.intrinsic("Fn::Select", |e| {
                e.w.item();
                e.w.unsigned(*index as u64);
                e.w.item();
                e.required(list)
            })?,
            Value::Split(delimiter, source) => self.intrinsic("Fn::Split", |e| {
                e.w.item();
                e.w.string(delimiter);
                e.w.item();
                e.required(source)
            })?,
            Value::FindInMap(mapping, key, second) => self.intrinsic("Fn::FindInMap", |e| {
                e.w.item();
                e.target(mapping)?;
                e.w.item();
                e.required(key)?;
                e.w.item();
                e.w.string(second);
                Ok(())
            })?,
            Value::Lazy(_) | Value::Shared(_) => self.required(value)?,
        }
        Ok(())
    }

    /// An object from its members in order. A repeated key keeps its first place and takes the
    /// last value that is there, as a JSON object built member by member does.
    fn object<'v>(&mut self, entries: &'v [(String, Value)]) -> Result<()> {
        self.w.begin_object();
        if has_repeated_key(entries) {
            let mut merged: Vec<(&str, Cow<'v, Value>)> = Vec::with_capacity(entries.len());
            for (k, v) in entries {
                if let Some(v) = self.force(v)? {
                    match merged.iter_mut().find(|(key, _)| key == k) {
                        Some(slot) => slot.1 = v,
                        None => merged.push((k.as_str(), v)),
                    }
                }
            }
            for (k, v) in &merged {
                self.w.key(k);
                self.concrete(v)?;
            }
        } else {
            for (k, v) in entries {
                self.member(k, v)?;
            }
        }
        self.w.end_object();
        Ok(())
    }

    /// One element of the template, as [`Element::render`] and resolution would give it.
    pub(crate) fn element(&mut self, n: NodeId, element: &Element, deps: &[&str]) -> Result<()> {
        let meta = self.r.render_metadata(n);
        // tree.json's properties of an L1, written beside when the writer takes them.
        let tree_rule = (element.section == Section::Resources && self.w.wants_tree_props())
            .then(|| tree_props::for_element(element))
            .filter(|rule| !rule.generic);
        // Overrides and hand-added metadata may touch anything: render, then write the result.
        let extra = element.extra();
        if element.section != Section::Resources
            || extra.is_some_and(|x| !x.overrides.is_empty() || !x.metadata.is_empty())
        {
            if let Some(rule) = tree_rule {
                // Without the overrides, as aws-cdk-lib's cfnProperties.
                let tags = meta.tags.as_ref();
                let text = tree_props::render_apart(self.r, element, rule, tags)?;
                self.w.tree_props_apart(n, &text);
            }
            return self.concrete(&element.render(deps, &meta));
        }
        let w = &mut *self.w;
        w.begin_object();
        w.key("Type");
        w.string(&element.type_name);
        let tags = meta
            .tags
            .as_ref()
            .filter(|t| !element.properties.contains_key(t.property));
        if !element.properties.is_empty() || tags.is_some() {
            w.key("Properties");
            if let Some(rule) = tree_rule {
                w.tree_props_begin(rule, tags.map(|t| t.property));
            }
            w.begin_object();
            let mut tags = tags;
            for (k, v) in element.properties.iter() {
                if let Some(t) = tags.filter(|t| k > t.property) {
                    self.member(t.property, &t.value)?;
                    tags = None;
                }
                self.member(k, v)?;
            }
            if let Some(t) = tags {
                self.member(t.property, &t.value)?;
            }
            self.w.end_object();
        }
        if tree_rule.is_some() {
            self.w.tree_props_end(n);
        }
        let w = &mut *self.w;
        if !deps.is_empty() {
            w.key("DependsOn");
            w.begin_array();
            for d in deps {
                w.item();
                w.string(d);
            }
            w.end_array();
        }
        if let Some(p) = extra.and_then(|x| x.update_replace_policy) {
            w.key("UpdateReplacePolicy");
            w.string(p);
        }
        if let Some(p) = extra.and_then(|x| x.deletion_policy) {
            w.key("DeletionPolicy");
            w.string(p);
        }
        let asset = extra.and_then(|x| x.asset.as_ref()).filter(|_| meta.asset);
        if meta.path.is_some() || asset.is_some() {
            w.key("Metadata");
            w.begin_object();
            if let Some(path) = &meta.path {
                w.key("aws:cdk:path");
                w.string(path);
            }
            if let Some((file, property)) = asset {
                w.key("aws:asset:path");
                w.string(file);
                w.key("aws:asset:is-bundled");
                w.bool(false);
                w.key("aws:asset:property");
                w.string(property);
            }
            w.end_object();
        }
        if let Some(c) = extra.and_then(|x| x.condition.as_ref()) {
            w.key("Condition");
            w.string(c);
        }
        w.end_object();
        Ok(())
    }
}

fn has_repeated_key(entries: &[(String, Value)]) -> bool {
    if entries.len() <= 16 {
        return entries
            .iter()
            .enumerate()
            .any(|(i, (k, _))| entries[i + 1..].iter().any(|(other, _)| other == k));
    }
    let mut seen = std::collections::HashSet::with_capacity(entries.len());
    !entries.iter().all(|(k, _)| seen.insert(k.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::element::CfnResource;
    use crate::core::value::{Lazy, Pseudo};
    use crate::synth::ids::LogicalIds;
    use crate::synth::json::to_string_indented;
    use crate::synth::template::{depends_on, elements_of, logical_ids};
    use crate::{App, CfnOutput, CfnParameter, Construct, Stack, Tags};

    /// Every element written straight to text equals the element rendered, resolved into
    /// `serde_json::Value` and printed (the path the goldens were first matched with), for the
    /// awkward inputs the goldens do not cover.
    #[test]
    fn writes_what_resolving_and_printing_writes() {
        let app = App::new();
        app.set_context(crate::flags::PATH_METADATA, true);
        let stack = Stack::builder().build(&app, "S").unwrap();
        let absent = || Value::Lazy(Lazy::new(|_| Ok(None)));
        let nested = Value::Lazy(Lazy::new(|_| {
            Ok(Some(Value::Lazy(Lazy::new(|_| Ok(Some("deep".into()))))))
        }));
        let target =
            CfnResource::create(&stack, "Target", "AWS::SQS::Queue", [("A", absent())]).unwrap();
        let repeated = Value::Object(vec![
            ("k".into(), "first".into()),
            ("other".into(), 1.into()),
            ("k".into(), "second".into()),
            ("k".into(), absent()),
            ("gone".into(), absent()),
        ]);
        let many: Vec<(String, Value)> = (0..20)
            .map(|i| (format!("k{}", i % 17), Value::from(i)))
            .collect();
        let resource = CfnResource::create(
            &stack,
            "Everything",
            "AWS::Lambda::Function",
            [
                ("Absent", absent()),
                ("Nested", nested),
                ("Repeated", repeated.clone()),
                ("Many", Value::Object(many)),
                (
                    "List",
                    Value::list([absent(), "x\"\n".into(), Value::list([])]),
                ),
                (
                    "Intrinsics",
                    Value::list([
                        target.ref_value(),
                        target.get_att("Arn"),
                        Value::join(",", [Pseudo::Region.value(), "a".into(), absent()]),
                        Value::sub("${AWS::Region}"),
                        Value::Select(1, Box::new(absent())),
                        Value::Split(",".into(), Box::new("a,b".into())),
                    ]),
                ),
                ("Empty", Value::Object(Vec::new())),
                ("Shared", Value::shared(Value::list(["s".into(), absent()]))),
                ("SharedAbsent", Value::shared(absent())),
                (
                    "LazyShared",
                    Value::Lazy(Lazy::new(|_| {
                        Ok(Some(Value::shared(Value::Lazy(Lazy::new(|_| Ok(None))))))
                    })),
                ),
            ],
        )
        .unwrap();
        resource.node().add_dependency(&target);
        Tags::of(&stack).add("team", "a");
        let shared_doc = Value::shared(Value::object([
            ("Version", "1".into()),
            ("Keep", "k".into()),
        ]));
        let tagged_with_overrides = CfnResource::create(
            &stack,
            "Overridden",
            "AWS::SQS::Queue",
            [("Z", "z".into()), ("Doc", shared_doc.clone())],
        )
        .unwrap();
        tagged_with_overrides.add_property_override("Doc.Version", "2");
        // The other holder of the shared document keeps it as it was.
        CfnResource::create(
            &stack,
            "SharesDoc",
            "AWS::SQS::Queue",
            [("Doc", shared_doc)],
        )
        .unwrap();
        tagged_with_overrides.add_property_override("Deep.Er", repeated);
        tagged_with_overrides.add_property_deletion_override("Z");
        tagged_with_overrides.add_metadata("hand", "added");
        let with_metadata =
            CfnResource::create(&stack, "Meta", "AWS::SQS::Queue", [("Tags", "own".into())])
                .unwrap();
        with_metadata.add_metadata("aws:cdk:path", "replaced");
        CfnParameter::builder().build(&stack, "Param").unwrap();
        CfnOutput::builder()
            .value(target.ref_value())
            .description("d")
            .build(&stack, "Out")
            .unwrap();

        let tree = app.tree();
        let stack_id = stack.node().id;
        let elements = elements_of(&tree, stack_id);
        let mut ids = LogicalIds::with_nodes(tree.nodes.len());
        logical_ids(&tree, stack_id, &elements, &mut ids).unwrap();
        let r = Resolver::new(&tree, stack_id, &ids);
        assert_eq!(elements.len(), 7);
        for n in elements {
            let element = tree.element(n).unwrap();
            let deps = depends_on(&tree, stack_id, n, &ids);
            let rendered = element.render(&deps, &r.render_metadata(n));
            let expected = to_string_indented(&r.resolve(&rendered).unwrap().unwrap(), 1);
            let mut w = JsonWriter::new(" ", 0);
            Emitter::new(&r, &mut w).element(n, element, &deps).unwrap();
            let text = w.finish();
            assert_eq!(text, expected, "{}", tree.path(n));
            match tree.node(n).id.as_str() {
                "Overridden" => {
                    assert!(text.contains(r#""Version": "2""#) && text.contains("Keep"))
                }
                "SharesDoc" => assert!(text.contains(r#""Version": "1""#)),
                "Everything" => {
                    assert!(text.contains(r#""Shared": ["#) && !text.contains("SharedAbsent"));
                    assert!(!text.contains("LazyShared"));
                }
                _ => {}
            }
        }
    }
}
