//! `currentVersion` logical IDs against aws-cdk-lib's own test vectors (reference §2: upstream
//! function-hash tests and vectors generated with aws-cdk-lib 2.276.0 under Node).

use lambda_cdk::flags::{RECOGNIZE_LAYER_VERSION, RECOGNIZE_VERSION_PROPS};
use lambda_cdk::prelude::*;
use lambda_cdk::spec::RuntimeFamily;

fn app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::from_env().with_outdir(dir.path().join("cdk.out"));
    (app, dir)
}

fn inline(stack: &Stack, id: &str, runtime: Runtime, source: &str) -> Function {
    Function::builder()
        .runtime(runtime)
        .handler("index.handler")
        .code(Code::from_inline(source))
        .build(stack, id)
        .unwrap()
}

/// Logical IDs of the stack's `AWS::Lambda::Version` resources.
fn version_ids(app: &App, stack: &str) -> Vec<String> {
    let assembly = app.synth().unwrap();
    let template = assembly.template(stack).unwrap();
    template["Resources"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, r)| r["Type"] == "AWS::Lambda::Version")
        .map(|(id, _)| id.clone())
        .collect()
}

fn single_version_id(app: &App, stack: &str) -> String {
    let ids = version_ids(app, stack);
    assert_eq!(ids.len(), 1, "{ids:?}");
    ids[0].clone()
}

#[test]
fn g1_default_flags() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo")
        .current_version()
        .unwrap();
    assert_eq!(
        single_version_id(&app, "S"),
        "FnCurrentVersion17A89ABB46de8984f3d7755042e487df2015dfde"
    );
}

#[test]
fn g2_recognize_layer_version_hashes_an_empty_layer_map() {
    let (app, _d) = app();
    app.set_context(RECOGNIZE_LAYER_VERSION, true);
    let stack = Stack::builder().build(&app, "S").unwrap();
    inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo")
        .current_version()
        .unwrap();
    assert_eq!(
        single_version_id(&app, "S"),
        "FnCurrentVersion17A89ABBbf40ba26bcb2f988204882bcbc10ff37"
    );
}

#[test]
fn g4_invalidate_version_based_on() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo");
    f.current_version().unwrap();
    f.invalidate_version_based_on("abc");
    f.invalidate_version_based_on("def");
    assert_eq!(
        single_version_id(&app, "S"),
        "FnCurrentVersion17A89ABB084762f9f2879d94677bef8abf0c5343"
    );
}

#[test]
fn g5_json_escaping_matches_json_stringify() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("// é ✓ \"q\" \\ \t\u{2028} </script>"))
        .description("d\u{1}")
        .build(&stack, "Fn")
        .unwrap()
        .current_version()
        .unwrap();
    assert_eq!(
        single_version_id(&app, "S"),
        "FnCurrentVersion17A89ABB50bdde4a98a70ead525824cc26518215"
    );
}

#[test]
fn g6_overrides_are_hashed_and_unlocked_props_are_not() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("foo"))
        .memory_size(256)
        .reserved_concurrent_executions(5)
        .build(&stack, "Fn")
        .unwrap();
    f.cfn_resource()
        .add_property_override("Environment.Variables.X", "y");
    f.current_version().unwrap();
    assert_eq!(
        single_version_id(&app, "S"),
        "FnCurrentVersion17A89ABBa79f1bc3b45990467e3acdf13e07cb03"
    );
}

#[test]
fn g10_plain() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "AliasStack").unwrap();
    inline(&stack, "Fn", Runtime::NODEJS_22_X, "x")
        .add_alias("live")
        .unwrap();
    assert_eq!(
        single_version_id(&app, "AliasStack"),
        "FnCurrentVersion17A89ABB13b7e850d1f34291c2f578263d39d071"
    );
}

#[test]
fn g12_long_ids_are_trimmed_from_the_start() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let group = Scope::builder().build(&stack, &"A".repeat(120)).unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("foo"))
        .build(&group, &"B".repeat(120))
        .unwrap()
        .current_version()
        .unwrap();
    let expected = format!(
        "{}{}D2C103D58ed3e42901a0b97c2ab6997c20a28238",
        "A".repeat(95),
        "B".repeat(120)
    );
    assert_eq!(single_version_id(&app, "S"), expected);
}

fn node99() -> Runtime {
    Runtime::custom("node99.x", Some(RuntimeFamily::NodeJs)).with_inline_code(true)
}

#[test]
fn upstream_add_alias_vector() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    inline(&stack, "Fn", node99(), "foo")
        .add_alias("prod")
        .unwrap();
    assert_eq!(
        single_version_id(&app, "S"),
        "FnCurrentVersion17A89ABB30f50e285b0533137b4b353595c6ba57"
    );
}

