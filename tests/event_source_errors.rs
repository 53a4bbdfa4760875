//! aws-cdk-lib's errors for dead-letter targets, queues, topics and event sources, reproduced
//! through the run-time builders. Tests named after an oracle error app build what
//! `tests/oracle/errors/<name>.js` builds and expect the error aws-cdk-lib 2.276.0 threw for it
//! (`tests/golden/errors/<name>.json`, from `tests/oracle/regenerate-errors.sh`): same code,
//! message and, where aws-cdk-lib's error has one, construct path. Nothing is left in the tree
//! by a failed build.

mod common;

use common::{assert_same_error, validation};

use lambda_cdk::dynamodb::{Attribute, AttributeType, StreamViewType, Table};
use lambda_cdk::lambda::{
    DynamoEventSource, EventInvokeConfigOptions, EventSourceMapping, S3EventSource, SqsEventSource,
    StartingPosition,
};
use lambda_cdk::prelude::*;
use lambda_cdk::s3::{Bucket, EventType, NotificationKeyFilter};
use lambda_cdk::sns::Topic;
use lambda_cdk::sqs::{DeadLetterQueue, Queue};

const INLINE: &str = "exports.handler = async () => \"hi\";";

/// An app with one stack named like the oracle app.
fn stack(name: &str) -> (App, Stack) {
    let app = App::new();
    let stack = Stack::builder().build(&app, name).expect("stack");
    (app, stack)
}

/// `Function::builder()` with the oracle apps' Node.js 20 runtime, handler and code.
macro_rules! node20 {
    () => {
        Function::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(Code::from_inline(INLINE))
    };
}

#[test]
fn dlq_disabled_with_queue() {
    let (_app, stack) = stack("dlq-disabled-with-queue");
    let queue = Queue::builder().build(&stack, "Q").unwrap();
    let result = node20!()
        .dead_letter_queue_enabled(false)
        .dead_letter_queue(queue)
        .build(&stack, "Fn");
    assert_same_error("dlq-disabled-with-queue", result);
    assert!(stack.node().try_find_child("Fn").is_none());
}

#[test]
fn dlq_queue_and_topic() {
    let (_app, stack) = stack("dlq-queue-and-topic");
    let queue = Queue::builder().build(&stack, "Q").unwrap();
    let topic = Topic::builder().build(&stack, "T").unwrap();
    let result = node20!()
        .dead_letter_queue(queue)
        .dead_letter_topic(topic)
        .build(&stack, "Fn");
    assert_same_error("dlq-queue-and-topic", result);
    assert!(stack.node().try_find_child("Fn").is_none());
}

/// aws-cdk-lib rejects a topic with `deadLetterQueueEnabled` set either way, as with a queue.
#[test]
fn dlq_topic_with_enabled_flag() {
    let (_app, stack) = stack("S");
    let topic = Topic::builder().build(&stack, "T").unwrap();
    let (code, _, path) = validation(
        node20!()
            .dead_letter_queue_enabled(false)
            .dead_letter_topic(topic)
            .build(&stack, "Fn"),
    );
    assert_eq!(code, "DeadLetterQueueDeadLetter");
    assert_eq!(path, "S/Fn");
}

/// aws-cdk-lib 2.276.0's `validateQueueProps` lists every broken range in one error, naming the
/// class by its compiled name `Queue2` (checked with node: `new sqs.Queue(stack, 'Q',
/// { deliveryDelay: Duration.seconds(901), visibilityTimeout: Duration.hours(13) })`).
#[test]
fn queue_ranges_are_listed_together() {
    let (_app, stack) = stack("S");
    let (code, message, path) = validation(
        Queue::builder()
            .delivery_delay(Duration::from_secs(901))
            .visibility_timeout(Duration::from_secs(13 * 3600))
            .build(&stack, "Q"),
    );
    assert_eq!(code, "PropsValidationFailed");
    assert_eq!(
        message,
        "Queue2 initialization failed due to the following validation error(s):\n\
         - delivery delay must be between 0 and 900 seconds, but 901 was provided\n\
         - visibility timeout must be between 0 and 43,200 seconds, but 46800 was provided"
    );
    assert_eq!(path, "S/Q");
    assert!(stack.node().try_find_child("Q").is_none());
}

