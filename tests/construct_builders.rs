//! Every construct is built one way (a builder ending in `build(scope, id)`): what each writes,
//! and the logical IDs of aliases made on a version rather than on the function.

use lambda_cdk::iam::PolicyStatement;
use lambda_cdk::kms::Key;
use lambda_cdk::prelude::*;
use lambda_cdk::s3::Bucket;
use serde_json::{json, Value as Json};

fn app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::from_env().with_outdir(dir.path().join("cdk.out"));
    (app, dir)
}

fn function(scope: &dyn Construct, id: &str) -> Function {
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("foo"))
        .build(scope, id)
        .unwrap()
}

fn resources_of_type<'t>(template: &'t Json, type_name: &str) -> Vec<(&'t String, &'t Json)> {
    template["Resources"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, r)| r["Type"] == type_name)
        .collect()
}

/// aws-cdk-lib's `version.addAlias('foo')` (lambda-version.test.ts) puts the alias under the
/// version: path `Fn/CurrentVersion/Aliasfoo/Resource`, so its logical ID is
/// `makeUniqueId` of that path: `FnCurrentVersionAliasfoo` + the first 8 hex digits of
/// md5("Fn/CurrentVersion/Aliasfoo/Resource"), upper-cased (`319DF835`). `fn.addAlias('foo')`
/// puts it under the function (`Fn/Aliasfoo/Resource`, md5 prefix `8D7404AD`). aws-cdk-lib
/// 2.276.0 wrote `FnCurrentVersionAliasfoo319DF835` for `fn.currentVersion.addAlias('foo')` on
/// this function (checked with node, `CDK_VALIDATION=false`).
#[test]
fn version_add_alias_lives_under_the_version() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = function(&stack, "Fn");
    let version = f.current_version().unwrap();
    let alias = version.add_alias("foo").unwrap();
    assert_eq!(alias.node().path(), "S/Fn/CurrentVersion/Aliasfoo");
    assert_eq!(alias.lambda().node().path(), "S/Fn");
    let assembly = app.synth().unwrap();
    let t = assembly.template("S").unwrap();
    let versions = resources_of_type(t, "AWS::Lambda::Version");
    assert_eq!(versions.len(), 1);
    let version_id = versions[0].0;
    assert!(
        version_id.starts_with("FnCurrentVersion17A89ABB"),
        "{version_id}"
    );
    let aliases = resources_of_type(t, "AWS::Lambda::Alias");
    assert_eq!(aliases.len(), 1);
    assert_eq!(aliases[0].0, "FnCurrentVersionAliasfoo319DF835");
    assert_eq!(
        aliases[0].1["Properties"],
        json!({
            "FunctionName": {"Ref": "Fn9270CBC0"},
            "FunctionVersion": {"Fn::GetAtt": [version_id, "Version"]},
            "Name": "foo"
        })
    );
}

#[test]
fn function_add_alias_lives_under_the_function() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = function(&stack, "Fn");
    f.add_alias("foo").unwrap();
    let assembly = app.synth().unwrap();
    let aliases = resources_of_type(assembly.template("S").unwrap(), "AWS::Lambda::Alias");
    assert_eq!(aliases.len(), 1);
    assert_eq!(aliases[0].0, "FnAliasfoo8D7404AD");
}

#[test]
fn alias_builder_points_at_latest_or_a_version() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let f = function(&stack, "Fn");
    Alias::builder()
        .alias_name("edge")
        .version(f.latest_version())
        .description("unpublished")
        .build(&stack, "Edge")
        .unwrap();
    let v = Version::builder()
        .lambda(&f)
        .description("v1")
        .build(&stack, "V1")
        .unwrap();
    Alias::builder()
        .alias_name("stable")
        .version(&v)
        .build(&stack, "Stable")
        .unwrap();
    let assembly = app.synth().unwrap();
    let t = assembly.template("S").unwrap();
    let props = |prefix: &str| {
        let (_, r) = resources_of_type(t, "AWS::Lambda::Alias")
            .into_iter()
            .find(|(id, _)| id.starts_with(prefix))
            .unwrap();
        r["Properties"].clone()
    };
    assert_eq!(
        props("Edge"),
        json!({
            "Description": "unpublished",
            "FunctionName": {"Ref": "Fn9270CBC0"},
            "FunctionVersion": "$LATEST",
            "Name": "edge"
        })
    );
    let (v1, _) = resources_of_type(t, "AWS::Lambda::Version")[0];
    assert_eq!(
        props("Stable")["FunctionVersion"],
        json!({"Fn::GetAtt": [v1, "Version"]})
    );
}

