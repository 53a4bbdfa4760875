//! `LayerVersion`: code shared by functions, defined in the app or imported by ARN.

use lambda_spec::{Architecture, Runtime};
use serde_json::Value as Json;

use super::code::Code;
use super::function_hash::reorder;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::synth::resolve::Resolver;
use crate::{Error, Result};

/// Who may use a layer: an account (or `*`), optionally limited to an organization.
#[derive(Clone, Debug)]
pub struct LayerVersionPermission {
    /// An account id, or `*` for every account.
    pub account_id: String,
    /// Limits `*` to the accounts of one organization.
    pub organization_id: Option<String>,
}

#[derive(Clone)]
enum Source {
    Owned(CfnResource),
    /// A literal ARN, or one resolved at deploy time (an extension layer's regional lookup).
    Arn(Value),
}

/// A Lambda layer version. Cheap to clone; clones share the same layer.
#[derive(Clone)]
pub struct LayerVersion {
    node: ConstructNode,
    source: Source,
    compatible_runtimes: Option<Vec<Runtime>>,
}

impl Construct for LayerVersion {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

#[lambda_builder::builders]
impl LayerVersion {
    /// A layer version built from `code`.
    ///
    /// ```
    /// use lambda_core::lambda::{Code, LayerVersion, Runtime};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let bucket = lambda_core::s3::Bucket::builder().build(&stack, "Layers")?;
    /// let code = Code::from_bucket(&bucket, "layer.zip");
    /// let layer = LayerVersion::builder()
    ///     .code(code)
    ///     .compatible_runtimes(vec![Runtime::NODEJS_22_X])
    ///     .license("Apache-2.0")
    ///     .build(&stack, "MyLayer")?;
    /// # let _ = layer;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The layer's content: a local folder or `.zip`, or an S3 object (not inline code).
        code: Code,
        /// Runtimes the layer works with; any runtime when unset.
        compatible_runtimes: Option<Vec<Runtime>>,
        /// Instruction sets the layer works with.
        #[builder(default)]
        compatible_architectures: Vec<Architecture>,
        /// `LicenseInfo`, e.g. an SPDX identifier.
        #[builder(into)]
        license: Option<String>,
        /// `Description`.
        #[builder(into)]
        description: Option<String>,
        /// A fixed `LayerName`.
        #[builder(into)]
        layer_version_name: Option<String>,
        /// What happens to old layer versions (CloudFormation deletes them when unset).
        removal_policy: Option<RemovalPolicy>,
    ) -> Result<Self> {
        let path = super::rules::ErrorPath::new(scope, id);
        if let Some(runtimes) = &compatible_runtimes {
            if runtimes.is_empty() {
                return Err(Error::validation(
                    "AttemptedDefineLambdaLayerSupports",
                    "Attempted to define a Lambda layer that supports no runtime!",
                    path.get(),
                ));
            }
        }
        if let Code::Inline(_) = code {
            return Err(Error::validation(
                "InlineCodeSupportedLambdaLayers",
                "Inline code is not supported for AWS Lambda layers",
                path.get(),
            ));
        }
        if let Code::Image(_) = code {
            return Err(Error::validation(
                "CodeDefineLocation",
                "Code must define an S3 location",
                path.get(),
            ));
        }
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = scope.node().add_child(
                id,
                NodeKind::Construct,
                "aws-cdk-lib.aws_lambda.LayerVersion",
            )?;
            let bound = code.bind(&node, None)?;
            let mut properties: Vec<(&'static str, Value)> = Vec::new();
            if !compatible_architectures.is_empty() {
                properties.push((
                    prop::COMPATIBLE_ARCHITECTURES,
                    Value::list(compatible_architectures.iter().map(|a| a.as_str().into())),
                ));
            }
            if let Some(runtimes) = &compatible_runtimes {
                properties.push((
                    prop::COMPATIBLE_RUNTIMES,
                    Value::list(runtimes.iter().map(|r| r.name().into())),
                ));
            }
            properties.push((prop::CONTENT, bound.property));
            if let Some(d) = description {
                properties.push((prop::DESCRIPTION, d.into()));
            }
            if let Some(n) = layer_version_name {
                properties.push((prop::LAYER_NAME, n.into()));
            }
            if let Some(l) = license {
                properties.push((prop::LICENSE_INFO, l.into()));
            }
            let resource =
                CfnResource::create(&node, "Resource", "AWS::Lambda::LayerVersion", properties)?;
            if let Some(file) = bound.asset_file {
                resource.with(|e| e.extra_mut().asset = Some((file, prop::CONTENT)));
            }
            if let Some(policy) = removal_policy {
                resource.apply_removal_policy(policy);
            }
            Ok(LayerVersion {
                node,
                source: Source::Owned(resource),
                compatible_runtimes,
            })
        })
    }
}

impl LayerVersion {
    /// A layer version defined elsewhere, by ARN; it is taken as compatible with every runtime,
    /// as aws-cdk-lib's `fromLayerVersionArn` does.
    pub fn from_layer_version_arn(scope: &dyn Construct, id: &str, arn: &str) -> Result<Self> {
        Self::from_arn_value(scope, id, arn.into())
    }

