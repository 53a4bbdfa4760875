use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "java21",
    handler = "example.Handler::handleRequest",
    code = asset("../../../../fixtures/java-handler.zip"),
    snap_start = true,
    tenancy = "per_tenant",
)]
pub struct Orders;

fn main() {}
