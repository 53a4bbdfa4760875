//! Values that are only known at run time are checked there, with CDK's messages.

use lambda_cdk::prelude::*;
use lambda_cdk::Error;

fn stack() -> (App, Stack) {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "ErrorsStack").unwrap();
    (app, stack)
}

fn validation(err: Error) -> (&'static str, String, String) {
    match err {
        Error::Validation {
            code,
            message,
            path,
        } => (code, message, path),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn missing_asset_folder_names_the_path() {
    let (_app, stack) = stack();
    let missing = std::env::temp_dir().join("lambda-cdk-no-such-folder/handler");
    let err = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(&missing))
        .build(&stack, "Fn")
        .err()
        .expect("a missing asset folder must fail");
    let text = err.to_string();
    assert!(text.contains("Cannot find asset at"), "{text}");
    assert!(text.contains(&missing.display().to_string()), "{text}");
}

#[test]
fn memory_size_out_of_range_at_run_time() {
    let (_app, stack) = stack();
    let memory: u32 = std::hint::black_box(64);
    let err = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .memory_size(memory)
        .build(&stack, "Fn")
        .err()
        .expect("64 MB is below Lambda's minimum");
    let (code, message, path) = validation(err);
    assert_eq!(code, "MemorySizeOutOfRange");
    assert!(message.contains("64"), "{message}");
    assert_eq!(path, "ErrorsStack/Fn");
}

#[test]
fn log_levels_need_json_format() {
    let (_app, stack) = stack();
    let err = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .application_log_level(ApplicationLogLevel::Debug)
        .build(&stack, "Fn")
        .err()
        .expect("log levels without JSON format must fail");
    let (code, message, _) = validation(err);
    assert_eq!(code, "JsonLogFormatRequired");
    assert_eq!(
        message,
        "To use ApplicationLogLevel and/or SystemLogLevel you must set LogFormat to 'JSON', got 'undefined'."
    );
}

#[test]
fn duplicate_construct_id() {
    let (_app, stack) = stack();
    let make = || {
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("x"))
            .build(&stack, "Fn")
    };
    make().unwrap();
    let err = make().err().expect("same id twice must fail");
    assert_eq!(
        err.to_string(),
        "There is already a Construct with name 'Fn' in ErrorsStack [ErrorsStack]"
    );
}

#[test]
fn failed_synth_leaves_previous_assembly_intact() {
    let dir = tempfile::tempdir().unwrap();
    let outdir = dir.path().join("cdk.out");
    let app = App::from_env().with_outdir(&outdir);
    let stack = Stack::builder().build(&app, "Good").unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&stack, "Fn")
        .unwrap();
    app.synth().unwrap();
    let before = std::fs::read(outdir.join("Good.template.json")).unwrap();

    // The logical ID of an element of another stack is not known to a stack: synthesis fails.
    let app2 = App::from_env().with_outdir(&outdir);
    let a = Stack::builder().build(&app2, "A").unwrap();
    let b = Stack::builder().build(&app2, "B").unwrap();
    let f = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&a, "Fn")
        .unwrap();
    lambda_cdk::CfnOutput::builder()
        .value(foreign_logical_id(&f))
        .build(&b, "Arn")
        .unwrap();
    assert!(app2.synth().is_err());
    assert_eq!(
        std::fs::read(outdir.join("Good.template.json")).unwrap(),
        before
    );
    assert!(!outdir.join("A.template.json").exists());
}

/// A value that asks for the logical ID of `f`'s resource, which only `f`'s stack knows.
fn foreign_logical_id(f: &Function) -> lambda_cdk::Value {
    let target = f.cfn_resource().element_ref();
    lambda_cdk::Lazy::new(move |r| Ok(Some(r.element_logical_id(&target)?.into()))).into()
}