    /// [`LayerVersion::from_layer_version_arn`] with an ARN that may be a deploy-time value.
    pub(crate) fn from_arn_value(scope: &dyn Construct, id: &str, arn: Value) -> Result<Self> {
        let node = scope.node().add_child(
            id,
            NodeKind::Construct,
            // An anonymous subclass of LayerVersionBase in aws-cdk-lib: its construct info is Resource.
            "aws-cdk-lib.Resource",
        )?;
        Ok(LayerVersion {
            node,
            source: Source::Arn(arn),
            compatible_runtimes: Some(Runtime::ALL.to_vec()),
        })
    }

    /// The layer version ARN (`{"Ref": layer}` for a layer of this app).
    pub fn layer_version_arn(&self) -> Value {
        match &self.source {
            Source::Owned(r) => r.ref_value(),
            Source::Arn(arn) => arn.clone(),
        }
    }

    /// The runtimes the layer declares; `None` means any.
    pub fn compatible_runtimes(&self) -> Option<&[Runtime]> {
        self.compatible_runtimes.as_deref()
    }

    /// Lets an account (or every account of an organization) use this layer version.
    pub fn add_permission(&self, id: &str, permission: LayerVersionPermission) -> Result<()> {
        if permission.organization_id.is_some() && permission.account_id != "*" {
            return Err(Error::validation(
                "OrganizationidOnlySpecifiedAwsaccountid",
                format!(
                    "OrganizationId can only be specified if AwsAccountId is '*', but it is {}",
                    permission.account_id
                ),
                self.node.path(),
            ));
        }
        let mut properties: Vec<(String, Value)> = vec![
            ("Action".into(), "lambda:GetLayerVersion".into()),
            ("LayerVersionArn".into(), self.layer_version_arn()),
        ];
        if let Some(org) = permission.organization_id {
            properties.push(("OrganizationId".into(), org.into()));
        }
        properties.push(("Principal".into(), permission.account_id.into()));
        CfnResource::create(
            &self.node,
            id,
            "AWS::Lambda::LayerVersionPermission",
            properties,
        )?;
        Ok(())
    }

    /// The key and value this layer adds to aws-cdk-lib's layer hash.
    pub(crate) fn hash_entry(&self, r: &Resolver<'_>) -> Result<(String, Json)> {
        match &self.source {
            Source::Owned(resource) => {
                let n = resource.node().id;
                let element = r.tree.element(n).expect("a layer L1");
                let rendered = r.resolve(&element.render(&[], &r.render_metadata(n)))?;
                let properties = rendered
                    .as_ref()
                    .and_then(|j| j.get("Properties"))
                    .and_then(Json::as_object)
                    .cloned()
                    .unwrap_or_default();
                Ok((
                    self.node.id(),
                    Json::Object(reorder(properties, LAYER_FIXED_ORDER)),
                ))
            }
            Source::Arn(arn) => {
                let runtimes = self.compatible_runtimes.as_deref().unwrap_or(&[]);
                match arn.as_literal_str() {
                    Some(arn) => {
                        let items: Vec<Json> = runtimes
                            .iter()
                            .map(|rt| {
                                serde_json::from_str(&rt.to_cdk_json()).expect("runtime JSON")
                            })
                            .collect();
                        Ok((arn.to_owned(), Json::Array(items)))
                    }
                    // A deploy-time ARN: keyed by construct id, with the resolved ARN and the
                    // runtime names, as aws-cdk-lib hashes an unresolved one.
                    None => {
                        let mut entry = serde_json::Map::new();
                        entry.insert("arn".into(), r.resolve(arn)?.unwrap_or(Json::Null));
                        entry.insert(
                            "runtimes".into(),
                            Json::Array(runtimes.iter().map(|rt| rt.name().into()).collect()),
                        );
                        Ok((self.node.id(), Json::Object(entry)))
                    }
                }
            }
        }
    }
}

/// The `AWS::Lambda::LayerVersion` property names, written once.
mod prop {
    pub(super) const COMPATIBLE_ARCHITECTURES: &str = "CompatibleArchitectures";
    pub(super) const COMPATIBLE_RUNTIMES: &str = "CompatibleRuntimes";
    pub(super) const CONTENT: &str = "Content";
    pub(super) const DESCRIPTION: &str = "Description";
    pub(super) const LAYER_NAME: &str = "LayerName";
    pub(super) const LICENSE_INFO: &str = "LicenseInfo";
}

/// The layer properties aws-cdk-lib hashes first, in this order.
const LAYER_FIXED_ORDER: &[&str] = &[
    prop::CONTENT,
    prop::COMPATIBLE_ARCHITECTURES,
    prop::COMPATIBLE_RUNTIMES,
    prop::DESCRIPTION,
    prop::LAYER_NAME,
    prop::LICENSE_INFO,
];
