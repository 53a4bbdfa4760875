//! KMS keys, as far as Lambda functions use them.

use crate::core::construct::Construct;
use crate::core::element::RemovalPolicy;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::{Pseudo, Value};
use crate::iam::{PolicyDocument, PolicyStatement, Principal};
use crate::Result;

/// A customer managed `AWS::KMS::Key` with aws-cdk-lib's default key policy (the account's
/// root may do everything), retained on removal unless told otherwise.
#[derive(Clone)]
pub struct Key {
    base: ResourceBase,
    policy: PolicyDocument,
}

resource_construct! {
    Key {
        /// `{"Ref": <key>}`: the key id.
        fn key_id = Ref;
        /// `{"Fn::GetAtt": [<key>, "Arn"]}`.
        fn key_arn = GetAtt("Arn");
    }
}

#[lambda_builder::builders]
impl Key {
    /// A new key under `scope`.
    ///
    /// ```
    /// use lambda_core::kms::Key;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let key = Key::builder().enable_key_rotation(true).build(&stack, "Key")?;
    /// # let _ = key;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// `Description` of the key.
        #[builder(into)]
        description: Option<String>,
        /// Whether KMS rotates the key material yearly (`EnableKeyRotation`; written when set).
        enable_key_rotation: Option<bool>,
        /// What happens to the key when it leaves the stack; retained when unset, as in
        /// aws-cdk-lib.
        #[builder(default = RemovalPolicy::Retain)]
        removal_policy: RemovalPolicy,
    ) -> Result<Self> {
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, || {
            let node = ResourceBase::scope(scope, id, "aws-cdk-lib.aws_kms.Key")?;
            let policy = PolicyDocument::new();
            policy.add_statements([PolicyStatement::new()
                .actions(["kms:*"])
                .principal(Principal::AccountRoot(Pseudo::AccountId.value()))
                .resources(["*"])]);
            let mut properties: Vec<(&'static str, Value)> = Vec::new();
            if let Some(d) = description {
                properties.push(("Description", d.into()));
            }
            if let Some(rotate) = enable_key_rotation {
                properties.push(("EnableKeyRotation", rotate.into()));
            }
            properties.push(("KeyPolicy", policy.to_value(&node)));
            let base = ResourceBase::new(node, "AWS::KMS::Key", properties)?;
            base.resource.apply_removal_policy(removal_policy);
            Ok(Key { base, policy })
        })
    }
}

impl Key {
    /// Adds a statement to the key policy (aws-cdk-lib's `addToResourcePolicy`).
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) {
        self.policy.add_statements([statement]);
    }
}