/// aws-cdk-lib writes an output's members as `Description, Value, Export, Condition` and a
/// parameter's as `Type, Default, AllowedPattern, AllowedValues, ConstraintDescription,
/// Description, MaxLength, MaxValue, MinLength, MinValue, NoEcho`.
#[test]
fn outputs_and_parameters_in_cdk_member_order() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let stage = CfnParameter::builder()
        .no_echo(true)
        .min_value(1.0)
        .max_value(2.5)
        .description("stage")
        .allowed_values(vec!["1".into(), "2".into()])
        .default("1")
        .type_name("Number")
        .build(&stack, "Stage")
        .unwrap();
    CfnOutput::builder()
        .condition("IsProd")
        .export_name("S-Stage")
        .value(stage.value())
        .description("the stage")
        .build(&stack, "Out")
        .unwrap();
    let assembly = app.synth().unwrap();
    let t = assembly.template("S").unwrap();
    let keys = |v: &Json| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        keys(&t["Outputs"]["Out"]),
        ["Description", "Value", "Export", "Condition"]
    );
    assert_eq!(t["Outputs"]["Out"]["Export"], json!({"Name": "S-Stage"}));
    assert_eq!(t["Outputs"]["Out"]["Value"], json!({"Ref": "Stage"}));
    assert_eq!(
        keys(&t["Parameters"]["Stage"]),
        [
            "Type",
            "Default",
            "AllowedValues",
            "Description",
            "MaxValue",
            "MinValue",
            "NoEcho"
        ]
    );
    assert_eq!(t["Parameters"]["Stage"]["MinValue"], json!(1));
    assert_eq!(t["Parameters"]["Stage"]["MaxValue"], json!(2.5));
}

#[test]
fn export_names_longer_than_255_characters_are_refused() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let err = CfnOutput::builder()
        .value("x")
        .export_name("e".repeat(256))
        .build(&stack, "Out")
        .err()
        .expect("too long");
    assert_eq!(
        err.to_string(),
        "ExportNameTooLong: Export name cannot exceed 255 characters (got 256 characters) (at S/Out)"
    );
    CfnOutput::builder()
        .value("x")
        .export_name("e".repeat(255))
        .build(&stack, "Out")
        .unwrap();
}

#[test]
fn scopes_add_their_id_to_paths_and_logical_ids() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let group = Scope::builder().build(&stack, "Group").unwrap();
    let f = function(&group, "Fn");
    assert_eq!(f.node().path(), "S/Group/Fn");
    let assembly = app.synth().unwrap();
    let t = assembly.template("S").unwrap();
    let functions = resources_of_type(t, "AWS::Lambda::Function");
    assert!(functions[0].0.starts_with("GroupFn"), "{}", functions[0].0);
}

#[test]
fn role_builder_props() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let role = Role::builder()
        .assumed_by(Principal::service("lambda.amazonaws.com"))
        .description("runs things")
        .role_name("runner")
        .managed_policies(vec![ManagedPolicy::from_managed_policy_arn(
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
        )])
        .build(&stack, "Runner")
        .unwrap();
    role.add_to_principal_policy(
        PolicyStatement::new()
            .actions(["s3:GetObject"])
            .resources(["*"]),
    )
    .unwrap();
    let assembly = app.synth().unwrap();
    let t = assembly.template("S").unwrap();
    let (_, r) = resources_of_type(t, "AWS::IAM::Role")[0];
    assert_eq!(r["Properties"]["Description"], "runs things");
    assert_eq!(r["Properties"]["RoleName"], "runner");
    assert_eq!(
        r["Properties"]["ManagedPolicyArns"],
        json!(["arn:aws:iam::aws:policy/ReadOnlyAccess"])
    );
    let policies = resources_of_type(t, "AWS::IAM::Policy");
    assert_eq!(policies.len(), 1);
    assert_eq!(
        policies[0].1["Properties"]["PolicyDocument"]["Statement"],
        json!([{"Action": "s3:GetObject", "Effect": "Allow", "Resource": "*"}])
    );
}

