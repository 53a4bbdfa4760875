//! `AccessPoint`: an `AWS::EFS::AccessPoint` with its root directory and POSIX user.

use super::FileSystem;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::tags::add_tag;
use crate::{Result, Value};

/// Owner and permissions of an access point's root directory when EFS creates it.
#[derive(Clone, Debug)]
pub struct Acl {
    /// Owner user ID.
    pub owner_uid: String,
    /// Owner group ID.
    pub owner_gid: String,
    /// Octal permissions such as `750`.
    pub permissions: String,
}

/// The user every request through the access point acts as.
#[derive(Clone, Debug)]
pub struct PosixUser {
    /// User ID.
    pub uid: String,
    /// Group ID.
    pub gid: String,
}

/// An EFS access point. Cheap to clone.
#[derive(Clone)]
pub struct AccessPoint {
    node: ConstructNode,
    resource: CfnResource,
    file_system: FileSystem,
}

impl Construct for AccessPoint {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl AccessPoint {
    pub(crate) fn create(
        fs: &FileSystem,
        id: &str,
        path: Option<&str>,
        create_acl: Option<Acl>,
        posix_user: Option<PosixUser>,
    ) -> Result<AccessPoint> {
        let mut properties: Vec<(&'static str, Value)> =
            vec![("FileSystemId", fs.file_system_id())];
        if let Some(u) = posix_user {
            properties.push((
                "PosixUser",
                Value::object([("Gid", Value::from(u.gid)), ("Uid", u.uid.into())]),
            ));
        }
        let mut root: Vec<(&str, Value)> = Vec::new();
        if let Some(acl) = create_acl {
            root.push((
                "CreationInfo",
                Value::object([
                    ("OwnerGid", Value::from(acl.owner_gid)),
                    ("OwnerUid", acl.owner_uid.into()),
                    ("Permissions", acl.permissions.into()),
                ]),
            ));
        }
        if let Some(p) = path {
            root.push(("Path", p.into()));
        }
        if !root.is_empty() {
            properties.push(("RootDirectory", Value::object(root)));
        }
        let app = fs.node().app().clone();
        let (node, resource) = crate::core::tree::all_or_nothing(&app, || {
            let node = fs.node().add_child(
                id,
                crate::core::tree::NodeKind::Construct,
                "aws-cdk-lib.aws_efs.AccessPoint",
            )?;
            add_tag(&node, "Name", node.path());
            let resource =
                CfnResource::create(&node, "Resource", "AWS::EFS::AccessPoint", properties)?;
            Ok((node, resource))
        })?;
        Ok(AccessPoint {
            node,
            resource,
            file_system: fs.clone(),
        })
    }

    /// `{"Ref": <access point>}`.
    pub fn access_point_id(&self) -> Value {
        self.resource.ref_value()
    }

    /// `arn:<partition>:elasticfilesystem:<region>:<account>:access-point/<id>`.
    pub fn access_point_arn(&self) -> Value {
        self.file_system
            .arn("access-point/", self.access_point_id())
    }

    /// The file system it opens.
    pub fn file_system(&self) -> &FileSystem {
        &self.file_system
    }
}
