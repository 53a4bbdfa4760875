//! Event source mappings: aws-cdk-lib's checks of `SqsEventSource`, `DynamoEventSource` and
//! `EventSourceMapping` props as pure functions.

use std::time::Duration;

use crate::codes::{
    BATCHING_WINDOW_SUPPORTED_QUEUES, MAXIMUM_BATCHING_WINDOW_SECONDS_LESS,
    MAXIMUM_BATCH_SIZE_INCLUSIVE_GIVEN, MAX_BATCHING_WINDOW_CANNOT_SECONDS,
    MAX_CONCURRENCY_CONCURRENT_INSTANCES, MAX_RECORD_AGE_SECONDS_DAYS,
    PARALLELIZATION_FACTOR_INCLUSIVE, RETRY_ATTEMPTS_INFINITE_INCLUSIVE,
    TUMBLING_WINDOW_CANNOT_SECONDS,
};
use crate::SpecError;

/// Longest batching window of any event source mapping: 5 minutes.
pub const MAX_BATCHING_WINDOW_SECONDS: u64 = 300;
/// Largest SQS batch without a batching window.
pub const SQS_MAX_BATCH_SIZE: u32 = 10;
/// Largest SQS batch with a batching window, and largest DynamoDB stream batch.
pub const MAX_BATCH_SIZE_WITH_WINDOW: u32 = 10_000;
/// Fewest concurrent instances an SQS mapping may be limited to.
pub const MIN_MAX_CONCURRENCY: u32 = 2;
/// Most concurrent instances an SQS mapping may be limited to.
pub const MAX_MAX_CONCURRENCY: u32 = 1_000;
/// Most retries of a stream mapping (`-1` is infinite).
pub const MAX_STREAM_RETRY_ATTEMPTS: i32 = 10_000;
/// Longest tumbling window: 15 minutes.
pub const MAX_TUMBLING_WINDOW_SECONDS: u64 = 900;