/// Bucket and key policies are one `PolicyDocument` each, filled until synthesis.
#[test]
fn resource_policies_collect_statements_added_later() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let bucket = Bucket::builder()
        .removal_policy(RemovalPolicy::Destroy)
        .build(&stack, "B")
        .unwrap();
    let statement = |action: &str| {
        PolicyStatement::new()
            .actions([action])
            .principal(Principal::service("lambda.amazonaws.com"))
            .resources([bucket.arn_for_objects("*")])
    };
    let first = bucket
        .add_to_resource_policy(statement("s3:GetObject"))
        .unwrap();
    let second = bucket
        .add_to_resource_policy(statement("s3:PutObject"))
        .unwrap();
    assert_eq!(first.path(), second.path());
    let key = Key::builder()
        .description("k")
        .enable_key_rotation(true)
        .build(&stack, "K")
        .unwrap();
    key.add_to_resource_policy(
        PolicyStatement::new()
            .actions(["kms:Decrypt"])
            .principal(Principal::service("lambda.amazonaws.com"))
            .resources(["*"]),
    );
    let assembly = app.synth().unwrap();
    let t = assembly.template("S").unwrap();
    let (_, b) = resources_of_type(t, "AWS::S3::Bucket")[0];
    assert_eq!(b["DeletionPolicy"], "Delete");
    let policies = resources_of_type(t, "AWS::S3::BucketPolicy");
    assert_eq!(policies.len(), 1);
    let statements = &policies[0].1["Properties"]["PolicyDocument"]["Statement"];
    assert_eq!(statements.as_array().unwrap().len(), 2);
    assert_eq!(statements[1]["Action"], "s3:PutObject");
    let (_, k) = resources_of_type(t, "AWS::KMS::Key")[0];
    assert_eq!(k["Properties"]["Description"], "k");
    assert_eq!(k["Properties"]["EnableKeyRotation"], true);
    let key_statements = k["Properties"]["KeyPolicy"]["Statement"]
        .as_array()
        .unwrap();
    assert_eq!(key_statements.len(), 2);
    assert_eq!(key_statements[0]["Action"], "kms:*");
    assert_eq!(key_statements[1]["Action"], "kms:Decrypt");
}

#[test]
fn log_group_defaults_and_props() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    LogGroup::builder().build(&stack, "Plain").unwrap();
    LogGroup::builder()
        .log_group_name("named")
        .retention(RetentionDays::Infinite)
        .removal_policy(RemovalPolicy::Destroy)
        .build(&stack, "Named")
        .unwrap();
    let assembly = app.synth().unwrap();
    let t = assembly.template("S").unwrap();
    let groups = resources_of_type(t, "AWS::Logs::LogGroup");
    let find = |p: &str| groups.iter().find(|(id, _)| id.starts_with(p)).unwrap().1;
    assert_eq!(find("Plain")["Properties"], json!({"RetentionInDays": 731}));
    assert_eq!(find("Plain")["DeletionPolicy"], "Retain");
    assert_eq!(
        find("Named")["Properties"],
        json!({"LogGroupName": "named"})
    );
    assert_eq!(find("Named")["DeletionPolicy"], "Delete");
}

/// aws-cdk-lib: `ProvisionedConcurrencySupportedFunctionsTenant` at the version's path.
#[test]
fn provisioned_concurrency_on_a_tenant_isolated_function_is_refused() {
    let (app, _dir) = app();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .tenancy_config(TenancyConfig::PER_TENANT)
        .build(&stack, "Fn")
        .unwrap();
    let err = Version::builder()
        .lambda(&function)
        .provisioned_concurrent_executions(5)
        .build(&stack, "V")
        .err()
        .expect("refused");
    let text = err.to_string();
    assert!(
        text.contains(
            "Provisioned Concurrency is not supported for functions with tenant isolation mode"
        ),
        "{text}"
    );
    assert!(text.contains("S/V"), "{text}");
    assert!(stack.node().try_find_child("V").is_none());
}
