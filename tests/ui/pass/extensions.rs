use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "python3.12",
    handler = "index.handler",
    code = inline("def handler(event, context):\n    return 'ok'\n"),
    architecture = "arm64",
    insights_version = "1.0.333.0",
    profiling = true,
    params_and_secrets(
        version = "1.0.103",
        cache_enabled = true,
        cache_size = 500,
        http_port = 8080,
        log_level = "warn",
        max_connections = 10,
        secrets_manager_ttl = "3m",
        parameter_store_ttl = "2m",
        secrets_manager_timeout = "6s",
        parameter_store_timeout = "5s",
    ),
    tenancy = "per_tenant",
)]
pub struct Orders;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Orders::builder().build(&stack, "Orders")?;
    Ok(())
}
