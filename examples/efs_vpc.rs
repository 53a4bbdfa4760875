//! An EFS access point mounted into a function inside a new VPC (oracle app `efs-vpc`).

use std::path::Path;

use lambda_cdk::ec2::Vpc;
use lambda_cdk::efs::{Acl, FileSystem, PosixUser};
use lambda_cdk::lambda::FileSystem as LambdaFileSystem;
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "efs-vpc")?;
    let vpc = Vpc::builder().build(&stack, "VPC")?;
    let file_system = FileSystem::builder().vpc(&vpc).build(&stack, "Efs")?;
    let access_point = file_system.add_access_point(
        "AccessPoint",
        Some("/export/lambda"),
        Some(Acl {
            owner_uid: "1001".into(),
            owner_gid: "1001".into(),
            permissions: "750".into(),
        }),
        Some(PosixUser {
            uid: "1001".into(),
            gid: "1001".into(),
        }),
    )?;
    Function::builder()
        .filesystem(LambdaFileSystem::from_efs_access_point(
            &access_point,
            "/mnt/msg",
        ))
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .vpc(vpc)
        .build(&stack, "MyLambda")?;
    app.synth()?;
    Ok(())
}
