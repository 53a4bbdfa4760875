use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .code(Code::from_inline("exports.handler = async () => 'ok';"))
        .build(&stack, "Orders")?;
    Ok(())
}
