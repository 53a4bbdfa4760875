//! The cross-stack references pass on shapes the oracle app does not have: strengths, cycles,
//! environments, lazy values, repeated synthesis. The names, values, dependencies and messages
//! expected are what aws-cdk-lib 2.276.0 gives for the same apps (`CfnResource` queues and
//! `CfnOutput`s), run under Node.

use serde_json::{json, Value as Json};

use crate::core::flags::DEFAULT_CROSS_STACK_REFERENCES;
use crate::{App, CfnOutput, CfnResource, Construct, Environment, Lazy, Stack, Value};

fn new_app(strength: Option<&str>) -> App {
    let app = App::new();
    if let Some(s) = strength {
        app.set_context(DEFAULT_CROSS_STACK_REFERENCES, s);
    }
    app
}

fn queue(stack: &Stack, id: &str) -> CfnResource {
    CfnResource::create(stack, id, "AWS::SQS::Queue", [("DelaySeconds", 1.into())]).unwrap()
}

fn stack(app: &App, id: &str, account: Option<&str>, region: Option<&str>) -> Stack {
    let env = Environment {
        account: account.map(str::to_owned),
        region: region.map(str::to_owned),
    };
    Stack::builder().env(env).build(app, id).unwrap()
}

/// Synthesizes `app`; the templates by stack name and `manifest.json`.
fn synth(app: &App) -> crate::Result<(Vec<(String, Json)>, Json)> {
    let dir = tempfile::tempdir().unwrap();
    let assembly = app.synth_to(dir.path())?;
    let templates = assembly
        .stacks
        .iter()
        .map(|s| (s.name.clone(), s.template().unwrap().clone()))
        .collect();
    let manifest = std::fs::read_to_string(dir.path().join("manifest.json")).unwrap();
    Ok((templates, serde_json::from_str(&manifest).unwrap()))
}

fn template<'t>(templates: &'t [(String, Json)], name: &str) -> &'t Json {
    &templates.iter().find(|(n, _)| n == name).unwrap().1
}

fn error(app: &App) -> String {
    synth(app).unwrap_err().to_string()
}

#[test]
fn strong_references_export_and_import() {
    let app = new_app(None);
    let producer = Stack::builder().build(&app, "Producer").unwrap();
    let q = queue(&producer, "Q");
    let consumer = Stack::builder().build(&app, "Consumer").unwrap();
    CfnOutput::builder()
        .value(q.ref_value())
        .build(&consumer, "Url")
        .unwrap();
    CfnOutput::builder()
        .value(q.get_att("Arn"))
        .build(&consumer, "Arn")
        .unwrap();
    // The same reference twice is one export.
    CfnOutput::builder()
        .value(q.ref_value())
        .build(&consumer, "Again")
        .unwrap();
    let (templates, manifest) = synth(&app).unwrap();
    let outputs = &template(&templates, "Producer")["Outputs"];
    let names: Vec<&str> = outputs
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        names,
        [
            "ExportsOutputRefQ0B598541",
            "ExportsOutputFnGetAttQArn699449FF"
        ]
    );
    assert_eq!(
        outputs["ExportsOutputRefQ0B598541"],
        json!({"Value": {"Ref": "Q"}, "Export": {"Name": "Producer:ExportsOutputRefQ0B598541"}})
    );
    let consumed = &template(&templates, "Consumer")["Outputs"];
    assert_eq!(
        consumed["Arn"]["Value"],
        json!({"Fn::ImportValue": "Producer:ExportsOutputFnGetAttQArn699449FF"})
    );
    assert_eq!(consumed["Again"]["Value"], consumed["Url"]["Value"]);
    assert_eq!(
        manifest["artifacts"]["Consumer"]["dependencies"],
        json!(["Producer", "Consumer.assets"])
    );
    assert_eq!(
        manifest["artifacts"]["Producer"]["dependencies"],
        json!(["Producer.assets"])
    );
}