#[test]
fn queue_redrive_needs_one_receive() {
    let (_app, stack) = stack("S");
    let dlq = Queue::builder().build(&stack, "Dlq").unwrap();
    let (code, message, _) = validation(
        Queue::builder()
            .dead_letter_queue(DeadLetterQueue {
                queue: dlq,
                max_receive_count: 0,
            })
            .build(&stack, "Q"),
    );
    assert_eq!(code, "PropsValidationFailed");
    assert!(message.ends_with(
        "- dead letter target maximum receive count must be 1 or more, but 0 was provided"
    ));
}

#[test]
fn fifo_queue_names() {
    let (_app, stack) = stack("S");
    let (code, message, _) = validation(
        Queue::builder()
            .fifo(true)
            .queue_name("jobs")
            .build(&stack, "Q"),
    );
    assert_eq!(code, "FifoQueueNames");
    assert_eq!(message, "FIFO queue names must end in '.fifo'");
    let (code, _, _) = validation(
        Queue::builder()
            .content_based_deduplication(true)
            .fifo(false)
            .build(&stack, "Q"),
    );
    assert_eq!(code, "ContentBasedDeduplicationDefinedQueues");
    let fifo = Queue::builder()
        .queue_name("jobs.fifo")
        .build(&stack, "Q")
        .unwrap();
    assert!(fifo.fifo());
}

#[test]
fn topic_checks() {
    let (_app, stack) = stack("S");
    let (code, message, _) = validation(
        Topic::builder()
            .content_based_deduplication(true)
            .build(&stack, "T"),
    );
    assert_eq!(code, "ContentBasedDeduplicationEnabledTopics");
    assert_eq!(
        message,
        "Content based deduplication can only be enabled for FIFO SNS topics."
    );
    let (code, message, _) = validation(
        Topic::builder()
            .display_name("d".repeat(101))
            .build(&stack, "T"),
    );
    assert_eq!(code, "DisplayNameLessEqualCharacters");
    assert_eq!(
        message,
        "displayName must be less than or equal to 100 characters, got 101"
    );
    assert!(stack.node().try_find_child("T").is_none());
}

/// The function of the `sqs-*` and `esm-*` oracle error apps, and a queue `Q` (FIFO or not).
fn function_and_queue(name: &str, fifo: bool) -> (App, Stack, Function, Queue) {
    let (app, stack) = stack(name);
    let function = node20!().build(&stack, "Fn").unwrap();
    let queue = Queue::builder().fifo(fifo).build(&stack, "Q").unwrap();
    (app, stack, function, queue)
}

#[test]
fn sqs_batch_size() {
    let (_app, _stack, _f, queue) = function_and_queue("sqs-batch-size", false);
    assert_same_error(
        "sqs-batch-size",
        SqsEventSource::builder(&queue).batch_size(11).build(),
    );
}

#[test]
fn sqs_batch_size_with_window() {
    let (_app, _stack, _f, queue) = function_and_queue("sqs-batch-size-with-window", false);
    assert_same_error(
        "sqs-batch-size-with-window",
        SqsEventSource::builder(&queue)
            .batch_size(10_001)
            .max_batching_window(Duration::from_secs(1))
            .build(),
    );
}

#[test]
fn sqs_batching_window() {
    let (_app, _stack, _f, queue) = function_and_queue("sqs-batching-window", false);
    assert_same_error(
        "sqs-batching-window",
        SqsEventSource::builder(&queue)
            .max_batching_window(Duration::from_secs(301))
            .build(),
    );
}

#[test]
fn sqs_fifo_batching_window() {
    let (_app, _stack, _f, queue) = function_and_queue("sqs-fifo-batching-window", true);
    assert_same_error(
        "sqs-fifo-batching-window",
        SqsEventSource::builder(&queue)
            .max_batching_window(Duration::from_secs(5))
            .build(),
    );
}

#[test]
fn esm_max_concurrency() {
    let (_app, _stack, function, queue) = function_and_queue("esm-max-concurrency", false);
    let result = EventSourceMapping::builder()
        .target(&function)
        .event_source_arn(queue.queue_arn())
        .max_concurrency(1)
        .build(&function, "Mapping");
    assert_same_error("esm-max-concurrency", result);
    assert!(function.node().try_find_child("Mapping").is_none());
}

