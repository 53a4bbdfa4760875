//! SnapStart on published versions of a Java function, with `current_version`
//! (oracle app `snapstart-java11`).

use std::path::Path;

use lambda_cdk::lambda::SnapStartApplyOn;
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "snapstart-java11")?;
    let function = Function::builder()
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/java-handler.zip"),
        ))
        .runtime(Runtime::JAVA_11)
        .handler("example.Handler::handleRequest")
        .snap_start(SnapStartApplyOn::PublishedVersions)
        .build(&stack, "MyFunction")?;
    function.current_version()?;
    app.synth()?;
    Ok(())
}
