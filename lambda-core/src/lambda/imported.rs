//! Functions defined outside the app (`Function.fromFunctionArn` and friends): enough to invoke
//! and grant; their permissions are only added when the function is in the stack's environment.

use std::cell::RefCell;
use std::rc::Rc;

use super::function::Function;
use super::invocable::{stack_env, Invocable, InvokeGrants, PermissionTarget};
use super::Architecture;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::iam::Role;
use crate::{Pseudo, Result};

/// What is known of an imported function (aws-cdk-lib's `FunctionAttributes`).
#[derive(Clone)]
pub struct FunctionAttributes {
    /// `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`.
    pub function_arn: Value,
    /// Its execution role, if grants to the function should reach it.
    pub role: Option<Role>,
    /// The function is in the stack's account and region: permissions may be added to it.
    /// When unset, true only if the stack has a concrete account equal to the ARN's.
    pub same_environment: Option<bool>,
    /// The function's permissions are managed outside CDK: grants add nothing and say nothing.
    pub skip_permissions: bool,
    /// The instruction set it runs on, for what depends on it (layers, extensions);
    /// x86_64 when unset, as in aws-cdk-lib.
    pub architecture: Option<Architecture>,
}

/// A Lambda function defined elsewhere, referenced by ARN or name. Cheap to clone.
#[derive(Clone)]
pub struct ImportedFunction {
    node: ConstructNode,
    function_arn: Value,
    function_name: Value,
    account: Value,
    region: Value,
    role: Option<Role>,
    can_create_permissions: bool,
    skip_permissions: bool,
    architecture: Architecture,
    grants: Rc<RefCell<InvokeGrants>>,
}

impl FunctionAttributes {
    /// The attributes of the function `function_arn`, nothing else known.
    pub fn new(function_arn: impl Into<Value>) -> Self {
        FunctionAttributes {
            function_arn: function_arn.into(),
            role: None,
            same_environment: None,
            skip_permissions: false,
            architecture: None,
        }
    }
}

impl Construct for ImportedFunction {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Function {
    /// A function defined elsewhere, by ARN (`Function.fromFunctionArn`). Permissions are added
    /// to it only if the stack has a concrete account equal to the ARN's.
    pub fn from_function_arn(
        scope: &dyn Construct,
        id: &str,
        function_arn: impl Into<Value>,
    ) -> Result<ImportedFunction> {
        Self::from_function_attributes(scope, id, FunctionAttributes::new(function_arn))
    }

    /// A function of the stack's own account and region, by name (`Function.fromFunctionName`).
    /// Its ARN is the stack's `formatArn`: the stack's account and region (literals when the
    /// stack has them, else `AWS::AccountId` / `AWS::Region`), and its partition (a literal
    /// when `@aws-cdk/core:enablePartitionLiterals` is on and the region is known, else
    /// `AWS::Partition`).
    pub fn from_function_name(
        scope: &dyn Construct,
        id: &str,
        function_name: &str,
    ) -> Result<ImportedFunction> {
        let (account, region) = stack_env(&scope.node());
        let arn = Value::join(
            "",
            [
                "arn:".into(),
                stack_partition(&scope.node()),
                ":lambda:".into(),
                region,
                ":".into(),
                account,
                format!(":function:{function_name}").into(),
            ],
        );
        Self::from_function_attributes(
            scope,
            id,
            FunctionAttributes {
                same_environment: Some(true),
                ..FunctionAttributes::new(arn)
            },
        )
    }

    /// A function defined elsewhere, with what else is known of it
    /// (`Function.fromFunctionAttributes`).
    pub fn from_function_attributes(
        scope: &dyn Construct,
        id: &str,
        attributes: FunctionAttributes,
    ) -> Result<ImportedFunction> {
        let node = scope.node().add_child(
            id,
            NodeKind::Construct,
            "aws-cdk-lib.aws_lambda.FunctionBase",
        )?;
        let (stack_account, stack_region) = stack_env(&node);
        let arn = attributes.function_arn;
        let literal_fields: Option<Vec<String>> = arn
            .as_literal_str()
            .map(|s| s.split(':').map(str::to_owned).collect());
        let field = |i: usize| {
            literal_fields
                .as_ref()
                .and_then(|f| f.get(i))
                .map(|s| Value::from(s.as_str()))
        };
        let function_name = field(6).unwrap_or_else(|| {
            Value::Select(6, Box::new(Value::Split(":".into(), Box::new(arn.clone()))))
        });
        let account = field(4).unwrap_or(stack_account.clone());
        let region = field(3).unwrap_or(stack_region);
        // `_isStackAccount()`: both the stack's account and the ARN are literals, and equal.
        let is_stack_account = match (stack_account.as_literal_str(), field(4)) {
            (Some(stack), Some(function)) => function.as_literal_str() == Some(stack),
            _ => false,
        };
        Ok(ImportedFunction {
            node,
            function_arn: arn,
            function_name,
            account,
            region,
            role: attributes.role,
            can_create_permissions: attributes.same_environment.unwrap_or(is_stack_account),
            skip_permissions: attributes.skip_permissions,
            architecture: attributes.architecture.unwrap_or(Architecture::DEFAULT),
            grants: Rc::default(),
        })
    }
}

/// `@aws-cdk/core:enablePartitionLiterals`: a stack with a concrete region of a known
/// partition writes its partition as a literal (off when unset).
const ENABLE_PARTITION_LITERALS: &str = "@aws-cdk/core:enablePartitionLiterals";

/// The partition of the stack holding `node` (aws-cdk-lib's `Stack.partition`): the region's
/// partition as a literal when partition literals are enabled there and the region is a
/// concrete one aws-cdk-lib knows, `AWS::Partition` otherwise.
fn stack_partition(node: &ConstructNode) -> Value {
    let Some(stack) = node.stack() else {
        return Pseudo::Partition.value();
    };
    if !stack.node().feature_flag(ENABLE_PARTITION_LITERALS) {
        return Pseudo::Partition.value();
    }
    stack
        .region()
        .and_then(|region| partition_of_region(&region))
        .map_or_else(|| Pseudo::Partition.value(), Value::from)
}

/// The partition of a region aws-cdk-lib 2.276.0's region facts list (`RegionInfo`), `None`
/// for a region it does not know.
fn partition_of_region(region: &str) -> Option<&'static str> {
    const AWS: &[&str] = &[
        "af-south-1",
        "ap-east-1",
        "ap-east-2",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ap-southeast-5",
        "ap-southeast-6",
        "ap-southeast-7",
        "ca-central-1",
        "ca-west-1",
        "eu-central-1",
        "eu-central-2",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "il-central-1",
        "me-central-1",
        "me-south-1",
        "me-west-1",
        "mx-central-1",
        "sa-east-1",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
    ];
    const OTHERS: &[(&str, &str)] = &[
        ("cn-north-1", "aws-cn"),
        ("cn-northwest-1", "aws-cn"),
        ("eu-isoe-west-1", "aws-iso-e"),
        ("eusc-de-east-1", "aws-eusc"),
        ("us-gov-east-1", "aws-us-gov"),
        ("us-gov-west-1", "aws-us-gov"),
        ("us-iso-east-1", "aws-iso"),
        ("us-iso-west-1", "aws-iso"),
        ("us-isob-east-1", "aws-iso-b"),
        ("us-isob-west-1", "aws-iso-b"),
        ("us-isof-east-1", "aws-iso-f"),
        ("us-isof-south-1", "aws-iso-f"),
    ];
    if AWS.contains(&region) {
        return Some("aws");
    }
    OTHERS.iter().find(|(r, _)| *r == region).map(|(_, p)| *p)
}

