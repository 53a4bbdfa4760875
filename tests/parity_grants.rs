//! Parity of grants, permissions and singleton functions with aws-cdk-lib 2.276.0: each example
//! `examples/<app>.rs` must synthesize what the oracle app `tests/oracle/apps/<app-with-dashes>.js`
//! synthesizes with the real library, with no context (`tests/golden/<app>/`) and with a new
//! project's recommended feature flags (`tests/golden-recommended/<app>/`). Same harness as
//! `tests/parity.rs`; run `cargo build --examples` first.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use common::{
    assert_assembly_matches, golden_dir, golden_recommended_dir, parity, recommended_context,
    synth_example,
};

#[test]
fn grant_service() {
    parity("grant-service");
}

#[test]
fn grant_service_conditions() {
    parity("grant-service-conditions");
}

#[test]
fn grant_account() {
    parity("grant-account");
}

#[test]
fn grant_account_in_org() {
    parity("grant-account-in-org");
}

#[test]
fn grant_org() {
    parity("grant-org");
}

#[test]
fn grant_composite() {
    parity("grant-composite");
}

#[test]
fn singleton_twice() {
    parity("singleton-twice");
}

/// The permission of `grant_invoke_version` on a `Version` hashes aws-cdk-lib's token string of
/// the version attribute, whose counter starts at a random offset in each Node.js process: the
/// oracle lists the ten logical IDs aws-cdk-lib can write (`token-variants.txt`). Ours must be one
/// of them, always the same; with it replaced by the golden's (and the template's hash by the
/// golden template's), both assemblies must match the goldens.
#[test]
fn grant_latest_version() {
    let app = "grant-latest-version";
    let template = format!("{app}.template.json");
    let variants = token_variants(&golden_dir(app).join("token-variants.txt"), &template);
    assert_eq!(variants.len(), 10, "token-variants.txt lists ten IDs");

    let mut ours_seen = BTreeSet::new();
    for (golden, context) in [
        (golden_dir(app), None),
        (golden_recommended_dir(app), Some(recommended_context())),
    ] {
        let out = synth_example(&app.replace('-', "_"), context.as_deref());
        let golden_id = only_variant(
            &fs::read_to_string(golden.join(&template)).unwrap(),
            &variants,
        );
        let ours_path = out.path().join(&template);
        let ours_text = fs::read_to_string(&ours_path).unwrap();
        let ours_id = only_variant(&ours_text, &variants);
        ours_seen.insert(ours_id.clone());
        normalise(out.path(), &template, &ours_id, &golden_id);
        normalise_tree(out.path(), &golden, &variants);
        assert_assembly_matches(&golden, out.path());
    }
    assert_eq!(
        ours_seen.len(),
        1,
        "the same ID with and without context: {ours_seen:?}"
    );

    // Deterministic: a second synthesis writes the same ID.
    let again = synth_example(&app.replace('-', "_"), None);
    let text = fs::read_to_string(again.path().join(&template)).unwrap();
    assert!(ours_seen.contains(&only_variant(&text, &variants)));
}

/// The logical IDs listed for `template` in a `token-variants.txt`.
fn token_variants(path: &Path, template: &str) -> BTreeSet<String> {
    let prefix = format!("logical id {template}:");
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .lines()
        .filter_map(|l| l.trim().strip_prefix(&prefix).map(str::to_owned))
        .collect()
}

/// The one variant ID a template holds (as a resource key).
fn only_variant(template: &str, variants: &BTreeSet<String>) -> String {
    let found: Vec<&String> = variants
        .iter()
        .filter(|id| template.contains(&format!("\"{id}\"")))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one of the token variants, found {found:?}"
    );
    found[0].clone()
}

