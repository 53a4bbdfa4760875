//! Stacks: units of deployment, each synthesized to one CloudFormation template.

use std::path::PathBuf;

use super::construct::{Construct, ConstructNode};
use super::tree::NodeKind;
use super::value::{Pseudo, Value};
use crate::assets::{FingerprintOptions, Packaging};
use crate::{App, Error, Result};

/// The account and region a stack deploys to; `None` leaves it to deploy time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// 12-digit AWS account id.
    pub account: Option<String>,
    /// Region name, e.g. `us-east-1`.
    pub region: Option<String>,
}

/// A file asset the stack publishes before deploying: a staged folder (zipped at publish time)
/// or a file.
#[derive(Clone, Debug)]
pub(crate) struct FileAsset {
    pub(crate) hash: String,
    pub(crate) source: PathBuf,
    pub(crate) options: FingerprintOptions,
    pub(crate) packaging: Packaging,
    /// `asset.<hash>` or `asset.<hash>.zip`.
    pub(crate) file_name: String,
    /// Stack-relative path of the asset construct, e.g. `MyFunction/Code`.
    pub(crate) display_name: String,
    /// Set for a Docker image asset: staged the same way, listed under `dockerImages`.
    pub(crate) docker: Option<crate::assets::docker::DockerImageSource>,
}

impl FileAsset {
    /// The S3 object key: `<hash>.zip` for a folder (zipped at publish time), `<hash><ext>` for
    /// a file, as the default synthesizer names them.
    pub(crate) fn object_key(&self) -> String {
        match self.packaging {
            Packaging::Zip => format!("{}.zip", self.hash),
            Packaging::File => {
                let ext = self
                    .file_name
                    .strip_prefix(&format!("asset.{}", self.hash))
                    .unwrap_or("");
                format!("{}{ext}", self.hash)
            }
        }
    }
}

pub(crate) struct StackData {
    pub(crate) env: Environment,
    pub(crate) description: Option<String>,
    /// The stack's own tags (`tags`), in the order given.
    pub(crate) tags: Vec<(String, String)>,
    /// File assets in the order first added, each hash once.
    pub(crate) assets: Vec<FileAsset>,
    asset_hashes: foldhash::HashSet<String>,
}

/// A CloudFormation stack. Cheap to clone; clones share the tree.
#[derive(Clone)]
pub struct Stack {
    node: ConstructNode,
}

impl Construct for Stack {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

/// Asset bucket of the default synthesizer (bootstrap qualifier `hnb659fds`).
pub(crate) const ASSETS_BUCKET: &str = "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}";

#[lambda_builder::builders]
impl Stack {
    /// A stack named `id` (its CloudFormation stack name), built like every construct:
    ///
    /// ```
    /// use lambda_core::{App, Environment, Stack};
    ///
    /// let app = App::from_env();
    /// let agnostic = Stack::builder().build(&app, "Orders")?;
    /// let pinned = Stack::builder()
    ///     .env(Environment {
    ///         account: Some("123456789012".into()),
    ///         region: Some("eu-west-1".into()),
    ///     })
    ///     .description("Orders in Ireland")
    ///     .tags([("Project", "orders")])
    ///     .build(&app, "OrdersEu")?;
    /// assert_eq!(pinned.region().as_deref(), Some("eu-west-1"));
    /// # let _ = agnostic;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] app: &App,
        #[builder(finish_fn)] id: &str,
        /// Where the stack deploys; environment-agnostic (account and region resolved at
        /// deploy time) when unset.
        env: Option<Environment>,
        /// The template's `Description`.
        #[builder(into)]
        description: Option<String>,
        /// Tags of the stack itself (`manifest.json`): the CDK CLI deploys the stack with them
        /// and CloudFormation passes them to the resources it creates; the template does not
        /// repeat them. `Tags::of` the stack or the app adds to them, unless
        /// `@aws-cdk/core:explicitStackTags` is on (a `cdk init` project's flags).
        #[builder(into)]
        tags: Option<crate::core::tags::StackTags>,
    ) -> Result<Stack> {
        validate_stack_name(id)?;
        let data = StackData {
            env: env.unwrap_or_default(),
            description,
            tags: tags.map(|t| t.0).unwrap_or_default(),
            assets: Vec::new(),
            asset_hashes: foldhash::HashSet::default(),
        };
        let node =
            app.node()
                .add_child(id, NodeKind::Stack(Box::new(data)), "aws-cdk-lib.Stack")?;
        Ok(Stack { node })
    }
}

impl Stack {
    pub(crate) fn from_node(node: ConstructNode) -> Self {
        Stack { node }
    }

    pub(crate) fn with_data<R>(&self, f: impl FnOnce(&mut StackData) -> R) -> R {
        let mut tree = self.node.app.tree_mut();
        let data = tree
            .stack_data_mut(self.node.id)
            .expect("a Stack handle points at a stack node");
        f(data)
    }

    /// The CloudFormation stack name (the id of a top-level stack).
    pub fn stack_name(&self) -> String {
        self.node.id()
    }

    /// The concrete account, if the stack has one.
    pub fn account(&self) -> Option<String> {
        self.with_data(|d| d.env.account.clone())
    }

