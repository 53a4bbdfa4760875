//! `ScalableTarget`: an `AWS::ApplicationAutoScaling::ScalableTarget` with its scheduled
//! actions, as aws-cdk-lib's `applicationautoscaling.ScalableTarget` writes it.

use std::cell::RefCell;
use std::rc::Rc;

use super::schedule::Schedule;
use super::target_tracking::{TargetTrackingOptions, TargetTrackingScalingPolicy};
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::{Lazy, Value};
use crate::iam::{Principal, Role};
use crate::synth::tree_props::TreeProps;
use crate::{Error, Result};

/// The service whose resource scales (`ServiceNamespace`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum ServiceNamespace {
    Ecs,
    ElasticMapReduce,
    Ec2,
    AppStream,
    DynamoDb,
    Rds,
    SageMaker,
    CustomResource,
    Lambda,
    Comprehend,
    Kafka,
    ElastiCache,
    Neptune,
    Cassandra,
}

impl ServiceNamespace {
    /// The namespace as CloudFormation spells it (`lambda`, `dynamodb`...).
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceNamespace::Ecs => "ecs",
            ServiceNamespace::ElasticMapReduce => "elasticmapreduce",
            ServiceNamespace::Ec2 => "ec2",
            ServiceNamespace::AppStream => "appstream",
            ServiceNamespace::DynamoDb => "dynamodb",
            ServiceNamespace::Rds => "rds",
            ServiceNamespace::SageMaker => "sagemaker",
            ServiceNamespace::CustomResource => "custom-resource",
            ServiceNamespace::Lambda => "lambda",
            ServiceNamespace::Comprehend => "comprehend",
            ServiceNamespace::Kafka => "kafka",
            ServiceNamespace::ElastiCache => "elasticache",
            ServiceNamespace::Neptune => "neptune",
            ServiceNamespace::Cassandra => "cassandra",
        }
    }
}

/// A scheduled scaling action (aws-cdk-lib's `ScalingSchedule`): at least one capacity.
#[derive(Clone, Debug, lambda_builder::Builder)]
pub struct ScalingSchedule {
    /// When the action runs.
    pub schedule: Schedule,
    /// The new minimum capacity.
    pub min_capacity: Option<u32>,
    /// The new maximum capacity.
    pub max_capacity: Option<u32>,
    /// The time zone of an `at` or `cron` schedule (`Timezone`, an IANA name); UTC when unset.
    #[builder(into)]
    pub time_zone: Option<String>,
}

/// `tree.json` writes a scheduled action's keys in the order aws-cdk-lib's `scaleOnSchedule`
/// fills them, not the template's alphabetical one.
static SCALABLE_TARGET_TREE_PROPS: TreeProps = TreeProps {
    orders: &[(
        "ScheduledActions",
        &[
            "ScheduledActionName",
            "Schedule",
            "StartTime",
            "EndTime",
            "ScalableTargetAction",
            "Timezone",
        ],
    )],
    ..TreeProps::DEFAULT
};

/// An `AWS::ApplicationAutoScaling::ScalableTarget`. Cheap to clone; clones share the same
/// scheduled actions.
#[derive(Clone)]
pub struct ScalableTarget {
    base: ResourceBase,
    actions: Rc<RefCell<Vec<Value>>>,
}

resource_construct! {
    ScalableTarget {
        /// `{"Ref": <target>}`: the scalable target's id (`ScalingTargetId` of its policies).
        fn scalable_target_id = Ref;
    }
}