#[test]
fn weak_and_both_read_stack_outputs() {
    for strength in ["weak", "both"] {
        let app = new_app(Some(strength));
        let producer = stack(&app, "Producer", None, Some("eu-west-1"));
        let q = queue(&producer, "Q");
        let consumer = stack(&app, "Consumer", None, Some("eu-west-1"));
        CfnOutput::builder()
            .value(q.get_att("Arn"))
            .build(&consumer, "Arn")
            .unwrap();
        let (templates, _) = synth(&app).unwrap();
        let outputs = template(&templates, "Producer")["Outputs"]
            .as_object()
            .unwrap();
        let published = "PublishOutputFnGetAttQArn52889A26";
        assert_eq!(
            outputs[published],
            json!({"Value": {"Fn::GetAtt": ["Q", "Arn"]}})
        );
        // "both" keeps the export for consumers not redeployed yet.
        assert_eq!(
            outputs.contains_key("ExportsOutputFnGetAttQArn699449FF"),
            strength == "both"
        );
        assert_eq!(
            template(&templates, "Consumer")["Outputs"]["Arn"]["Value"],
            json!({"Fn::GetStackOutput": {
                "StackName": "Producer", "Region": "eu-west-1", "OutputName": published
            }})
        );
    }
}

#[test]
fn weak_references_cross_regions_of_one_account() {
    let app = new_app(Some("weak"));
    let producer = stack(&app, "Producer", Some("111111111111"), Some("eu-west-1"));
    let q = queue(&producer, "Q");
    let consumer = stack(&app, "Consumer", Some("111111111111"), Some("us-east-1"));
    CfnOutput::builder()
        .value(q.ref_value())
        .build(&consumer, "Url")
        .unwrap();
    let (templates, _) = synth(&app).unwrap();
    let value = &template(&templates, "Consumer")["Outputs"]["Url"]["Value"];
    assert_eq!(value["Fn::GetStackOutput"]["Region"], "eu-west-1");
}

#[test]
fn other_environments_are_refused() {
    // An environment-agnostic side: aws-cdk-lib's error.
    let app = new_app(None);
    let producer = stack(&app, "Producer", None, Some("eu-west-1"));
    let q = queue(&producer, "Q");
    let consumer = Stack::builder().build(&app, "Consumer").unwrap();
    CfnOutput::builder()
        .value(q.ref_value())
        .build(&consumer, "Url")
        .unwrap();
    assert_eq!(
        error(&app),
        "CrossRegionReferencesRequireExplicitRegion: Stack \"Consumer\" cannot reference \
         {Producer/Q[Ref]} in stack \"Producer\". Cross stack/region references are only \
         supported for stacks with an explicit region defined.  (at Consumer)"
    );
    // Another account, or a strong reference across regions, needs what lambda-cdk lacks.
    for (account, region, strength) in [
        ("222222222222", "eu-west-1", "weak"),
        ("111111111111", "us-east-1", "strong"),
    ] {
        let app = new_app(Some(strength));
        let producer = stack(&app, "Producer", Some("111111111111"), Some("eu-west-1"));
        let q = queue(&producer, "Q");
        let consumer = stack(&app, "Consumer", Some(account), Some(region));
        CfnOutput::builder()
            .value(q.get_att("Arn"))
            .build(&consumer, "Arn")
            .unwrap();
        let err = error(&app);
        assert!(
            err.starts_with(
                "CrossEnvironmentReferenceUnsupported: Stack \"Consumer\" cannot reference {Producer/Q[Arn]}"
            ),
            "{err}"
        );
    }
}

#[test]
fn cycles_are_refused_with_the_reasons() {
    let app = new_app(None);
    let a = Stack::builder().build(&app, "A").unwrap();
    let b = Stack::builder().build(&app, "B").unwrap();
    let qa = queue(&a, "Qa");
    let qb = queue(&b, "Qb");
    CfnOutput::builder()
        .value(qb.ref_value())
        .build(&a, "FromB")
        .unwrap();
    CfnOutput::builder()
        .value(qa.get_att("Arn"))
        .build(&b, "FromA")
        .unwrap();
    assert_eq!(
        error(&app),
        "DependencyCycle: 'A' depends on 'B' (A -> B/Qb.Ref). Adding this dependency \
         (B -> A/Qa.Arn) would create a cyclic reference. (at B)"
    );
}

