//! `Version`: a published, immutable snapshot of a function.

use std::time::Duration;

use super::alias::{add_alias, Alias};
use super::function::Function;
use crate::core::construct::Construct;
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::Result;

/// The settings of [`Function::current_version`]'s version (`current_version_options` of a
/// function): the optional props of [`Version::builder`].
#[derive(Clone, Debug, Default)]
pub struct VersionOptions {
    /// `CodeSha256` the deployed code must have.
    pub code_sha256: Option<String>,
    /// `Description` of the version.
    pub description: Option<String>,
    /// What happens to the version when it is replaced (kept when unset).
    pub removal_policy: Option<RemovalPolicy>,
    /// Retries of asynchronous invocations of this version (0 to 2).
    pub retry_attempts: Option<u32>,
    /// How long an asynchronous event may wait (60 s to 6 hours).
    pub max_event_age: Option<std::time::Duration>,
    /// Provisioned concurrency of the version (`ProvisionedConcurrencyConfig`; 0 means none).
    pub provisioned_concurrent_executions: Option<u32>,
}

/// An `AWS::Lambda::Version`.
#[derive(Clone)]
pub struct Version {
    base: ResourceBase,
    lambda: Function,
}

resource_construct! {
    Version {
        /// `{"Ref": <version>}`: the version ARN.
        fn version_arn = Ref;
        /// `{"Fn::GetAtt": [<version>, "Version"]}`: the version number.
        fn version = GetAtt("Version");
    }
}

#[lambda_builder::builders]
impl Version {
    /// A version of `lambda` under `scope`; most apps use [`Function::current_version`]
    /// instead, which publishes a new version exactly when the function changes.
    ///
    /// ```
    /// use lambda_core::lambda::{Code, Function, Runtime, Version};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "MyFunction")?;
    /// let v = Version::builder().lambda(&f).description("first").build(&stack, "V1")?;
    /// # let _ = v;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The function to publish a version of.
        lambda: &Function,
        /// `CodeSha256` the deployed code must have.
        #[builder(into)]
        code_sha256: Option<String>,
        /// `Description` of the version.
        #[builder(into)]
        description: Option<String>,
        /// What happens to the version when it is replaced (kept when unset).
        removal_policy: Option<RemovalPolicy>,
        /// Retries of asynchronous invocations of this version (0 to 2).
        retry_attempts: Option<u32>,
        /// How long an asynchronous event may wait (60 s to 6 hours).
        max_event_age: Option<Duration>,
        /// Provisioned concurrency of the version (`ProvisionedConcurrencyConfig`); 0 means
        /// none, as in aws-cdk-lib. Not with a tenant-isolated function.
        provisioned_concurrent_executions: Option<u32>,
    ) -> Result<Self> {
        let provisioned = provisioned_concurrent_executions.filter(|n| *n > 0);
        if provisioned.is_some() && lambda.state.borrow().tenancy.is_some() {
            return Err(crate::Error::validation(
                lambda_spec::codes::PROVISIONED_CONCURRENCY_SUPPORTED_FUNCTIONS_TENANT,
                "Provisioned Concurrency is not supported for functions with tenant isolation mode",
                super::rules::ErrorPath::new(scope, id).get(),
            ));
        }
        let mut properties: Vec<(&'static str, Value)> = Vec::new();
        if let Some(sha) = code_sha256 {
            properties.push(("CodeSha256", sha.into()));
        }
        if let Some(d) = description {
            properties.push(("Description", d.into()));
        }
        properties.push(("FunctionName", lambda.function_name()));
        if let Some(n) = provisioned {
            properties.push((
                "ProvisionedConcurrencyConfig",
                Value::object([("ProvisionedConcurrentExecutions", Value::from(n))]),
            ));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_lambda.Version",
            "AWS::Lambda::Version",
            properties,
        )?;
        if let Some(policy) = removal_policy {
            base.resource.apply_removal_policy(policy);
        }
        // Versions are immutable: CDK's refactoring support must never move them.
        base.resource.add_metadata("aws:cdk:do-not-refactor", true);
        let version = Version {
            base,
            lambda: lambda.clone(),
        };
        if retry_attempts.is_some() || max_event_age.is_some() {
            version.configure_async_invoke(lambda, retry_attempts, max_event_age)?;
        }
        Ok(version)
    }
}

impl Version {
    /// A version built from `options` (what [`Function::current_version`] uses).
    pub(crate) fn from_options(
        scope: &dyn Construct,
        id: &str,
        lambda: &Function,
        options: VersionOptions,
    ) -> Result<Self> {
        Version::builder()
            .lambda(lambda)
            .maybe_code_sha256(options.code_sha256)
            .maybe_description(options.description)
            .maybe_removal_policy(options.removal_policy)
            .maybe_retry_attempts(options.retry_attempts)
            .maybe_max_event_age(options.max_event_age)
            .maybe_provisioned_concurrent_executions(options.provisioned_concurrent_executions)
            .build(scope, id)
    }

    /// An alias `alias_name` on this version, under it (construct id `Alias<name>`), as
    /// aws-cdk-lib's deprecated `version.addAlias` makes it. Its logical ID differs from that
    /// of [`Function::add_alias`]'s alias of the same name (which lives under the function):
    /// use this to keep the IDs of an app that used `version.addAlias`.
    pub fn add_alias(&self, alias_name: &str) -> Result<Alias> {
        add_alias(self, self, alias_name)
    }

    /// The `AWS::Lambda::EventInvokeConfig` of this version's asynchronous invocations.
    fn configure_async_invoke(
        &self,
        function: &Function,
        retry_attempts: Option<u32>,
        max_event_age: Option<std::time::Duration>,
    ) -> Result<()> {
        let path = self.base.node.path();
        let mut properties: Vec<(String, Value)> =
            vec![("FunctionName".into(), function.function_name())];
        if let Some(age) = max_event_age {
            let secs = age.as_secs();
            if !(60..=21600).contains(&secs) {
                return Err(crate::Error::validation(
                    "RepresentBetween21600Seconds",
                    "`maximumEventAge` must represent a `Duration` that is between 60 and 21600 seconds.",
                    path,
                ));
            }
            properties.push(("MaximumEventAgeInSeconds".into(), secs.into()));
        }
        if let Some(n) = retry_attempts {
            if n > 2 {
                return Err(crate::Error::validation(
                    "MustBeBetween",
                    "`retryAttempts` must be between 0 and 2.",
                    path,
                ));
            }
            properties.push(("MaximumRetryAttempts".into(), n.into()));
        }
        properties.push(("Qualifier".into(), self.version()));
        let config = self.base.node.add_child(
            "EventInvokeConfig",
            NodeKind::Construct,
            "aws-cdk-lib.aws_lambda.EventInvokeConfig",
        )?;
        CfnResource::create(
            &config,
            "Resource",
            "AWS::Lambda::EventInvokeConfig",
            properties,
        )?;
        Ok(())
    }

    /// The function this is a version of (aws-cdk-lib's `version.lambda`).
    pub fn lambda(&self) -> &Function {
        &self.lambda
    }
}
