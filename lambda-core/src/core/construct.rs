//! Construct handles: cheap clones of the app plus a node index.

use serde_json::Value as Json;

use super::tree::{NodeId, NodeKind};
use crate::{App, Result};

/// Anything that lives in the construct tree: an app, a stack, a function, a role...
pub trait Construct {
    /// The construct's node: its place in the tree (a cheap handle).
    fn node(&self) -> ConstructNode;
}

/// A construct's place in the tree, shared by every handle to it.
#[derive(Clone)]
pub struct ConstructNode {
    pub(crate) app: App,
    pub(crate) id: NodeId,
}

impl Construct for ConstructNode {
    fn node(&self) -> ConstructNode {
        self.clone()
    }
}

impl ConstructNode {
    pub(crate) fn new(app: &App, id: NodeId) -> Self {
        ConstructNode {
            app: app.clone(),
            id,
        }
    }

    /// Adds a plain child node (a grouping construct with no CloudFormation of its own).
    pub(crate) fn add_child(
        &self,
        id: &str,
        kind: NodeKind,
        fqn: &'static str,
    ) -> Result<ConstructNode> {
        let child = self.app.tree_mut().add(self.id, id, kind, fqn)?;
        Ok(ConstructNode::new(&self.app, child))
    }

    /// Adds a plain construct under this one (what [`Scope`] builds).
    pub(crate) fn add_construct(&self, id: &str) -> Result<ConstructNode> {
        self.add_child(id, NodeKind::Construct, "constructs.Construct")
    }

    /// Attaches a warning that the CDK CLI prints (and `--strict` turns into an error); `id`
    /// lets users acknowledge it, as aws-cdk-lib's `addWarningV2` does.
    pub fn add_warning_v2(&self, id: &str, message: &str) {
        let data = format!("{message} [ack: {id}]");
        let mut tree = self.app.tree_mut();
        let annotations = &mut tree.node_mut(self.id).extra_mut().annotations;
        if !annotations.iter().any(|(_, d)| *d == data) {
            annotations.push(("aws:cdk:warning", data));
        }
    }

    /// Records that validation rule `rule` is expected here (aws-cdk-lib's
    /// `Validations.of(node).acknowledge`), once per rule: `aws:cdk:acknowledged-rules` metadata.
    pub(crate) fn acknowledge(&self, rule: &'static str, reason: &'static str) {
        let mut tree = self.app.tree_mut();
        let acknowledged = &mut tree.node_mut(self.id).extra_mut().acknowledged;
        if !acknowledged.iter().any(|(r, _)| *r == rule) {
            acknowledged.push((rule, reason));
        }
    }

    /// Attaches an informational message the CDK CLI prints.
    pub fn add_info(&self, message: &str) {
        self.app
            .tree_mut()
            .node_mut(self.id)
            .extra_mut()
            .annotations
            .push(("aws:cdk:info", message.to_owned()));
    }

    /// The child called `id`, if there is one (aws-cdk-lib's `node.tryFindChild`).
    pub fn try_find_child(&self, id: &str) -> Option<ConstructNode> {
        let child = self.app.tree().child(self.id, id)?;
        Some(ConstructNode::new(&self.app, child))
    }

    /// The children, in the order they were added (aws-cdk-lib's `node.children`).
    pub fn children(&self) -> Vec<ConstructNode> {
        let ids = self.app.tree().node(self.id).children.clone();
        ids.into_iter()
            .map(|c| ConstructNode::new(&self.app, c))
            .collect()
    }

    /// The app this construct belongs to.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// The id given when the construct was created.
    pub fn id(&self) -> String {
        self.app.tree().node(self.id).id.clone()
    }

    /// The construct path: ids from the stack down, joined by `/` (`MyStack/MyFunction`).
    pub fn path(&self) -> String {
        self.app.tree().path(self.id)
    }

    /// Makes every CloudFormation resource under this construct depend on every resource under
    /// `target` (`DependsOn`), as `node.addDependency` does in CDK.
    pub fn add_dependency(&self, target: &dyn Construct) {
        let target = target.node().id;
        let mut tree = self.app.tree_mut();
        let deps = &mut tree.node_mut(self.id).extra_mut().dependencies;
        if !deps.contains(&target) {
            deps.push(target);
        }
    }

    /// Sets a context value on this node; it applies to this node and everything below it,
    /// and wins over the value of any ancestor.
    pub fn set_context(&self, key: impl Into<String>, value: impl Into<Json>) {
        self.app
            .tree_mut()
            .set_context(self.id, key.into(), value.into());
    }

    /// The context value for `key` as seen from this node (the nearest one that sets it wins).
    pub fn try_get_context(&self, key: &str) -> Option<Json> {
        self.app.tree().context(self.id, key).cloned()
    }

    /// Whether a feature flag is on for this node: its context value, or aws-cdk-lib 2.276's
    /// default when unset.
    pub fn feature_flag(&self, flag: &str) -> bool {
        self.app.tree().feature_flag(self.id, flag)
    }

    /// The stack this construct belongs to.
    pub fn stack(&self) -> Option<crate::Stack> {
        let id = self.app.tree().stack_of(self.id)?;
        Some(crate::Stack::from_node(ConstructNode::new(&self.app, id)))
    }
}

/// A plain construct: a scope that groups others and adds its id to their paths, and so to
/// their logical IDs (aws-cdk-lib's `new Construct(scope, id)`). It writes nothing to the
/// template itself.
///
/// ```
/// use lambda_core::{App, Construct, Scope, Stack};
///
/// let app = App::from_env();
/// let stack = Stack::builder().build(&app, "MyStack")?;
/// let group = Scope::builder().build(&stack, "Handlers")?;
/// assert_eq!(group.node().path(), "MyStack/Handlers");
/// # Ok::<(), lambda_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Scope {
    node: ConstructNode,
}

impl Construct for Scope {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

#[lambda_builder::builders]
impl Scope {
    /// Adds the scope `id` under `scope`; constructs created under it get its id in their
    /// paths.
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
    ) -> Result<Scope> {
        Ok(Scope {
            node: scope.node().add_construct(id)?,
        })
    }
}
