//! Durable functions (`DurableConfig`): aws-cdk-lib's range checks on the execution timeout and
//! the retention period of closed executions, as pure functions.

use std::time::Duration;

use crate::codes::{
    CANNOT_CONVERTED_INTO_WHOLE, EXECUTION_TIMEOUT_SECONDS, RETENTION_PERIOD_OUT_OF_RANGE,
};
use crate::schedule::{describe, whole_seconds};
use crate::SpecError;

/// Longest durable execution: 366 days, in seconds.
pub const DURABLE_EXECUTION_TIMEOUT_MAX_SECONDS: u64 = 31_622_400;
/// Most days a closed durable execution's history is kept.
pub const DURABLE_RETENTION_MAX_DAYS: u64 = 90;

const SECONDS_PER_DAY: u64 = 86_400;

/// Whether a durable execution timeout of `seconds` is accepted (1..=31,622,400).
pub const fn is_valid_durable_execution_timeout_seconds(seconds: u64) -> bool {
    seconds >= 1 && seconds <= DURABLE_EXECUTION_TIMEOUT_MAX_SECONDS
}

/// Whether a retention period of `days` is accepted (1..=90).
pub const fn is_valid_durable_retention_days(days: u64) -> bool {
    days >= 1 && days <= DURABLE_RETENTION_MAX_DAYS
}

/// The durable execution timeout in whole seconds (`DurableConfig.ExecutionTimeout`), or
/// aws-cdk-lib's error: not whole seconds (`CannotConvertedIntoWhole`), or outside
/// 1..=31,622,400 seconds (`ExecutionTimeoutSeconds`).
///
/// ```
/// use std::time::Duration;
/// assert_eq!(lambda_spec::durable_execution_timeout_seconds(Duration::from_secs(3600)).unwrap(), 3600);
/// assert_eq!(
///     lambda_spec::durable_execution_timeout_seconds(Duration::ZERO).unwrap_err().message,
///     "executionTimeout must be between 1 and 31622400 seconds, got 0"
/// );
/// ```
pub fn durable_execution_timeout_seconds(timeout: Duration) -> Result<u64, SpecError> {
    let seconds = whole_seconds(timeout)?;
    if is_valid_durable_execution_timeout_seconds(seconds) {
        return Ok(seconds);
    }
    Err(SpecError::new(
        EXECUTION_TIMEOUT_SECONDS,
        format!(
            "executionTimeout must be between 1 and {DURABLE_EXECUTION_TIMEOUT_MAX_SECONDS} seconds, got {seconds}"
        ),
    ))
}

/// The retention period in whole days (`DurableConfig.RetentionPeriodInDays`), or
/// aws-cdk-lib's error: not whole days (`CannotConvertedIntoWhole`; the duration printed in
/// seconds, as aws-cdk-lib prints a `Duration.seconds`), or outside 1..=90 days
/// (`RetentionPeriodOutOfRange`).
///
/// ```
/// use std::time::Duration;
/// let days = |n: u64| Duration::from_secs(n * 86_400);
/// assert_eq!(lambda_spec::durable_retention_period_days(days(30)).unwrap(), 30);
/// assert_eq!(
///     lambda_spec::durable_retention_period_days(days(91)).unwrap_err().message,
///     "retentionPeriodInDays must be between 1 and 90 days, got 91"
/// );
/// ```
pub fn durable_retention_period_days(period: Duration) -> Result<u64, SpecError> {
    if period.subsec_nanos() != 0 || !period.as_secs().is_multiple_of(SECONDS_PER_DAY) {
        return Err(SpecError::new(
            CANNOT_CONVERTED_INTO_WHOLE,
            format!(
                "{} cannot be converted into a whole number of days.",
                describe(period)
            ),
        ));
    }
    let days = period.as_secs() / SECONDS_PER_DAY;
    if is_valid_durable_retention_days(days) {
        return Ok(days);
    }
    Err(SpecError::new(
        RETENTION_PERIOD_OUT_OF_RANGE,
        format!(
            "retentionPeriodInDays must be between 1 and {DURABLE_RETENTION_MAX_DAYS} days, got {days}"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages aws-cdk-lib 2.276.0 threw for the same durations (`Duration.seconds(...)`,
    /// `Duration.millis(...)`).
    #[test]
    fn errors_as_aws_cdk_lib() {
        let cases: [(Result<u64, SpecError>, &str, &str); 5] = [
            (
                durable_execution_timeout_seconds(Duration::from_millis(1500)),
                "CannotConvertedIntoWhole",
                "'1500 millis' cannot be converted into a whole number of seconds.",
            ),
            (
                durable_execution_timeout_seconds(Duration::from_secs(367 * 86_400)),
                "ExecutionTimeoutSeconds",
                "executionTimeout must be between 1 and 31622400 seconds, got 31708800",
            ),
            (
                durable_retention_period_days(Duration::from_secs(129_600)),
                "CannotConvertedIntoWhole",
                "'129600 seconds' cannot be converted into a whole number of days.",
            ),
            (
                durable_retention_period_days(Duration::ZERO),
                "RetentionPeriodOutOfRange",
                "retentionPeriodInDays must be between 1 and 90 days, got 0",
            ),
            (
                durable_retention_period_days(Duration::from_secs(91 * 86_400)),
                "RetentionPeriodOutOfRange",
                "retentionPeriodInDays must be between 1 and 90 days, got 91",
            ),
        ];
        for (result, code, message) in cases {
            let e = result.unwrap_err();
            assert_eq!((e.code, e.message.as_str()), (code, message));
        }
    }

    #[test]
    fn boundaries() {
        assert!(!is_valid_durable_execution_timeout_seconds(0));
        assert!(is_valid_durable_execution_timeout_seconds(1));
        assert!(is_valid_durable_execution_timeout_seconds(31_622_400));
        assert!(!is_valid_durable_execution_timeout_seconds(31_622_401));
        assert!(!is_valid_durable_retention_days(0));
        assert!(is_valid_durable_retention_days(1));
        assert!(is_valid_durable_retention_days(90));
        assert!(!is_valid_durable_retention_days(91));
        assert_eq!(
            durable_execution_timeout_seconds(Duration::from_secs(31_622_400)).unwrap(),
            31_622_400
        );
        assert_eq!(
            durable_retention_period_days(Duration::from_secs(86_400)).unwrap(),
            1
        );
    }
}
