//! SQS queues and an SNS topic with their grants (oracle app `queue-topic`).

use lambda_cdk::prelude::*;
use lambda_cdk::sns::Topic;
use lambda_cdk::sqs::{DeadLetterQueue, Queue, QueueEncryption};

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "queue-topic")?;
    let dlq = Queue::builder()
        .retention_period(Duration::from_secs(14 * 86_400))
        .build(&stack, "Dlq")?;
    let jobs = Queue::builder()
        .encryption(QueueEncryption::Kms)
        .data_key_reuse(Duration::from_secs(600))
        .dead_letter_queue(DeadLetterQueue {
            queue: dlq.clone(),
            max_receive_count: 3,
        })
        .delivery_delay(Duration::from_secs(5))
        .max_message_size_bytes(2048)
        .receive_message_wait_time(Duration::from_secs(10))
        .visibility_timeout(Duration::from_secs(120))
        .enforce_ssl(true)
        .build(&stack, "Jobs")?;
    Queue::builder()
        .queue_name("ordered.fifo")
        .content_based_deduplication(true)
        .encryption(QueueEncryption::SqsManaged)
        .removal_policy(RemovalPolicy::Retain)
        .build(&stack, "Ordered")?;
    let topic = Topic::builder()
        .display_name("Orders")
        .build(&stack, "Orders")?;

    let role = Role::builder()
        .assumed_by(Principal::service("lambda.amazonaws.com"))
        .build(&stack, "Worker")?;
    jobs.grant_consume_messages(&role)?;
    dlq.grant_purge(&role)?;
    topic.grant_publish(&role)?;
    let events = Principal::service("events.amazonaws.com");
    dlq.grant_send_messages(&events)?;
    topic.grant_publish(&events)?;
    app.synth()?;
    Ok(())
}
