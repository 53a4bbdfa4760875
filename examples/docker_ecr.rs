//! Container-image functions from ECR (no Docker engine needed): a `DockerImageFunction` on an
//! image of a repository of the stack, by tag, with `CMD`/`ENTRYPOINT`/`WORKDIR` overrides; and a
//! `Function` on an image of an imported repository, by digest, on arm64 (oracle app
//! `docker-ecr`).

use lambda_cdk::ecr::Repository;
use lambda_cdk::lambda::{DockerImageCode, DockerImageFunction, EcrImageCodeProps};
use lambda_cdk::prelude::*;
use lambda_cdk::spec::HANDLER_FROM_IMAGE;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "docker-ecr")?;

    let repo = Repository::builder().build(&stack, "Repository")?;
    DockerImageFunction::builder()
        .code(DockerImageCode::from_ecr(
            &repo,
            EcrImageCodeProps::builder()
                .tag_or_digest("v1")
                .cmd(vec!["app.handler".into()])
                .entrypoint(vec!["/lambda-entrypoint.sh".into()])
                .working_directory("/var/task")
                .build(),
        ))
        .build(&stack, "ECRFunction")?;

    let imported = Repository::from_repository_name(&stack, "Imported", "my-repo")?;
    Function::builder()
        .code(Code::from_ecr_image(
            imported,
            EcrImageCodeProps::builder()
                .tag_or_digest(
                    "sha256:1111111111111111111111111111111111111111111111111111111111111111",
                )
                .build(),
        ))
        .handler(HANDLER_FROM_IMAGE)
        .runtime(Runtime::FROM_IMAGE)
        .architecture(Architecture::Arm64)
        .build(&stack, "ImageByDigest")?;

    app.synth()?;
    Ok(())
}
