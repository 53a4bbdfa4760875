//! CodeGuru profiling (`profiling(true)`): a profiling group under the function, named after
//! its construct path, the profiler's environment variables and the publish grant (oracle app
//! `profiling`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "profiling")?;
    Function::builder()
        .runtime(Runtime::PYTHON_3_9)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-python"),
        ))
        .profiling(true)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
