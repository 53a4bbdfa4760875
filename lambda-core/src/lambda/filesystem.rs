//! `FileSystem` of a function: an EFS access point mounted under `/mnt/`, with the IAM
//! statements, the NFS connection and the mount-target dependencies aws-cdk-lib adds.

use crate::ec2::Connections;
use crate::efs::AccessPoint;
use crate::iam::PolicyStatement;
use crate::{Error, Result, Value};

/// A file system a function mounts (aws-cdk-lib's `lambda.FileSystem`).
#[derive(Clone)]
pub struct FileSystem {
    pub(crate) arn: Value,
    pub(crate) local_mount_path: String,
    pub(crate) connections: Connections,
    pub(crate) dependencies: Vec<crate::CfnResource>,
    pub(crate) policies: Vec<PolicyStatement>,
}

impl FileSystem {
    /// Mounts `access_point` at `mount_path` (`/mnt/<name>`).
    pub fn from_efs_access_point(access_point: &AccessPoint, mount_path: &str) -> FileSystem {
        let fs = access_point.file_system();
        FileSystem {
            arn: access_point.access_point_arn(),
            local_mount_path: mount_path.to_owned(),
            connections: fs.connections().clone(),
            dependencies: fs.mount_targets().to_vec(),
            policies: vec![
                PolicyStatement::new()
                    .actions(["elasticfilesystem:ClientMount"])
                    .resources(["*"])
                    .condition(
                        "StringEquals",
                        "elasticfilesystem:AccessPointArn",
                        access_point.access_point_arn(),
                    ),
                PolicyStatement::new()
                    .actions(["elasticfilesystem:ClientWrite"])
                    .resources([fs.file_system_arn()]),
            ],
        }
    }

    /// aws-cdk-lib's check of the mount path (`lambda_spec::validate_mount_path`).
    pub(crate) fn check(&self, path: &str) -> Result<()> {
        lambda_spec::validate_mount_path(&self.local_mount_path).map_err(|e| Error::spec(e, path))
    }
}