impl ImportedFunction {
    /// The execution role given at import, if any.
    pub fn role(&self) -> Option<&Role> {
        self.role.as_ref()
    }

    /// The instruction set given at import (x86_64 when none was).
    pub fn architecture(&self) -> Architecture {
        self.architecture
    }
}

impl Invocable for ImportedFunction {
    fn function_arn(&self) -> Value {
        self.function_arn.clone()
    }

    fn function_name(&self) -> Value {
        self.function_name.clone()
    }

    fn role(&self) -> Option<Role> {
        self.role.clone()
    }

    fn permission_target(&self) -> PermissionTarget {
        PermissionTarget {
            function_node: self.node.clone(),
            account: self.account.clone(),
            region: self.region.clone(),
            can_create_permissions: self.can_create_permissions,
            skip_permissions: self.skip_permissions,
            unqualified: None,
            grants: self.grants.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{App, Environment, Stack};

    fn stack(region: Option<&str>, partition_literals: Option<bool>) -> Stack {
        let app = App::new();
        let stack = Stack::builder()
            .env(Environment {
                account: Some("123456789012".into()),
                region: region.map(str::to_owned),
            })
            .build(&app, "S")
            .unwrap();
        if let Some(on) = partition_literals {
            stack.set_context(ENABLE_PARTITION_LITERALS, on);
        }
        stack
    }

    /// aws-cdk-lib's `Stack.partition` (facts checked with `RegionInfo` of 2.276.0): a literal
    /// only with the flag on and a region it knows.
    #[test]
    fn partition_of_a_stack() {
        let literal = |s: &Stack| {
            stack_partition(&s.node())
                .as_literal_str()
                .map(str::to_owned)
        };
        assert_eq!(
            literal(&stack(Some("us-east-1"), Some(true))).as_deref(),
            Some("aws")
        );
        assert_eq!(
            literal(&stack(Some("cn-north-1"), Some(true))).as_deref(),
            Some("aws-cn")
        );
        assert_eq!(
            literal(&stack(Some("us-gov-west-1"), Some(true))).as_deref(),
            Some("aws-us-gov")
        );
        assert_eq!(literal(&stack(Some("xx-nowhere-1"), Some(true))), None);
        assert_eq!(literal(&stack(None, Some(true))), None);
        assert_eq!(literal(&stack(Some("us-east-1"), Some(false))), None);
        assert_eq!(
            literal(&stack(Some("us-east-1"), None)),
            None,
            "off when unset"
        );
    }

    /// `from_function_name` formats the ARN from the stack: one literal where all is known.
    #[test]
    fn function_name_arn_in_a_known_environment() {
        let s = stack(Some("eu-west-1"), Some(true));
        let f = Function::from_function_name(&s, "F", "Fn").unwrap();
        assert_eq!(
            f.function_arn().as_literal_str(),
            Some("arn:aws:lambda:eu-west-1:123456789012:function:Fn")
        );
        assert_eq!(f.function_name().as_literal_str(), Some("Fn"));
    }

    /// `architecture` as given, x86_64 by default (aws-cdk-lib's `FunctionAttributes`).
    #[test]
    fn architecture_of_an_import() {
        let s = stack(Some("us-east-1"), None);
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:A";
        let plain = Function::from_function_arn(&s, "A", arn).unwrap();
        assert_eq!(plain.architecture(), Architecture::X86_64);
        let arm = Function::from_function_attributes(
            &s,
            "B",
            FunctionAttributes {
                architecture: Some(Architecture::Arm64),
                ..FunctionAttributes::new(arn)
            },
        )
        .unwrap();
        assert_eq!(arm.architecture(), Architecture::Arm64);
    }
}
