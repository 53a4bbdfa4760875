//! `Alarm`: an `AWS::CloudWatch::Alarm` on one metric (aws-cdk-lib's `Alarm`).

use super::metric::Metric;
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::Result;

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

/// What an alarm on a given metric compares (aws-cdk-lib's `CreateAlarmOptions`):
/// the threshold and the periods are required, the rest optional.
///
/// ```
/// use lambda_core::cloudwatch::{CreateAlarmOptions, TreatMissingData};
///
/// let options = CreateAlarmOptions {
///     treat_missing_data: Some(TreatMissingData::NotBreaching),
///     ..CreateAlarmOptions::new(1.0, 3)
/// };
/// assert_eq!(options.evaluation_periods, 3);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct CreateAlarmOptions {
    /// The value the statistic is compared with.
    pub threshold: f64,
    /// Periods over which the threshold is compared.
    pub evaluation_periods: u32,
    /// Breaching periods needed to alarm (all `evaluation_periods` when unset).
    pub datapoints_to_alarm: Option<u32>,
    /// `GreaterThanOrEqualToThreshold` unless set.
    pub comparison_operator: Option<String>,
    /// Missing-data handling (CloudWatch's default, `missing`, when unset).
    pub treat_missing_data: Option<TreatMissingData>,
    /// A fixed alarm name (CloudFormation makes one up when unset).
    pub alarm_name: Option<String>,
    /// The alarm's description.
    pub alarm_description: Option<String>,
}

impl CreateAlarmOptions {
    /// Alarms when the statistic reaches `threshold` in `evaluation_periods` periods.
    pub fn new(threshold: f64, evaluation_periods: u32) -> Self {
        CreateAlarmOptions {
            threshold,
            evaluation_periods,
            datapoints_to_alarm: None,
            comparison_operator: None,
            treat_missing_data: None,
            alarm_name: None,
            alarm_description: None,
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

#[lambda_builder::builders]
impl Alarm {
    /// An alarm on `metric` under `scope` (the same as [`Metric::create_alarm`]).
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
        /// The alarm's description.
        #[builder(into)]
        alarm_description: Option<String>,
    ) -> Result<Self> {
        let options = CreateAlarmOptions {
            threshold,
            evaluation_periods,
            datapoints_to_alarm,
            comparison_operator,
            treat_missing_data,
            alarm_name,
            alarm_description,
        };
        Alarm::create(scope, id, &metric, options)
    }
}

impl Alarm {
    /// The alarm `id` under `scope` on `metric`; properties in the order aws-cdk-lib's L1
    /// writes them.
    pub(crate) fn create(
        scope: &dyn Construct,
        id: &str,
        metric: &Metric,
        options: CreateAlarmOptions,
    ) -> Result<Self> {
        let mut properties: Vec<(&'static str, Value)> = Vec::new();
        if let Some(description) = options.alarm_description {
            properties.push(("AlarmDescription", description.into()));
        }
        if let Some(name) = options.alarm_name {
            properties.push(("AlarmName", name.into()));
        }
        properties.push((
            "ComparisonOperator",
            options
                .comparison_operator
                .as_deref()
                .unwrap_or("GreaterThanOrEqualToThreshold")
                .into(),
        ));
        if let Some(d) = options.datapoints_to_alarm {
            properties.push(("DatapointsToAlarm", d.into()));
        }
        if !metric.dimensions.is_empty() {
            properties.push((
                "Dimensions",
                Value::List(
                    metric
                        .dimensions
                        .iter()
                        .map(|(n, v)| {
                            Value::object([("Name", Value::from(n)), ("Value", v.clone())])
                        })
                        .collect(),
                ),
            ));
        }
        properties.push(("EvaluationPeriods", options.evaluation_periods.into()));
        properties.push(("MetricName", metric.metric_name.as_str().into()));
        properties.push(("Namespace", metric.namespace.as_str().into()));
        properties.push(("Period", metric.period_seconds.into()));
        properties.push(("Statistic", metric.statistic.as_str().into()));
        properties.push(("Threshold", number(options.threshold)));
        if let Some(t) = options.treat_missing_data {
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
