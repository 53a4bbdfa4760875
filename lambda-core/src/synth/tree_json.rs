//! `tree.json` as aws-cdk-lib 2.276.0 writes it: every construct with its id, path and construct
//! info, each L1 resource's type, logical ID and properties, the synthesizer's
//! `BootstrapVersion` / `CheckBootstrapVersion` under each stack and the `Tree` node under the
//! app, compact, keys in aws-cdk-lib's order.
//!
//! The tree itself is plain data and is written on a second thread in large apps; resource
//! properties hold lazy values, so the main thread renders them beside the templates (the
//! template writer's [`TreeShadow`](super::tree_shadow::TreeShadow) copies each resource's
//! `Properties` with camelCase keys) and hands them over in batches, in tree order, through
//! [`PropsFeed`].
//!
//! Not reproduced: aws-cdk-lib splits a tree of more than 500,000 nodes over several files.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, Sender};

use super::ids::LogicalIds;
use super::output::CHUNK;
use super::tree_props;
use super::writer::{is_plain, JsonWriter};
use crate::core::element::Section;
use crate::core::tree::{Node, NodeId, Shape, ROOT};

/// aws-cdk-lib's version, in every construct info but the `Tree` node's.
const LIB_VERSION: &str = "2.276.0";
/// The `constructs` library's version that aws-cdk-lib 2.276.0 depends on.
const CONSTRUCTS_VERSION: &str = "10.8.1";
/// The nodes the default synthesizer adds as a stack's last children.
const BOOTSTRAP: [(&str, &str); 2] = [
    ("BootstrapVersion", "aws-cdk-lib.CfnParameter"),
    ("CheckBootstrapVersion", "aws-cdk-lib.CfnRule"),
];
/// Children that aws-cdk-lib's construct of that construct info has and this crate does not
/// model (they hold no CloudFormation element): written right after the modelled child of the
/// id given, or after all children. An asset's staging and bucket; an alias's scaling role,
/// imported by ARN, made right after its `AWS::Lambda::Alias`.
#[allow(clippy::type_complexity)]
const UNMODELLED_CHILDREN: &[(&str, Option<&str>, &[(&str, &str)])] = &[
    (
        "aws-cdk-lib.aws_s3_assets.Asset",
        None,
        &[
            ("Stage", "aws-cdk-lib.AssetStaging"),
            ("AssetBucket", "aws-cdk-lib.aws_s3.BucketBase"),
        ],
    ),
    (
        "aws-cdk-lib.aws_lambda.Alias",
        Some("Resource"),
        &[("ScalingRole", "aws-cdk-lib.Resource")],
    ),
];
/// The construct info aws-cdk-lib gives a plain CfnResource.
const PLAIN_RESOURCE: &str = "aws-cdk-lib.CfnResource";

/// Rendered properties of consecutive resources: their text, and each one's node and end offset.
#[derive(Default)]
struct PropsBatch {
    text: String,
    ends: Vec<(NodeId, usize)>,
}

/// Where the main thread puts rendered properties: sent over to the `tree.json` writer in batches
/// of about [`CHUNK`] bytes, or kept for it when it runs on the same thread.
pub(crate) struct PropsSink {
    batch: PropsBatch,
    tx: Option<Sender<PropsBatch>>,
    kept: VecDeque<PropsBatch>,
}

/// The rendered properties, in the order `tree.json` meets the resources.
pub(crate) struct PropsFeed {
    rx: Option<Receiver<PropsBatch>>,
    queue: VecDeque<PropsBatch>,
    current: PropsBatch,
    /// Index in `current.ends` of the next resource, and where its text starts.
    next: usize,
    start: usize,
}

/// A sink and the feed it fills: through a channel (`threaded`: the feed goes to another
/// thread), or through [`PropsSink::finish`].
pub(crate) fn props_pipe(threaded: bool) -> (PropsSink, PropsFeed) {
    let (tx, rx) = if threaded {
        let (tx, rx) = mpsc::channel();
        (Some(tx), Some(rx))
    } else {
        (None, None)
    };
    let sink = PropsSink {
        batch: PropsBatch::default(),
        tx,
        kept: VecDeque::new(),
    };
    (sink, PropsFeed::new(rx, VecDeque::new()))
}

