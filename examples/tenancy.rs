//! Tenant isolation: each tenant's invocations get their own execution environments (oracle
//! app `tenancy`).

use std::path::Path;

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "tenancy")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .tenancy_config(TenancyConfig::PER_TENANT)
        .build(&stack, "MyFunction")?;
    app.synth()?;
    Ok(())
}
