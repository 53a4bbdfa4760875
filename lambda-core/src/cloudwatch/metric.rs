//! `Metric`: a CloudWatch metric with its statistic and period (aws-cdk-lib's `Metric`).

use super::alarm::{Alarm, CreateAlarmOptions};
use crate::core::construct::Construct;
use crate::core::value::Value;
use crate::Result;

/// A CloudWatch metric with its statistic and period.
#[derive(Clone, Debug)]
pub struct Metric {
    /// e.g. `AWS/Lambda`.
    pub namespace: String,
    /// e.g. `Duration`.
    pub metric_name: String,
    /// Dimension name and value.
    pub dimensions: Vec<(String, Value)>,
    /// `Average`, `Maximum`, `Sum`...
    pub statistic: String,
    /// Aggregation period in seconds (300 unless set).
    pub period_seconds: u32,
}

impl Metric {
    /// The same metric with another statistic (`Maximum`, `p99`...).
    pub fn with_statistic(mut self, statistic: &str) -> Self {
        self.statistic = statistic.to_owned();
        self
    }

    /// An alarm `id` under `scope` on this metric (aws-cdk-lib's `metric.createAlarm`): an
    /// `AWS::CloudWatch::Alarm` comparing the metric's statistic over its period with
    /// `options.threshold` (`GreaterThanOrEqualToThreshold` unless told otherwise).
    ///
    /// ```
    /// use lambda_core::cloudwatch::CreateAlarmOptions;
    /// use lambda_core::lambda::{Code, Function, Runtime};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "MyFunction")?;
    /// f.metric_errors()
    ///     .create_alarm(&stack, "Errors", CreateAlarmOptions::new(1.0, 1))?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    pub fn create_alarm(
        &self,
        scope: &dyn Construct,
        id: &str,
        options: CreateAlarmOptions,
    ) -> Result<Alarm> {
        Alarm::create(scope, id, self, options)
    }
}
