//! Amazon SQS queues: aws-cdk-lib's `Queue` prop checks (`validateQueueProps`,
//! `determineFifoProps`) as pure functions.

use crate::codes::{
    CONTENT_BASED_DEDUPLICATION_DEFINED_QUEUES, FIFO_QUEUE_NAMES, NON_FIFO_QUEUE_NAME,
    PROPS_VALIDATION_FAILED,
};
use crate::SpecError;

/// Longest delivery delay: 15 minutes.
pub const SQS_MAX_DELIVERY_DELAY_SECONDS: u64 = 900;
/// Smallest message size limit a queue may set.
pub const SQS_MIN_MESSAGE_SIZE_BYTES: u64 = 1_024;
/// Largest message size limit a queue may set (1 MiB).
pub const SQS_MAX_MESSAGE_SIZE_BYTES: u64 = 1_048_576;
/// Shortest message retention: one minute.
pub const SQS_MIN_RETENTION_SECONDS: u64 = 60;
/// Longest message retention: 14 days.
pub const SQS_MAX_RETENTION_SECONDS: u64 = 1_209_600;
/// Longest long-poll wait of `ReceiveMessage`.
pub const SQS_MAX_RECEIVE_WAIT_SECONDS: u64 = 20;
/// Longest visibility timeout: 12 hours.
pub const SQS_MAX_VISIBILITY_TIMEOUT_SECONDS: u64 = 43_200;

/// The numeric props of a queue aws-cdk-lib checks, in seconds, bytes and counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueueLimits {
    /// `deliveryDelay` in seconds.
    pub delivery_delay: Option<u64>,
    /// `maxMessageSizeBytes`.
    pub max_message_size_bytes: Option<u64>,
    /// `retentionPeriod` in seconds.
    pub retention_period: Option<u64>,
    /// `receiveMessageWaitTime` in seconds.
    pub receive_message_wait_time: Option<u64>,
    /// `visibilityTimeout` in seconds.
    pub visibility_timeout: Option<u64>,
    /// `deadLetterQueue.maxReceiveCount`.
    pub max_receive_count: Option<u64>,
}

/// Whether `seconds` is a visibility timeout SQS accepts (0 to 12 hours).
pub const fn is_valid_visibility_timeout(seconds: u64) -> bool {
    seconds <= SQS_MAX_VISIBILITY_TIMEOUT_SECONDS
}

/// Whether `seconds` is a retention period SQS accepts (1 minute to 14 days).
pub const fn is_valid_retention_period(seconds: u64) -> bool {
    seconds >= SQS_MIN_RETENTION_SECONDS && seconds <= SQS_MAX_RETENTION_SECONDS
}

/// aws-cdk-lib's `validateQueueProps`: every range broken is listed, one line each, in one
/// `PropsValidationFailed` error (`Queue2 initialization failed due to the following validation
/// error(s):`, aws-cdk-lib's text, with its compiled class name).
///
/// ```
/// use lambda_spec::{validate_queue_limits, QueueLimits};
/// let e = validate_queue_limits(&QueueLimits {
///     visibility_timeout: Some(43_201),
///     ..QueueLimits::default()
/// })
/// .unwrap_err();
/// assert_eq!(e.code, "PropsValidationFailed");
/// assert!(e.message.ends_with(
///     "- visibility timeout must be between 0 and 43,200 seconds, but 43201 was provided"
/// ));
/// ```
pub fn validate_queue_limits(limits: &QueueLimits) -> Result<(), SpecError> {
    let out = |v: Option<u64>, min: u64, max: u64| v.is_some_and(|v| v < min || v > max);
    let mut errors = Vec::new();
    if out(limits.delivery_delay, 0, SQS_MAX_DELIVERY_DELAY_SECONDS) {
        errors.push(format!(
            "delivery delay must be between 0 and 900 seconds, but {} was provided",
            limits.delivery_delay.unwrap_or_default()
        ));
    }
    if out(
        limits.max_message_size_bytes,
        SQS_MIN_MESSAGE_SIZE_BYTES,
        SQS_MAX_MESSAGE_SIZE_BYTES,
    ) {
        errors.push(format!(
            "maximum message size must be between 1,024 and 1,048,576 bytes, but {} was provided",
            limits.max_message_size_bytes.unwrap_or_default()
        ));
    }
    if out(
        limits.retention_period,
        SQS_MIN_RETENTION_SECONDS,
        SQS_MAX_RETENTION_SECONDS,
    ) {
        errors.push(format!(
            "message retention period must be between 60 and 1,209,600 seconds, but {} was provided",
            limits.retention_period.unwrap_or_default()
        ));
    }
    if out(
        limits.receive_message_wait_time,
        0,
        SQS_MAX_RECEIVE_WAIT_SECONDS,
    ) {
        errors.push(format!(
            "receive wait time must be between 0 and 20 seconds, but {} was provided",
            limits.receive_message_wait_time.unwrap_or_default()
        ));
    }
    if out(
        limits.visibility_timeout,
        0,
        SQS_MAX_VISIBILITY_TIMEOUT_SECONDS,
    ) {
        errors.push(format!(
            "visibility timeout must be between 0 and 43,200 seconds, but {} was provided",
            limits.visibility_timeout.unwrap_or_default()
        ));
    }
    if limits.max_receive_count == Some(0) {
        errors.push(
            "dead letter target maximum receive count must be 1 or more, but 0 was provided"
                .to_owned(),
        );
    }
    if errors.is_empty() {
        return Ok(());
    }
    // aws-cdk-lib 2.276.0 names the class by its compiled name, `Queue2`; kept for parity.
    let mut message =
        String::from("Queue2 initialization failed due to the following validation error(s):");
    for e in errors {
        message.push_str("\n- ");
        message.push_str(&e);
    }
    Err(SpecError::new(PROPS_VALIDATION_FAILED, message))
}

