//! `TargetTrackingScalingPolicy`: an `AWS::ApplicationAutoScaling::ScalingPolicy` that keeps a
//! metric at a target value.

use std::time::Duration;

use super::scalable_target::ScalableTarget;
use crate::core::construct::Construct;
use crate::core::logical_id::make_unique_id;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::{Error, Result};

/// A metric Application Auto Scaling publishes for target tracking (`PredefinedMetricType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PredefinedMetric {
    /// Provisioned-concurrency utilization of a Lambda alias or version.
    LambdaProvisionedConcurrencyUtilization,
    /// Average CPU of an ECS service.
    EcsServiceAverageCpuUtilization,
    /// Read capacity utilization of a DynamoDB table.
    DynamoDbReadCapacityUtilization,
    /// Write capacity utilization of a DynamoDB table.
    DynamoDbWriteCapacityUtilization,
}

impl PredefinedMetric {
    /// The name CloudFormation knows it by.
    pub fn as_str(self) -> &'static str {
        match self {
            PredefinedMetric::LambdaProvisionedConcurrencyUtilization => {
                "LambdaProvisionedConcurrencyUtilization"
            }
            PredefinedMetric::EcsServiceAverageCpuUtilization => "ECSServiceAverageCPUUtilization",
            PredefinedMetric::DynamoDbReadCapacityUtilization => "DynamoDBReadCapacityUtilization",
            PredefinedMetric::DynamoDbWriteCapacityUtilization => {
                "DynamoDBWriteCapacityUtilization"
            }
        }
    }
}

/// How a target-tracking policy scales (aws-cdk-lib's `BasicTargetTrackingScalingPolicyProps`).
#[derive(Clone, Debug, lambda_builder::Builder)]
pub struct TargetTrackingOptions {
    /// The value the metric is kept at.
    pub target_value: f64,
    /// The metric tracked.
    pub predefined_metric: Option<PredefinedMetric>,
    /// The metric's resource label (for load-balancer metrics).
    #[builder(into)]
    pub resource_label: Option<String>,
    /// Never scale in when set.
    pub disable_scale_in: Option<bool>,
    /// Wait after a scale-in (whole seconds).
    pub scale_in_cooldown: Option<Duration>,
    /// Wait after a scale-out (whole seconds).
    pub scale_out_cooldown: Option<Duration>,
    /// The policy name; the construct's unique id when unset, as in aws-cdk-lib.
    #[builder(into)]
    pub policy_name: Option<String>,
}

/// An `AWS::ApplicationAutoScaling::ScalingPolicy` of type `TargetTrackingScaling`.
#[derive(Clone)]
pub struct TargetTrackingScalingPolicy {
    base: ResourceBase,
}

resource_construct! {
    TargetTrackingScalingPolicy {
        /// `{"Ref": <policy>}`: the policy ARN.
        fn scaling_policy_arn = Ref;
    }
}

impl TargetTrackingScalingPolicy {
    /// The policy `id` under `target`.
    pub(crate) fn create(
        target: &ScalableTarget,
        id: &str,
        options: TargetTrackingOptions,
    ) -> Result<Self> {
        let app = target.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = ResourceBase::scope(
                target,
                id,
                "aws-cdk-lib.aws_applicationautoscaling.TargetTrackingScalingPolicy",
            )?;
            let path = node.path();
            let policy_name = match options.policy_name {
                Some(name) => name,
                // aws-cdk-lib's `Names.uniqueId`: the path from the stack down.
                None => {
                    let parts: Vec<&str> = path.split('/').collect();
                    make_unique_id(&parts)
                        .map_err(|m| Error::validation("UniqueIdEmpty", m, path.clone()))?
                }
            };
            let mut config: Vec<(&str, Value)> = Vec::new();
            if let Some(disable) = options.disable_scale_in {
                config.push(("DisableScaleIn", disable.into()));
            }
            if let Some(metric) = options.predefined_metric {
                let mut spec: Vec<(&str, Value)> =
                    vec![("PredefinedMetricType", metric.as_str().into())];
                if let Some(label) = options.resource_label {
                    spec.push(("ResourceLabel", label.into()));
                }
                config.push(("PredefinedMetricSpecification", Value::object(spec)));
            }
            if let Some(d) = options.scale_in_cooldown {
                config.push(("ScaleInCooldown", d.as_secs().into()));
            }
            if let Some(d) = options.scale_out_cooldown {
                config.push(("ScaleOutCooldown", d.as_secs().into()));
            }
            let target_value = serde_json::Number::from_f64(options.target_value)
                .map(Value::Number)
                .ok_or_else(|| {
                    Error::validation(
                        "TargetValueNotANumber",
                        format!("targetValue must be a number, got {}", options.target_value),
                        path.clone(),
                    )
                })?;
            config.push(("TargetValue", target_value));
            let base = ResourceBase::new(
                node,
                "AWS::ApplicationAutoScaling::ScalingPolicy",
                [
                    ("PolicyName", Value::from(policy_name)),
                    ("PolicyType", "TargetTrackingScaling".into()),
                    ("ScalingTargetId", target.scalable_target_id()),
                    (
                        "TargetTrackingScalingPolicyConfiguration",
                        Value::object(config),
                    ),
                ],
            )?;
            Ok(TargetTrackingScalingPolicy { base })
        })
    }
}
