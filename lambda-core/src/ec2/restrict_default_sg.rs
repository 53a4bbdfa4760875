//! What aws-cdk-lib adds under `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup`: a
//! `Custom::VpcRestrictDefaultSG` resource that strips the VPC's default security group of its
//! rules, served by one provider per stack (`Custom::VpcRestrictDefaultSGCustomResourceProvider`:
//! a role and a Node.js function). The function runs this project's own handler
//! (`handlers/restrict-default-sg/__entrypoint__.js`), so its code asset, and only that, differs
//! from aws-cdk-lib's.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::assets::FingerprintOptions;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::stack::FileAsset;
use crate::core::tree::NodeKind;
use crate::synth::tree_props::TreeProps;
use crate::{Error, Pseudo, Result, Value};

/// aws-cdk-lib's flag that adds the resource to every new VPC.
pub(crate) const RESTRICT_DEFAULT_SECURITY_GROUP: &str =
    "@aws-cdk/aws-ec2:restrictDefaultSecurityGroup";

/// The custom resource type, also the provider's id prefix.
const RESOURCE_TYPE: &str = "Custom::VpcRestrictDefaultSG";

const HANDLER_SOURCE: &str = include_str!("../../handlers/restrict-default-sg/__entrypoint__.js");

/// `<temp>/lambda-cdk-restrict-default-sg-<hash>/__entrypoint__.js`, written when missing (its
/// content names it, so a stale copy is never used).
fn handler_dir() -> Result<PathBuf> {
    let digest = Sha256::digest(HANDLER_SOURCE.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let dir = std::env::temp_dir().join(format!("lambda-cdk-restrict-default-sg-{hex}"));
    let file = dir.join("__entrypoint__.js");
    if std::fs::read_to_string(&file).is_ok_and(|s| s == HANDLER_SOURCE) {
        return Ok(dir);
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let tmp = crate::temp::TempFile::new_in(&dir, ".handler-").map_err(|e| Error::io(&dir, e))?;
    std::fs::write(tmp.path(), HANDLER_SOURCE).map_err(|e| Error::io(tmp.path(), e))?;
    tmp.persist(&file).map_err(|e| Error::io(&file, e))?;
    Ok(dir)
}

/// A `CfnResource` whose properties keep the order given (the first set, the others as
/// overrides, which keep theirs), as aws-cdk-lib writes untyped resources.
fn ordered_resource(
    scope: &ConstructNode,
    id: &str,
    type_name: &'static str,
    properties: Vec<(&'static str, Value)>,
) -> Result<CfnResource> {
    let mut properties = properties.into_iter();
    let first: Vec<(&'static str, Value)> = properties.next().into_iter().collect();
    let resource = CfnResource::create(scope, id, type_name, first)?;
    // aws-cdk-lib makes the provider's role and handler as plain `CfnResource`s.
    resource.set_tree_props(&TreeProps::GENERIC);
    for (name, value) in properties {
        resource.add_property_override(name, value);
    }
    Ok(resource)
}

/// `arn:<partition>:ec2:<region>:<account>:security-group/<id>` in the stack of `node`.
fn security_group_arn(node: &ConstructNode, group_id: Value) -> Value {
    let (region, account) = node.stack().map_or_else(
        || (Pseudo::Region.value(), Pseudo::AccountId.value()),
        |s| (s.region_value(), s.account_value()),
    );
    Value::join(
        "",
        [
            "arn:".into(),
            Pseudo::Partition.value(),
            ":ec2:".into(),
            region,
            ":".into(),
            account,
            ":security-group/".into(),
            group_id,
        ],
    )
}

/// Adds the custom resource under `vpc` (and the stack's provider on first use).
pub(crate) fn restrict_default_security_group(
    vpc: &ConstructNode,
    default_security_group: Value,
) -> Result<()> {
    let stack = vpc
        .stack()
        .ok_or_else(|| Error::Synth(format!("{} is not inside a stack", vpc.path())))?;
    let provider_id = format!("{RESOURCE_TYPE}CustomResourceProvider");
    let provider = match stack.node().try_find_child(&provider_id) {
        Some(node) => node,
        None => {
            let provider = stack.node().add_child(
                &provider_id,
                NodeKind::Construct,
                "aws-cdk-lib.CustomResourceProviderBase",
            )?;
            // aws-cdk-lib stages the provider's code first (a node of tree.json only).
            provider.add_child("Staging", NodeKind::Construct, "aws-cdk-lib.AssetStaging")?;
            provider
        }
    };
    let role = match provider.try_find_child("Role") {
        Some(role) => CfnResource::from_node(role),
        None => ordered_resource(
            &provider,
            "Role",
            "AWS::IAM::Role",
            vec![
                (
                    "AssumeRolePolicyDocument",
                    Value::object([
                        ("Version", Value::from("2012-10-17")),
                        (
                            "Statement",
                            Value::list([Value::object([
                                ("Action", Value::from("sts:AssumeRole")),
                                ("Effect", "Allow".into()),
                                (
                                    "Principal",
                                    Value::object([("Service", "lambda.amazonaws.com".into())]),
                                ),
                            ])]),
                        ),
                    ]),
                ),
                (
                    "ManagedPolicyArns",
                    Value::list([Value::sub(
                        "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                    )]),
                ),
                ("Policies", Value::list([])),
            ],
        )?,
    };
    // One inline statement per VPC, in the order the VPCs were made.
    let statement = Value::object([
        ("Effect", Value::from("Allow")),
        (
            "Action",
            Value::list(
                [
                    "ec2:AuthorizeSecurityGroupIngress",
                    "ec2:AuthorizeSecurityGroupEgress",
                    "ec2:RevokeSecurityGroupIngress",
                    "ec2:RevokeSecurityGroupEgress",
                ]
                .map(Value::from),
            ),
        ),
        (
            "Resource",
            Value::list([security_group_arn(vpc, default_security_group.clone())]),
        ),
    ]);
    let statements = {
        let mut tree = vpc.app.tree_mut();
        let registry = tree.extension_mut::<InlineStatements>();
        let entry = match registry.0.iter().position(|(id, _)| *id == provider.id) {
            Some(i) => i,
            None => {
                registry.0.push((provider.id, Vec::new()));
                registry.0.len() - 1
            }
        };
        registry.0[entry].1.push(statement);
        registry.0[entry].1.clone()
    };
    role.add_property_override(
        "Policies",
        Value::list([Value::object([
            ("PolicyName", Value::from("Inline")),
            (
                "PolicyDocument",
                Value::object([
                    ("Version", Value::from("2012-10-17")),
                    ("Statement", Value::list(statements)),
                ]),
            ),
        ])]),
    );
    let handler_arn = match provider.try_find_child("Handler") {
        Some(handler) => CfnResource::from_node(handler).get_att("Arn"),
        None => {
            let code = stage_handler(&provider, &stack)?;
            let handler = ordered_resource(
                &provider,
                "Handler",
                "AWS::Lambda::Function",
                vec![
                    ("Code", code),
                    ("Timeout", 900u32.into()),
                    ("MemorySize", 128u32.into()),
                    ("Handler", "__entrypoint__.handler".into()),
                    ("Role", role.get_att("Arn")),
                    ("Runtime", "nodejs24.x".into()),
                    (
                        "Description",
                        "Lambda function for removing all inbound/outbound rules from the VPC default security group".into(),
                    ),
                ],
            )?;
            handler.node().add_dependency(&role);
            handler.get_att("Arn")
        }
    };
    let scope = vpc.add_child(
        "RestrictDefaultSecurityGroupCustomResource",
        NodeKind::Construct,
        "aws-cdk-lib.CustomResource",
    )?;
    let resource = ordered_resource(
        &scope,
        "Default",
        RESOURCE_TYPE,
        vec![
            ("ServiceToken", handler_arn),
            ("DefaultSecurityGroupId", default_security_group),
            ("Account", stack.account_value()),
        ],
    )?;
    resource.apply_removal_policy(RemovalPolicy::Destroy);
    Ok(())
}

/// The inline statements of each provider role so far.
#[derive(Default)]
struct InlineStatements(Vec<(crate::core::tree::NodeId, Vec<Value>)>);

/// Stages the handler folder as a zip asset named as aws-cdk-lib names a provider's code
/// (`<provider path> Code`); the `Code` property.
fn stage_handler(provider: &ConstructNode, stack: &crate::Stack) -> Result<Value> {
    let dir = handler_dir()?;
    let mut fp = FingerprintOptions::default();
    if let Some(serde_json::Value::String(salt)) =
        provider.try_get_context(crate::flags::ASSET_HASH_SALT)
    {
        fp.extra_hash = Some(salt);
    }
    let planned = crate::assets::plan_in(&dir, &fp, &provider.app().outdir())?;
    let (bucket, key) = stack.add_file_asset(FileAsset {
        hash: planned.hash.clone(),
        source: dir,
        options: fp,
        packaging: planned.packaging,
        file_name: planned.file_name.clone(),
        display_name: format!("{} Code", provider.path()),
        docker: None,
    });
    Ok(Value::object([("S3Bucket", bucket), ("S3Key", key)]))
}
