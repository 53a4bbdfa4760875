//! `currentVersion` hashing with two layers given in either order: different version IDs with
//! `recognizeLayerVersion` off, equal ones with it on (oracle app `hash-layer-order`).

use std::path::Path;

use lambda_cdk::flags::RECOGNIZE_LAYER_VERSION;
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    for (stack_name, reversed, flag) in [
        ("hash-layer-order-off-a", false, false),
        ("hash-layer-order-off-b", true, false),
        ("hash-layer-order-on-a", false, true),
        ("hash-layer-order-on-b", true, true),
    ] {
        let stack = Stack::builder().build(&app, stack_name)?;
        if flag {
            stack.set_context(RECOGNIZE_LAYER_VERSION, true);
        }
        let own = LayerVersion::builder()
            .code(Code::from_asset(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/layer-node"),
            ))
            .compatible_runtimes(vec![Runtime::NODEJS_22_X])
            .build(&stack, "MyLayer")?;
        let imported = LayerVersion::from_layer_version_arn(
            &stack,
            "Imported",
            "arn:aws:lambda:us-east-1:123456789012:layer:foo:3",
        )?;
        let layers = if reversed {
            vec![imported, own]
        } else {
            vec![own, imported]
        };
        let function = Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => \"hi\";"))
            .layers(layers)
            .build(&stack, "MyFunction")?;
        function.add_alias("live")?;
    }
    app.synth()?;
    Ok(())
}