/// Replaces `ours` by `golden` in the template, and the template's old sha256 by its new one in
/// every JSON file of the assembly (asset manifest, manifest.json).
fn normalise(assembly: &Path, template: &str, ours: &str, golden: &str) {
    let path = assembly.join(template);
    let before = fs::read_to_string(&path).unwrap();
    let after = before.replace(&format!("\"{ours}\""), &format!("\"{golden}\""));
    if before == after {
        return;
    }
    fs::write(&path, &after).unwrap();
    let (old, new) = (sha256_hex(&before), sha256_hex(&after));
    for entry in fs::read_dir(assembly).unwrap().flatten() {
        let file = entry.path();
        if file.extension().is_some_and(|e| e == "json") && file != path {
            let text = fs::read_to_string(&file).unwrap();
            fs::write(&file, text.replace(&old, &new)).unwrap();
        }
    }
}

/// `tree.json` names the permission twice: its construct id (`Invoke` + the base64 hash, with
/// aws-cdk-lib's `/` -> `--`) and its logical ID. The golden tree comes from another run of
/// aws-cdk-lib than the golden template, so it may hold another of the ten variants: both names
/// of ours are replaced by the golden tree's.
fn normalise_tree(assembly: &Path, golden: &Path, variants: &BTreeSet<String>) {
    let path = assembly.join("tree.json");
    let ours = fs::read_to_string(&path).unwrap();
    let theirs = fs::read_to_string(golden.join("tree.json")).unwrap();
    let (Some((our_id, our_logical)), Some((golden_id, golden_logical))) = (
        permission_names(&ours, variants),
        permission_names(&theirs, variants),
    ) else {
        panic!("a permission with one of the variant logical IDs in both trees");
    };
    let text = ours
        .replace(&our_id, &golden_id)
        .replace(&our_logical, &golden_logical);
    fs::write(&path, text).unwrap();
}