impl PropsSink {
    /// The properties of resource `n`, rendered.
    pub(crate) fn push(&mut self, n: NodeId, text: &str) {
        self.batch.text.push_str(text);
        self.batch.ends.push((n, self.batch.text.len()));
        if self.batch.text.len() >= CHUNK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        match &self.tx {
            // The receiver gone means the tree.json writer stopped; it reports why.
            Some(tx) => drop(tx.send(batch)),
            None => self.kept.push_back(batch),
        }
    }

    /// Hands over the last batch and closes the channel; without one, returns the feed of
    /// everything rendered.
    pub(crate) fn finish(mut self) -> PropsFeed {
        self.flush();
        self.tx = None;
        PropsFeed::new(None, std::mem::take(&mut self.kept))
    }
}

impl PropsFeed {
    fn new(rx: Option<Receiver<PropsBatch>>, queue: VecDeque<PropsBatch>) -> Self {
        PropsFeed {
            rx,
            queue,
            current: PropsBatch::default(),
            next: 0,
            start: 0,
        }
    }

    /// The properties of resource `n`, if they are the next ones rendered (a resource without
    /// them, such as a custom resource, has none).
    fn take(&mut self, n: NodeId) -> Option<&str> {
        while self.next == self.current.ends.len() {
            let batch = match self.queue.pop_front() {
                Some(b) => b,
                None => self.rx.as_ref()?.recv().ok()?,
            };
            self.current = batch;
            self.next = 0;
            self.start = 0;
        }
        let (id, end) = self.current.ends[self.next];
        if id != n {
            return None;
        }
        let start = std::mem::replace(&mut self.start, end);
        self.next += 1;
        Some(&self.current.text[start..end])
    }
}

/// `tree.json`, compactly written, the properties taken from `props`.
pub(crate) fn tree_json(
    w: &mut JsonWriter<'_>,
    nodes: &[Node],
    ids: &LogicalIds,
    props: PropsFeed,
) {
    let mut t = TreeWriter {
        w,
        nodes,
        ids,
        props,
        path: String::new(),
        fqn: String::new(),
    };
    t.w.begin_object();
    t.w.plain_key("version");
    t.w.plain_string("tree-0.1");
    t.w.plain_key("tree");
    t.node(ROOT, true);
    t.w.end_object();
}

struct TreeWriter<'t, 's> {
    w: &'t mut JsonWriter<'s>,
    nodes: &'t [Node],
    ids: &'t LogicalIds,
    props: PropsFeed,
    /// The path of the node being written.
    path: String,
    /// Scratch space for an L1's construct info.
    fqn: String,
}