#[test]
fn upstream_inline_code_vectors() {
    let runtime = Runtime::custom("nodejs99.x", Some(RuntimeFamily::NodeJs)).with_inline_code(true);
    for (source, hash) in [
        ("foo", "e6e08236949a28be9ade77a2323e8391"),
        ("foo bar", "48e10e13160453b41f24975434c2d3f3"),
    ] {
        let (app, _d) = app();
        let stack = Stack::builder().build(&app, "S").unwrap();
        inline(&stack, "MyFunction", runtime, source)
            .current_version()
            .unwrap();
        assert_eq!(
            single_version_id(&app, "S"),
            format!("MyFunctionCurrentVersion197490AF{hash}")
        );
    }
}

#[test]
fn environment_order_does_not_change_the_hash_once_sorted() {
    let ids: Vec<String> = [
        [("Foo", "bar"), ("Bar", "foo")],
        [("Bar", "foo"), ("Foo", "bar")],
    ]
    .into_iter()
    .map(|env| {
        let (app, _d) = app();
        let stack = Stack::builder().build(&app, "S").unwrap();
        Function::builder()
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("foo"))
            .environment(env)
            .build(&stack, "Fn")
            .unwrap()
            .current_version()
            .unwrap();
        single_version_id(&app, "S")
    })
    .collect();
    assert_eq!(ids[0], ids[1]);
}

#[test]
fn unclassified_override_fails_synth_with_cdk_message() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo");
    f.cfn_resource()
        .add_property_override("UnclassifiedProp", "Value");
    f.current_version().unwrap();
    let err = app.synth().expect_err("an unclassified property must fail");
    assert_eq!(
        err.to_string(),
        "UnrecognizedVersionProperties: Resolution error: Resolution error: The following properties are not recognized as version properties: [UnclassifiedProp]. See the README of the aws-lambda module to learn more about this and to fix it... (at S/Fn)"
    );
}

#[test]
fn classified_overrides_change_the_hash_only_when_locked() {
    let id = |classify: Option<bool>, with_override: bool| {
        let (app, _d) = app();
        let stack = Stack::builder().build(&app, "S").unwrap();
        let f = inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo");
        if let Some(locked) = classify {
            Function::classify_version_property(&app, "UnclassifiedProp", locked);
        }
        if with_override {
            f.cfn_resource()
                .add_property_override("UnclassifiedProp", "Value");
        }
        f.current_version().unwrap();
        single_version_id(&app, "S")
    };
    let plain = id(None, false);
    assert_eq!(id(Some(false), true), plain);
    assert_ne!(id(Some(true), true), plain);
}

#[test]
fn legacy_hash_when_version_props_flag_is_off() {
    let (app, _d) = app();
    app.set_context(RECOGNIZE_VERSION_PROPS, false);
    let stack = Stack::builder().build(&app, "S").unwrap();
    inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo")
        .current_version()
        .unwrap();
    let legacy = single_version_id(&app, "S");
    assert!(legacy.starts_with("FnCurrentVersion17A89ABB"));
    assert_ne!(
        legacy,
        "FnCurrentVersion17A89ABB46de8984f3d7755042e487df2015dfde"
    );
}

#[test]
fn g3_legacy_hash_includes_depends_on_and_path_metadata() {
    let (app, _d) = app();
    app.set_context(RECOGNIZE_VERSION_PROPS, false);
    app.set_context(lambda_cdk::flags::PATH_METADATA, true);
    let stack = Stack::builder().build(&app, "S").unwrap();
    inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo")
        .current_version()
        .unwrap();
    assert_eq!(
        single_version_id(&app, "S"),
        "FnCurrentVersion17A89ABB169e41c7659155071e284ae68578bea2"
    );
}

fn g8_g9(flag: bool) -> String {
    use lambda_cdk::lambda::LayerVersion;
    let (app, dir) = app();
    if flag {
        app.set_context(RECOGNIZE_LAYER_VERSION, true);
    }
    let layer_dir = dir.path().join("layer");
    std::fs::create_dir_all(layer_dir.join("nodejs")).unwrap();
    std::fs::write(layer_dir.join("nodejs/util.js"), "module.exports = 42;\n").unwrap();
    let stack = Stack::builder().build(&app, "LayerStack").unwrap();
    let own = LayerVersion::builder()
        .code(Code::from_asset(&layer_dir))
        .compatible_runtimes(vec![Runtime::NODEJS_22_X])
        .compatible_architectures(vec![Architecture::X86_64, Architecture::Arm64])
        .license("Apache-2.0")
        .description("A layer")
        .layer_version_name("my-layer")
        .build(&stack, "MyLayer")
        .unwrap();
    let imported = LayerVersion::from_layer_version_arn(
        &stack,
        "Imported",
        "arn:aws:lambda:us-east-1:123456789012:layer:foo:3",
    )
    .unwrap();
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .layers(vec![own, imported])
        .build(&stack, "Fn")
        .unwrap()
        .current_version()
        .unwrap();
    single_version_id(&app, "LayerStack")
}