/// aws-cdk-lib's `Duration.toHumanString()` of a whole-seconds duration: its two largest
/// units, `5 minutes 1 second`.
pub fn human_duration(duration: Duration) -> String {
    let mut millis = duration.as_millis();
    if millis == 0 {
        return "0 seconds".to_owned();
    }
    let mut parts = Vec::new();
    for (unit, label) in [
        (86_400_000, "days"),
        (3_600_000, "hours"),
        (60_000, "minutes"),
        (1_000, "seconds"),
    ] {
        let count = millis / unit;
        if count > 0 {
            parts.push((count, label));
            millis -= count * unit;
        }
    }
    if millis > 0 {
        parts.push((millis, "millis"));
    }
    parts
        .into_iter()
        .take(2)
        .map(|(n, label)| {
            if n == 1 {
                format!("1 {}", &label[..label.len() - 1])
            } else {
                format!("{n} {label}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `size` is an SQS batch size Lambda accepts (1 to 10, or to 10 000 with a window).
pub const fn is_valid_sqs_batch_size(size: u32, with_batching_window: bool) -> bool {
    size >= 1
        && size
            <= if with_batching_window {
                MAX_BATCH_SIZE_WITH_WINDOW
            } else {
                SQS_MAX_BATCH_SIZE
            }
}

/// `SqsEventSource`'s checks, in its order: no batching window on a FIFO queue
/// (`BatchingWindowSupportedQueues`), a window of at most 5 minutes
/// (`MaximumBatchingWindowSecondsLess`), a batch size of 1 to 10, or to 10 000 with a window
/// (`MaximumBatchSizeInclusiveGiven`).
///
/// ```
/// use std::time::Duration;
/// use lambda_spec::validate_sqs_event_source;
/// assert!(validate_sqs_event_source(false, Some(10), Some(Duration::from_secs(5))).is_ok());
/// assert_eq!(
///     validate_sqs_event_source(false, Some(11), None).unwrap_err().message,
///     "Maximum batch size must be between 1 and 10 inclusive (given 11) when batching window is not specified."
/// );
/// ```
pub fn validate_sqs_event_source(
    fifo: bool,
    batch_size: Option<u32>,
    max_batching_window: Option<Duration>,
) -> Result<(), SpecError> {
    if let Some(window) = max_batching_window {
        if fifo {
            return Err(SpecError::new(
                BATCHING_WINDOW_SUPPORTED_QUEUES,
                "Batching window is not supported for FIFO queues",
            ));
        }
        if window.as_secs() > MAX_BATCHING_WINDOW_SECONDS
            || (window.as_secs() == MAX_BATCHING_WINDOW_SECONDS && window.subsec_nanos() > 0)
        {
            return Err(SpecError::new(
                MAXIMUM_BATCHING_WINDOW_SECONDS_LESS,
                format!(
                    "Maximum batching window must be 300 seconds or less (given {})",
                    human_duration(window)
                ),
            ));
        }
    }
    if let Some(size) = batch_size {
        let with_window = max_batching_window.is_some();
        if !is_valid_sqs_batch_size(size, with_window) {
            let (max, when) = if with_window {
                (MAX_BATCH_SIZE_WITH_WINDOW, "is specified")
            } else {
                (SQS_MAX_BATCH_SIZE, "is not specified")
            };
            return Err(SpecError::new(
                MAXIMUM_BATCH_SIZE_INCLUSIVE_GIVEN,
                format!(
                    "Maximum batch size must be between 1 and {max} inclusive (given {size}) \
                     when batching window {when}."
                ),
            ));
        }
    }
    Ok(())
}

/// `DynamoEventSource`'s batch size check: 1 to 10 000 (`MaximumBatchSizeInclusiveGiven`).
pub fn validate_stream_batch_size(batch_size: u32) -> Result<(), SpecError> {
    if (1..=MAX_BATCH_SIZE_WITH_WINDOW).contains(&batch_size) {
        return Ok(());
    }
    Err(SpecError::new(
        MAXIMUM_BATCH_SIZE_INCLUSIVE_GIVEN,
        format!("Maximum batch size must be between 1 and 10000 inclusive (given {batch_size})"),
    ))
}

/// The props of an `EventSourceMapping` aws-cdk-lib checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MappingLimits {
    /// `maxBatchingWindow`.
    pub max_batching_window: Option<Duration>,
    /// `maxConcurrency`.
    pub max_concurrency: Option<u32>,
    /// `maxRecordAge`.
    pub max_record_age: Option<Duration>,
    /// `retryAttempts` (`-1` is infinite).
    pub retry_attempts: Option<i32>,
    /// `parallelizationFactor`.
    pub parallelization_factor: Option<u32>,
    /// `tumblingWindow`.
    pub tumbling_window: Option<Duration>,
}

/// `EventSourceMapping`'s range checks, in aws-cdk-lib's order and with its codes and messages.
///
/// ```
/// use lambda_spec::{validate_mapping_limits, MappingLimits};
/// let e = validate_mapping_limits(&MappingLimits {
///     max_concurrency: Some(1),
///     ..MappingLimits::default()
/// })
/// .unwrap_err();
/// assert_eq!(e.code, "MaxConcurrencyConcurrentInstances");
/// ```
pub fn validate_mapping_limits(limits: &MappingLimits) -> Result<(), SpecError> {
    if let Some(window) = limits.max_batching_window {
        let seconds = crate::whole_seconds(window)?;
        if seconds > MAX_BATCHING_WINDOW_SECONDS {
            return Err(SpecError::new(
                MAX_BATCHING_WINDOW_CANNOT_SECONDS,
                format!("maxBatchingWindow cannot be over 300 seconds, got {seconds}"),
            ));
        }
    }
    if let Some(n) = limits.max_concurrency.filter(|n| *n != 0) {
        if !(MIN_MAX_CONCURRENCY..=MAX_MAX_CONCURRENCY).contains(&n) {
            return Err(SpecError::new(
                MAX_CONCURRENCY_CONCURRENT_INSTANCES,
                "maxConcurrency must be between 2 and 1000 concurrent instances",
            ));
        }
    }
    if let Some(age) = limits.max_record_age {
        if age < Duration::from_secs(60) || age > Duration::from_secs(7 * 86_400) {
            return Err(SpecError::new(
                MAX_RECORD_AGE_SECONDS_DAYS,
                "maxRecordAge must be between 60 seconds and 7 days inclusive",
            ));
        }
    }
    if let Some(n) = limits.retry_attempts {
        if !(n == -1 || (0..=MAX_STREAM_RETRY_ATTEMPTS).contains(&n)) {
            return Err(SpecError::new(
                RETRY_ATTEMPTS_INFINITE_INCLUSIVE,
                format!(
                    "retryAttempts must be -1 (for infinite) or between 0 and 10000 inclusive, got {n}"
                ),
            ));
        }
    }
    if let Some(n) = limits.parallelization_factor {
        if !(1..=10).contains(&n) {
            return Err(SpecError::new(
                PARALLELIZATION_FACTOR_INCLUSIVE,
                format!("parallelizationFactor must be between 1 and 10 inclusive, got {n}"),
            ));
        }
    }
    if let Some(window) = limits.tumbling_window {
        let seconds = crate::whole_seconds(window)?;
        if seconds > MAX_TUMBLING_WINDOW_SECONDS {
            return Err(SpecError::new(
                TUMBLING_WINDOW_CANNOT_SECONDS,
                format!("tumblingWindow cannot be over 900 seconds, got {seconds}"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_durations_as_aws_cdk_lib() {
        assert_eq!(
            human_duration(Duration::from_secs(301)),
            "5 minutes 1 second"
        );
        assert_eq!(human_duration(Duration::from_secs(3600)), "1 hour");
        assert_eq!(human_duration(Duration::from_secs(90_061)), "1 day 1 hour");
    }

    #[test]
    fn sqs_rules_in_order() {
        let w = |s| Some(Duration::from_secs(s));
        assert_eq!(
            validate_sqs_event_source(true, Some(0), w(400))
                .unwrap_err()
                .code,
            BATCHING_WINDOW_SUPPORTED_QUEUES
        );
        assert_eq!(
            validate_sqs_event_source(false, Some(0), w(400))
                .unwrap_err()
                .message,
            "Maximum batching window must be 300 seconds or less (given 6 minutes 40 seconds)"
        );
        assert_eq!(
            validate_sqs_event_source(false, Some(10_001), w(300)).unwrap_err().message,
            "Maximum batch size must be between 1 and 10000 inclusive (given 10001) when batching window is specified."
        );
        assert!(validate_sqs_event_source(false, Some(10_000), w(0)).is_ok());
        assert!(validate_sqs_event_source(true, Some(10), None).is_ok());
        assert!(is_valid_sqs_batch_size(10, false) && !is_valid_sqs_batch_size(0, true));
    }

    #[test]
    fn mapping_rules() {
        let ok = MappingLimits {
            max_batching_window: Some(Duration::from_secs(300)),
            max_concurrency: Some(1000),
            max_record_age: Some(Duration::from_secs(60)),
            retry_attempts: Some(-1),
            parallelization_factor: Some(10),
            tumbling_window: Some(Duration::from_secs(900)),
        };
        assert!(validate_mapping_limits(&ok).is_ok());
        let bad = |l: MappingLimits| validate_mapping_limits(&l).unwrap_err().code;
        assert_eq!(
            bad(MappingLimits {
                retry_attempts: Some(-2),
                ..ok
            }),
            RETRY_ATTEMPTS_INFINITE_INCLUSIVE
        );
        assert_eq!(
            bad(MappingLimits {
                max_record_age: Some(Duration::from_secs(7 * 86_400 + 1)),
                ..ok
            }),
            MAX_RECORD_AGE_SECONDS_DAYS
        );
        assert_eq!(
            bad(MappingLimits {
                parallelization_factor: Some(0),
                ..ok
            }),
            PARALLELIZATION_FACTOR_INCLUSIVE
        );
        assert_eq!(
            bad(MappingLimits {
                tumbling_window: Some(Duration::from_secs(901)),
                ..ok
            }),
            TUMBLING_WINDOW_CANNOT_SECONDS
        );
        assert_eq!(
            validate_stream_batch_size(0).unwrap_err().code,
            MAXIMUM_BATCH_SIZE_INCLUSIVE_GIVEN
        );
    }
}