#[lambda_builder::builders]
impl ScalableTarget {
    /// A scalable target; `min_capacity` may not be above `max_capacity` (aws-cdk-lib's
    /// `MinCapacity` error, at `scope`'s path). Without `role_arn`, a role that Application
    /// Auto Scaling assumes is created as child `Role`.
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The least capacity scaling may set.
        min_capacity: u32,
        /// The most capacity scaling may set.
        max_capacity: u32,
        /// The scaled resource (`function:my-function:live`).
        #[builder(into)]
        resource_id: Value,
        /// What scales (`lambda:function:ProvisionedConcurrency`).
        #[builder(into)]
        scalable_dimension: String,
        /// The service of the scaled resource.
        service_namespace: ServiceNamespace,
        /// The role Application Auto Scaling uses; a new one when unset.
        #[builder(into)]
        role_arn: Option<Value>,
    ) -> Result<Self> {
        let scope_path = scope.node().path();
        lambda_spec::validate_scaling_capacity(min_capacity, max_capacity)
            .map_err(|e| Error::spec(e, scope_path))?;
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = ResourceBase::scope(
                scope,
                id,
                "aws-cdk-lib.aws_applicationautoscaling.ScalableTarget",
            )?;
            let role_arn = match role_arn {
                Some(arn) => arn,
                None => Role::builder()
                    .assumed_by(Principal::service("application-autoscaling.amazonaws.com"))
                    .build(&node, "Role")?
                    .role_arn(),
            };
            let actions: Rc<RefCell<Vec<Value>>> = Rc::default();
            let scheduled = {
                let actions = actions.clone();
                Lazy::new(move |_| {
                    let actions = actions.borrow();
                    Ok((!actions.is_empty()).then(|| Value::List(actions.clone())))
                })
            };
            let base = ResourceBase::new(
                node,
                "AWS::ApplicationAutoScaling::ScalableTarget",
                [
                    ("MaxCapacity", Value::from(max_capacity)),
                    ("MinCapacity", Value::from(min_capacity)),
                    ("ResourceId", resource_id),
                    ("RoleARN", role_arn),
                    ("ScalableDimension", Value::from(scalable_dimension)),
                    ("ScheduledActions", Value::from(scheduled)),
                    ("ServiceNamespace", service_namespace.as_str().into()),
                ],
            )?;
            base.resource.set_tree_props(&SCALABLE_TARGET_TREE_PROPS);
            Ok(ScalableTarget { base, actions })
        })
    }
}

impl ScalableTarget {
    /// Scales to the capacities of `action` on its schedule (a `ScheduledActions` entry named
    /// `id`). Neither capacity fails as aws-cdk-lib does (`SupplyLeastOneMinCapacity`); a cron
    /// schedule without a minute gets aws-cdk-lib's warning.
    pub fn scale_on_schedule(&self, id: &str, action: ScalingSchedule) -> Result<()> {
        if action.min_capacity.is_none() && action.max_capacity.is_none() {
            // aws-cdk-lib prints the action as JSON.stringify does.
            let mut given = serde_json::Map::new();
            given.insert(
                "schedule".into(),
                serde_json::json!({ "expressionString": action.schedule.expression_string() }),
            );
            if let Some(tz) = &action.time_zone {
                given.insert("timeZone".into(), serde_json::json!({ "timezoneName": tz }));
            }
            return Err(Error::validation(
                lambda_spec::codes::SUPPLY_LEAST_ONE_MIN_CAPACITY,
                format!(
                    "You must supply at least one of minCapacity or maxCapacity, got {}",
                    serde_json::Value::Object(given)
                ),
                self.base.node.path(),
            ));
        }
        if action.schedule.runs_every_minute {
            self.base.node.add_warning_v2(
                "@aws-cdk/aws-applicationautoscaling:defaultRunEveryMinute",
                "cron: If you don't pass 'minute', by default the event runs every minute. Pass \
                 'minute: '*'' if that's what you intend, or 'minute: 0' to run once per hour \
                 instead.",
            );
        }
        let mut target_action: Vec<(&str, Value)> = Vec::new();
        if let Some(max) = action.max_capacity {
            target_action.push(("MaxCapacity", max.into()));
        }
        if let Some(min) = action.min_capacity {
            target_action.push(("MinCapacity", min.into()));
        }
        let mut entry: Vec<(&str, Value)> = vec![
            ("ScalableTargetAction", Value::object(target_action)),
            ("Schedule", action.schedule.expression_string().into()),
            ("ScheduledActionName", id.into()),
        ];
        if let Some(tz) = action.time_zone {
            entry.push(("Timezone", tz.into()));
        }
        self.actions.borrow_mut().push(Value::object(entry));
        Ok(())
    }

    /// A target-tracking policy `id` under this target that keeps a metric at a value.
    pub fn scale_to_track_metric(
        &self,
        id: &str,
        options: TargetTrackingOptions,
    ) -> Result<TargetTrackingScalingPolicy> {
        TargetTrackingScalingPolicy::create(self, id, options)
    }
}
