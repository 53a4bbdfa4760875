//! `Version`: a published, immutable snapshot of a function.

use super::function::Function;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::tree::NodeKind;
use crate::core::value::Value;
use crate::Result;

/// Optional settings of a [`Version`] (also `current_version_options` of a function).
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
}

/// An `AWS::Lambda::Version`.
#[derive(Clone)]
pub struct Version {
    node: ConstructNode,
    resource: CfnResource,
    lambda: Function,
}

impl Construct for Version {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Version {
    /// A version of `function` under `scope`.
    pub fn new(
        scope: &dyn Construct,
        id: &str,
        function: &Function,
        props: VersionOptions,
    ) -> Result<Self> {
        let node =
            scope
                .node()
                .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_lambda.Version")?;
        let mut properties: Vec<(String, Value)> = Vec::new();
        if let Some(sha) = props.code_sha256 {
            properties.push(("CodeSha256".into(), sha.into()));
        }
        if let Some(d) = props.description {
            properties.push(("Description".into(), d.into()));
        }
        properties.push(("FunctionName".into(), function.function_name()));
        let resource = CfnResource::new(&node, "Resource", "AWS::Lambda::Version", properties)?;
        if let Some(policy) = props.removal_policy {
            resource.apply_removal_policy(policy);
        }
        // Versions are immutable: CDK's refactoring support must never move them.
        resource.add_metadata("aws:cdk:do-not-refactor", true);
        let version = Version {
            node,
            resource,
            lambda: function.clone(),
        };
        if props.retry_attempts.is_some() || props.max_event_age.is_some() {
            version.configure_async_invoke(function, props.retry_attempts, props.max_event_age)?;
        }
        Ok(version)
    }

    /// The `AWS::Lambda::EventInvokeConfig` of this version's asynchronous invocations.
    fn configure_async_invoke(
        &self,
        function: &Function,
        retry_attempts: Option<u32>,
        max_event_age: Option<std::time::Duration>,
    ) -> Result<()> {
        let path = self.node.path();
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
        let config = self.node.add_child(
            "EventInvokeConfig",
            NodeKind::Construct,
            "aws-cdk-lib.aws_lambda.EventInvokeConfig",
        )?;
        CfnResource::new(
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

    /// The L1 `AWS::Lambda::Version`.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.resource
    }

    /// `{"Ref": <version>}`: the version ARN.
    pub fn version_arn(&self) -> Value {
        self.resource.ref_value()
    }

    /// `{"Fn::GetAtt": [<version>, "Version"]}`: the version number.
    pub fn version(&self) -> Value {
        self.resource.get_att("Version")
    }
}
