//! `FileSystem`: an encrypted `AWS::EFS::FileSystem` (retained on removal), its security group
//! (NFS, port 2049) and a mount target in each selected subnet.

use std::rc::Rc;

use super::access_point::{AccessPoint, Acl, PosixUser};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::tags::add_tag;
use crate::core::tree::NodeKind;
use crate::ec2::{Connections, Port, SecurityGroup, SubnetSelection, Vpc};
use crate::iam::{PolicyDocument, PolicyStatement, Principal};
use crate::{Result, Value};

/// aws-cdk-lib's flag: a file system policy lets only mount-target clients write.
const DENY_ANONYMOUS_ACCESS: &str = "@aws-cdk/aws-efs:denyAnonymousAccess";
/// aws-cdk-lib's flag: mount targets are named by subnet, not by position.
const MOUNT_TARGET_ORDER_INSENSITIVE_LOGICAL_ID: &str =
    "@aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId";

struct Inner {
    node: ConstructNode,
    resource: CfnResource,
    connections: Connections,
    mount_targets: Vec<CfnResource>,
}

/// An EFS file system. Cheap to clone; clones share it.
#[derive(Clone)]
pub struct FileSystem(Rc<Inner>);

impl Construct for FileSystem {
    fn node(&self) -> ConstructNode {
        self.0.node.clone()
    }
}

#[lambda_builder::builders]
impl FileSystem {
    /// A file system reachable from `vpc` (mount targets in its private subnets by default).
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The VPC the mount targets go in.
        vpc: &Vpc,
        /// Which subnets get a mount target.
        vpc_subnets: Option<SubnetSelection>,
        /// The `Name` tag (the construct path when unset).
        #[builder(into)]
        file_system_name: Option<String>,
        /// Retained when unset, as in aws-cdk-lib.
        #[builder(default = RemovalPolicy::Retain)]
        removal_policy: RemovalPolicy,
    ) -> Result<FileSystem> {
        let subnets = vpc.select_subnets(&vpc_subnets.unwrap_or_default())?;
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = scope.node().add_child(
                id,
                NodeKind::Construct,
                "aws-cdk-lib.aws_efs.FileSystem",
            )?;
            // Reaches the file system and its security group, as aws-cdk-lib's `Tags.of(this)`.
            add_tag(
                &node,
                "Name",
                file_system_name.unwrap_or_else(|| node.path()),
            );
            let mut properties: Vec<(&'static str, Value)> = vec![("Encrypted", true.into())];
            if node.feature_flag(DENY_ANONYMOUS_ACCESS) {
                // Only clients that come through a mount target may write or act as root.
                let policy = PolicyDocument::new();
                policy.add_statements([PolicyStatement::new()
                    .actions([
                        "elasticfilesystem:ClientRootAccess",
                        "elasticfilesystem:ClientWrite",
                    ])
                    .principal(Principal::arn("*"))
                    .condition("Bool", "elasticfilesystem:AccessedViaMountTarget", "true")]);
                properties.push(("FileSystemPolicy", policy.to_value(&node)));
            }
            let resource =
                CfnResource::create(&node, "Resource", "AWS::EFS::FileSystem", properties)?;
            resource.apply_removal_policy(removal_policy);
            let sg =
                SecurityGroup::create(&node, "EfsSecurityGroup", vpc, None, (true, false), None)?;
            let connections = Connections::new(vec![sg.clone()], Some(Port::tcp(2049)));
            let mut mount_targets = Vec::new();
            let by_subnet_id = node.feature_flag(MOUNT_TARGET_ORDER_INSENSITIVE_LOGICAL_ID);
            for (i, subnet) in subnets.iter().enumerate() {
                let id = if by_subnet_id {
                    format!("EfsMountTarget-{}", subnet.node().id())
                } else {
                    format!("EfsMountTarget{}", i + 1)
                };
                mount_targets.push(CfnResource::create(
                    &node,
                    &id,
                    "AWS::EFS::MountTarget",
                    [
                        ("FileSystemId", resource.ref_value()),
                        ("SecurityGroups", Value::list([sg.security_group_id()])),
                        ("SubnetId", subnet.subnet_id()),
                    ],
                )?);
            }
            Ok(FileSystem(Rc::new(Inner {
                node,
                resource,
                connections,
                mount_targets,
            })))
        })
    }
}

impl FileSystem {
    /// `{"Ref": <file system>}`.
    pub fn file_system_id(&self) -> Value {
        self.0.resource.ref_value()
    }

    /// `arn:<partition>:elasticfilesystem:<region>:<account>:file-system/<id>`.
    pub fn file_system_arn(&self) -> Value {
        self.arn("file-system/", self.file_system_id())
    }

    pub(crate) fn arn(&self, kind: &str, id: Value) -> Value {
        let stack = self.0.node.stack();
        let (region, account) = match &stack {
            Some(s) => (s.region_value(), s.account_value()),
            None => (
                crate::Pseudo::Region.value(),
                crate::Pseudo::AccountId.value(),
            ),
        };
        Value::join(
            "",
            [
                "arn:".into(),
                crate::Pseudo::Partition.value(),
                ":elasticfilesystem:".into(),
                region,
                ":".into(),
                account,
                format!(":{kind}").into(),
                id,
            ],
        )
    }

    /// The L1 `AWS::EFS::FileSystem`, for overrides.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.0.resource
    }

    /// The file system's security group and NFS port.
    pub fn connections(&self) -> &Connections {
        &self.0.connections
    }

    /// The mount targets, which clients wait for (`mountTargetsAvailable`).
    pub fn mount_targets(&self) -> &[CfnResource] {
        &self.0.mount_targets
    }

    /// An access point under this file system.
    pub fn add_access_point(
        &self,
        id: &str,
        path: Option<&str>,
        create_acl: Option<Acl>,
        posix_user: Option<PosixUser>,
    ) -> Result<AccessPoint> {
        AccessPoint::create(self, id, path, create_acl, posix_user)
    }
}