#[test]
fn g8_layers_flag_off() {
    assert_eq!(
        g8_g9(false),
        "FnCurrentVersion17A89ABBc75fe953d60cc4d5c24057edd9904740"
    );
}

#[test]
fn g9_layers_flag_on_hashes_layer_config() {
    assert_eq!(
        g8_g9(true),
        "FnCurrentVersion17A89ABB6f3fa9d2d81a65195b924ba1ca5cc9ac"
    );
}

#[test]
fn function_version_upgrade_appends_the_hash_to_the_description() {
    use lambda_cdk::lambda::FunctionVersionUpgrade;
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo");
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("foo"))
        .description("mine")
        .build(&stack, "Described")
        .unwrap();
    FunctionVersionUpgrade::apply(&app, RECOGNIZE_VERSION_PROPS, true);
    let assembly = app.synth().unwrap();
    let resources = &assembly.template("S").unwrap()["Resources"];
    // G1's hash: the function as it was before the aspect ran.
    assert_eq!(
        resources["Fn9270CBC0"]["Properties"]["Description"],
        "version-hash:46de8984f3d7755042e487df2015dfde"
    );
    let described = resources
        .as_object()
        .unwrap()
        .values()
        .find(|r| {
            r["Properties"]["Description"]
                .as_str()
                .is_some_and(|d| d.starts_with("mine "))
        })
        .expect("the described function keeps its description first");
    assert!(described["Properties"]["Description"]
        .as_str()
        .unwrap()
        .starts_with("mine version-hash:"));
}

#[test]
fn function_version_upgrade_skips_functions_whose_flag_differs() {
    use lambda_cdk::lambda::FunctionVersionUpgrade;
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo");
    FunctionVersionUpgrade::apply(&app, RECOGNIZE_VERSION_PROPS, false);
    let assembly = app.synth().unwrap();
    let props = &assembly.template("S").unwrap()["Resources"]["Fn9270CBC0"]["Properties"];
    assert!(props.get("Description").is_none());
}

#[test]
fn latest_version_alias_points_at_latest() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = inline(&stack, "Fn", Runtime::NODEJS_22_X, "foo");
    f.latest_version().add_alias("edge").unwrap();
    let assembly = app.synth().unwrap();
    let id = lambda_cdk::logical_id::make_unique_id(&["Fn", "Aliasedge", "Resource"]).unwrap();
    let alias = &assembly.template("S").unwrap()["Resources"][&id];
    assert_eq!(alias["Properties"]["FunctionVersion"], "$LATEST", "{alias}");
    assert_eq!(alias["Properties"]["Name"], "edge");
    assert!(version_ids(&app, "S").is_empty());
}

/// Upstream function-hash tests #7–#9: layers hashed by reference only (flag off). Upstream
/// puts the layers in another stack of the test app; their logical IDs depend only on their
/// path below the stack, so the same stack gives the same `Ref`s and the same hash input.
fn upstream_layers(names: &[&str]) -> String {
    use lambda_cdk::lambda::LayerVersion;
    let (app, dir) = app();
    let code_dir = dir.path().join("layer");
    std::fs::create_dir_all(&code_dir).unwrap();
    std::fs::write(code_dir.join("a.js"), "1").unwrap();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let mut layers = Vec::new();
    for name in ["MyLayer", "MyLayer2"] {
        let layer = LayerVersion::builder()
            .code(Code::from_asset(&code_dir))
            .build(&stack, name)
            .unwrap();
        if names.contains(&name) {
            layers.push((name, layer));
        }
    }
    layers.sort_by_key(|(n, _)| names.iter().position(|x| x == n));
    let runtime = Runtime::custom("nodejs99.x", Some(RuntimeFamily::NodeJs)).with_inline_code(true);
    Function::builder()
        .runtime(runtime)
        .handler("index.handler")
        .code(Code::from_inline("foo"))
        .layers(layers.into_iter().map(|(_, l)| l).collect())
        .build(&stack, "MyFunction")
        .unwrap()
        .current_version()
        .unwrap();
    let id = single_version_id(&app, "S");
    id.strip_prefix("MyFunctionCurrentVersion197490AF")
        .unwrap()
        .to_owned()
}

