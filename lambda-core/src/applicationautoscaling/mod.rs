//! Application Auto Scaling pieces (aws-cdk-lib's `aws-applicationautoscaling`): a scalable
//! target with scheduled actions, target-tracking policies and their schedules. Lambda uses them
//! for provisioned concurrency (`Alias::add_auto_scaling`).

mod scalable_target;
mod schedule;
mod target_tracking;

pub use crate::events::CronOptions;
pub use scalable_target::{ScalableTarget, ScalingSchedule, ServiceNamespace};
pub use schedule::Schedule;
pub use target_tracking::{PredefinedMetric, TargetTrackingOptions, TargetTrackingScalingPolicy};
