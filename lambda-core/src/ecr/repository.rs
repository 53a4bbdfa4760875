//! `Repository`: an `AWS::ECR::Repository`, and `RepositoryRef`, any repository an image can
//! come from.

use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::RemovalPolicy;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::tree::NodeKind;
use crate::core::value::{Lazy, Pseudo, Value};
use crate::iam::{PolicyDocument, PolicyStatement, Principal};
use crate::Result;

/// Whether an image tag can be pushed again (`ImageTagMutability`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagMutability {
    /// A tag may point at a new image.
    Mutable,
    /// A tag, once pushed, never changes.
    Immutable,
}

/// An `AWS::ECR::Repository` of this stack; retained on removal unless told otherwise, as
/// aws-cdk-lib's. Cheap to clone; clones share the repository policy.
#[derive(Clone)]
pub struct Repository {
    base: ResourceBase,
    policy: PolicyDocument,
}

resource_construct! {
    Repository {
        /// `{"Ref": <repository>}`: the repository name.
        fn repository_name = Ref;
        /// `{"Fn::GetAtt": [<repository>, "Arn"]}`.
        fn repository_arn = GetAtt("Arn");
    }
}

#[lambda_builder::builders]
impl Repository {
    /// A repository under `scope`.
    ///
    /// ```
    /// use lambda_core::ecr::Repository;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let repo = Repository::builder().image_scan_on_push(true).build(&stack, "Images")?;
    /// # let _ = repo;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// A fixed name (CloudFormation generates one when unset).
        #[builder(into)]
        repository_name: Option<String>,
        /// Scan each image when it is pushed.
        image_scan_on_push: Option<bool>,
        /// Whether tags can be overwritten.
        image_tag_mutability: Option<TagMutability>,
        /// What happens to the repository when it leaves the stack; retained when unset.
        #[builder(default = RemovalPolicy::Retain)]
        removal_policy: RemovalPolicy,
    ) -> Result<Self> {
        let policy = PolicyDocument::new();
        let mut properties: Vec<(&'static str, Value)> = Vec::new();
        if let Some(scan) = image_scan_on_push {
            properties.push((
                "ImageScanningConfiguration",
                Value::object([("ScanOnPush", Value::from(scan))]),
            ));
        }
        if let Some(m) = image_tag_mutability {
            let m = match m {
                TagMutability::Mutable => "MUTABLE",
                TagMutability::Immutable => "IMMUTABLE",
            };
            properties.push(("ImageTagMutability", m.into()));
        }
        if let Some(name) = repository_name {
            properties.push(("RepositoryName", name.into()));
        }
        let app = scope.node().app().clone();
        let base = crate::core::tree::all_or_nothing(&app, || {
            let node = ResourceBase::scope(scope, id, "aws-cdk-lib.aws_ecr.Repository")?;
            // The policy document, left out while it has no statement.
            let document = policy.to_value(&node);
            let empty = policy.clone();
            properties.push((
                "RepositoryPolicyText",
                Value::from(Lazy::new(move |_| {
                    Ok((!empty.is_empty()).then(|| document.clone()))
                })),
            ));
            ResourceBase::new(node, "AWS::ECR::Repository", properties)
        })?;
        base.resource.apply_removal_policy(removal_policy);
        Ok(Repository { base, policy })
    }
}

impl Repository {
    /// A repository made outside the app, by name (aws-cdk-lib's
    /// `Repository.fromRepositoryName`): in the stack's account and region.
    pub fn from_repository_name(
        scope: &dyn Construct,
        id: &str,
        repository_name: &str,
    ) -> Result<RepositoryRef> {
        let node = scope.node().add_child(
            id,
            NodeKind::Construct,
            "aws-cdk-lib.aws_ecr.RepositoryBase",
        )?;
        let stack = node.stack();
        let account = stack
            .as_ref()
            .map_or_else(|| Pseudo::AccountId.value(), crate::Stack::account_value);
        let region = stack
            .as_ref()
            .map_or_else(|| Pseudo::Region.value(), crate::Stack::region_value);
        Ok(RepositoryRef::Imported {
            node,
            name: repository_name.to_owned(),
            account,
            region,
        })
    }

    /// Adds a statement to the repository policy (`RepositoryPolicyText`).
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) {
        self.policy.add_statements([statement]);
    }
}

/// A repository images come from: one of this stack, or one imported by name.
#[derive(Clone)]
pub enum RepositoryRef {
    /// A repository of the app.
    Owned(Repository),
    /// A repository imported by name, in the given account and region.
    Imported {
        /// The import's construct.
        node: ConstructNode,
        /// The repository name.
        name: String,
        /// The account (a literal or `AWS::AccountId`).
        account: Value,
        /// The region (a literal or `AWS::Region`).
        region: Value,
    },
}

impl From<Repository> for RepositoryRef {
    fn from(r: Repository) -> Self {
        RepositoryRef::Owned(r)
    }
}

impl From<&Repository> for RepositoryRef {
    fn from(r: &Repository) -> Self {
        RepositoryRef::Owned(r.clone())
    }
}

impl RepositoryRef {
    /// The URI of an image: `<account>.dkr.ecr.<region>.<url suffix>/<name>` then `:<tag>`, or
    /// `@<digest>` when `tag_or_digest` starts with `sha256:` (aws-cdk-lib's
    /// `repositoryUriForTagOrDigest`).
    pub fn repository_uri_for_tag_or_digest(&self, tag_or_digest: &str) -> Value {
        let suffix = if tag_or_digest.starts_with("sha256:") {
            format!("@{tag_or_digest}")
        } else {
            format!(":{tag_or_digest}")
        };
        let (account, region, name) = match self {
            RepositoryRef::Owned(repo) => {
                // The ARN's fields, split out of the `Arn` attribute.
                let field = |i: usize| {
                    Value::Select(
                        i,
                        Box::new(Value::Split(":".into(), Box::new(repo.repository_arn()))),
                    )
                };
                (field(4), field(3), repo.repository_name())
            }
            RepositoryRef::Imported {
                name,
                account,
                region,
                ..
            } => (account.clone(), region.clone(), Value::from(name.as_str())),
        };
        Value::join(
            "",
            [
                account,
                ".dkr.ecr.".into(),
                region,
                ".".into(),
                Pseudo::UrlSuffix.value(),
                "/".into(),
                name,
                suffix.into(),
            ],
        )
    }

    /// Lets `principal` pull images (aws-cdk-lib's `grantPull`): a repository-policy statement
    /// on a repository of this app; nothing on an imported one, whose policy the app cannot
    /// change.
    pub fn grant_pull(&self, principal: Principal) {
        if let RepositoryRef::Owned(repo) = self {
            repo.add_to_resource_policy(
                PolicyStatement::new()
                    .actions([
                        "ecr:BatchCheckLayerAvailability",
                        "ecr:GetDownloadUrlForLayer",
                        "ecr:BatchGetImage",
                    ])
                    .principal(principal),
            );
        }
    }
}
