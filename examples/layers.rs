//! A layer version with runtimes, architectures, license, name, retention and permissions,
//! used by a function (oracle app `layers`).

use std::path::Path;

use lambda_cdk::lambda::LayerVersionPermission;
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "layers")?;
    let layer = LayerVersion::builder()
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/layer-node"),
        ))
        .compatible_runtimes(vec![Runtime::NODEJS_22_X, Runtime::NODEJS_24_X])
        .compatible_architectures(vec![Architecture::X86_64, Architecture::Arm64])
        .license("Apache-2.0")
        .description("A layer to test the L2 construct")
        .layer_version_name("my-layer")
        .removal_policy(RemovalPolicy::Retain)
        .build(&stack, "MyLayer")?;
    layer.add_permission(
        "remote-account-grant",
        LayerVersionPermission {
            account_id: "123456789012".into(),
            organization_id: None,
        },
    )?;
    layer.add_permission(
        "org-grant",
        LayerVersionPermission {
            account_id: "*".into(),
            organization_id: Some("o-xxxxxxxxxx".into()),
        },
    )?;
    Function::builder()
        .code(Code::from_inline("foo"))
        .handler("index.handler")
        .runtime(Runtime::NODEJS_22_X)
        .layers(vec![layer])
        .build(&stack, "MyLayeredLambda")?;
    app.synth()?;
    Ok(())
}