/// The construct id and logical ID (both as they appear in the JSON text) of the tree node whose
/// logical ID is one of `variants`.
fn permission_names(tree: &str, variants: &BTreeSet<String>) -> Option<(String, String)> {
    fn find(node: &serde_json::Value, variants: &BTreeSet<String>) -> Option<(String, String)> {
        let logical = node["attributes"]["aws:cdk:cloudformation:logicalId"].as_str();
        if let Some(logical) = logical.filter(|l| variants.contains(*l)) {
            let id = node["id"].as_str()?;
            return Some((serde_json::to_string(id).ok()?, logical.to_owned()));
        }
        node["children"]
            .as_object()?
            .values()
            .find_map(|c| find(c, variants))
    }
    let json: serde_json::Value = serde_json::from_str(tree).ok()?;
    let (id, logical) = find(&json["tree"], variants)?;
    // The id as it stands inside JSON strings: without its quotes.
    Some((id[1..id.len() - 1].to_owned(), logical))
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Grants on an alias (resource policy and identity policy) and `grant_invoke_url`, compared
/// with what aws-cdk-lib 2.276.0 writes for the same calls (resources below, from a run of
/// the library; the app is in the comment).
///
/// ```js
/// const fn = new lambda.Function(stack, 'Fn', { runtime: NODEJS_22_X, handler: 'index.handler', code: fromInline('x') });
/// fn.grantInvokeUrl(new iam.AccountPrincipal('777788889999'));
/// const alias = fn.addAlias('live');
/// alias.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
/// const role = new iam.Role(stack, 'R', { assumedBy: new iam.AccountRootPrincipal() });
/// alias.grantInvoke(role);
/// fn.grantInvokeUrl(role);
/// ```
#[test]
fn alias_and_url_grants_as_aws_cdk_lib() {
    use lambda_cdk::prelude::*;

    let app = App::new();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&stack, "Fn")
        .unwrap();
    function
        .grant_invoke_url(&Principal::account("777788889999"))
        .unwrap();
    let alias = function.add_alias("live").unwrap();
    alias
        .grant_invoke(&Principal::service("events.amazonaws.com"))
        .unwrap();
    let role = Role::builder()
        .assumed_by(Principal::account_root(stack.account_value()))
        .build(&stack, "R")
        .unwrap();
    alias.grant_invoke(&role).unwrap();
    function.grant_invoke_url(&role).unwrap();

    let out = tempfile::Builder::new()
        .prefix("alias-url-grants-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap();
    let assembly = app.synth_to(out.path()).unwrap();
    let resources = &assembly.template("S").unwrap()["Resources"];
    let expected: serde_json::Value = serde_json::from_str(
        r#"{
 "FnInvokeFunctionUrlAccountPrincipal777788889999F354F7DA": {"Action":"lambda:InvokeFunctionUrl","FunctionName":{"Fn::GetAtt":["Fn9270CBC0","Arn"]},"FunctionUrlAuthType":"AWS_IAM","Principal":"777788889999"},
 "FnInvokeFunctionUrlAccountPrincipal777788889999DualAuth59772EDA": {"Action":"lambda:InvokeFunction","FunctionName":{"Fn::GetAtt":["Fn9270CBC0","Arn"]},"InvokedViaFunctionUrl":true,"Principal":"777788889999"},
 "FnAliasliveInvoke1fBIBwkGKTIwSRmFV8O1yjU9AKdA1Znl7HToNrxfADFE4AD6A": {"Action":"lambda:InvokeFunction","FunctionName":{"Ref":"FnAliaslive17DB7803"},"Principal":"events.amazonaws.com"},
 "RDefaultPolicy0707467B": {"PolicyDocument":{"Statement":[{"Action":"lambda:InvokeFunction","Effect":"Allow","Resource":{"Ref":"FnAliaslive17DB7803"}},{"Action":"lambda:InvokeFunctionUrl","Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"AWS_IAM"}},"Effect":"Allow","Resource":{"Fn::GetAtt":["Fn9270CBC0","Arn"]}},{"Action":"lambda:InvokeFunction","Condition":{"Bool":{"lambda:InvokedViaFunctionUrl":true}},"Effect":"Allow","Resource":{"Fn::GetAtt":["Fn9270CBC0","Arn"]}}],"Version":"2012-10-17"},"PolicyName":"RDefaultPolicy0707467B","Roles":[{"Ref":"RC21A1702"}]}
}"#,
    )
    .unwrap();
    for (id, properties) in expected.as_object().unwrap() {
        assert_eq!(
            &resources[id]["Properties"], properties,
            "{id} differs; resources written: {resources:#}"
        );
    }
    let permissions = resources
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::Lambda::Permission")
        .count();
    assert_eq!(permissions, 3);
    let metadata = fs::read_to_string(out.path().join("S.metadata.json")).unwrap();
    assert!(
        metadata.contains("[ack: @aws-cdk/aws-lambda:addPermissionsToVersionOrAlias]"),
        "{metadata}"
    );
}

/// Imports by name, singletons with and without a purpose, and a permission with its own scope,
/// compared with what aws-cdk-lib 2.276.0 writes for the same calls (resources and outputs
/// below, `CDKMetadata` aside, from a run of the library; the app is in the comment).
///
/// ```js
/// const byName = lambda.Function.fromFunctionName(stack, 'ByName', 'MyFn');
/// byName.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
/// new cdk.CfnOutput(stack, 'Name', { value: byName.functionName });
/// const p = { runtime: NODEJS_22_X, handler: 'index.handler', code: fromInline('x') };
/// new lambda.SingletonFunction(stack, 'A', { ...p, uuid: 'abcdef01-2345-6789-abcd-ef0123456789' });
/// const s = new lambda.SingletonFunction(stack, 'B', { ...p, uuid: '84c0de93-353f-4217-9b0b-45b6c993251a', lambdaPurpose: 'MyPurpose' });
/// s.addPermission('Perm', { principal: new iam.AccountPrincipal('123456789012'), scope: stack });
/// ```
#[test]
fn import_by_name_singletons_and_scoped_permission_as_aws_cdk_lib() {
    use lambda_cdk::prelude::*;

    let app = App::new();
    let stack = Stack::builder().build(&app, "S").unwrap();
    let by_name = Function::from_function_name(&stack, "ByName", "MyFn").unwrap();
    by_name
        .grant_invoke(&Principal::service("events.amazonaws.com"))
        .unwrap();
    CfnOutput::builder()
        .value(by_name.function_name())
        .build(&stack, "Name")
        .unwrap();
    let singleton = |id: &str, uuid: &str, purpose: Option<&str>| {
        SingletonFunction::builder()
            .uuid(uuid)
            .maybe_lambda_purpose(purpose)
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("x"))
            .build(&stack, id)
            .unwrap()
    };
    singleton("A", "abcdef01-2345-6789-abcd-ef0123456789", None);
    let s = singleton(
        "B",
        "84c0de93-353f-4217-9b0b-45b6c993251a",
        Some("MyPurpose"),
    );
    s.add_permission(
        "Perm",
        Permission {
            scope: Some(stack.node()),
            ..Permission::new(Principal::account("123456789012"))
        },
    )
    .unwrap();

    let out = tempfile::Builder::new()
        .prefix("imports-singletons-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap();
    let assembly = app.synth_to(out.path()).unwrap();
    let mut template = assembly.template("S").unwrap().clone();
    template["Resources"]
        .as_object_mut()
        .unwrap()
        .remove("CDKMetadata");
    let expected: serde_json::Value = serde_json::from_str(
        r#"{"Resources":{"ByNameInvoke1fBIBwkGKTIwSRmFV8O1yjU9AKdA1Znl7HToNrxfAB2C317B5":{"Type":"AWS::Lambda::Permission","Properties":{"Action":"lambda:InvokeFunction","FunctionName":{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":lambda:",{"Ref":"AWS::Region"},":",{"Ref":"AWS::AccountId"},":function:MyFn"]]},"Principal":"events.amazonaws.com"}},"SingletonLambdaabcdef0123456789abcdef0123456789ServiceRoleF64809B6":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"}}],"Version":"2012-10-17"},"ManagedPolicyArns":[{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]}]}},"SingletonLambdaabcdef0123456789abcdef0123456789199DE92F":{"Type":"AWS::Lambda::Function","Properties":{"Code":{"ZipFile":"x"},"Handler":"index.handler","Role":{"Fn::GetAtt":["SingletonLambdaabcdef0123456789abcdef0123456789ServiceRoleF64809B6","Arn"]},"Runtime":"nodejs22.x"},"DependsOn":["SingletonLambdaabcdef0123456789abcdef0123456789ServiceRoleF64809B6"]},"MyPurpose84c0de93353f42179b0b45b6c993251aServiceRole1447FF70":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"}}],"Version":"2012-10-17"},"ManagedPolicyArns":[{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]}]}},"MyPurpose84c0de93353f42179b0b45b6c993251aF4B91EDC":{"Type":"AWS::Lambda::Function","Properties":{"Code":{"ZipFile":"x"},"Handler":"index.handler","Role":{"Fn::GetAtt":["MyPurpose84c0de93353f42179b0b45b6c993251aServiceRole1447FF70","Arn"]},"Runtime":"nodejs22.x"},"DependsOn":["MyPurpose84c0de93353f42179b0b45b6c993251aServiceRole1447FF70"]},"Perm":{"Type":"AWS::Lambda::Permission","Properties":{"Action":"lambda:InvokeFunction","FunctionName":{"Fn::GetAtt":["MyPurpose84c0de93353f42179b0b45b6c993251aF4B91EDC","Arn"]},"Principal":"123456789012"}}},"Outputs":{"Name":{"Value":{"Fn::Select":[6,{"Fn::Split":[":",{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":lambda:",{"Ref":"AWS::Region"},":",{"Ref":"AWS::AccountId"},":function:MyFn"]]}]}]}}}}"#,
    )
    .unwrap();
    assert_eq!(template["Resources"], expected["Resources"], "{template:#}");
    assert_eq!(template["Outputs"], expected["Outputs"], "{template:#}");
}
