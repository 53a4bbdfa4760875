//! `SqsEventSource`: a function invoked with batches of a queue's messages (aws-cdk-lib's
//! `aws-lambda-event-sources.SqsEventSource`).

use std::time::Duration;

use super::event_source::{node_unique_id, EventSource};
use super::event_source_filter::Filter;
use super::event_source_mapping::{EventSourceMapping, MetricType};
use super::invocable::Invocable;
use crate::core::construct::Construct;
use crate::sqs::Queue;
use crate::{Error, Result};

/// Warning id of aws-cdk-lib for an SQS source on an imported function without a role.
pub const SQS_FUNCTION_IMPORT_WITHOUT_ROLE: &str =
    "@aws-cdk/aws-lambda-event-sources:sqsFunctionImportWithoutRole";

/// Lambda polls `queue` and invokes the function with its messages; the function's role may
/// consume them. The mapping is `SqsEventSource:<queue's unique id>` under the function.
///
/// ```
/// use lambda_core::lambda::{Code, Function, Runtime, SqsEventSource};
/// use lambda_core::sqs::Queue;
/// use lambda_core::{App, Stack};
/// use std::time::Duration;
///
/// let app = App::from_env();
/// let stack = Stack::builder().build(&app, "MyStack")?;
/// let f = Function::builder()
///     .runtime(Runtime::NODEJS_22_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
///     .build(&stack, "Fn")?;
/// let queue = Queue::builder().build(&stack, "Queue")?;
/// f.add_event_source(
///     &SqsEventSource::builder(&queue)
///         .batch_size(100)
///         .max_batching_window(Duration::from_secs(5))
///         .build()?,
/// )?;
/// # Ok::<(), lambda_core::Error>(())
/// ```
#[derive(Clone)]
pub struct SqsEventSource {
    queue: Queue,
    batch_size: Option<u32>,
    max_batching_window: Option<Duration>,
    max_concurrency: Option<u32>,
    report_batch_item_failures: bool,
    enabled: Option<bool>,
    filters: Option<Vec<Filter>>,
    metrics: Option<Vec<MetricType>>,
}

#[lambda_builder::builders]
impl SqsEventSource {
    /// A source reading `queue`; checked as aws-cdk-lib checks it (errors at the queue's path).
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(start_fn)] queue: &Queue,
        /// Messages per invocation: 1 to 10, or to 10000 with a batching window (10 when unset).
        batch_size: Option<u32>,
        /// How long to gather messages before invoking (at most 5 minutes; not for FIFO queues).
        max_batching_window: Option<Duration>,
        /// Most concurrent invocations (2 to 1000).
        max_concurrency: Option<u32>,
        /// Let the function report which messages of a batch failed.
        #[builder(default)]
        report_batch_item_failures: bool,
        /// Whether the mapping polls (true when unset).
        enabled: Option<bool>,
        /// Only messages matching one of these filters invoke the function.
        filters: Option<Vec<Filter>>,
        /// Metrics the mapping publishes.
        metrics: Option<Vec<MetricType>>,
    ) -> Result<Self> {
        lambda_spec::validate_sqs_event_source(queue.fifo(), batch_size, max_batching_window)
            .map_err(|e| Error::spec(e, queue.node().path()))?;
        Ok(SqsEventSource {
            queue: queue.clone(),
            batch_size,
            max_batching_window,
            max_concurrency,
            report_batch_item_failures,
            enabled,
            filters,
            metrics,
        })
    }
}

impl EventSource for SqsEventSource {
    fn bind(&self, target: &dyn Invocable) -> Result<()> {
        let id = format!("SqsEventSource:{}", node_unique_id(&self.queue)?);
        EventSourceMapping::builder()
            .target(target)
            .event_source_arn(self.queue.queue_arn())
            .maybe_batch_size(self.batch_size)
            .maybe_max_batching_window(self.max_batching_window)
            .maybe_max_concurrency(self.max_concurrency)
            .report_batch_item_failures(self.report_batch_item_failures)
            .maybe_enabled(self.enabled)
            .maybe_filters(self.filters.clone())
            .maybe_metrics(self.metrics.clone())
            .build(&target.node(), &id)?;
        match target.role() {
            Some(role) => {
                self.queue.grant_consume_messages(&role)?;
            }
            None => target.node().add_warning_v2(
                SQS_FUNCTION_IMPORT_WITHOUT_ROLE,
                &format!(
                    "Function '{}' was imported without an IAM role so it was not granted access \
                     to consume messages from '{}'",
                    target.node().path(),
                    self.queue.node().path()
                ),
            ),
        }
        Ok(())
    }
}
