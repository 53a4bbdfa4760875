use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    ephemeral_storage = STORAGE,
)]
pub struct Orders;

const STORAGE: u32 = 10_240;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Orders::builder().build(&stack, "Orders")?;
    Ok(())
}