    /// The concrete region, if the stack has one.
    pub fn region(&self) -> Option<String> {
        self.with_data(|d| d.env.region.clone())
    }

    /// The account as a value: the literal, or `{"Ref": "AWS::AccountId"}`.
    pub fn account_value(&self) -> Value {
        self.account()
            .map_or_else(|| Pseudo::AccountId.value(), Value::String)
    }

    /// The region as a value: the literal, or `{"Ref": "AWS::Region"}`.
    pub fn region_value(&self) -> Value {
        self.region()
            .map_or_else(|| Pseudo::Region.value(), Value::String)
    }

    /// Sets a context value for this stack and everything in it (wins over the app's).
    pub fn set_context(&self, key: impl Into<String>, value: impl Into<serde_json::Value>) {
        self.node.set_context(key, value);
    }

    /// Registers a file asset and returns the `(S3Bucket, S3Key)` values that locate it.
    pub(crate) fn add_file_asset(&self, asset: FileAsset) -> (Value, Value) {
        let key = asset.object_key();
        let env = self.with_data(|d| {
            if d.asset_hashes.insert(asset.hash.clone()) {
                d.assets.push(asset);
            }
            d.env.clone()
        });
        let bucket = match (&env.account, &env.region) {
            (Some(account), Some(region)) => Value::String(
                ASSETS_BUCKET
                    .replace("${AWS::AccountId}", account)
                    .replace("${AWS::Region}", region),
            ),
            _ => Value::sub(ASSETS_BUCKET),
        };
        (bucket, Value::String(key))
    }
}

impl Stack {
    /// Registers a Docker image asset (a staged build context) and returns its image URI in the
    /// bootstrap's container-assets repository, tagged with the asset hash.
    pub(crate) fn add_docker_image_asset(&self, asset: FileAsset) -> Value {
        let uri = format!(
            "${{AWS::AccountId}}.dkr.ecr.${{AWS::Region}}.${{AWS::URLSuffix}}/{CONTAINER_ASSETS_REPOSITORY}:{}",
            asset.hash
        );
        let env = self.with_data(|d| {
            if d.asset_hashes.insert(asset.hash.clone()) {
                d.assets.push(asset);
            }
            d.env.clone()
        });
        let mut uri = uri;
        if let Some(account) = &env.account {
            uri = uri.replace("${AWS::AccountId}", account);
        }
        if let Some(region) = &env.region {
            uri = uri.replace("${AWS::Region}", region);
        }
        Value::sub(uri)
    }
}

/// The default synthesizer's repository for Docker image assets.
pub(crate) const CONTAINER_ASSETS_REPOSITORY: &str =
    "cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}";

/// Context key of the most resources a stack may hold (aws-cdk-lib's `maxResources`); 0 turns the
/// check off.
pub const STACK_RESOURCE_LIMIT: &str = "@aws-cdk/core:stackResourceLimit";
/// CloudFormation's limit of resources per template, aws-cdk-lib's default `maxResources`.
pub const DEFAULT_MAX_RESOURCES: u64 = 500;

/// aws-cdk-lib's check at synthesis: a stack with more resources than its limit
/// ([`STACK_RESOURCE_LIMIT`], 500 by default) fails with `TooManyResourcesInStack`, counting
/// each resource type in template order.
pub(crate) fn check_resource_limit(
    tree: &super::tree::Tree,
    stack: super::tree::NodeId,
    elements: &[super::tree::NodeId],
) -> Result<()> {
    use super::element::Section;
    use super::tree::Shape;

    let max = match tree.context(stack, STACK_RESOURCE_LIMIT) {
        Some(serde_json::Value::Number(n)) => n.as_u64().unwrap_or(DEFAULT_MAX_RESOURCES),
        Some(serde_json::Value::String(s)) => s.parse().unwrap_or(DEFAULT_MAX_RESOURCES),
        _ => DEFAULT_MAX_RESOURCES,
    };
    if max == 0 {
        return Ok(());
    }
    let resources: Vec<&str> = elements
        .iter()
        .map(|&n| tree.node(n))
        .filter(|node| matches!(node.shape, Shape::Element(Section::Resources)))
        .map(|node| &*node.cfn_type)
        .collect();
    let total = resources.len() as u64;
    if total <= max {
        return Ok(());
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for t in resources {
        match counts.iter_mut().find(|(k, _)| *k == t) {
            Some(entry) => entry.1 += 1,
            None => counts.push((t, 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(t, c)| format!("{t} ({c})")).collect();
    let path = tree.path(stack);
    Err(Error::validation(
        "TooManyResourcesInStack",
        format!(
            "Number of resources in stack '{path}': {total} is greater than allowed maximum of {max}: {}",
            counts.join(", ")
        ),
        path.clone(),
    ))
}

/// CloudFormation's rule for stack names, checked when the stack is created.
fn validate_stack_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let valid = matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
        && name.len() <= 128;
    if valid {
        Ok(())
    } else {
        Err(Error::validation(
            "InvalidStackName",
            format!(
                "Stack name must match the regular expression: /^[A-Za-z][A-Za-z0-9-]*$/, got '{name}'"
            ),
            name,
        ))
    }
}