impl TreeWriter<'_, '_> {
    /// One node; `self.path` is its path, and is left as it was given. Most ids, and so most
    /// paths, need no escaping: `path_is_plain` says whether this one does not.
    fn node(&mut self, n: NodeId, path_is_plain: bool) {
        let nodes = self.nodes;
        let node = &nodes[n.0];
        self.w.begin_object();
        self.w.plain_key("id");
        self.w.string(if n == ROOT { "App" } else { &node.id });
        self.path_value(path_is_plain);
        let props = match node.shape {
            Shape::Element(Section::Resources) => self.props.take(n),
            _ => None,
        };
        let fqn = match props {
            Some(_) if node.fqn == PLAIN_RESOURCE => {
                tree_props::l1_fqn(&node.cfn_type, &mut self.fqn);
                &*self.fqn
            }
            _ => node.fqn,
        };
        // Plain constructs (`new Construct(..)`: a `Scope`, a stack's `Exports`) come from the
        // `constructs` library and carry its version.
        let version = if fqn.starts_with("constructs.") {
            CONSTRUCTS_VERSION
        } else {
            LIB_VERSION
        };
        construct_info(self.w, fqn, version);
        if let Some(props) = props {
            self.w.plain_key("attributes");
            self.w.begin_object();
            self.w.plain_key("aws:cdk:cloudformation:type");
            self.w.string(&node.cfn_type);
            if let Some(id) = self.ids.get(n) {
                self.w.plain_key("aws:cdk:cloudformation:logicalId");
                // Logical IDs are letters and digits (checked when assigned).
                self.w.plain_string(id);
            }
            self.w.plain_key("aws:cdk:cloudformation:props");
            self.w.raw(props);
            self.w.end_object();
        }
        let bootstrap = node.is_stack() && node.parent == Some(ROOT);
        let (after, unmodelled) = UNMODELLED_CHILDREN
            .iter()
            .find_map(|(fqn, after, children)| (*fqn == node.fqn).then_some((*after, *children)))
            .unwrap_or((None, &[]));
        // Where the unmodelled children go: after the child of id `after`, else last.
        let mut pending = !unmodelled.is_empty();
        if !node.children.is_empty() || pending || bootstrap || n == ROOT {
            self.w.plain_key("children");
            self.w.begin_object();
            for &c in &node.children {
                self.child(c, path_is_plain);
                if pending && after == Some(nodes[c.0].id.as_str()) {
                    self.unmodelled(unmodelled);
                    pending = false;
                }
            }
            if pending {
                self.unmodelled(unmodelled);
            }
            if bootstrap {
                for (id, fqn) in BOOTSTRAP {
                    // A construct of that id keeps its place (the synthesizer adds none then).
                    if !node.children.iter().any(|&c| nodes[c.0].id == id) {
                        self.synthesized(id, fqn, LIB_VERSION);
                    }
                }
            }
            if n == ROOT && !node.children.iter().any(|&c| nodes[c.0].id == "Tree") {
                self.synthesized("Tree", "constructs.Construct", CONSTRUCTS_VERSION);
            }
            self.w.end_object();
        }
        self.w.end_object();
    }

    fn path_value(&mut self, path_is_plain: bool) {
        self.w.plain_key("path");
        if path_is_plain {
            self.w.plain_string(&self.path);
        } else {
            self.w.string(&self.path);
        }
    }

    /// A child member: its id as the key, then the child with its path.
    fn child(&mut self, c: NodeId, parent_path_is_plain: bool) {
        let id = &self.nodes[c.0].id;
        let id_is_plain = is_plain(id);
        let len = self.path.len();
        if len > 0 {
            self.path.push('/');
        }
        self.path.push_str(id);
        if id_is_plain {
            self.w.plain_key(id);
        } else {
            self.w.key(id);
        }
        self.node(c, parent_path_is_plain && id_is_plain);
        self.path.truncate(len);
    }

    fn unmodelled(&mut self, children: &[(&str, &str)]) {
        for &(id, fqn) in children {
            self.synthesized(id, fqn, LIB_VERSION);
        }
    }

    /// A leaf node that this crate's tree does not hold: what synthesis adds (the bootstrap
    /// parameter and rule, the `Tree` node) or what [`UNMODELLED_CHILDREN`] lists.
    fn synthesized(&mut self, id: &str, fqn: &str, version: &str) {
        let len = self.path.len();
        if len > 0 {
            self.path.push('/');
        }
        self.path.push_str(id);
        self.w.plain_key(id);
        self.w.begin_object();
        self.w.plain_key("id");
        self.w.plain_string(id);
        self.path_value(is_plain(&self.path));
        construct_info(self.w, fqn, version);
        self.w.end_object();
        self.path.truncate(len);
    }
}

