//! `CodeSigningConfig`: which signing profiles a function's code must be signed with, and what
//! happens to code that is not.

use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::signer::SigningProfile;
use crate::Result;

/// What Lambda does with code whose signature does not check out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UntrustedArtifactOnDeployment {
    /// `Enforce`: the deployment fails.
    Enforce,
    /// `Warn`: the deployment goes on, with a warning (the default).
    #[default]
    Warn,
}

impl UntrustedArtifactOnDeployment {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            UntrustedArtifactOnDeployment::Enforce => "Enforce",
            UntrustedArtifactOnDeployment::Warn => "Warn",
        }
    }
}

/// An `AWS::Lambda::CodeSigningConfig`, for `code_signing_config` of functions.
#[derive(Clone)]
pub struct CodeSigningConfig {
    base: ResourceBase,
}

resource_construct! {
    CodeSigningConfig {
        /// `{"Fn::GetAtt": [<config>, "CodeSigningConfigArn"]}`.
        fn code_signing_config_arn = GetAtt("CodeSigningConfigArn");
        /// `{"Fn::GetAtt": [<config>, "CodeSigningConfigId"]}`.
        fn code_signing_config_id = GetAtt("CodeSigningConfigId");
    }
}

#[lambda_builder::builders]
impl CodeSigningConfig {
    /// A new code signing config under `scope`.
    ///
    /// ```
    /// use lambda_core::lambda::{CodeSigningConfig, UntrustedArtifactOnDeployment};
    /// use lambda_core::signer::{Platform, SigningProfile};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let profile = SigningProfile::builder()
    ///     .platform(Platform::aws_lambda_sha384_ecdsa())
    ///     .build(&stack, "Signing")?;
    /// let config = CodeSigningConfig::builder()
    ///     .signing_profiles(vec![profile])
    ///     .untrusted_artifact_on_deployment(UntrustedArtifactOnDeployment::Enforce)
    ///     .build(&stack, "CodeSigning")?;
    /// # let _ = config.code_signing_config_arn();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The profiles code may be signed with.
        signing_profiles: Vec<SigningProfile>,
        /// What happens to code with a bad signature; `Warn` when unset.
        #[builder(default)]
        untrusted_artifact_on_deployment: UntrustedArtifactOnDeployment,
        /// `Description`.
        #[builder(into)]
        description: Option<String>,
    ) -> Result<Self> {
        let arns = signing_profiles
            .iter()
            .map(SigningProfile::signing_profile_version_arn);
        let mut properties = vec![
            (
                "AllowedPublishers",
                Value::object([("SigningProfileVersionArns", Value::list(arns))]),
            ),
            (
                "CodeSigningPolicies",
                Value::object([(
                    "UntrustedArtifactOnDeployment",
                    Value::from(untrusted_artifact_on_deployment.as_str()),
                )]),
            ),
        ];
        if let Some(d) = description {
            properties.push(("Description", d.into()));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_lambda.CodeSigningConfig",
            "AWS::Lambda::CodeSigningConfig",
            properties,
        )?;
        Ok(CodeSigningConfig { base })
    }
}
