//! Systems Manager Parameter Store parameters, as far as a function reading one needs them.

use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::{Pseudo, Value};
use crate::iam::{add_to_principal, Grant, Grantable};
use crate::Result;

/// An `AWS::SSM::Parameter` of type `String` (aws-cdk-lib's `StringParameter`).
#[derive(Clone)]
pub struct StringParameter {
    base: ResourceBase,
    /// The name is a plain one (`name`, ARN `parameter/name`) rather than a path (`/a/b`, ARN
    /// `parameter/a/b`).
    simple_name: bool,
}

resource_construct! {
    StringParameter {
        /// `{"Ref": <parameter>}`: the parameter name.
        fn parameter_name = Ref;
    }
}

#[lambda_builder::builders]
impl StringParameter {
    /// A new parameter under `scope`.
    ///
    /// ```
    /// use lambda_core::ssm::StringParameter;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let p = StringParameter::builder()
    ///     .parameter_name("/orders/table")
    ///     .string_value("orders")
    ///     .build(&stack, "Table")?;
    /// # let _ = p.parameter_arn();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The value.
        #[builder(into)]
        string_value: Value,
        /// A fixed `Name`; CloudFormation names it when unset.
        #[builder(into)]
        parameter_name: Option<String>,
        /// `Description`.
        #[builder(into)]
        description: Option<String>,
        /// A regular expression the value must match.
        #[builder(into)]
        allowed_pattern: Option<String>,
    ) -> Result<Self> {
        let simple_name = !parameter_name
            .as_deref()
            .is_some_and(|n| n.starts_with('/'));
        let mut properties = vec![("Type", Value::from("String")), ("Value", string_value)];
        if let Some(n) = parameter_name {
            properties.push(("Name", n.into()));
        }
        if let Some(d) = description {
            properties.push(("Description", d.into()));
        }
        if let Some(p) = allowed_pattern {
            properties.push(("AllowedPattern", p.into()));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_ssm.StringParameter",
            "AWS::SSM::Parameter",
            properties,
        )?;
        Ok(StringParameter { base, simple_name })
    }
}

impl StringParameter {
    /// The parameter ARN: `arn:<partition>:ssm:<region>:<account>:parameter/<name>`.
    pub fn parameter_arn(&self) -> Value {
        let stack = self.base.node.stack();
        let region = stack
            .as_ref()
            .map_or_else(|| Pseudo::Region.value(), |s| s.region_value());
        let account = stack
            .as_ref()
            .map_or_else(|| Pseudo::AccountId.value(), |s| s.account_value());
        let separator = if self.simple_name {
            ":parameter/"
        } else {
            ":parameter"
        };
        Value::join(
            "",
            [
                "arn:".into(),
                Pseudo::Partition.value(),
                ":ssm:".into(),
                region,
                ":".into(),
                account,
                separator.into(),
                self.parameter_name(),
            ],
        )
    }

    /// Lets `grantee` read the parameter (`ssm:DescribeParameters`, `GetParameters`,
    /// `GetParameter`, `GetParameterHistory` on it), in its identity policy.
    pub fn grant_read(&self, grantee: &dyn Grantable) -> Result<Grant> {
        // aws-cdk-lib's `Grant.addToPrincipal`: the identity policy only, whatever the account.
        add_to_principal(
            grantee,
            &[
                "ssm:DescribeParameters",
                "ssm:GetParameters",
                "ssm:GetParameter",
                "ssm:GetParameterHistory",
            ],
            vec![self.parameter_arn()],
        )
    }
}