fn construct_info(w: &mut JsonWriter<'_>, fqn: &str, version: &str) {
    w.plain_key("constructInfo");
    w.begin_object();
    w.plain_key("fqn");
    w.plain_string(fqn);
    w.plain_key("version");
    w.plain_string(version);
    w.end_object();
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value as Json};

    use super::*;
    use crate::core::element::CfnResource;
    use crate::core::tree::Tree;
    use crate::synth::emit::Emitter;
    use crate::synth::resolve::Resolver;
    use crate::synth::tree_props::PropsWriter;
    use crate::Result;

    /// Renders the `aws:cdk:cloudformation:props` of the L1 resources among `elements` (a stack's,
    /// in template order) into `sink`, apart from the templates (synthesis writes them beside the
    /// templates; the tests hold the two ways to each other).
    fn render_props(
        tree: &Tree,
        stack: NodeId,
        elements: &[NodeId],
        ids: &LogicalIds,
        sink: &mut PropsSink,
    ) -> Result<()> {
        let resolver = Resolver::new(tree, stack, ids);
        let mut w = JsonWriter::appending(std::mem::take(&mut sink.batch.text), "");
        let mut scratch = tree_props::Scratch::default();
        for &n in elements {
            let Some(element) = tree.element(n) else {
                continue;
            };
            let rule = tree_props::for_element(element);
            if element.section != Section::Resources || rule.generic {
                continue;
            }
            let tags = crate::core::tags::tags_property(tree, n, &element.type_name);
            {
                let mut e = Emitter::new(&resolver, &mut w);
                PropsWriter::new(&mut e, rule, &mut scratch).properties(element, tags.as_ref())?;
            }
            sink.batch.ends.push((n, w.len()));
            if w.len() >= CHUNK {
                sink.batch.text = w.finish();
                sink.flush();
                w = JsonWriter::appending(std::mem::take(&mut sink.batch.text), "");
            }
        }
        sink.batch.text = w.finish();
        Ok(())
    }

    use crate::core::value::{Lazy, Value};
    use crate::synth::template::{elements_of, logical_ids};
    use crate::synth::tree_props::TreeProps;
    use crate::{App, Construct, Stack, Tags};

    /// `tree.json` rendered on one thread, from the tree as it is after synthesis.
    fn single_threaded(app: &App) -> String {
        let tree = app.tree();
        let mut ids = LogicalIds::with_nodes(tree.nodes.len());
        let (mut sink, _) = props_pipe(false);
        for &s in &tree.node(ROOT).children {
            if tree.stack_data(s).is_none() {
                continue;
            }
            let elements = elements_of(&tree, s);
            logical_ids(&tree, s, &elements, &mut ids).unwrap();
            render_props(&tree, s, &elements, &ids, &mut sink).unwrap();
        }
        let mut w = JsonWriter::appending(String::new(), "");
        tree_json(&mut w, &tree.nodes, &ids, sink.finish());
        w.finish()
    }

    fn synth_tree(app: &App) -> (String, Json) {
        let dir = tempfile::tempdir().unwrap();
        app.synth_to(&dir.path().join("out")).unwrap();
        let text = std::fs::read_to_string(dir.path().join("out").join("tree.json")).unwrap();
        let json = serde_json::from_str(&text).unwrap();
        (text, json)
    }

    fn attributes<'j>(tree: &'j Json, path: &[&str]) -> &'j Json {
        let mut node = &tree["tree"];
        for id in path {
            node = &node["children"][*id];
        }
        &node["attributes"]
    }

    /// Large apps get their properties from the main thread through batches, in tree order,
    /// while another thread writes: the same text as one thread writes, across several
    /// batches and stacks, with resources that have no properties (custom ones) in between.
    #[test]
    fn threaded_tree_equals_single_threaded() {
        let app = App::new();
        // More resources a stack than CloudFormation's limit: the check is off for this test.
        app.set_context(crate::STACK_RESOURCE_LIMIT, 0);
        for s in 0..2 {
            let stack = Stack::builder().build(&app, &format!("S{s}")).unwrap();
            for i in 0..(crate::synth::THREADS_FROM / 2 + 300) {
                let scope = stack.node().add_construct(&format!("Scope{i}")).unwrap();
                let big = "x".repeat(200 + i % 7);
                CfnResource::create(
                    &scope,
                    "Resource",
                    "AWS::SQS::Queue",
                    [
                        ("QueueName", Value::from(big)),
                        ("Lazy", Value::Lazy(Lazy::new(move |_| Ok(Some(i.into()))))),
                    ],
                )
                .unwrap();
                if i % 50 == 0 {
                    CfnResource::create(&scope, "Custom", "Custom::Thing", [("A", "a".into())])
                        .unwrap();
                }
            }
        }
        let (text, json) = synth_tree(&app);
        assert!(text.len() > 2 * CHUNK, "several batches");
        assert_eq!(text, single_threaded(&app));
        let queue = attributes(&json, &["S1", "Scope700", "Resource"]);
        assert_eq!(
            queue["aws:cdk:cloudformation:props"]["lazy"],
            json!(700),
            "{queue}"
        );
        assert_eq!(
            attributes(&json, &["S1", "Scope700", "Custom"]),
            &Json::Null
        );
    }

    /// Tags from `Tags.of` sit where each L1's `cfnProperties` have them (first, last, after a
    /// property, or in alphabetical place), the same whether the properties are shadowed from
    /// the template or rendered apart.
    #[test]
    fn tags_sit_where_the_l1_puts_them() {
        let app = App::new();
        let stack = Stack::builder().build(&app, "S").unwrap();
        Tags::of(&stack).add("team", "a");
        let props = |keys: &[&'static str]| -> Vec<(&'static str, Value)> {
            keys.iter().map(|k| (*k, Value::from("v"))).collect()
        };
        for (id, type_name, keys) in [
            (
                "Esm",
                "AWS::Lambda::EventSourceMapping",
                &["EventSourceArn", "FunctionName"][..],
            ),
            (
                "Ap",
                "AWS::EFS::AccessPoint",
                &["FileSystemId", "RootDirectory"],
            ),
            (
                "Csc",
                "AWS::Lambda::CodeSigningConfig",
                &["AllowedPublishers", "CodeSigningPolicies", "Description"],
            ),
            (
                "Queue",
                "AWS::SQS::Queue",
                &["QueueName", "VisibilityTimeout"],
            ),
        ] {
            CfnResource::create(&stack, id, type_name, props(keys)).unwrap();
        }
        let (text, json) = synth_tree(&app);
        assert_eq!(text, single_threaded(&app));
        let keys = |id: &str| -> Vec<String> {
            let props = &attributes(&json, &["S", id])["aws:cdk:cloudformation:props"];
            props.as_object().unwrap().keys().cloned().collect()
        };
        assert_eq!(keys("Esm"), ["tags", "eventSourceArn", "functionName"]);
        assert_eq!(
            keys("Ap"),
            ["fileSystemId", "rootDirectory", "accessPointTags"]
        );
        assert_eq!(
            keys("Csc"),
            [
                "allowedPublishers",
                "tags",
                "codeSigningPolicies",
                "description"
            ]
        );
        assert_eq!(keys("Queue"), ["queueName", "tags", "visibilityTimeout"]);
    }

    /// A property that fails to resolve in a large app is an error, not a wait: the feed that
    /// the tree.json thread reads is closed.
    #[test]
    fn threaded_error_ends_synthesis() {
        let app = App::new();
        app.set_context(crate::STACK_RESOURCE_LIMIT, 0);
        let first = Stack::builder().build(&app, "A").unwrap();
        let target =
            CfnResource::create(&first, "T", "AWS::SQS::Queue", [("A", "a".into())]).unwrap();
        let second = Stack::builder().build(&app, "B").unwrap();
        for i in 0..crate::synth::THREADS_FROM {
            CfnResource::create(
                &second,
                &format!("Q{i}"),
                "AWS::SQS::Queue",
                [("A", "a".into())],
            )
            .unwrap();
        }
        // A value that fails while the templates render (the logical ID of another stack's
        // element is not in this stack's table).
        let foreign = target.element_ref();
        let failing = crate::Lazy::new(move |r| {
            let id = r.element_logical_id(&foreign)?;
            Ok(Some(Value::from(id)))
        });
        CfnResource::create(
            &second,
            "Refers",
            "AWS::SQS::Queue",
            [("A", failing.into())],
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let err = app.synth_to(&dir.path().join("out")).unwrap_err();
        assert!(err.to_string().contains("another stack"), "{err}");
    }

    /// Overrides change the template, not `tree.json` (aws-cdk-lib's `cfnProperties` do not
    /// have them).
    #[test]
    fn overrides_stay_out_of_the_tree() {
        let app = App::new();
        let stack = Stack::builder().build(&app, "S").unwrap();
        let queue = CfnResource::create(
            &stack,
            "Q",
            "AWS::SQS::Queue",
            [("QueueName", Value::from("q")), ("DelaySeconds", 5.into())],
        )
        .unwrap();
        queue.add_property_override("QueueName", "overridden");
        queue.add_property_deletion_override("DelaySeconds");
        let (text, json) = synth_tree(&app);
        assert_eq!(text, single_threaded(&app));
        assert_eq!(
            attributes(&json, &["S", "Q"])["aws:cdk:cloudformation:props"],
            json!({"delaySeconds": 5, "queueName": "q"})
        );
    }

    /// The default rule for types this crate has no entry for, and a construct's own rule.
    #[test]
    fn default_rule_and_declared_rule() {
        let app = App::new();
        let stack = Stack::builder().build(&app, "S").unwrap();
        let doc = Value::object([(
            "Statement",
            Value::list([Value::object([("Effect", "Allow".into())])]),
        )]);
        CfnResource::create(
            &stack,
            "Policy",
            "AWS::IAM::ManagedPolicy",
            [
                ("PolicyDocument", doc.clone()),
                (
                    "Nested",
                    Value::object([("InnerKMSKey", Value::object([("Deep", "d".into())]))]),
                ),
                ("Absent", Value::Lazy(Lazy::new(|_| Ok(None)))),
            ],
        )
        .unwrap();
        static PARAMETER: TreeProps = TreeProps {
            json: &["Config.Doc"],
            maps: &["Labels"],
            orders: &[("Config", &["Zeta", "Alpha"])],
            ..TreeProps::DEFAULT
        };
        let declared = CfnResource::create(
            &stack,
            "Declared",
            "AWS::Example::Thing",
            [
                (
                    "Labels",
                    Value::object([("Keep-Me", "v".into()), ("AlsoKept", "w".into())]),
                ),
                (
                    "Config",
                    Value::object([
                        ("Alpha", "a".into()),
                        ("Doc", doc),
                        ("Zeta", "z".into()),
                        ("Other", "o".into()),
                    ]),
                ),
            ],
        )
        .unwrap();
        declared.set_tree_props(&PARAMETER);
        CfnResource::create(
            &stack,
            "Role",
            "AWS::IAM::Role",
            [(
                "Policies",
                Value::list([Value::object([
                    ("PolicyName", Value::from("p")),
                    (
                        "PolicyDocument",
                        Value::object([("Version", "2012-10-17".into())]),
                    ),
                ])]),
            )],
        )
        .unwrap();
        Tags::of(&stack).add("team", "a");
        CfnResource::create(
            &stack,
            "Custom",
            "AWS::CloudFormation::CustomResource",
            [("ServiceToken", Value::from("t"))],
        )
        .unwrap();
        let (text, json) = synth_tree(&app);
        assert_eq!(text, single_threaded(&app));
        let policy = attributes(&json, &["S", "Policy"]);
        assert_eq!(
            policy["aws:cdk:cloudformation:props"],
            json!({
                "nested": {"innerKmsKey": {"deep": "d"}},
                "policyDocument": {"Statement": [{"Effect": "Allow"}]}
            })
        );
        assert_eq!(
            attributes(&json, &["S", "Role"])["aws:cdk:cloudformation:props"],
            json!({
                "policies": [{"policyName": "p", "policyDocument": {"Version": "2012-10-17"}}],
                "tags": [{"key": "team", "value": "a"}]
            })
        );
        let declared = attributes(&json, &["S", "Declared"]);
        assert_eq!(
            serde_json::to_string(&declared["aws:cdk:cloudformation:props"]).unwrap(),
            r#"{"config":{"zeta":"z","alpha":"a","doc":{"Statement":[{"Effect":"Allow"}]},"other":"o"},"labels":{"Keep-Me":"v","AlsoKept":"w"}}"#
        );
        let node = &json["tree"]["children"]["S"]["children"]["Declared"];
        assert_eq!(
            node["constructInfo"]["fqn"],
            json!("aws-cdk-lib.aws_example.CfnThing")
        );
        let custom = &json["tree"]["children"]["S"]["children"]["Custom"];
        assert_eq!(
            custom["constructInfo"]["fqn"],
            json!("aws-cdk-lib.CfnResource")
        );
        assert!(custom.get("attributes").is_none());
        let stack = &json["tree"]["children"]["S"]["children"];
        let ids: Vec<&String> = stack.as_object().unwrap().keys().collect();
        assert_eq!(
            ids,
            [
                "Policy",
                "Declared",
                "Role",
                "Custom",
                "BootstrapVersion",
                "CheckBootstrapVersion"
            ]
        );
        assert_eq!(
            json["tree"]["children"]["Tree"]["constructInfo"]["version"],
            json!("10.8.1")
        );
    }

    /// aws-cdk-lib's own key orders: the properties themselves (`""`, tags included), literal
    /// objects recognized by their members (their order before the path's), and the path's
    /// order for the other structs; the same text whether written beside the template, on one
    /// thread, or apart (a resource with an override).
    #[test]
    fn literal_and_top_level_orders() {
        use crate::synth::tree_props::LiteralOrder;
        static ORDERED: TreeProps = TreeProps {
            json: &[],
            maps: &[],
            orders: &[
                ("", &["Zeta", "Tags", "Alpha"]),
                ("Rules", &["To", "From", "Note"]),
            ],
            literals: &[LiteralOrder {
                path: "Rules",
                members: &[("Note", "\"none\""), ("From", "1"), ("To", "2")],
            }],
            generic: false,
            tags_at: crate::synth::tree_props::TagsAt::Sorted,
        };
        let app = App::new();
        let stack = Stack::builder().build(&app, "S").unwrap();
        let rule = |from: u32, note: &str| {
            Value::object([
                ("From", Value::from(from)),
                ("Note", Value::from(note)),
                ("To", Value::from(2)),
            ])
        };
        let props = || {
            [
                ("Alpha", Value::from("a")),
                (
                    "Rules",
                    Value::list([rule(1, "none"), rule(3, "none"), rule(1, "other")]),
                ),
                ("Zeta", Value::from("z")),
            ]
        };
        for id in ["Beside", "Apart"] {
            let r = CfnResource::create(&stack, id, "AWS::SQS::Queue", props()).unwrap();
            r.set_tree_props(&ORDERED);
            if id == "Apart" {
                r.add_property_override("Extra", "e");
            }
        }
        Tags::of(&stack).add("team", "a");
        let (text, json) = synth_tree(&app);
        assert_eq!(text, single_threaded(&app));
        let want = r#"{"zeta":"z","tags":[{"key":"team","value":"a"}],"alpha":"a","rules":[{"note":"none","from":1,"to":2},{"to":2,"from":3,"note":"none"},{"to":2,"from":1,"note":"other"}]}"#;
        let props = |id: &str| {
            serde_json::to_string(&attributes(&json, &["S", id])["aws:cdk:cloudformation:props"])
                .unwrap()
        };
        assert_eq!(props("Beside"), want);
        assert_eq!(
            props("Apart"),
            want,
            "without the override, in the same order"
        );
    }
}
