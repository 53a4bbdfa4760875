//! Parity of queues, topics, dead-letter targets and event sources with aws-cdk-lib 2.276.0: each
//! example `examples/<app>.rs` must synthesize what the oracle app
//! `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the real library, with no context
//! (`tests/golden/`) and with the recommended feature flags (`tests/golden-recommended/`),
//! tree.json included. Run `cargo build --examples` first.

mod common;

use common::parity;

/// `sqs.Queue` (KMS key made for it, redrive, TLS-only policy, FIFO, SSE-SQS, retained) and
/// `sns.Topic`, with grants to a role and to a service principal (queue and topic policies).
#[test]
fn queue_topic() {
    parity("queue-topic");
}

/// `deadLetterQueueEnabled: true`: a queue `DeadLetterQueue` under the function, before its
/// resource, and `sqs:SendMessage` on it.
#[test]
fn dlq_enabled() {
    parity("dlq-enabled");
}

/// A user's queue as `deadLetterQueue`.
#[test]
fn dlq_queue() {
    parity("dlq-queue");
}

/// A topic as `deadLetterTopic`, with `sns:Publish`.
#[test]
fn dlq_topic() {
    parity("dlq-topic");
}

/// `SqsEventSource` with a batch size, batching window, batch item failures and a filter: the
/// mapping `SqsEventSource:<queue's unique id>` under the function, and the consume grant.
#[test]
fn event_source_sqs() {
    parity("event-source-sqs");
}

/// `DynamoEventSource` on a table's stream (provisioned 5/5 table, retained): batch size 100
/// written by default, the filter, `MetricsConfig`, and the stream-read grant.
#[test]
fn event_source_dynamodb() {
    parity("event-source-dynamodb");
}

/// Every stream option of `DynamoEventSource`, `SqsDlq` / `SnsDlq` on-failure destinations with
/// their grants, two filters, a pay-per-request table with a sort key, TTL and a name, and the
/// table's read and read-write data grants (resources written as a one-item list).
#[test]
fn event_source_dynamodb_options() {
    parity("event-source-dynamodb-options");
}

/// `maxEventAge`, `retryAttempts`, `onSuccess` / `onFailure` on the function's props and through
/// `configureAsyncInvoke`: queue, topic, function and default-event-bus destinations and their
/// grants, and an invoke config with `retryAttempts: 0` alone.
#[test]
fn async_invoke() {
    parity("async-invoke");
}
