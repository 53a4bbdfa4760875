//! A function URL with a CORS configuration (oracle app `function-url-cors`).

use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "function-url-cors")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    function
        .add_function_url()
        .auth_type(FunctionUrlAuthType::None)
        .cors(FunctionUrlCorsOptions {
            allowed_origins: Some(vec!["https://example.com".into()]),
            allowed_methods: Some(vec![HttpMethod::Get, HttpMethod::Post]),
            allowed_headers: Some(vec!["X-Custom-Header".into()]),
            exposed_headers: Some(vec!["X-Exposed".into()]),
            allow_credentials: Some(true),
            max_age: Some(Duration::from_secs(60 * 60)),
        })
        .build()?;
    app.synth()?;
    Ok(())
}
