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