/// A function `Fn` and a table `T` (with or without a stream) as the `dynamo-*` apps make them.
fn function_and_table(name: &str, stream: bool) -> (App, Function, Table) {
    let (app, stack) = stack(name);
    let function = node20!().build(&stack, "Fn").unwrap();
    let table = Table::builder()
        .partition_key(Attribute::new("id", AttributeType::String))
        .maybe_stream(stream.then_some(StreamViewType::NewImage))
        .build(&stack, "T")
        .unwrap();
    (app, function, table)
}

#[test]
fn dynamo_batch_size() {
    let (_app, _f, table) = function_and_table("dynamo-batch-size", true);
    assert_same_error(
        "dynamo-batch-size",
        DynamoEventSource::builder(&table)
            .starting_position(StartingPosition::Latest)
            .batch_size(10_001)
            .build(),
    );
}

#[test]
fn dynamo_no_stream() {
    let (_app, function, table) = function_and_table("dynamo-no-stream", false);
    let source = DynamoEventSource::builder(&table)
        .starting_position(StartingPosition::Latest)
        .build()
        .unwrap();
    assert_same_error("dynamo-no-stream", function.add_event_source(&source));
    assert_eq!(
        function.node().children().len(),
        2,
        "ServiceRole and Resource only"
    );
}

#[test]
fn esm_retry_attempts() {
    let (_app, function, table) = function_and_table("esm-retry-attempts", true);
    let source = DynamoEventSource::builder(&table)
        .starting_position(StartingPosition::Latest)
        .retry_attempts(-2)
        .build()
        .unwrap();
    assert_same_error("esm-retry-attempts", function.add_event_source(&source));
}

#[test]
fn async_max_event_age() {
    let (_app, stack) = stack("async-max-event-age");
    let result = node20!()
        .max_event_age(Duration::from_secs(59))
        .build(&stack, "Fn");
    assert_same_error("async-max-event-age", result);
    assert!(stack.node().try_find_child("Fn").is_none());
}

#[test]
fn async_retry_attempts() {
    let (_app, stack) = stack("async-retry-attempts");
    let result = node20!().retry_attempts(3).build(&stack, "Fn");
    assert_same_error("async-retry-attempts", result);
}

#[test]
fn async_configured_twice() {
    let (_app, stack) = stack("async-configured-twice");
    let function = node20!().retry_attempts(1).build(&stack, "Fn").unwrap();
    let result = function.configure_async_invoke(EventInvokeConfigOptions {
        retry_attempts: Some(2),
        ..EventInvokeConfigOptions::default()
    });
    assert_same_error("async-configured-twice", result);
}

/// A function `Fn` and a bucket `B` as the `s3-*` apps make them.
fn function_and_bucket(name: &str) -> (App, Function, Bucket) {
    let (app, stack) = stack(name);
    let function = node20!().build(&stack, "Fn").unwrap();
    let bucket = Bucket::builder().build(&stack, "B").unwrap();
    (app, function, bucket)
}

#[test]
fn s3_two_prefixes() {
    let (_app, function, bucket) = function_and_bucket("s3-two-prefixes");
    let source = S3EventSource::builder(&bucket)
        .events(vec![EventType::ObjectCreated])
        .filters(vec![
            NotificationKeyFilter::prefix("a/"),
            NotificationKeyFilter::prefix("b/"),
        ])
        .build();
    assert_same_error("s3-two-prefixes", function.add_event_source(&source));
    assert!(bucket.node().try_find_child("Notifications").is_none());
}

#[test]
fn s3_empty_filter() {
    let (_app, function, bucket) = function_and_bucket("s3-empty-filter");
    let source = S3EventSource::builder(&bucket)
        .events(vec![EventType::ObjectCreated])
        .filters(vec![NotificationKeyFilter::default()])
        .build();
    assert_same_error("s3-empty-filter", function.add_event_source(&source));
}

#[test]
fn tenancy_sqs() {
    let (_app, stack) = stack("tenancy-sqs");
    let function = node20!()
        .tenancy_config(TenancyConfig::PER_TENANT)
        .build(&stack, "Fn")
        .unwrap();
    let queue = Queue::builder().build(&stack, "Q").unwrap();
    let source = SqsEventSource::builder(&queue).build().unwrap();
    assert_same_error("tenancy-sqs", function.add_event_source(&source));
    // Nothing was wired: no mapping under the function.
    let children: Vec<String> = function.node().children().iter().map(|c| c.id()).collect();
    assert!(
        !children.iter().any(|id| id.starts_with("SqsEventSource")),
        "{children:?}"
    );
}
