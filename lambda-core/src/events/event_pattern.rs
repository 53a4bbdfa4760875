//! `EventPattern`: which events a rule matches (aws-cdk-lib's `events.EventPattern`).

use crate::core::value::Value;

/// The events a rule matches. Each field lists the values (or content-filter objects such as
/// `{"prefix": "i-"}`) one event field may have; `detail` is matched as given.
///
/// Rendered as aws-cdk-lib renders it (`detailType` is `detail-type`), fields in the order of
/// aws-cdk-lib's `EventPattern` interface: version, id, detail-type, source, account, time,
/// region, resources, detail.
///
/// ```
/// use lambda_core::events::EventPattern;
/// let pattern = EventPattern {
///     source: Some(vec!["aws.ec2".into()]),
///     detail_type: Some(vec!["EC2 Instance State-change Notification".into()]),
///     ..Default::default()
/// };
/// # let _ = pattern;
/// ```
#[derive(Clone, Debug, Default)]
pub struct EventPattern {
    /// The event's `version`.
    pub version: Option<Vec<Value>>,
    /// The event's `id`.
    pub id: Option<Vec<Value>>,
    /// The event's `detail-type`.
    pub detail_type: Option<Vec<Value>>,
    /// The event's `source` (`aws.ec2`, your own application names).
    pub source: Option<Vec<Value>>,
    /// The account the event comes from.
    pub account: Option<Vec<Value>>,
    /// The event's `time`.
    pub time: Option<Vec<Value>>,
    /// The region the event comes from.
    pub region: Option<Vec<Value>>,
    /// The ARNs the event is about.
    pub resources: Option<Vec<Value>>,
    /// A pattern on the event's `detail` object, as JSON.
    pub detail: Option<Value>,
}

impl EventPattern {
    /// Whether no field is set (a rule then needs a schedule).
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// The `EventPattern` property: set fields only, with EventBridge's names.
    pub(crate) fn to_value(&self) -> Value {
        Value::Object(self.entries())
    }

    fn entries(&self) -> Vec<(String, Value)> {
        let lists = [
            ("version", &self.version),
            ("id", &self.id),
            ("detail-type", &self.detail_type),
            ("source", &self.source),
            ("account", &self.account),
            ("time", &self.time),
            ("region", &self.region),
            ("resources", &self.resources),
        ];
        let mut entries: Vec<(String, Value)> = lists
            .into_iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| (k.to_owned(), Value::List(v.clone()))))
            .collect();
        if let Some(detail) = &self.detail {
            entries.push(("detail".to_owned(), detail.clone()));
        }
        entries
    }
}
