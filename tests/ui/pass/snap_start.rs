use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "java21",
    handler = "example.Handler::handleRequest",
    code = asset("../../../../fixtures/java-handler.zip"),
    snap_start = true,
)]
pub struct Orders;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Orders::builder().build(&stack, "Orders")?;
    Ok(())
}
