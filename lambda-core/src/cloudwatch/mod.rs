//! CloudWatch metrics and alarms, as far as Lambda functions use them.

use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::tree::NodeKind;
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

/// Settings of an [`Alarm`].
#[derive(Clone, Debug)]
pub struct AlarmProps {
    /// The metric watched.
    pub metric: Metric,
    /// Periods over which the threshold is compared.
    pub evaluation_periods: u32,
    /// Breaching periods needed to alarm.
    pub datapoints_to_alarm: Option<u32>,
    /// The threshold.
    pub threshold: f64,
    /// `GreaterThanOrEqualToThreshold` unless set.
    pub comparison_operator: Option<String>,
    /// Missing-data handling.
    pub treat_missing_data: Option<TreatMissingData>,
    /// A fixed alarm name.
    pub alarm_name: Option<String>,
}

/// An `AWS::CloudWatch::Alarm` on one metric.
#[derive(Clone)]
pub struct Alarm {
    node: ConstructNode,
}

impl Construct for Alarm {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Alarm {
    /// An alarm under `scope`.
    pub fn new(scope: &dyn Construct, id: &str, props: AlarmProps) -> Result<Self> {
        let node =
            scope
                .node()
                .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_cloudwatch.Alarm")?;
        let m = &props.metric;
        let mut properties: Vec<(String, Value)> = Vec::new();
        if let Some(name) = &props.alarm_name {
            properties.push(("AlarmName".into(), name.as_str().into()));
        }
        properties.push((
            "ComparisonOperator".into(),
            props
                .comparison_operator
                .as_deref()
                .unwrap_or("GreaterThanOrEqualToThreshold")
                .into(),
        ));
        if let Some(d) = props.datapoints_to_alarm {
            properties.push(("DatapointsToAlarm".into(), d.into()));
        }
        if !m.dimensions.is_empty() {
            properties.push((
                "Dimensions".into(),
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
        properties.push(("EvaluationPeriods".into(), props.evaluation_periods.into()));
        properties.push(("MetricName".into(), m.metric_name.as_str().into()));
        properties.push(("Namespace".into(), m.namespace.as_str().into()));
        properties.push(("Period".into(), m.period_seconds.into()));
        properties.push(("Statistic".into(), m.statistic.as_str().into()));
        properties.push(("Threshold".into(), number(props.threshold)));
        if let Some(t) = props.treat_missing_data {
            properties.push(("TreatMissingData".into(), t.cfn().into()));
        }
        CfnResource::new(&node, "Resource", "AWS::CloudWatch::Alarm", properties)?;
        Ok(Alarm { node })
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
