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

/// Logical ID of the stack's `Custom::S3BucketNotifications` handler function.
const S3_NOTIFICATIONS_HANDLER: &str =
    "BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691";

/// `S3EventSource` (two events, a key prefix): the bucket's `Notifications` custom resource,
/// its handler policy, the invoke permission under the bucket, and the stack's handler function.
///
/// The one named difference from the golden: the handler's `Code.ZipFile` is this project's
/// own handler (`lambda-core/src/s3/notifications_handler.py`, tested by
/// `tests/s3_notifications_handler.rs`), not aws-cdk-lib's. The test puts aws-cdk-lib's code
/// in its place in the template text (it must occur there exactly once, as a JSON string), and
/// the template's new sha256 in place of the old one in the asset manifest and `manifest.json`;
/// then everything must match byte for byte, as for every other app.
#[test]
fn event_source_s3() {
    let recommended = common::recommended_context();
    for (context, golden) in [
        (None, common::golden_dir("event-source-s3")),
        (
            Some(recommended.as_str()),
            common::golden_recommended_dir("event-source-s3"),
        ),
    ] {
        let out = common::synth_example("event_source_s3", context);
        let template = "event-source-s3.template.json";
        let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap();
        let golden_json: serde_json::Value =
            serde_json::from_str(&read(&golden.join(template))).unwrap();
        let theirs = serde_json::to_string(
            &golden_json["Resources"][S3_NOTIFICATIONS_HANDLER]["Properties"]["Code"]["ZipFile"],
        )
        .unwrap();
        let ours = serde_json::to_string(lambda_cdk::s3::NOTIFICATIONS_HANDLER_SOURCE).unwrap();
        let text = read(&out.path().join(template));
        assert_eq!(text.matches(&ours).count(), 1, "our handler code, once");
        let patched = text.replace(&ours, &theirs);
        let hash = |s: &str| {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(s.as_bytes());
            digest
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        let (old_hash, new_hash) = (hash(&text), hash(&patched));
        std::fs::write(out.path().join(template), patched).unwrap();
        for file in ["event-source-s3.assets.json", "manifest.json"] {
            let path = out.path().join(file);
            let text = read(&path);
            assert!(text.contains(&old_hash), "{file} names the template's hash");
            let mut text = text.replace(&old_hash, &new_hash);
            if file.ends_with(".assets.json") {
                // A destination's id ends in 8 hex digits of the sha256 of its (compact) JSON,
                // which names the template's hash: computed again for the new one.
                let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                let destinations = json["files"][&new_hash]["destinations"]
                    .as_object()
                    .unwrap();
                for (id, destination) in destinations {
                    let (prefix, _) = id.rsplit_once('-').unwrap();
                    let digest = hash(&serde_json::to_string(destination).unwrap());
                    let new_id = format!("{prefix}-{}", &digest[..8]);
                    text = text.replace(&format!("\"{id}\""), &format!("\"{new_id}\""));
                }
            }
            std::fs::write(&path, text).unwrap();
        }
        common::assert_assembly_matches(&golden, out.path());
    }
}

/// `SnsEventSource`: the invoke permission and the subscription under each function, a filter
/// policy, and a dead-letter queue (with its queue policy for SNS).
#[test]
fn event_source_sns() {
    parity("event-source-sns");
}
