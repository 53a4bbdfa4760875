//! `DynamoEventSource`: a function invoked with batches of a DynamoDB table's stream records
//! (aws-cdk-lib's `aws-lambda-event-sources.DynamoEventSource`).

use std::time::Duration;

use super::event_source::{node_unique_id, EventSource};
use super::event_source_dlq::OnFailureDestination;
use super::event_source_filter::Filter;
use super::event_source_mapping::{EventSourceMapping, MetricType, StartingPosition};
use super::invocable::Invocable;
use crate::core::construct::Construct;
use crate::dynamodb::Table;
use crate::{Error, Result};

/// Default batch size of stream sources, always written (aws-cdk-lib's `batchSize || 100`).
const DEFAULT_BATCH_SIZE: u32 = 100;

/// Lambda reads `table`'s stream and invokes the function with its records; the function's
/// role may read the stream. The mapping is `DynamoDBEventSource:<table's unique id>` under the
/// function. The table needs a stream; `starting_position` is required (as in aws-cdk-lib, where
/// leaving it out does not compile).
///
/// ```
/// use lambda_core::dynamodb::{Attribute, AttributeType, StreamViewType, Table};
/// use lambda_core::lambda::{Code, DynamoEventSource, Function, Runtime, StartingPosition};
/// use lambda_core::{App, Stack};
///
/// let app = App::from_env();
/// let stack = Stack::builder().build(&app, "MyStack")?;
/// let f = Function::builder()
///     .runtime(Runtime::NODEJS_22_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
///     .build(&stack, "Fn")?;
/// let table = Table::builder()
///     .partition_key(Attribute::new("id", AttributeType::String))
///     .stream(StreamViewType::NewAndOldImages)
///     .build(&stack, "Table")?;
/// f.add_event_source(
///     &DynamoEventSource::builder(&table)
///         .starting_position(StartingPosition::TrimHorizon)
///         .build()?,
/// )?;
/// # Ok::<(), lambda_core::Error>(())
/// ```
///
/// Without a starting position the builder does not compile:
///
/// ```compile_fail
/// # use lambda_core::dynamodb::{Attribute, AttributeType, StreamViewType, Table};
/// # use lambda_core::lambda::DynamoEventSource;
/// # use lambda_core::{App, Stack};
/// # let app = App::from_env();
/// # let stack = Stack::builder().build(&app, "MyStack")?;
/// # let table = Table::builder()
/// #     .partition_key(Attribute::new("id", AttributeType::String))
/// #     .stream(StreamViewType::NewImage)
/// #     .build(&stack, "Table")?;
/// let source = DynamoEventSource::builder(&table).batch_size(10).build()?;
/// # Ok::<(), lambda_core::Error>(())
/// ```
#[derive(Clone)]
pub struct DynamoEventSource {
    table: Table,
    starting_position: StartingPosition,
    batch_size: Option<u32>,
    bisect_batch_on_error: Option<bool>,
    report_batch_item_failures: bool,
    max_batching_window: Option<Duration>,
    max_record_age: Option<Duration>,
    retry_attempts: Option<i32>,
    parallelization_factor: Option<u32>,
    on_failure: Option<OnFailureDestination>,
    tumbling_window: Option<Duration>,
    enabled: Option<bool>,
    filters: Option<Vec<Filter>>,
    metrics: Option<Vec<MetricType>>,
}

#[lambda_builder::builders]
impl DynamoEventSource {
    /// A source reading `table`'s stream (errors at the table's path, as in aws-cdk-lib).
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(start_fn)] table: &Table,
        /// Where reading starts.
        starting_position: StartingPosition,
        /// Records per invocation, 1 to 10000 (100 when unset).
        batch_size: Option<u32>,
        /// Split a failing batch in two and retry each half.
        bisect_batch_on_error: Option<bool>,
        /// Let the function report which records of a batch failed.
        #[builder(default)]
        report_batch_item_failures: bool,
        /// How long to gather records before invoking (at most 5 minutes).
        max_batching_window: Option<Duration>,
        /// Skip records older than this (60 seconds to 7 days).
        max_record_age: Option<Duration>,
        /// Retries of a failed batch (-1 for infinite, up to 10000).
        retry_attempts: Option<i32>,
        /// Batches processed at once per shard (1 to 10).
        parallelization_factor: Option<u32>,
        /// Where a batch goes once its retries are exhausted ([`SqsDlq`](super::SqsDlq),
        /// [`SnsDlq`](super::SnsDlq)).
        #[builder(into)]
        on_failure: Option<OnFailureDestination>,
        /// Aggregation window (at most 15 minutes).
        tumbling_window: Option<Duration>,
        /// Whether the mapping polls (true when unset).
        enabled: Option<bool>,
        /// Only records matching one of these filters invoke the function.
        filters: Option<Vec<Filter>>,
        /// Metrics the mapping publishes.
        metrics: Option<Vec<MetricType>>,
    ) -> Result<Self> {
        if let Some(n) = batch_size {
            lambda_spec::validate_stream_batch_size(n)
                .map_err(|e| Error::spec(e, table.node().path()))?;
        }
        Ok(DynamoEventSource {
            table: table.clone(),
            starting_position,
            batch_size,
            bisect_batch_on_error,
            report_batch_item_failures,
            max_batching_window,
            max_record_age,
            retry_attempts,
            parallelization_factor,
            on_failure,
            tumbling_window,
            enabled,
            filters,
            metrics,
        })
    }
}

impl EventSource for DynamoEventSource {
    fn bind(&self, target: &dyn Invocable) -> Result<()> {
        let Some(stream_arn) = self.table.table_stream_arn() else {
            let path = self.table.node().path();
            return Err(Error::validation(
                lambda_spec::codes::DYNAMO_STREAMS_ENABLED_TABLE,
                format!("DynamoDB Streams must be enabled on the table {path}"),
                path,
            ));
        };
        let id = format!("DynamoDBEventSource:{}", node_unique_id(&self.table)?);
        EventSourceMapping::builder()
            .target(target)
            .event_source_arn(stream_arn)
            .batch_size(
                self.batch_size
                    .filter(|n| *n != 0)
                    .unwrap_or(DEFAULT_BATCH_SIZE),
            )
            .maybe_bisect_batch_on_error(self.bisect_batch_on_error)
            .starting_position(self.starting_position)
            .report_batch_item_failures(self.report_batch_item_failures)
            .maybe_max_batching_window(self.max_batching_window)
            .maybe_max_record_age(self.max_record_age)
            .maybe_retry_attempts(self.retry_attempts)
            .maybe_parallelization_factor(self.parallelization_factor)
            .maybe_on_failure(self.on_failure.clone())
            .maybe_tumbling_window(self.tumbling_window)
            .maybe_enabled(self.enabled)
            .maybe_filters(self.filters.clone())
            .maybe_metrics(self.metrics.clone())
            .build(&target.node(), &id)?;
        if let Some(role) = target.role() {
            self.table.grant_stream_read(&role)?;
        }
        Ok(())
    }
}
