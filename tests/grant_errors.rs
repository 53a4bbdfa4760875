//! Grants and permissions that cannot be made fail (or warn) as aws-cdk-lib 2.276.0 does: same
//! error code, same message, same construct path. `tests/golden/errors/imported-arn-grant.json`
//! and `imported-url-grant.json` are what aws-cdk-lib threw for `tests/oracle/errors/<name>.js`
//! (from `tests/oracle/regenerate-errors.sh`); the other messages are those of
//! aws-cdk-lib's `function-base.ts` (reference spec §4.2), checked against the library.

mod common;

use lambda_cdk::prelude::*;
use lambda_cdk::Error;

fn app_and_stack(name: &str) -> (App, Stack) {
    let app = App::new();
    let stack = Stack::builder().build(&app, name).unwrap();
    (app, stack)
}

fn function(stack: &Stack) -> Function {
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(stack, "Fn")
        .unwrap()
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

/// Synthesizes into a temporary folder; returns it with the stack's template and metadata.
fn synth(app: &App, stack: &str) -> (tempfile::TempDir, serde_json::Value, String) {
    let out = tempfile::Builder::new()
        .prefix("grant-errors-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap();
    let assembly = app.synth_to(out.path()).unwrap();
    let template = assembly.template(stack).unwrap().clone();
    let metadata = std::fs::read_to_string(out.path().join(format!("{stack}.metadata.json")))
        .unwrap_or_default();
    (out, template, metadata)
}

fn resources_of_type(template: &serde_json::Value, type_name: &str) -> Vec<String> {
    let Some(resources) = template["Resources"].as_object() else {
        return Vec::new();
    };
    resources
        .iter()
        .filter(|(_, r)| r["Type"] == type_name)
        .map(|(id, _)| id.clone())
        .collect()
}

/// `imported-arn-grant.app.js`: a role of an environment-agnostic stack granted invoke on a
/// function imported by ARN (account 123456789012) needs a resource policy CDK cannot add.
#[test]
fn imported_arn_grant() {
    let golden =
        common::read_json(&common::repo_root().join("tests/golden/errors/imported-arn-grant.json"));
    let (_app, stack) = app_and_stack("imported-arn-grant");
    let by_arn = Function::from_function_arn(
        &stack,
        "Function",
        "arn:aws:lambda:us-east-1:123456789012:function:MyFn",
    )
    .unwrap();
    let role = Role::builder()
        .assumed_by(Principal::account_root(stack.account_value()))
        .build(&stack, "Caller")
        .unwrap();
    let err = by_arn.grant_invoke(&role).expect_err("the grant must fail");
    let (code, message, path) = validation(err);
    assert_eq!(code, golden["name"].as_str().unwrap());
    assert_eq!(message, golden["message"].as_str().unwrap());
    assert_eq!(path, golden["constructPath"].as_str().unwrap());
}

/// `imported-url-grant.js`: `grant_invoke_url` on a function imported by ARN, which has no
/// Function URL CDK knows of, from an environment-agnostic stack. aws-cdk-lib does not look for
/// a URL: it grants as for any function, and the resource-policy half of the grant cannot be
/// added to a function of another environment (`CannotModifyLambdaPermission`).
#[test]
fn imported_url_grant() {
    let (_app, stack) = app_and_stack("imported-url-grant");
    let by_arn = Function::from_function_arn(
        &stack,
        "Function",
        "arn:aws:lambda:us-east-1:123456789012:function:MyFn",
    )
    .unwrap();
    let role = Role::builder()
        .assumed_by(Principal::account_root(stack.account_value()))
        .build(&stack, "Caller")
        .unwrap();
    common::assert_same_error("imported-url-grant", by_arn.grant_invoke_url(&role));
    // The same for a service principal: only a resource policy could grant it.
    common::assert_same_error(
        "imported-url-grant",
        by_arn.grant_invoke_url(&Principal::service("sns.amazonaws.com")),
    );
}

/// `grant_invoke_url` on imported functions that CDK may grant on, as aws-cdk-lib 2.276.0 does
/// (checked with the library): with `same_environment` (ARN account literal, stack account not)
/// the two permissions `InvokeFunctionUrl<principal>` and `...-DualAuth` are added and the role
/// gets both statements; imported by name (same account token) or with `skip_permissions`,
/// only the role's statements.
#[test]
fn grant_invoke_url_on_imported_functions() {
    let arn = "arn:aws:lambda:us-east-1:123456789012:function:MyFn";
    type Import = fn(&Stack) -> ImportedFunction;
    let cases: [(&str, Import, usize); 3] = [
        (
            "SameEnv",
            |s| {
                Function::from_function_attributes(
                    s,
                    "Function",
                    FunctionAttributes {
                        same_environment: Some(true),
                        ..FunctionAttributes::new(
                            "arn:aws:lambda:us-east-1:123456789012:function:MyFn",
                        )
                    },
                )
                .unwrap()
            },
            2,
        ),
        (
            "ByName",
            |s| Function::from_function_name(s, "Function", "X").unwrap(),
            0,
        ),
        (
            "Skip",
            |s| {
                Function::from_function_attributes(
                    s,
                    "Function",
                    FunctionAttributes {
                        skip_permissions: true,
                        ..FunctionAttributes::new(
                            "arn:aws:lambda:us-east-1:123456789012:function:MyFn",
                        )
                    },
                )
                .unwrap()
            },
            0,
        ),
    ];
    for (name, import, permissions) in cases {
        // Stack `S`, as in the aws-cdk-lib run whose logical IDs are checked below.
        let (app, stack) = app_and_stack("S");
        let imported = import(&stack);
        let role = Role::builder()
            .assumed_by(Principal::account_root(stack.account_value()))
            .build(&stack, "Caller")
            .unwrap();
        imported.grant_invoke_url(&role).unwrap();
        let (_out, template, metadata) = synth(&app, "S");
        let mut found = resources_of_type(&template, "AWS::Lambda::Permission");
        found.sort();
        assert_eq!(found.len(), permissions, "{name}: {found:?}");
        if permissions == 2 {
            let url = &template["Resources"][&found[0]]["Properties"];
            assert!(
                found[0].starts_with("FunctionInvokeFunctionUrl"),
                "{found:?}"
            );
            assert_eq!(url["Action"], "lambda:InvokeFunctionUrl");
            assert_eq!(url["FunctionName"], arn);
            assert_eq!(url["FunctionUrlAuthType"], "AWS_IAM");
            let dual = &template["Resources"][&found[1]]["Properties"];
            assert_eq!(dual["Action"], "lambda:InvokeFunction");
            assert_eq!(dual["InvokedViaFunctionUrl"], true);
        }
        let policies = resources_of_type(&template, "AWS::IAM::Policy");
        assert_eq!(policies.len(), 1, "{name}: {policies:?}");
        let statements =
            &template["Resources"][&policies[0]]["Properties"]["PolicyDocument"]["Statement"];
        assert_eq!(
            statements[0]["Action"], "lambda:InvokeFunctionUrl",
            "{name}"
        );
        assert_eq!(
            statements[0]["Condition"]["StringEquals"]["lambda:FunctionUrlAuthType"],
            "AWS_IAM"
        );
        assert_eq!(statements[1]["Action"], "lambda:InvokeFunction", "{name}");
        assert_eq!(
            statements[1]["Condition"]["Bool"]["lambda:InvokedViaFunctionUrl"],
            true
        );
        assert!(!metadata.contains("UnclearLambdaEnvironment"), "{metadata}");
    }
}

/// The same grant with `skip_permissions` adds the role's statement and nothing else; with
/// `same_environment` the permission is created on the imported ARN.
#[test]
fn imported_function_with_skip_permissions_or_same_environment() {
    let (app, stack) = app_and_stack("ImportStack");
    let arn = "arn:aws:lambda:us-east-1:123456789012:function:MyFn";
    let skipped = Function::from_function_attributes(
        &stack,
        "Skipped",
        FunctionAttributes {
            skip_permissions: true,
            ..FunctionAttributes::new(arn)
        },
    )
    .unwrap();
    let role = Role::builder()
        .assumed_by(Principal::account_root(stack.account_value()))
        .build(&stack, "Caller")
        .unwrap();
    assert!(skipped.grant_invoke(&role).unwrap().success());

    let same = Function::from_function_attributes(
        &stack,
        "Same",
        FunctionAttributes {
            same_environment: Some(true),
            ..FunctionAttributes::new(arn)
        },
    )
    .unwrap();
    same.grant_invoke(&Principal::service("events.amazonaws.com"))
        .unwrap();

    let (_out, template, metadata) = synth(&app, "ImportStack");
    let permissions = resources_of_type(&template, "AWS::Lambda::Permission");
    assert_eq!(permissions.len(), 1, "{permissions:?}");
    let permission = &template["Resources"][&permissions[0]]["Properties"];
    assert_eq!(permission["FunctionName"], arn);
    assert_eq!(permission["Principal"], "events.amazonaws.com");
    assert!(permissions[0].starts_with("SameInvoke"), "{permissions:?}");
    assert!(!metadata.contains("UnclearLambdaEnvironment"), "{metadata}");
    assert_eq!(resources_of_type(&template, "AWS::IAM::Policy").len(), 1);
}

/// `add_permission` on a function imported from another environment adds nothing and warns.
#[test]
fn add_permission_on_foreign_import_warns() {
    let (app, stack) = app_and_stack("WarnStack");
    let imported = Function::from_function_arn(
        &stack,
        "Imp",
        "arn:aws:lambda:us-east-1:123456789012:function:MyFn",
    )
    .unwrap();
    imported
        .add_permission("X", Permission::new(Principal::service("s")))
        .unwrap();
    let (_out, template, metadata) = synth(&app, "WarnStack");
    assert!(resources_of_type(&template, "AWS::Lambda::Permission").is_empty());
    assert!(
        metadata.contains(
            "addPermission() has no effect on a Lambda Function with region=us-east-1, \
             account=123456789012, in a Stack with region="
        ),
        "{metadata}"
    );
    assert!(
        metadata.contains("[ack: UnclearLambdaEnvironment]"),
        "{metadata}"
    );
}

/// A principal a Lambda permission cannot express (two services at once).
#[test]
fn grant_with_unsupported_principal_type() {
    let (_app, stack) = app_and_stack("ErrorsStack");
    let f = function(&stack);
    let two_services = Principal::composite([
        Principal::service("a.amazonaws.com"),
        Principal::service("b.amazonaws.com"),
    ]);
    let (code, message, path) = validation(f.grant_invoke(&two_services).unwrap_err());
    assert_eq!(code, "InvalidPrincipalTypeForLambdaPermission");
    assert_eq!(
        message,
        "Invalid principal type for Lambda permission statement: CompositePrincipal. \
         Supported: AccountPrincipal, ArnPrincipal, ServicePrincipal, OrganizationPrincipal"
    );
    assert_eq!(path, "ErrorsStack/Fn");
}

/// Conditions a permission has no field for are refused.
#[test]
fn permission_with_unsupported_conditions() {
    let (_app, stack) = app_and_stack("ErrorsStack");
    let f = function(&stack);
    let principal = Principal::service("s").with_conditions(Conditions::new().with(
        "StringLike",
        "aws:SourceArn",
        "x",
    ));
    let (code, message, _) = validation(
        f.add_permission("P", Permission::new(principal))
            .unwrap_err(),
    );
    assert_eq!(code, "UnsupportedConditionsForLambdaPermission");
    assert_eq!(
        message,
        r#"PrincipalWithConditions had unsupported conditions for Lambda permission statement: [{"operator":"StringLike","key":"aws:SourceArn"}]. Supported operator/condition pairs: [{"operator":"ArnLike","key":"aws:SourceArn"},{"operator":"StringEquals","key":"aws:SourceAccount"},{"operator":"StringEquals","key":"aws:PrincipalOrgID"}]"#
    );

    let org_and_account = Principal::organization("o-1").with_conditions(Conditions::new().with(
        "StringEquals",
        "aws:SourceAccount",
        "1",
    ));
    let (code, _, _) = validation(
        f.add_permission("Q", Permission::new(org_and_account))
            .unwrap_err(),
    );
    assert_eq!(code, "PrincipalOrgIdCannotBeCombinedWithOtherConditions");
}

/// Two permissions with one id: the message names the construct path.
#[test]
fn duplicate_permission_id_names_the_path() {
    let (_app, stack) = app_and_stack("ErrorsStack");
    let f = function(&stack);
    f.add_permission("Q", Permission::new(Principal::service("s")))
        .unwrap();
    let err = f
        .add_permission("Q", Permission::new(Principal::service("s")))
        .unwrap_err();
    assert!(matches!(err, Error::DuplicateId { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.starts_with("There is already a Construct with name 'Q' in"),
        "{text}"
    );
    assert!(text.contains("ErrorsStack/Fn"), "{text}");

    // A SingletonFunction is a construct of its own: its id is checked too.
    let singleton = || {
        SingletonFunction::builder()
            .uuid("u-1")
            .runtime(Runtime::NODEJS_22_X)
            .handler("index.handler")
            .code(Code::from_inline("x"))
            .build(&stack, "Single")
    };
    singleton().unwrap();
    let text = singleton().err().expect("same id twice").to_string();
    assert!(
        text.contains("'Single'") && text.contains("ErrorsStack"),
        "{text}"
    );
}

/// Repeated grants add one permission (or one statement), as aws-cdk-lib memoizes them.
#[test]
fn repeated_grants_are_deduplicated() {
    let (app, stack) = app_and_stack("DedupStack");
    let f = function(&stack);
    let role = Role::builder()
        .assumed_by(Principal::account_root(stack.account_value()))
        .build(&stack, "Caller")
        .unwrap();
    for _ in 0..2 {
        f.grant_invoke(&Principal::service("events.amazonaws.com"))
            .unwrap();
        f.grant_invoke(&role).unwrap();
    }
    let (_out, template, _) = synth(&app, "DedupStack");
    assert_eq!(
        resources_of_type(&template, "AWS::Lambda::Permission").len(),
        1
    );
    let policy = &resources_of_type(&template, "AWS::IAM::Policy")[0];
    let statements = &template["Resources"][policy]["Properties"]["PolicyDocument"]["Statement"];
    assert_eq!(statements.as_array().unwrap().len(), 1, "{statements}");
}

/// An invoke permission on a function with versions warns that qualified invocations need the
/// permission on the version or alias, whether the version came first or later.
#[test]
fn invoke_permission_and_current_version_warn() {
    let (app, stack) = app_and_stack("WarnStack");
    let f = function(&stack);
    f.grant_invoke(&Principal::service("events.amazonaws.com"))
        .unwrap();
    let (_out, _, metadata) = synth(&app, "WarnStack");
    assert!(
        !metadata.contains("addPermissionsToVersionOrAlias"),
        "{metadata}"
    );

    f.current_version().unwrap();
    let (_out, _, metadata) = synth(&app, "WarnStack");
    assert!(
        metadata.contains("[ack: @aws-cdk/aws-lambda:addPermissionsToVersionOrAlias]"),
        "{metadata}"
    );
}

/// Distinct versions granted to the same principal are distinct permissions (aws-cdk-lib hashes
/// each version's own token), and the first one granted gets the ID of the oracle app.
#[test]
fn grants_on_two_versions_are_two_permissions() {
    let (app, stack) = app_and_stack("VersionsStack");
    let f = function(&stack);
    let v1 = Version::builder().lambda(&f).build(&stack, "V1").unwrap();
    let v2 = Version::builder().lambda(&f).build(&stack, "V2").unwrap();
    let service = Principal::service("other-service");
    f.grant_invoke_version(&service, &v1).unwrap();
    f.grant_invoke_version(&service, &v2).unwrap();
    f.grant_invoke_version(&service, &v1).unwrap();
    let (_out, template, _) = synth(&app, "VersionsStack");
    let permissions = resources_of_type(&template, "AWS::Lambda::Permission");
    assert_eq!(permissions.len(), 2, "{permissions:?}");
    // grant-latest-version's golden (token counter 36), under the function `Fn`.
    assert!(
        permissions
            .iter()
            .any(|id| id.starts_with("FnInvokeZBL5xLSGfPfmWTdAtCh7TPWFalZ2sjhUdrnjP08A")),
        "{permissions:?}"
    );
}