#[test]
fn invalid_strength_is_refused() {
    let app = new_app(Some("medium"));
    let producer = Stack::builder().build(&app, "P").unwrap();
    let q = queue(&producer, "Q");
    let consumer = Stack::builder().build(&app, "C").unwrap();
    CfnOutput::builder()
        .value(q.ref_value())
        .build(&consumer, "Url")
        .unwrap();
    assert_eq!(
        error(&app),
        "InvalidReferenceStrength: Invalid value for @aws-cdk/core:defaultCrossStackReferences: \
         \"medium\". Must be \"strong\", \"weak\", or \"both\". (at C)"
    );
}

/// References made by lazy values are found, and synthesizing again writes the same assembly
/// (the outputs and imports of the first synthesis are reused, not added twice).
#[test]
fn lazy_references_and_repeated_synthesis() {
    let app = new_app(None);
    let producer = Stack::builder().build(&app, "P").unwrap();
    let q = queue(&producer, "Q");
    let consumer = Stack::builder().build(&app, "C").unwrap();
    let arn = q.get_att("Arn");
    let lazy = Lazy::new(move |_| Ok(Some(Value::join("", [arn.clone(), "/x".into()]))));
    CfnResource::create(
        &consumer,
        "Topic",
        "AWS::SNS::Topic",
        [("DisplayName", lazy.into())],
    )
    .unwrap();
    let first = synth(&app).unwrap();
    let display = &template(&first.0, "C")["Resources"]["Topic"]["Properties"]["DisplayName"];
    assert_eq!(
        display,
        &json!({"Fn::Join": ["", [{"Fn::ImportValue": "P:ExportsOutputFnGetAttQArn699449FF"}, "/x"]]})
    );
    let second = synth(&app).unwrap();
    assert_eq!(first.0, second.0);
    assert_eq!(first.1["artifacts"]["C"], second.1["artifacts"]["C"]);
}

/// A consumer depends on each producer once, in the order its references were found.
#[test]
fn dependencies_in_the_order_found() {
    let app = new_app(Some("strong"));
    let first = Stack::builder().build(&app, "First").unwrap();
    let second = Stack::builder().build(&app, "Second").unwrap();
    let q1 = queue(&first, "Q");
    let q2 = queue(&second, "Q");
    let consumer = Stack::builder().build(&app, "Consumer").unwrap();
    CfnOutput::builder()
        .value(q2.ref_value())
        .build(&consumer, "A")
        .unwrap();
    CfnOutput::builder()
        .value(q1.ref_value())
        .build(&consumer, "B")
        .unwrap();
    CfnOutput::builder()
        .value(q2.get_att("Arn"))
        .build(&consumer, "C")
        .unwrap();
    let (_, manifest) = synth(&app).unwrap();
    assert_eq!(
        manifest["artifacts"]["Consumer"]["dependencies"],
        json!(["Second", "First", "Consumer.assets"])
    );
}

/// The public resolver API a lazy value may use.
#[test]
fn resolver_api_for_lazy_values() {
    let app = App::new();
    let stack = Stack::builder().build(&app, "S").unwrap();
    stack.set_context(crate::flags::MINIMIZE_POLICIES, true);
    let q = queue(&stack, "Q");
    let target = q.element_ref();
    let scope = stack.clone();
    let lazy = Lazy::new(move |r| {
        let id = r.element_logical_id(&target)?;
        let flag = r.feature_flag_at(&scope, crate::flags::MINIMIZE_POLICIES);
        let resolved = r.resolve(&Value::join("-", [Value::from("a"), "b".into()]))?;
        Ok(Some(Value::from(format!(
            "{}:{id}:{flag}:{}",
            r.stack_path(),
            resolved.unwrap()
        ))))
    });
    CfnResource::create(
        &stack,
        "T",
        "AWS::SNS::Topic",
        [("DisplayName", lazy.into())],
    )
    .unwrap();
    let (templates, _) = synth(&app).unwrap();
    assert_eq!(
        template(&templates, "S")["Resources"]["T"]["Properties"]["DisplayName"],
        "S:Q:true:\"a-b\""
    );
}

