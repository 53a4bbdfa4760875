//! Secrets Manager secrets, as far as a function reading one needs them.

use crate::core::construct::Construct;
use crate::core::element::RemovalPolicy;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::{Pseudo, Value};
use crate::iam::{add_to_principal_or_resource, Grant, GrantOptions, Grantable};
use crate::{Error, Result};

/// An `AWS::SecretsManager::Secret` whose value Secrets Manager generates (aws-cdk-lib's
/// `Secret` without a template: `GenerateSecretString: {}`), deleted with the stack by default.
#[derive(Clone)]
pub struct Secret {
    base: ResourceBase,
}

resource_construct! {
    Secret {
        /// `{"Ref": <secret>}`: the secret ARN.
        fn secret_arn = Ref;
    }
}

#[lambda_builder::builders]
impl Secret {
    /// A new secret under `scope`.
    ///
    /// ```
    /// use lambda_core::secretsmanager::Secret;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let secret = Secret::builder().description("API key").build(&stack, "ApiKey")?;
    /// # let _ = secret.secret_arn();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// `Description`.
        #[builder(into)]
        description: Option<String>,
        /// A fixed `Name`; CloudFormation names it when unset.
        #[builder(into)]
        secret_name: Option<String>,
        /// What happens to the secret when it leaves the stack (deleted when unset, as in
        /// aws-cdk-lib).
        #[builder(default = RemovalPolicy::Destroy)]
        removal_policy: RemovalPolicy,
    ) -> Result<Self> {
        let mut properties = vec![("GenerateSecretString", Value::Object(Vec::new()))];
        if let Some(d) = description {
            properties.push(("Description", d.into()));
        }
        if let Some(n) = secret_name {
            properties.push(("Name", n.into()));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_secretsmanager.Secret",
            "AWS::SecretsManager::Secret",
            properties,
        )?;
        base.resource.apply_removal_policy(removal_policy);
        Ok(Secret { base })
    }
}

impl Secret {
    /// Lets `grantee` read the secret's value (`secretsmanager:GetSecretValue` and
    /// `DescribeSecret` on it, in its identity policy). A grantee of another account would need
    /// the secret's resource policy, which this construct does not have yet: an error.
    pub fn grant_read(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let account = self
            .base
            .node
            .stack()
            .map_or_else(|| Pseudo::AccountId.value(), |s| s.account_value());
        let path = self.base.node.path();
        add_to_principal_or_resource(
            GrantOptions {
                grantee,
                actions: vec![
                    "secretsmanager:GetSecretValue".into(),
                    "secretsmanager:DescribeSecret".into(),
                ],
                resource_arns: vec![self.secret_arn()],
                conditions: Default::default(),
                resource_account: account,
            },
            |_| {
                Err(Error::validation(
                    "SecretResourcePolicyUnsupported",
                    "granting read on this secret to another account needs the secret's resource policy, which lambda-cdk does not write yet",
                    path,
                ))
            },
        )
    }
}
