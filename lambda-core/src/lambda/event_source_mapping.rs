//! `EventSourceMapping`: an `AWS::Lambda::EventSourceMapping`, which makes Lambda poll a queue or
//! stream and invoke a function with batches of its records (aws-cdk-lib's
//! `lambda.EventSourceMapping`).

use std::time::Duration;

use super::event_source_dlq::OnFailureDestination;
use super::event_source_filter::Filter;
use super::invocable::{stack_env, Invocable};
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::{Error, Result};

/// Where a stream mapping starts reading (aws-cdk-lib's `StartingPosition`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartingPosition {
    /// The oldest record still in the stream.
    TrimHorizon,
    /// Records added after the mapping was made.
    Latest,
}

impl StartingPosition {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            StartingPosition::TrimHorizon => "TRIM_HORIZON",
            StartingPosition::Latest => "LATEST",
        }
    }
}

/// A metric an event source mapping may publish (aws-cdk-lib's `MetricType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricType {
    /// Events received, filtered, dropped... (`EventCount`).
    EventCount,
    /// Errors of the mapping (`ErrorCount`).
    ErrorCount,
    /// Kafka consumer metrics (`KafkaMetrics`).
    KafkaMetrics,
}

impl MetricType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricType::EventCount => "EventCount",
            MetricType::ErrorCount => "ErrorCount",
            MetricType::KafkaMetrics => "KafkaMetrics",
        }
    }
}

/// A Lambda event source mapping.
#[derive(Clone)]
pub struct EventSourceMapping {
    base: ResourceBase,
}

resource_construct! {
    EventSourceMapping {
        /// `{"Ref": <mapping>}`: the mapping's id (a UUID).
        fn event_source_mapping_id = Ref;
    }
}

