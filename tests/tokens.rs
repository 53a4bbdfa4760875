//! Values: intrinsic functions serialize to CloudFormation JSON, references name constructs
//! and become logical IDs at synthesis, sections come in aws-cdk-lib's order.

use lambda_cdk::prelude::*;
use lambda_cdk::{Pseudo, Target};
use serde_json::json;

#[test]
fn intrinsics_and_section_order() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::from_env().with_outdir(dir.path().join("cdk.out"));
    let stack = Stack::builder().build(&app, "Tokens").unwrap();
    let f = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&stack, "Fn")
        .unwrap();
    let output = |id: &str, value: Value| CfnOutput::builder().value(value).build(&stack, id);
    CfnOutput::builder()
        .value(f.function_arn())
        .description("the ARN")
        .build(&stack, "Arn")
        .unwrap();
    output(
        "Joined",
        Value::join(
            "",
            [
                "arn:".into(),
                Pseudo::Partition.value(),
                ":x:".into(),
                "y".into(),
            ],
        ),
    )
    .unwrap();
    output("Sub", Value::sub("${AWS::Region}-x")).unwrap();
    output(
        "Name",
        Value::Select(
            6,
            Box::new(Value::Split(":".into(), Box::new(f.function_arn()))),
        ),
    )
    .unwrap();
    output("Literal", Value::join("-", ["a".into(), "b".into()])).unwrap();
    let assembly = app.synth().unwrap();
    let t = assembly.template("Tokens").unwrap();
    let sections: Vec<&String> = t.as_object().unwrap().keys().collect();
    assert_eq!(sections, ["Resources", "Outputs", "Parameters", "Rules"]);
    let o = &t["Outputs"];
    assert_eq!(
        o["Arn"],
        json!({"Description": "the ARN", "Value": {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]}})
    );
    assert_eq!(
        o["Joined"]["Value"],
        json!({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":x:y"]]})
    );
    assert_eq!(o["Sub"]["Value"], json!({"Fn::Sub": "${AWS::Region}-x"}));
    assert_eq!(
        o["Name"]["Value"],
        json!({"Fn::Select": [6, {"Fn::Split": [":", {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]}]}]})
    );
    assert_eq!(o["Literal"]["Value"], "a-b");
    assert!(matches!(
        Pseudo::Region.value(),
        Value::Ref(Target::Pseudo(Pseudo::Region))
    ));
}

#[test]
fn stack_context_wins_over_the_app_and_unset_flags_take_cdk_defaults() {
    let app = App::from_env();
    app.set_context("k", "from-code");
    app.set_post_cli_context("post", "cli");
    let stack = Stack::builder().build(&app, "S").unwrap();
    assert_eq!(stack.node().try_get_context("k"), Some(json!("from-code")));
    stack.set_context("k", "from-stack");
    assert_eq!(stack.node().try_get_context("k"), Some(json!("from-stack")));
    assert_eq!(app.node().try_get_context("k"), Some(json!("from-code")));
    assert_eq!(stack.node().try_get_context("post"), Some(json!("cli")));
    // Unset flags take aws-cdk-lib 2.276.0's defaults.
    assert!(stack
        .node()
        .feature_flag(lambda_cdk::flags::RECOGNIZE_VERSION_PROPS));
    assert!(!stack
        .node()
        .feature_flag(lambda_cdk::flags::RECOGNIZE_LAYER_VERSION));
}
