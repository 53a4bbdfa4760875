//! `DockerImageFunction` from a local Dockerfile: the build context is fingerprinted and staged
//! at synthesis and listed under `dockerImages` in the asset manifest, for the CDK CLI to build
//! and push at deploy time (no Docker engine needed to synthesize). The second function is arm64
//! (its image is built for `linux/arm64`) with overrides, a build arg and an exclude (oracle app
//! `docker-image-asset`).

use std::path::Path;
use std::time::Duration;

use lambda_cdk::lambda::{AssetImageCodeProps, DockerImageCode, DockerImageFunction};
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "docker-image-asset")?;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docker-handler");

    DockerImageFunction::builder()
        .code(DockerImageCode::from_image_asset(
            &dir,
            AssetImageCodeProps::default(),
        ))
        .memory_size(1024)
        .timeout(Duration::from_secs(30))
        .build(&stack, "ImageFn")?;

    DockerImageFunction::builder()
        .architecture(Architecture::Arm64)
        .code(DockerImageCode::from_image_asset(
            &dir,
            AssetImageCodeProps::builder()
                .cmd(vec!["app.handler".into()])
                .entrypoint(vec!["/lambda-entrypoint.sh".into()])
                .working_directory("/var/task")
                .build_args(vec![("PY".into(), "3.13".into())])
                .exclude(vec!["*.md".into()])
                .build(),
        ))
        .build(&stack, "ArmImageFn")?;

    app.synth()?;
    Ok(())
}
