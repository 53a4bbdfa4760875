//! A function declared with `#[lambda_function]` synthesizes exactly the template of the
//! same function written with `Function::builder()`: the macro adds compile-time checks,
//! nothing else.

use std::path::Path;

use lambda_cdk::assets::IgnoreMode;
use lambda_cdk::prelude::*;
use serde_json::Value as Json;

/// Synthesizes the stack `define` builds and returns its template.
fn template(define: impl FnOnce(&Stack) -> Result<(), lambda_cdk::Error>) -> Json {
    let out = tempfile::tempdir().expect("temporary folder");
    let app = App::new().with_outdir(out.path());
    let stack = Stack::builder().build(&app, "Equivalence").expect("stack");
    define(&stack).expect("function");
    let assembly = app.synth().expect("synthesis");
    assembly
        .template("Equivalence")
        .expect("template of the stack")
        .clone()
}

/// The properties of the template's only `AWS::Lambda::Function`.
fn function_properties(template: &Json) -> &Json {
    let resources = template["Resources"].as_object().expect("Resources");
    let mut functions = resources
        .values()
        .filter(|r| r["Type"] == "AWS::Lambda::Function");
    let function = functions.next().expect("a function");
    assert!(functions.next().is_none(), "one function only");
    &function["Properties"]
}

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = asset("fixtures/handler-node", exclude = ["*.md"], ignore_mode = "git"),
    memory_size = 512,
    timeout = "1m30s",
    architecture = "arm64",
    tracing = "active",
    description = "Handles orders.",
    environment(SERVICE = "orders", RETRIES = 3),
)]
struct Orders {
    table_name: String,
    #[env(name = "LOG_LEVEL")]
    level: Option<String>,
    batch_size: u32,
}

#[test]
fn asset_function_with_fields_matches_the_builder() {
    let from_macro = template(|stack| {
        Orders::builder()
            .table_name("orders")
            .level("debug")
            .batch_size(25)
            .build(stack, "Orders")
            .map(drop)
    });
    let by_hand = template(|stack| {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_asset_with(
                fixture("fixtures/handler-node"),
                AssetOptions {
                    exclude: vec!["*.md".to_owned()],
                    ignore_mode: IgnoreMode::Git,
                },
            ))
            .memory_size(512)
            .timeout(Duration::from_secs(90))
            .architecture(Architecture::Arm64)
            .tracing(Tracing::Active)
            .description("Handles orders.")
            .environment([
                ("SERVICE", "orders"),
                ("RETRIES", "3"),
                ("TABLE_NAME", "orders"),
                ("LOG_LEVEL", "debug"),
                ("BATCH_SIZE", "25"),
            ])
            .build(stack, "Orders")
            .map(drop)
    });
    assert_eq!(from_macro, by_hand);
    assert_eq!(
        function_properties(&from_macro)["Environment"]["Variables"],
        serde_json::json!({
            "SERVICE": "orders",
            "RETRIES": "3",
            "TABLE_NAME": "orders",
            "LOG_LEVEL": "debug",
            "BATCH_SIZE": "25",
        })
    );
}

#[lambda_function(
    runtime = "python3.12",
    handler = "index.main",
    code = inline("def main(event, context):\n    return 'ok'\n"),
    function_name = "inline-python",
    ephemeral_storage = 1024,
    reserved_concurrent_executions = 5,
    logging_format = "json",
    application_log_level = "debug",
    system_log_level = "warn",
    runtime_management = "function_update",
    recursive_loop = "terminate",
)]
struct Inline;

#[test]
fn inline_function_matches_the_builder() {
    let from_macro = template(|stack| Inline::builder().build(stack, "Inline").map(drop));
    assert_eq!(function_properties(&from_macro)["MemorySize"], Json::Null);
    assert_eq!(
        function_properties(&from_macro)["LoggingConfig"]["ApplicationLogLevel"],
        "DEBUG"
    );
    let by_hand = template(|stack| {
        Function::builder()
            .runtime(Runtime::PYTHON_3_12)
            .handler("index.main")
            .code(Code::from_inline(
                "def main(event, context):\n    return 'ok'\n",
            ))
            .function_name("inline-python")
            .ephemeral_storage_size(Size::mebibytes(1024))
            .reserved_concurrent_executions(5)
            .logging_format(LoggingFormat::Json)
            .application_log_level(ApplicationLogLevel::Debug)
            .system_log_level(SystemLogLevel::Warn)
            .runtime_management_mode(RuntimeManagementMode::FUNCTION_UPDATE)
            .recursive_loop(RecursiveLoop::Terminate)
            .environment(Vec::<(String, Value)>::new())
            .build(stack, "Inline")
            .map(drop)
    });
    assert_eq!(from_macro, by_hand);
}

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    runtime_management = manual("arn:aws:lambda:eu-west-1::runtime:0123456789abcdef"),
)]
struct Pinned;

