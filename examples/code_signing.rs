//! Code signing: a signing profile for Lambda, a code signing config that enforces it, and a
//! function that uses the config (oracle app `code-signing`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "code-signing")?;
    let signing_profile = SigningProfile::builder()
        .platform(Platform::aws_lambda_sha384_ecdsa())
        .build(&stack, "SigningProfile")?;
    let code_signing_config = CodeSigningConfig::builder()
        .signing_profiles(vec![signing_profile])
        .untrusted_artifact_on_deployment(UntrustedArtifactOnDeployment::Enforce)
        .description("enforce signed code")
        .build(&stack, "CodeSigningConfig")?;
    Function::builder()
        .code_signing_config(code_signing_config)
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .build(&stack, "Function")?;
    app.synth()?;
    Ok(())
}
