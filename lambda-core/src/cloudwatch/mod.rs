//! CloudWatch metrics and alarms, as far as Lambda functions use them.

mod alarm;
mod metric;

pub use alarm::{Alarm, CreateAlarmOptions, TreatMissingData};
pub use metric::Metric;
