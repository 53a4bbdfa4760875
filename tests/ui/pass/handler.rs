use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "python3.12",
    handler = "index.handler",
    code = asset("../../../../fixtures/handler-python"),
)]
pub struct Orders;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Orders::builder().build(&stack, "Orders")?;
    Ok(())
}
