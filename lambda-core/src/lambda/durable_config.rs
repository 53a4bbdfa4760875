//! Durable functions (`DurableConfig`): long-running executions whose state Lambda keeps.

use std::time::Duration;

use crate::core::construct::ConstructNode;
use crate::core::value::Value;
use crate::{Error, Result};

/// The acknowledgement id of the info aws-cdk-lib attaches to every durable function.
const DURABLE_CONFIG_ACK: &str = "aws-lambda:Function.DurableConfig";
/// The info aws-cdk-lib attaches: adding durability to an existing function replaces it.
const DURABLE_CONFIG_INFO: &str =
    "Modifying an existing lambda to use durability will trigger a resource replacement";

/// How long a durable execution may run and how long its history is kept once closed
/// (aws-cdk-lib's `DurableConfig`). The function's new role gets
/// `AWSLambdaBasicDurableExecutionRolePolicy` instead of `AWSLambdaBasicExecutionRole`.
///
/// ```
/// use std::time::Duration;
/// use lambda_core::lambda::DurableConfig;
///
/// let config = DurableConfig::new(Duration::from_secs(3600))
///     .retention_period(Duration::from_secs(30 * 86_400));
/// assert_eq!(config.execution_timeout, Duration::from_secs(3600));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DurableConfig {
    /// How long Lambda lets a durable execution run (1 second to 366 days, whole seconds).
    pub execution_timeout: Duration,
    /// How long the history of a closed execution is kept (1 to 90 whole days); Lambda's
    /// default (14 days) when unset, and then not written.
    pub retention_period: Option<Duration>,
}

impl DurableConfig {
    /// Executions may run for `execution_timeout`; the retention period is Lambda's default.
    pub fn new(execution_timeout: Duration) -> Self {
        DurableConfig {
            execution_timeout,
            retention_period: None,
        }
    }

    /// Keeps the history of closed executions for `period` (whole days).
    pub fn retention_period(mut self, period: Duration) -> Self {
        self.retention_period = Some(period);
        self
    }

    /// Checks both durations with aws-cdk-lib's rules (execution timeout first); `path` names
    /// the function in the error.
    pub(crate) fn check(&self, path: &str) -> Result<()> {
        self.seconds_and_days()
            .map(|_| ())
            .map_err(|e| Error::spec(e, path.to_owned()))
    }

    fn seconds_and_days(&self) -> std::result::Result<(u64, Option<u64>), lambda_spec::SpecError> {
        let seconds = lambda_spec::durable_execution_timeout_seconds(self.execution_timeout)?;
        let days = self
            .retention_period
            .map(lambda_spec::durable_retention_period_days)
            .transpose()?;
        Ok((seconds, days))
    }

    /// The `DurableConfig` property; attaches aws-cdk-lib's info (adding durability replaces
    /// an existing function) to `function`, as aws-cdk-lib's `addInfoV2` does.
    pub(crate) fn render(&self, function: &ConstructNode) -> Result<Value> {
        function.add_info(&format!(
            "{DURABLE_CONFIG_INFO} [ack: {DURABLE_CONFIG_ACK}]"
        ));
        let (seconds, days) = self
            .seconds_and_days()
            .map_err(|e| Error::spec(e, function.path()))?;
        let mut config = vec![("ExecutionTimeout", Value::from(seconds))];
        if let Some(days) = days {
            config.push(("RetentionPeriodInDays", Value::from(days)));
        }
        Ok(Value::object(config))
    }
}
