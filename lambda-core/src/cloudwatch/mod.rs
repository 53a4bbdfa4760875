//! CloudWatch metrics and alarms, as far as Lambda functions use them.

use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
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
}

/// How an alarm treats periods without data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum TreatMissingData {
    Breaching,
    NotBreaching,
    Ignore,
    Missing,
}

impl TreatMissingData {
    fn cfn(self) -> &'static str {
        match self {
            TreatMissingData::Breaching => "breaching",
            TreatMissingData::NotBreaching => "notBreaching",
            TreatMissingData::Ignore => "ignore",
            TreatMissingData::Missing => "missing",
        }
    }
}

/// An `AWS::CloudWatch::Alarm` on one metric.
#[derive(Clone)]
pub struct Alarm {
    base: ResourceBase,
}

resource_construct! {
    Alarm {
        /// `{"Ref": <alarm>}`: the alarm name.
        fn alarm_name = Ref;
        /// `{"Fn::GetAtt": [<alarm>, "Arn"]}`.
        fn alarm_arn = GetAtt("Arn");
    }
}

#[bon::bon]
impl Alarm {
    /// An alarm on `metric` under `scope`.
    ///
    /// ```
    /// use lambda_core::cloudwatch::Alarm;
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
    /// Alarm::builder()
    ///     .metric(f.metric_errors())
    ///     .evaluation_periods(1)
    ///     .threshold(1.0)
    ///     .build(&stack, "Errors")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The metric watched.
        metric: Metric,
        /// Periods over which the threshold is compared.
        evaluation_periods: u32,
        /// The threshold.
        threshold: f64,
        /// Breaching periods needed to alarm.
        datapoints_to_alarm: Option<u32>,
        /// `GreaterThanOrEqualToThreshold` unless set.
        #[builder(into)]
        comparison_operator: Option<String>,
        /// Missing-data handling.
        treat_missing_data: Option<TreatMissingData>,
        /// A fixed alarm name.
        #[builder(into)]
        alarm_name: Option<String>,
    ) -> Result<Self> {
        let m = &metric;
        let mut properties: Vec<(&'static str, Value)> = Vec::new();
        if let Some(name) = alarm_name {
            properties.push(("AlarmName", name.into()));
        }
        properties.push((
            "ComparisonOperator",
            comparison_operator
                .as_deref()
                .unwrap_or("GreaterThanOrEqualToThreshold")
                .into(),
        ));
        if let Some(d) = datapoints_to_alarm {
            properties.push(("DatapointsToAlarm", d.into()));
        }
        if !m.dimensions.is_empty() {
            properties.push((
                "Dimensions",
                Value::List(
                    m.dimensions
                        .iter()
                        .map(|(n, v)| {
                            Value::object([("Name", Value::from(n)), ("Value", v.clone())])
                        })
                        .collect(),
                ),
            ));
        }
        properties.push(("EvaluationPeriods", evaluation_periods.into()));
        properties.push(("MetricName", m.metric_name.as_str().into()));
        properties.push(("Namespace", m.namespace.as_str().into()));
        properties.push(("Period", m.period_seconds.into()));
        properties.push(("Statistic", m.statistic.as_str().into()));
        properties.push(("Threshold", number(threshold)));
        if let Some(t) = treat_missing_data {
            properties.push(("TreatMissingData", t.cfn().into()));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_cloudwatch.Alarm",
            "AWS::CloudWatch::Alarm",
            properties,
        )?;
        Ok(Alarm { base })
    }
}

/// A number written as JavaScript writes it: integers without a fraction.
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::from(n as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(Value::from(0), Value::Number)
    }
}
