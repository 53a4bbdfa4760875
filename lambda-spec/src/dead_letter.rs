//! Dead-letter targets and asynchronous invocation of a function: aws-cdk-lib's checks of
//! `deadLetterQueueEnabled` / `deadLetterQueue` / `deadLetterTopic`, `maxEventAge` and
//! `retryAttempts`, written once for the macro and the builder.

use crate::codes::{
    DEAD_LETTER_QUEUE_DEAD_LETTER, DEAD_LETTER_QUEUE_DISABLED, MUST_BE_BETWEEN,
    REPRESENT_BETWEEN_21600_SECONDS,
};
use crate::SpecError;

/// Shortest `maxEventAge` of asynchronous invocation: one minute.
pub const MIN_MAX_EVENT_AGE_SECONDS: u64 = 60;
/// Longest `maxEventAge` of asynchronous invocation: six hours.
pub const MAX_MAX_EVENT_AGE_SECONDS: u64 = 21_600;
/// Most retries of a failed asynchronous invocation.
pub const MAX_ASYNC_RETRY_ATTEMPTS: u32 = 2;

/// Which dead-letter props a function was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeadLetterProps {
    /// `deadLetterQueueEnabled`, when given.
    pub enabled: Option<bool>,
    /// Whether a `deadLetterQueue` was given.
    pub queue: bool,
    /// Whether a `deadLetterTopic` was given.
    pub topic: bool,
}

/// aws-cdk-lib's `buildDeadLetterQueue` checks: a queue with `enabled = false` (a plain
/// `Error`, code `Error` here), a topic with a queue or with `enabled` set
/// (`DeadLetterQueueDeadLetter`).
///
/// ```
/// use lambda_spec::{validate_dead_letter, DeadLetterProps};
/// let e = validate_dead_letter(DeadLetterProps { queue: true, topic: true, enabled: None });
/// assert_eq!(e.unwrap_err().code, "DeadLetterQueueDeadLetter");
/// assert!(validate_dead_letter(DeadLetterProps { enabled: Some(true), ..Default::default() }).is_ok());
/// ```
pub fn validate_dead_letter(props: DeadLetterProps) -> Result<(), SpecError> {
    if props.queue && props.enabled == Some(false) {
        return Err(SpecError::new(
            DEAD_LETTER_QUEUE_DISABLED,
            "deadLetterQueue defined but deadLetterQueueEnabled explicitly set to false",
        ));
    }
    if props.topic && (props.queue || props.enabled.is_some()) {
        return Err(SpecError::new(
            DEAD_LETTER_QUEUE_DEAD_LETTER,
            "deadLetterQueue and deadLetterTopic cannot be specified together at the same time",
        ));
    }
    Ok(())
}

/// Whether `seconds` is a `maxEventAge` Lambda accepts (60 to 21600).
pub const fn is_valid_max_event_age(seconds: u64) -> bool {
    seconds >= MIN_MAX_EVENT_AGE_SECONDS && seconds <= MAX_MAX_EVENT_AGE_SECONDS
}

/// Whether `n` is a `retryAttempts` of asynchronous invocation Lambda accepts (0 to 2).
pub const fn is_valid_async_retry_attempts(n: u32) -> bool {
    n <= MAX_ASYNC_RETRY_ATTEMPTS
}

/// `EventInvokeConfig`'s `maxEventAge` check (`RepresentBetween21600Seconds`).
pub fn validate_max_event_age(seconds: u64) -> Result<(), SpecError> {
    if is_valid_max_event_age(seconds) {
        return Ok(());
    }
    Err(SpecError::new(
        REPRESENT_BETWEEN_21600_SECONDS,
        "`maximumEventAge` must represent a `Duration` that is between 60 and 21600 seconds.",
    ))
}

/// `EventInvokeConfig`'s `retryAttempts` check (`MustBeBetween`).
pub fn validate_async_retry_attempts(n: u32) -> Result<(), SpecError> {
    if is_valid_async_retry_attempts(n) {
        return Ok(());
    }
    Err(SpecError::new(
        MUST_BE_BETWEEN,
        "`retryAttempts` must be between 0 and 2.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dead_letter_combinations() {
        let check = |enabled, queue, topic| {
            validate_dead_letter(DeadLetterProps {
                enabled,
                queue,
                topic,
            })
            .map_err(|e| e.code)
        };
        assert_eq!(
            check(Some(false), true, false),
            Err(DEAD_LETTER_QUEUE_DISABLED)
        );
        assert_eq!(
            check(Some(false), true, true),
            Err(DEAD_LETTER_QUEUE_DISABLED)
        );
        assert_eq!(check(None, true, true), Err(DEAD_LETTER_QUEUE_DEAD_LETTER));
        assert_eq!(
            check(Some(true), false, true),
            Err(DEAD_LETTER_QUEUE_DEAD_LETTER)
        );
        assert_eq!(check(None, false, true), Ok(()));
        assert_eq!(check(Some(true), true, false), Ok(()));
        assert_eq!(check(Some(false), false, false), Ok(()));
    }

    #[test]
    fn async_invoke_ranges() {
        assert!(validate_max_event_age(60).is_ok() && validate_max_event_age(21_600).is_ok());
        assert_eq!(
            validate_max_event_age(59).unwrap_err().code,
            REPRESENT_BETWEEN_21600_SECONDS
        );
        assert!(validate_async_retry_attempts(2).is_ok());
        assert_eq!(
            validate_async_retry_attempts(3).unwrap_err().code,
            MUST_BE_BETWEEN
        );
    }
}
