//! AWS Signer signing profiles, as far as Lambda code signing needs them.

use std::time::Duration;

use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::Result;

/// The feature flag that passes `signing_profile_name` on to CloudFormation (`ProfileName`);
/// without it the name is ignored, as in aws-cdk-lib.
pub const SIGNING_PROFILE_NAME_PASSED_TO_CFN: &str =
    "@aws-cdk/aws-signer:signingProfileNamePassedToCfn";

/// What a signing profile signs for (`PlatformId`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Platform(String);

impl Platform {
    /// Lambda code, SHA-384 with ECDSA.
    pub const AWS_LAMBDA_SHA384_ECDSA: &'static str = "AWSLambda-SHA384-ECDSA";

    /// Lambda code, SHA-384 with ECDSA (`AWSLambda-SHA384-ECDSA`).
    pub fn aws_lambda_sha384_ecdsa() -> Self {
        Platform(Self::AWS_LAMBDA_SHA384_ECDSA.into())
    }

    /// IoT device management, SHA-256 with ECDSA (`AWSIoTDeviceManagement-SHA256-ECDSA`).
    pub fn aws_iot_device_management_sha256_ecdsa() -> Self {
        Platform("AWSIoTDeviceManagement-SHA256-ECDSA".into())
    }

    /// FreeRTOS on TI CC3220SF (`AmazonFreeRTOS-TI-CC3220SF`).
    pub fn amazon_free_rtos_ti_cc3220sf() -> Self {
        Platform("AmazonFreeRTOS-TI-CC3220SF".into())
    }

    /// FreeRTOS, default (`AmazonFreeRTOS-Default`).
    pub fn amazon_free_rtos_default() -> Self {
        Platform("AmazonFreeRTOS-Default".into())
    }

    /// Container images with Notation, SHA-384 with ECDSA (`Notation-OCI-SHA384-ECDSA`).
    pub fn notation_oci_sha384_ecdsa() -> Self {
        Platform("Notation-OCI-SHA384-ECDSA".into())
    }

    /// Any platform id AWS Signer knows.
    pub fn of(platform_id: impl Into<String>) -> Self {
        Platform(platform_id.into())
    }

    /// The platform id.
    pub fn platform_id(&self) -> &str {
        &self.0
    }
}

/// An `AWS::Signer::SigningProfile`: signatures made with it are valid for 135 months unless
/// `signature_validity` says otherwise (in whole days).
#[derive(Clone)]
pub struct SigningProfile {
    base: ResourceBase,
}

resource_construct! {
    SigningProfile {
        /// `{"Fn::GetAtt": [<profile>, "Arn"]}`.
        fn signing_profile_arn = GetAtt("Arn");
        /// `{"Fn::GetAtt": [<profile>, "ProfileName"]}`.
        fn signing_profile_name = GetAtt("ProfileName");
        /// `{"Fn::GetAtt": [<profile>, "ProfileVersion"]}`.
        fn signing_profile_version = GetAtt("ProfileVersion");
        /// `{"Fn::GetAtt": [<profile>, "ProfileVersionArn"]}`: what code signing configs trust.
        fn signing_profile_version_arn = GetAtt("ProfileVersionArn");
    }
}

#[lambda_builder::builders]
impl SigningProfile {
    /// A new signing profile under `scope`.
    ///
    /// ```
    /// use lambda_core::signer::{Platform, SigningProfile};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let profile = SigningProfile::builder()
    ///     .platform(Platform::aws_lambda_sha384_ecdsa())
    ///     .build(&stack, "Signing")?;
    /// # let _ = profile.signing_profile_version_arn();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// What the profile signs for.
        platform: Platform,
        /// How long signatures stay valid, in whole days; 135 months when unset.
        signature_validity: Option<Duration>,
        /// A name, passed to CloudFormation only under the
        /// `@aws-cdk/aws-signer:signingProfileNamePassedToCfn` flag (as in aws-cdk-lib).
        #[builder(into)]
        signing_profile_name: Option<String>,
    ) -> Result<Self> {
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = ResourceBase::scope(scope, id, "aws-cdk-lib.aws_signer.SigningProfile")?;
            let validity = match signature_validity {
                Some(d) => Value::object([
                    ("Type", Value::from("DAYS")),
                    ("Value", Value::from(d.as_secs() / 86_400)),
                ]),
                None => {
                    Value::object([("Type", Value::from("MONTHS")), ("Value", Value::from(135))])
                }
            };
            let mut properties = vec![
                ("PlatformId", Value::from(platform.platform_id())),
                ("SignatureValidityPeriod", validity),
            ];
            if let Some(name) = signing_profile_name {
                if node.feature_flag(SIGNING_PROFILE_NAME_PASSED_TO_CFN) {
                    properties.push(("ProfileName", name.into()));
                }
            }
            let base = ResourceBase::new(node, "AWS::Signer::SigningProfile", properties)?;
            Ok(SigningProfile { base })
        })
    }
}
