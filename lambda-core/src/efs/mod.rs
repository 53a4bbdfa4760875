//! Amazon EFS for functions: `FileSystem` with its security group and one mount target per
//! subnet, and `AccessPoint`, as aws-cdk-lib's `aws-efs` writes them.

mod access_point;
mod file_system;

pub use access_point::{AccessPoint, Acl, PosixUser};
pub use file_system::FileSystem;
