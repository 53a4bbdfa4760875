//! Where a function's code comes from: inline source, a local asset, an S3 object, or
//! template parameters.

use std::path::{Path, PathBuf};

use lambda_spec::S3ObjectStorageMode;

use crate::assets::{FingerprintOptions, IgnoreMode};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::parameter::CfnParameter;
use crate::core::stack::FileAsset;
use crate::core::tree::NodeKind;
use crate::core::value::{Pseudo, Value};
use crate::iam::{PolicyStatement, Principal};
use crate::kms::Key;
use crate::s3::Bucket;
use crate::{Error, Result};

/// How exclude patterns of an asset are read.
#[derive(Clone, Debug, Default)]
pub struct AssetOptions {
    /// Paths to leave out of the asset (their meaning depends on `ignore_mode`).
    pub exclude: Vec<String>,
    /// Glob (default), `.gitignore` or `.dockerignore` semantics.
    pub ignore_mode: IgnoreMode,
}

/// Options of [`Code::from_bucket_v2`].
#[derive(Clone, Default)]
pub struct BucketCodeOptions {
    /// The S3 object version to deploy.
    pub object_version: Option<String>,
    /// The KMS key the object is encrypted with.
    pub source_kms_key: Option<Key>,
    /// `REFERENCE` lets Lambda read the object in place (needs `object_version`).
    pub s3_object_storage_mode: Option<S3ObjectStorageMode>,
    /// Set by [`Code::from_bucket_v2`]; selects aws-cdk-lib's `fromBucketV2` warning text.
    #[doc(hidden)]
    pub is_v2: bool,
}

/// The code of a Lambda function.
#[derive(Clone)]
#[non_exhaustive]
pub enum Code {
    /// Source embedded in the template (`Code.ZipFile`).
    Inline(String),
    /// A local folder or `.zip` file, published as an asset.
    Asset {
        /// Folder or archive path.
        path: PathBuf,
        /// Excludes and their mode.
        options: AssetOptions,
    },
    /// An object in an S3 bucket of this app.
    Bucket {
        /// The bucket.
        bucket: Bucket,
        /// Object key.
        key: String,
        /// Version, KMS key and storage mode.
        options: BucketCodeOptions,
    },
    /// Bucket and key given as template parameters at deploy time.
    CfnParameters,
    /// A container image (`Code.ImageUri`), from ECR or built from a local Dockerfile.
    Image(Box<super::docker_image::ImageCode>),
    /// A Rust handler built with `cargo lambda build` (see [`Code::from_rust`]).
    Rust(Box<super::rust_build::RustCode>),
}

impl Code {
    /// Inline source (Node.js and Python runtimes only).
    pub fn from_inline(source: impl Into<String>) -> Code {
        Code::Inline(source.into())
    }

    /// A local folder (zipped at publish time) or `.zip`/`.jar` file.
    pub fn from_asset(path: impl AsRef<Path>) -> Code {
        Code::from_asset_with(path, AssetOptions::default())
    }

    /// A local asset with exclude patterns.
    pub fn from_asset_with(path: impl AsRef<Path>, options: AssetOptions) -> Code {
        Code::Asset {
            path: path.as_ref().to_path_buf(),
            options,
        }
    }

    /// An object in `bucket` (aws-cdk-lib's `Code.fromBucket`).
    pub fn from_bucket(bucket: &Bucket, key: impl Into<String>) -> Code {
        Code::Bucket {
            bucket: bucket.clone(),
            key: key.into(),
            options: BucketCodeOptions::default(),
        }
    }

    /// An object in `bucket` with a version, KMS key or storage mode
    /// (aws-cdk-lib's `Code.fromBucketV2`).
    pub fn from_bucket_v2(
        bucket: &Bucket,
        key: impl Into<String>,
        options: BucketCodeOptions,
    ) -> Code {
        Code::Bucket {
            bucket: bucket.clone(),
            key: key.into(),
            options: BucketCodeOptions {
                is_v2: true,
                ..options
            },
        }
    }

    /// A Rust handler package built by cargo-lambda into a folder holding `bootstrap`; hashed by
    /// its sources, so an unchanged handler is never built twice.
    pub fn from_rust(code: super::rust_build::RustCode) -> Code {
        Code::Rust(Box::new(code))
    }

    /// Bucket name and key as `String` parameters of the template.
    pub fn from_cfn_parameters() -> Code {
        Code::CfnParameters
    }
}

/// The `Code` property and what binding it created.
pub(crate) struct BoundCode {
    pub(crate) property: Value,
    /// The staged asset's file name, when the code is a local asset.
    pub(crate) asset_file: Option<String>,
    /// Constructs the function must wait for (a bucket policy granting Lambda access).
    pub(crate) dependencies: Vec<ConstructNode>,
    /// `ImageConfig` of container-image code.
    pub(crate) image_config: Option<Value>,
}

