use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    environment(STAGE = "prod", RETRIES = 3, VERBOSE = true, REGION_NAME = REGION),
)]
pub struct Orders;

const REGION: &str = "eu-west-1";

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Orders::builder().build(&stack, "Orders")?;
    Ok(())
}