#[test]
fn struct_literal_builds_like_the_builder() {
    let from_builder = template(|stack| Pinned::builder().build(stack, "Pinned").map(drop));
    let from_literal = template(|stack| Pinned {}.build(stack, "Pinned").map(drop));
    let by_hand = template(|stack| {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => 'ok';"))
            .runtime_management_mode(RuntimeManagementMode::manual(
                "arn:aws:lambda:eu-west-1::runtime:0123456789abcdef",
            ))
            .build(stack, "Pinned")
            .map(drop)
    });
    assert_eq!(from_builder, by_hand);
    assert_eq!(from_literal, by_hand);
}

const SHARED_LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:shared:3";

fn read_orders() -> PolicyStatement {
    PolicyStatement::new()
        .actions(["dynamodb:GetItem"])
        .resources(["*"])
}

// Keys without compile-time rules, handed to the builder as written (`scope` is the scope
// `build` was given).
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    initial_policy = vec![read_orders()],
    current_version_options = VersionOptions {
        retry_attempts: Some(1),
        ..Default::default()
    },
    layers = vec![LayerVersion::from_layer_version_arn(scope, "Shared", SHARED_LAYER_ARN)?],
)]
struct PassedThrough;

#[test]
fn pass_through_keys_build_like_the_builder() {
    let from_macro = template(|stack| {
        let function = PassedThrough::builder().build(stack, "Orders")?;
        function.current_version().map(drop)
    });
    let by_hand = template(|stack| {
        let function = Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => 'ok';"))
            .initial_policy(vec![read_orders()])
            .current_version_options(VersionOptions {
                retry_attempts: Some(1),
                ..Default::default()
            })
            .layers(vec![LayerVersion::from_layer_version_arn(
                stack,
                "Shared",
                SHARED_LAYER_ARN,
            )?])
            .build(stack, "Orders")?;
        function.current_version().map(drop)
    });
    assert_eq!(from_macro, by_hand);
    assert_eq!(
        function_properties(&from_macro)["Layers"],
        serde_json::json!([SHARED_LAYER_ARN])
    );
    let text = from_macro.to_string();
    assert!(text.contains("dynamodb:GetItem"), "{text}");
    assert!(text.contains("\"MaximumRetryAttempts\":1"), "{text}");
}

// `durable_config(...)`: checked while the crate compiles, then the builder's `DurableConfig`.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    durable_config(execution_timeout = "1h", retention_period = "30d"),
)]
struct Durable;

#[test]
fn durable_config_builds_like_the_builder() {
    use lambda_cdk::lambda::DurableConfig;
    use std::time::Duration;
    let from_macro = template(|stack| Durable::builder().build(stack, "Orders").map(drop));
    let by_hand = template(|stack| {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => 'ok';"))
            .durable_config(
                DurableConfig::new(Duration::from_secs(3600))
                    .retention_period(Duration::from_secs(30 * 86_400)),
            )
            .build(stack, "Orders")
            .map(drop)
    });
    assert_eq!(from_macro, by_hand);
    assert_eq!(
        function_properties(&from_macro)["DurableConfig"],
        serde_json::json!({"ExecutionTimeout": 3600, "RetentionPeriodInDays": 30})
    );
}

// The networking props pass through: a VPC made where the function is built, a subnet
// selection and outbound traffic off.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    vpc = lambda_cdk::ec2::Vpc::builder().max_azs(2).build(scope, "Network")?,
    vpc_subnets = lambda_cdk::ec2::SubnetSelection::of_type(lambda_cdk::ec2::SubnetType::PrivateWithEgress),
    allow_all_outbound = false,
)]
struct InVpc;

#[test]
fn networking_keys_pass_through_like_the_builder() {
    use lambda_cdk::ec2::{SubnetSelection, SubnetType, Vpc};
    let from_macro = template(|stack| InVpc::builder().build(stack, "Orders").map(drop));
    let by_hand = template(|stack| {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => 'ok';"))
            .vpc(Vpc::builder().max_azs(2).build(stack, "Network")?)
            .vpc_subnets(SubnetSelection::of_type(SubnetType::PrivateWithEgress))
            .allow_all_outbound(false)
            .build(stack, "Orders")
            .map(drop)
    });
    assert_eq!(from_macro, by_hand);
    assert!(function_properties(&from_macro)["VpcConfig"]["SubnetIds"].is_array());
}
