use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
)]
pub struct Shadowing {
    scope: String,
    id: String,
    environment: Option<String>,
    r#type: u8,
}

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Stack")?;
    Shadowing::builder()
        .scope("s")
        .id("i")
        .environment("e")
        .r#type(1)
        .build(&stack, "Shadowing")?;
    Ok(())
}
