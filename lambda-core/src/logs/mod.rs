//! CloudWatch Logs pieces used by Lambda functions.

mod log_group;

pub use log_group::{LogGroup, RetentionDays};