/// The same with an app large enough to be written by several threads: the error stops them,
/// and neither a partial assembly nor a staging folder is left behind.
#[test]
fn failed_large_synth_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let outdir = dir.path().join("cdk.out");
    let app = App::from_env().with_outdir(&outdir);
    // 2,400 resources in stack A: CloudFormation's 500-resource check is off for this test.
    app.set_context(lambda_cdk::STACK_RESOURCE_LIMIT, 0);
    let a = Stack::builder().build(&app, "A").unwrap();
    let b = Stack::builder().build(&app, "B").unwrap();
    let mut last = None;
    for i in 0..1200 {
        let f = Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("x"))
            .build(&a, &format!("Fn{i}"))
            .unwrap();
        last = Some(f);
    }
    // Stack B's template fails (the logical ID of an element of stack A) after A's was written.
    lambda_cdk::CfnOutput::builder()
        .value(foreign_logical_id(&last.unwrap()))
        .build(&b, "Arn")
        .unwrap();
    let err = app.synth().unwrap_err().to_string();
    assert!(err.contains("belongs to another stack than B"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// Templates are read from the assembly folder on first use: one removed after synthesis is an
/// error naming its path from `read_template`, while the others still read.
#[test]
fn template_read_after_synthesis() {
    let dir = tempfile::tempdir().unwrap();
    let outdir = dir.path().join("cdk.out");
    let app = App::from_env().with_outdir(&outdir);
    for name in ["Kept", "Removed"] {
        let stack = Stack::builder().build(&app, name).unwrap();
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("x"))
            .build(&stack, "Fn")
            .unwrap();
    }
    let assembly = app.synth().unwrap();
    let removed = &assembly.stacks[1];
    assert_eq!(
        removed.template_path(),
        outdir.join("Removed.template.json")
    );
    std::fs::remove_file(removed.template_path()).unwrap();
    let err = removed.read_template().unwrap_err().to_string();
    assert!(err.starts_with("cannot read "), "{err}");
    assert!(err.contains("Removed.template.json"), "{err}");
    // The first use of `template()` reads the file too: an error, not a panic.
    let err = removed.template().unwrap_err().to_string();
    assert!(err.contains("Removed.template.json"), "{err}");
    assert!(assembly.template("Missing").is_err());
    let kept = assembly.template("Kept").unwrap();
    assert_eq!(
        kept["Resources"]["Fn9270CBC0"]["Properties"]["Code"]["ZipFile"],
        "x"
    );
}

/// A resource outside any stack fails as aws-cdk-lib fails (`ShouldBeCreatedInStackScope`),
/// naming the construct that needs a stack: for a function under the app, its role.
#[test]
fn function_outside_a_stack() {
    let app = App::from_env();
    let err = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&app, "Fn")
        .err()
        .expect("a function needs a stack");
    let (code, message, path) = validation(err);
    assert_eq!(code, "ShouldBeCreatedInStackScope");
    assert_eq!(
        message,
        "Role at 'Fn/ServiceRole' should be created in the scope of a Stack, but no Stack found"
    );
    assert_eq!(path, "Fn/ServiceRole");
}

/// Construct ids follow the `constructs` library: `/` becomes `--`, an empty id is refused.
#[test]
fn construct_ids_are_sanitised() {
    let (_app, stack) = stack();
    let f = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&stack, "Orders/Handler")
        .unwrap();
    assert_eq!(f.node().path(), "ErrorsStack/Orders--Handler");
    let err = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&stack, "")
        .err()
        .expect("an empty id is refused");
    assert_eq!(err.to_string(), "Only root constructs may have an empty ID");
}

/// A `build` that fails half-way leaves nothing behind: no role in the tree, no asset on the
/// stack, no statement on a role the user passed in; the same id can be built again, and
/// synthesis writes only what was built.
#[test]
fn failed_build_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::from_env().with_outdir(dir.path().join("cdk.out"));
    let stack = Stack::builder().build(&app, "Retry").unwrap();
    let role = Role::builder()
        .assumed_by(Principal::service("lambda.amazonaws.com"))
        .build(&stack, "Shared")
        .unwrap();
    let missing = dir.path().join("no-such-handler");
    let statement = || {
        PolicyStatement::new()
            .actions(["s3:GetObject"])
            .resources(["*"])
    };
    // Fails in the middle: the node, the default role and the asset's construct exist by then.
    let err = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(&missing))
        .build(&stack, "Fn")
        .err()
        .expect("a missing asset fails");
    assert!(err.to_string().contains("Cannot find asset"), "{err}");
    // Fails late with the user's role: its policy must not keep the statement.
    let layer = LayerVersion::from_layer_version_arn(
        &stack,
        "PyLayer",
        "arn:aws:lambda:us-east-1:123456789012:layer:py:1",
    )
    .unwrap();
    let python_only = LayerVersion::builder()
        .code(Code::from_asset(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/layer-node"),
        ))
        .compatible_runtimes(vec![Runtime::PYTHON_3_12])
        .build(&stack, "Python")
        .unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .role(role.clone())
        .initial_policy(vec![statement()])
        .layers(vec![layer, python_only])
        .build(&stack, "WithRole")
        .err()
        .expect("an incompatible layer fails");
    // The same ids build now.
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&stack, "Fn")
        .expect("the id is free again");
    let assembly = app.synth().unwrap();
    let template = assembly.template("Retry").unwrap();
    let resources = template["Resources"].as_object().unwrap();
    let types: Vec<&str> = resources
        .values()
        .map(|r| r["Type"].as_str().unwrap())
        .collect();
    // The shared role (no policy), the python layer, and one function with its role.
    assert_eq!(
        types,
        [
            "AWS::IAM::Role",
            "AWS::Lambda::LayerVersion",
            "AWS::IAM::Role",
            "AWS::Lambda::Function"
        ],
        "{}",
        serde_json::to_string_pretty(template).unwrap()
    );
    // The only asset is the layer's.
    let assets = std::fs::read_to_string(dir.path().join("cdk.out/Retry.assets.json")).unwrap();
    assert_eq!(
        assets.matches("\"displayName\": \"Python/Code\"").count(),
        1,
        "{assets}"
    );
    assert!(!assets.contains("Fn/Code"), "{assets}");
}