impl Code {
    /// Binds the code to `function` (aws-cdk-lib's `Code.bind`): stages assets, creates
    /// parameters or bucket grants, and returns the `Code` property.
    pub(crate) fn bind(
        &self,
        function: &ConstructNode,
        function_name: Option<&str>,
    ) -> Result<BoundCode> {
        match self {
            Code::Inline(source) => {
                if source.is_empty() {
                    return Err(Error::validation(
                        "LambdaInlineCodeCannotBeEmpty",
                        "Lambda inline code cannot be empty",
                        function.path(),
                    ));
                }
                Ok(BoundCode {
                    property: Value::object([("ZipFile", Value::from(source.as_str()))]),
                    asset_file: None,
                    dependencies: Vec::new(),
                    image_config: None,
                })
            }
            Code::Asset { path, options } => {
                let stack = function.stack().ok_or_else(|| {
                    Error::Synth(format!("{} is not inside a stack", function.path()))
                })?;
                let mut fp = FingerprintOptions {
                    exclude: options.exclude.clone(),
                    ignore_mode: options.ignore_mode,
                    ..FingerprintOptions::default()
                };
                if let Some(serde_json::Value::String(salt)) =
                    function.try_get_context(crate::flags::ASSET_HASH_SALT)
                {
                    fp.extra_hash = Some(salt);
                }
                let planned = crate::assets::plan_in(path, &fp, &function.app().outdir())?;
                if !planned.source_is_dir && !crate::assets::is_archive_file(path) {
                    return Err(Error::validation(
                        "AssetMustBeZipFile",
                        format!(
                            "Asset must be a .zip file or a directory ({})",
                            path.display()
                        ),
                        function.path(),
                    ));
                }
                let code_node = function.add_child(
                    "Code",
                    NodeKind::Construct,
                    "aws-cdk-lib.aws_s3_assets.Asset",
                )?;
                let stack_path = stack.node().path();
                let display_name = code_node
                    .path()
                    .strip_prefix(&format!("{stack_path}/"))
                    .unwrap_or(&code_node.path())
                    .to_owned();
                let (bucket, key) = stack.add_file_asset(FileAsset {
                    hash: planned.hash.clone(),
                    source: path.clone(),
                    options: fp,
                    packaging: planned.packaging,
                    file_name: planned.file_name.clone(),
                    display_name,
                    docker: None,
                });
                Ok(BoundCode {
                    property: Value::object([("S3Bucket", bucket), ("S3Key", key)]),
                    asset_file: Some(planned.file_name.clone()),
                    dependencies: Vec::new(),
                    image_config: None,
                })
            }
            Code::Bucket {
                bucket,
                key,
                options,
            } => bind_bucket(bucket, key, options, function, function_name),
            Code::Image(image) => image.bind(function),
            Code::Rust(rust) => super::rust_function::bind_rust(rust, function),
            Code::CfnParameters => {
                let bucket = CfnParameter::builder()
                    .type_name("String")
                    .build(function, "LambdaSourceBucketNameParameter")?;
                let key = CfnParameter::builder()
                    .type_name("String")
                    .build(function, "LambdaSourceObjectKeyParameter")?;
                Ok(BoundCode {
                    property: Value::object([("S3Bucket", bucket.value()), ("S3Key", key.value())]),
                    asset_file: None,
                    dependencies: Vec::new(),
                    image_config: None,
                })
            }
        }
    }
}

fn bind_bucket(
    bucket: &Bucket,
    key: &str,
    options: &BucketCodeOptions,
    function: &ConstructNode,
    function_name: Option<&str>,
) -> Result<BoundCode> {
    if options.object_version.is_none() {
        // aws-cdk-lib warns on the bucket: without a version, new code in the bucket is not
        // deployed by an update.
        let (method, setting) = if options.is_v2 {
            (
                "options.objectVersion is not defined for S3Code.fromBucketV2()",
                "options.objectVersion",
            )
        } else {
            (
                "objectVersion is not defined for S3Code.fromBucket()",
                "objectVersion",
            )
        };
        bucket.node().add_warning_v2(
            "@aws-cdk/aws-lambda:codeFromBucketObjectVersionNotSpecified",
            &format!("{method}. The lambda will not be updated automatically if the code in the bucket is updated. This is because CDK/Cloudformation does not track changes on the source S3 Bucket. It is recommended to either use S3Code.fromAsset() instead or set {setting}."),
        );
    }
    let mut entries: Vec<(&str, Value)> =
        vec![("S3Bucket", bucket.bucket_name()), ("S3Key", key.into())];
    let mut dependencies = Vec::new();
    if let Some(mode) = options.s3_object_storage_mode {
        if mode == S3ObjectStorageMode::Reference && options.object_version.is_none() {
            return Err(Error::validation(
                "S3ObjectStorageModeReferenceRequiresObjectVersion",
                "set objectVersion when using s3ObjectStorageMode REFERENCE because Lambda requires a versioned S3 object",
                function.path(),
            ));
        }
        entries.push(("S3ObjectStorageMode", mode.as_str().into()));
        if mode == S3ObjectStorageMode::Reference {
            // Lambda reads the object in place, so the bucket must let this function read it.
            let source_arn = Value::join(
                "",
                [
                    "arn:".into(),
                    Pseudo::Partition.value(),
                    ":lambda:".into(),
                    Pseudo::Region.value(),
                    ":".into(),
                    Pseudo::AccountId.value(),
                    format!(":function:{}", function_name.unwrap_or("*")).into(),
                ],
            );
            let statement = PolicyStatement::new()
                .actions(["s3:GetObject", "s3:GetObjectVersion"])
                .condition(
                    "StringEquals",
                    "aws:SourceAccount",
                    Pseudo::AccountId.value(),
                )
                .condition("ArnLike", "aws:SourceArn", source_arn)
                .principal(Principal::service("lambda.amazonaws.com"))
                .resources([bucket.arn_for_objects(key)]);
            dependencies.push(bucket.add_to_resource_policy(statement)?);
        }
    }
    if let Some(v) = &options.object_version {
        entries.push(("S3ObjectVersion", v.as_str().into()));
    }
    if let Some(k) = &options.source_kms_key {
        entries.push(("SourceKMSKeyArn", k.key_arn()));
    }
    Ok(BoundCode {
        property: Value::object(entries),
        asset_file: None,
        dependencies,
        image_config: None,
    })
}