/// aws-cdk-lib's `determineFifoProps`: whether the queue is FIFO (`fifo`, else a name ending
/// in `.fifo`, else content-based deduplication), checked against its name and deduplication.
///
/// ```
/// assert_eq!(lambda_spec::queue_fifo(None, Some("jobs.fifo"), false), Ok(true));
/// assert_eq!(lambda_spec::queue_fifo(None, None, true), Ok(true));
/// assert_eq!(
///     lambda_spec::queue_fifo(Some(true), Some("jobs"), false).unwrap_err().code,
///     "FifoQueueNames"
/// );
/// ```
pub fn queue_fifo(
    fifo: Option<bool>,
    queue_name: Option<&str>,
    content_based_deduplication: bool,
) -> Result<bool, SpecError> {
    let fifo = fifo
        .or_else(|| queue_name.filter(|n| n.ends_with(".fifo")).map(|_| true))
        .or(content_based_deduplication.then_some(true))
        .unwrap_or(false);
    if let Some(name) = queue_name {
        if fifo && !name.ends_with(".fifo") {
            return Err(SpecError::new(
                FIFO_QUEUE_NAMES,
                "FIFO queue names must end in '.fifo'",
            ));
        }
        if !fifo && name.ends_with(".fifo") {
            return Err(SpecError::new(
                NON_FIFO_QUEUE_NAME,
                "Non-FIFO queue name may not end in '.fifo'",
            ));
        }
    }
    if content_based_deduplication && !fifo {
        return Err(SpecError::new(
            CONTENT_BASED_DEDUPLICATION_DEFINED_QUEUES,
            "Content-based deduplication can only be defined for FIFO queues",
        ));
    }
    Ok(fifo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_broken_range_is_listed_in_aws_cdk_lib_order() {
        let e = validate_queue_limits(&QueueLimits {
            delivery_delay: Some(901),
            retention_period: Some(59),
            max_receive_count: Some(0),
            ..QueueLimits::default()
        })
        .unwrap_err();
        assert_eq!(
            e.message,
            "Queue2 initialization failed due to the following validation error(s):\n\
             - delivery delay must be between 0 and 900 seconds, but 901 was provided\n\
             - message retention period must be between 60 and 1,209,600 seconds, but 59 was provided\n\
             - dead letter target maximum receive count must be 1 or more, but 0 was provided"
        );
        assert!(validate_queue_limits(&QueueLimits {
            retention_period: Some(1_209_600),
            visibility_timeout: Some(0),
            max_message_size_bytes: Some(1_024),
            ..QueueLimits::default()
        })
        .is_ok());
    }

    #[test]
    fn fifo_follows_name_and_deduplication() {
        assert_eq!(queue_fifo(None, None, false), Ok(false));
        assert_eq!(queue_fifo(Some(false), None, false), Ok(false));
        assert_eq!(
            queue_fifo(None, Some("a.fifo"), false).map_err(|e| e.code),
            Ok(true)
        );
        assert_eq!(
            queue_fifo(Some(false), Some("a.fifo"), false)
                .unwrap_err()
                .code,
            NON_FIFO_QUEUE_NAME
        );
        assert_eq!(
            queue_fifo(Some(false), None, true).unwrap_err().code,
            CONTENT_BASED_DEDUPLICATION_DEFINED_QUEUES
        );
        assert!(is_valid_visibility_timeout(43_200) && !is_valid_visibility_timeout(43_201));
        assert!(is_valid_retention_period(60) && !is_valid_retention_period(59));
    }
}