/// A consumer's `currentVersion` hashes the function as its stack writes it: with the import,
/// so the version changes with the strength, as aws-cdk-lib's does.
#[test]
fn current_version_hashes_the_import() {
    use crate::lambda::{Code, Function, Runtime};
    for (strength, version) in [
        (
            None,
            "FnCurrentVersion17A89ABB9d4bc762395ecbc98300cdf921d9250b",
        ),
        (
            Some("weak"),
            "FnCurrentVersion17A89ABBb4a53c3662b0f125a44a190ee1578ce8",
        ),
    ] {
        let app = new_app(strength);
        let producer = Stack::builder().build(&app, "P").unwrap();
        let q = queue(&producer, "Q");
        let consumer = Stack::builder().build(&app, "C").unwrap();
        let f = Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("x"))
            .environment([("QUEUE", q.ref_value())])
            .build(&consumer, "Fn")
            .unwrap();
        f.current_version().unwrap();
        let (templates, _) = synth(&app).unwrap();
        let resources = template(&templates, "C")["Resources"].as_object().unwrap();
        let ids: Vec<&str> = resources.keys().map(String::as_str).collect();
        assert_eq!(
            ids,
            ["FnServiceRoleB9001A96", "Fn9270CBC0", version],
            "{strength:?}"
        );
    }
}

/// `FunctionVersionUpgrade` hashes a consumer function before references are wired: the value
/// of another stack reads as that stack's own `Ref`, as in aws-cdk-lib's aspect.
#[test]
fn version_upgrade_hashes_references_unwired() {
    use crate::lambda::{Code, Function, FunctionVersionUpgrade, Runtime};
    let app = new_app(None);
    let producer = Stack::builder().build(&app, "P").unwrap();
    let q = queue(&producer, "Q");
    let consumer = Stack::builder().build(&app, "C").unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .environment([("QUEUE", q.ref_value())])
        .build(&consumer, "Fn")
        .unwrap();
    FunctionVersionUpgrade::apply(&consumer, crate::flags::RECOGNIZE_VERSION_PROPS, true);
    let (templates, _) = synth(&app).unwrap();
    let properties = &template(&templates, "C")["Resources"]["Fn9270CBC0"]["Properties"];
    assert_eq!(
        properties["Description"],
        "version-hash:3313da36be9a961273bc7c69a495e9b3"
    );
    assert_eq!(
        properties["Environment"]["Variables"]["QUEUE"],
        json!({"Fn::ImportValue": "P:ExportsOutputRefQ0B598541"})
    );
}

/// The strength warning goes, once per app, to the first consumer without a strength set.
#[test]
fn strength_warning_once_on_the_first_unconfigured_consumer() {
    let app = new_app(None);
    let producer = Stack::builder().build(&app, "P").unwrap();
    let q = queue(&producer, "Q");
    let configured = Stack::builder().build(&app, "Configured").unwrap();
    configured.set_context(DEFAULT_CROSS_STACK_REFERENCES, "strong");
    let first = Stack::builder().build(&app, "First").unwrap();
    let second = Stack::builder().build(&app, "Second").unwrap();
    for stack in [&configured, &first, &second] {
        CfnOutput::builder()
            .value(q.ref_value())
            .build(stack, "Url")
            .unwrap();
    }
    synth(&app).unwrap();
    let warnings = |stack: &Stack| {
        let tree = app.tree();
        tree.node(stack.node().id)
            .annotations()
            .iter()
            .filter(|(kind, data)| {
                *kind == "aws:cdk:warning"
                    && data.ends_with("[ack: @aws-cdk/core:crossStackReferencesDefaultStrong]")
            })
            .count()
    };
    assert_eq!(
        [warnings(&configured), warnings(&first), warnings(&second)],
        [0, 1, 0]
    );
}
