//! Provisioned-concurrency autoscaling of an alias (aws-cdk-lib's `alias.addAutoScaling`): a
//! scalable target on the alias, with target tracking on utilization and scheduled actions.

use std::time::Duration;

use super::alias::Alias;
use crate::applicationautoscaling::{
    PredefinedMetric, ScalableTarget, ScalingSchedule, ServiceNamespace, TargetTrackingOptions,
};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::tree::NodeKind;
use crate::core::value::{Pseudo, Value};
use crate::{Error, Result};

/// The service-linked role Application Auto Scaling uses for Lambda provisioned concurrency.
const LAMBDA_CONCURRENCY_ROLE: &str = ":role/aws-service-role/lambda.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency";

/// The capacities of [`Alias::add_auto_scaling`] (aws-cdk-lib's `AutoScalingOptions`).
#[derive(Clone, Debug, lambda_builder::Builder)]
pub struct AutoScalingOptions {
    /// Least provisioned concurrency; 1 when unset, as in aws-cdk-lib.
    pub min_capacity: Option<u32>,
    /// Most provisioned concurrency.
    pub max_capacity: u32,
}

/// Target tracking on provisioned-concurrency utilization (aws-cdk-lib's
/// `UtilizationScalingOptions`).
#[derive(Clone, Debug, lambda_builder::Builder)]
pub struct UtilizationScalingOptions {
    /// The utilization kept, 0.1 to 0.9.
    pub utilization_target: f64,
    /// Never scale in when set.
    pub disable_scale_in: Option<bool>,
    /// Wait after a scale-in (whole seconds).
    pub scale_in_cooldown: Option<Duration>,
    /// Wait after a scale-out (whole seconds).
    pub scale_out_cooldown: Option<Duration>,
    /// The policy name; the construct's unique id when unset.
    #[builder(into)]
    pub policy_name: Option<String>,
}

/// The provisioned concurrency of an alias as a scalable attribute: what
/// [`Alias::add_auto_scaling`] returns.
#[derive(Clone)]
pub struct ScalableFunctionAttribute {
    node: ConstructNode,
    target: ScalableTarget,
}

impl Construct for ScalableFunctionAttribute {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl ScalableFunctionAttribute {
    /// The scalable target (`AWS::ApplicationAutoScaling::ScalableTarget`).
    pub fn target(&self) -> &ScalableTarget {
        &self.target
    }

    /// Keeps provisioned-concurrency utilization at `options.utilization_target` (policy
    /// `Tracking`); a target outside 0.1..=0.9 fails with aws-cdk-lib's
    /// `UtilizationTargetFound`.
    pub fn scale_on_utilization(&self, options: UtilizationScalingOptions) -> Result<()> {
        lambda_spec::validate_utilization_target(options.utilization_target)
            .map_err(|e| Error::spec(e, self.node.path()))?;
        self.target.scale_to_track_metric(
            "Tracking",
            TargetTrackingOptions {
                target_value: options.utilization_target,
                predefined_metric: Some(PredefinedMetric::LambdaProvisionedConcurrencyUtilization),
                resource_label: None,
                disable_scale_in: options.disable_scale_in,
                scale_in_cooldown: options.scale_in_cooldown,
                scale_out_cooldown: options.scale_out_cooldown,
                policy_name: options.policy_name,
            },
        )?;
        Ok(())
    }

    /// Scales to the capacities of `action` on its schedule.
    pub fn scale_on_schedule(&self, id: &str, action: ScalingSchedule) -> Result<()> {
        self.target.scale_on_schedule(id, action)
    }
}

impl Alias {
    /// Provisioned-concurrency autoscaling on this alias: a scalable target (construct
    /// `AliasScaling`) between `min_capacity` (1 when unset) and `max_capacity`, using the
    /// Lambda service-linked role. Once per alias (`AutoScalingAlreadyEnabledAlias`).
    ///
    /// ```
    /// use lambda_core::lambda::{AutoScalingOptions, Code, Function, Runtime, UtilizationScalingOptions};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "MyFunction")?;
    /// let scaling = f.add_alias("live")?.add_auto_scaling(
    ///     AutoScalingOptions::builder().min_capacity(2).max_capacity(20).build(),
    /// )?;
    /// scaling.scale_on_utilization(UtilizationScalingOptions::builder().utilization_target(0.7).build())?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    pub fn add_auto_scaling(
        &self,
        options: AutoScalingOptions,
    ) -> Result<ScalableFunctionAttribute> {
        let alias_node = self.node();
        if alias_node.try_find_child("AliasScaling").is_some() {
            return Err(Error::validation(
                lambda_spec::codes::AUTO_SCALING_ALREADY_ENABLED_ALIAS,
                "AutoScaling already enabled for this alias",
                alias_node.path(),
            ));
        }
        let account = alias_node
            .stack()
            .map_or_else(|| Pseudo::AccountId.value(), |s| s.account_value());
        let role_arn = Value::join(
            "",
            [
                "arn:".into(),
                Pseudo::Partition.value(),
                ":iam::".into(),
                account,
                LAMBDA_CONCURRENCY_ROLE.into(),
            ],
        );
        // `function:<name>:<alias>`, the name split out of the alias ARN as aws-cdk-lib does.
        let function_name = Value::Select(
            6,
            Box::new(Value::Split(":".into(), Box::new(self.alias_arn()))),
        );
        let resource_id = Value::join(
            "",
            [
                "function:".into(),
                function_name,
                format!(":{}", self.alias_name).into(),
            ],
        );
        let app = alias_node.app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = alias_node.add_child(
                "AliasScaling",
                NodeKind::Construct,
                "aws-cdk-lib.aws_applicationautoscaling.BaseScalableAttribute",
            )?;
            let target = ScalableTarget::builder()
                .min_capacity(options.min_capacity.unwrap_or(1))
                .max_capacity(options.max_capacity)
                .resource_id(resource_id)
                .scalable_dimension("lambda:function:ProvisionedConcurrency")
                .service_namespace(ServiceNamespace::Lambda)
                .role_arn(role_arn)
                .build(&node, "Target")?;
            Ok(ScalableFunctionAttribute { node, target })
        })
    }
}