#[lambda_builder::builders]
impl EventSourceMapping {
    /// A mapping under `scope` that invokes `target` with records of `event_source_arn`. Event
    /// sources ([`SqsEventSource`](super::SqsEventSource), ...) make theirs under the function;
    /// make one directly for a source they do not cover.
    ///
    /// ```
    /// use lambda_core::lambda::{Code, EventSourceMapping, Function, Runtime};
    /// use lambda_core::sqs::Queue;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "Fn")?;
    /// let queue = Queue::builder().build(&stack, "Queue")?;
    /// EventSourceMapping::builder()
    ///     .target(&f)
    ///     .event_source_arn(queue.queue_arn())
    ///     .batch_size(5)
    ///     .build(&f, "Mapping")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The function (or alias, version) to invoke.
        target: &dyn Invocable,
        /// The queue, stream or table stream to read.
        #[builder(into)]
        event_source_arn: Value,
        /// Records per invocation (the source's default when unset).
        batch_size: Option<u32>,
        /// Streams: split a failing batch in two and retry each half.
        bisect_batch_on_error: Option<bool>,
        /// Streams: where records go after the last retry failed.
        #[builder(into)]
        on_failure: Option<OnFailureDestination>,
        /// Whether the mapping polls (true when unset).
        enabled: Option<bool>,
        /// Streams: where reading starts (required for streams).
        starting_position: Option<StartingPosition>,
        /// Let the function report which records of a batch failed.
        #[builder(default)]
        report_batch_item_failures: bool,
        /// How long to gather records before invoking (at most 5 minutes).
        max_batching_window: Option<Duration>,
        /// Streams: skip records older than this (60 seconds to 7 days).
        max_record_age: Option<Duration>,
        /// Streams: retries of a failed batch (-1 for infinite, up to 10000).
        retry_attempts: Option<i32>,
        /// Streams: batches processed at once per shard (1 to 10).
        parallelization_factor: Option<u32>,
        /// Streams: aggregation window (at most 15 minutes).
        tumbling_window: Option<Duration>,
        /// SQS: most concurrent invocations (2 to 1000).
        max_concurrency: Option<u32>,
        /// Only records matching one of these filters invoke the function.
        filters: Option<Vec<Filter>>,
        /// Metrics the mapping publishes.
        metrics: Option<Vec<MetricType>>,
    ) -> Result<Self> {
        let path = format!("{}/{id}", scope.node().path());
        lambda_spec::validate_mapping_limits(&lambda_spec::MappingLimits {
            max_batching_window,
            max_concurrency,
            max_record_age,
            retry_attempts,
            parallelization_factor,
            tumbling_window,
        })
        .map_err(|e| Error::spec(e, path.clone()))?;
        let seconds = |d: Option<Duration>| -> Result<Option<u64>> {
            d.map(lambda_spec::whole_seconds)
                .transpose()
                .map_err(|e| Error::spec(e, path.clone()))
        };
        let max_record_age = seconds(max_record_age)?;
        let max_batching_window = seconds(max_batching_window)?;
        let tumbling_window = seconds(tumbling_window)?;

        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = ResourceBase::scope(scope, id, "aws-cdk-lib.aws_lambda.EventSourceMapping")?;
            let mut properties: Vec<(&'static str, Value)> = Vec::new();
            if let Some(n) = batch_size {
                properties.push(("BatchSize", n.into()));
            }
            if let Some(b) = bisect_batch_on_error {
                properties.push(("BisectBatchOnFunctionError", b.into()));
            }
            if let Some(destination) = on_failure {
                let arn = destination.bind(target)?;
                properties.push((
                    "DestinationConfig",
                    Value::object([("OnFailure", Value::object([("Destination", arn)]))]),
                ));
            }
            if let Some(b) = enabled {
                properties.push(("Enabled", b.into()));
            }
            properties.push(("EventSourceArn", event_source_arn));
            if let Some(filters) = filters {
                let filters = filters
                    .into_iter()
                    .map(|f| Value::object([("Pattern", Value::from(f.pattern))]))
                    .collect();
                properties.push((
                    "FilterCriteria",
                    Value::object([("Filters", Value::List(filters))]),
                ));
            }
            properties.push(("FunctionName", target.function_name()));
            if report_batch_item_failures {
                properties.push((
                    "FunctionResponseTypes",
                    Value::list(["ReportBatchItemFailures".into()]),
                ));
            }
            if let Some(s) = max_batching_window {
                properties.push(("MaximumBatchingWindowInSeconds", s.into()));
            }
            if let Some(s) = max_record_age {
                properties.push(("MaximumRecordAgeInSeconds", s.into()));
            }
            if let Some(n) = retry_attempts {
                properties.push(("MaximumRetryAttempts", n.into()));
            }
            if let Some(metrics) = metrics {
                properties.push((
                    "MetricsConfig",
                    Value::object([(
                        "Metrics",
                        Value::List(metrics.iter().map(|m| m.as_str().into()).collect()),
                    )]),
                ));
            }
            if let Some(n) = parallelization_factor {
                properties.push(("ParallelizationFactor", n.into()));
            }
            if let Some(n) = max_concurrency.filter(|n| *n != 0) {
                properties.push((
                    "ScalingConfig",
                    Value::object([("MaximumConcurrency", n.into())]),
                ));
            }
            if let Some(p) = starting_position {
                properties.push(("StartingPosition", p.as_str().into()));
            }
            if let Some(s) = tumbling_window {
                properties.push(("TumblingWindowInSeconds", s.into()));
            }
            let base = ResourceBase::new(node, "AWS::Lambda::EventSourceMapping", properties)?;
            Ok(EventSourceMapping { base })
        })
    }
}

impl EventSourceMapping {
    /// `arn:<partition>:lambda:<region>:<account>:event-source-mapping:<id>`.
    pub fn event_source_mapping_arn(&self) -> Value {
        let (account, region) = stack_env(&self.base.node);
        Value::join(
            "",
            [
                "arn:".into(),
                crate::Pseudo::Partition.value(),
                ":lambda:".into(),
                region,
                ":".into(),
                account,
                ":event-source-mapping:".into(),
                self.event_source_mapping_id(),
            ],
        )
    }
}