#[test]
fn upstream_layer_vectors() {
    assert_eq!(
        upstream_layers(&["MyLayer"]),
        "3b500cb399914c341ec5c39ef3bd182c"
    );
    assert_eq!(
        upstream_layers(&["MyLayer2"]),
        "aec62de1c572402fe8e75ca60c9fd96f"
    );
    assert_eq!(
        upstream_layers(&["MyLayer", "MyLayer2"]),
        "443ca997f1a9bb2ff4378f44cab76f67"
    );
    assert_eq!(
        upstream_layers(&["MyLayer2", "MyLayer"]),
        "2330cb52a944876c13cd69f5947415cd"
    );
}

/// The `Code` value of upstream's `function.addAlias` vector (an asset whose hash is
/// `9678c34e…1232`, from upstream's test folder, which we do not have).
fn upstream_asset_code() -> Value {
    Value::object([
        (
            "S3Bucket",
            Value::sub("cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"),
        ),
        (
            "S3Key",
            Value::from("9678c34eca93259d11f2d714177347afd66c50116e1e08996eff893d3ca81232.zip"),
        ),
    ])
}

fn inline_python(stack: &Stack) -> Function {
    Function::builder()
        .runtime(Runtime::PYTHON_3_9)
        .handler("index.handler")
        .code(Code::from_inline("placeholder"))
        .build(stack, "MyLambda")
        .unwrap()
}

/// Upstream `function.addAlias` vector: overriding `Code` with the asset's `{S3Bucket, S3Key}`
/// and deleting the inline `ZipFile` gives the `Code` aws-cdk-lib hashes for the asset.
#[test]
fn upstream_add_alias_asset_vector() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = inline_python(&stack);
    f.cfn_resource()
        .add_property_override("Code", upstream_asset_code());
    f.cfn_resource()
        .add_property_deletion_override("Code.ZipFile");
    f.add_alias("prod").unwrap();
    assert_eq!(
        single_version_id(&app, "S"),
        "MyLambdaCurrentVersionE7A382CCe2d14849ae02766d3abd365a8a0f12ae"
    );
}

/// Without the deletion, aws-cdk-lib deep-merges the override into the rendered `Code`: the
/// inline `ZipFile` stays beside `S3Bucket`/`S3Key`, and the version ID is aws-cdk-lib's for that.
#[test]
fn property_override_deep_merges_objects() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = inline_python(&stack);
    f.cfn_resource()
        .add_property_override("Code", upstream_asset_code());
    f.add_alias("prod").unwrap();
    assert_eq!(
        single_version_id(&app, "S"),
        "MyLambdaCurrentVersionE7A382CC7d695c729ef5b63ba6c95975e6017980"
    );
}

/// Overrides merge into the rendered resource as aws-cdk-lib merges them: a known property that
/// was not set lands in its schema slot (`MemorySize`), an unknown one last (`Zeta`), a key
/// overridden with `{}` goes (`Handler`), nested keys merge (`Code`, `Environment.Variables`).
/// The expected text is what aws-cdk-lib 2.276.0 wrote (`CDK_VALIDATION=false`) for:
/// ```js
/// const fn = new lambda.Function(stack, 'MyLambda', { runtime: lambda.Runtime.NODEJS_22_X,
///   handler: 'index.handler', code: lambda.Code.fromInline('x') });
/// const r = fn.node.defaultChild;
/// r.addPropertyOverride('Zeta', 1); r.addPropertyOverride('MemorySize', 256);
/// r.addPropertyOverride('Code.S3Key', 'k'); r.addPropertyOverride('Environment.Variables.A', 'b');
/// r.addPropertyOverride('Handler', {}); r.addOverride('Metadata.M', 1);
/// ```
#[test]
fn overrides_land_where_aws_cdk_lib_puts_them() {
    let (app, _d) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = inline(&stack, "MyLambda", Runtime::NODEJS_22_X, "x");
    let r = f.cfn_resource();
    r.add_property_override("Zeta", 1);
    r.add_property_override("MemorySize", 256);
    r.add_property_override("Code.S3Key", "k");
    r.add_property_override("Environment.Variables.A", "b");
    r.add_property_override("Handler", Value::object::<&str>([]));
    r.add_override("Metadata.M", 1);
    let assembly = app.synth().unwrap();
    let template = assembly.stacks[0].read_template().unwrap();
    assert_eq!(
        template["Resources"]["MyLambdaCCE802FB"].to_string(),
        r#"{"Type":"AWS::Lambda::Function","Properties":{"Code":{"S3Key":"k","ZipFile":"x"},"Environment":{"Variables":{"A":"b"}},"MemorySize":256,"Role":{"Fn::GetAtt":["MyLambdaServiceRole4539ECB6","Arn"]},"Runtime":"nodejs22.x","Zeta":1},"DependsOn":["MyLambdaServiceRole4539ECB6"],"Metadata":{"M":1}}"#
    );
}
