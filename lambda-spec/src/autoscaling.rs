//! Application Auto Scaling rules as aws-cdk-lib 2.276.0 applies them (`ScalableTarget`,
//! `applicationautoscaling.Schedule`, a Lambda alias's `scaleOnUtilization`), as pure functions
//! so the run time and a macro share them.

use std::time::Duration;

use crate::codes::{
    CANNOT_SUPPLY_BOTH_DAY_AND_WEEK_DAY, CANNOT_SUPPLY_DAY_WEEK_DAY, SCALING_DURATION_CANNOT,
    SCALING_MIN_CAPACITY, UTILIZATION_TARGET_FOUND,
};
use crate::schedule::{cron_expression, rate_expression, CronFields};
use crate::SpecError;

/// Lowest provisioned-concurrency utilization target aws-cdk-lib accepts.
pub const MIN_UTILIZATION_TARGET: f64 = 0.1;
/// Highest provisioned-concurrency utilization target aws-cdk-lib accepts.
pub const MAX_UTILIZATION_TARGET: f64 = 0.9;

/// A scalable target's capacities: `min` may not be above `max`.
///
/// ```
/// assert!(lambda_spec::validate_scaling_capacity(3, 50).is_ok());
/// assert_eq!(lambda_spec::validate_scaling_capacity(10, 5).unwrap_err().code, "MinCapacity");
/// ```
pub fn validate_scaling_capacity(min: u32, max: u32) -> Result<(), SpecError> {
    if max < min {
        return Err(SpecError::new(
            SCALING_MIN_CAPACITY,
            format!("minCapacity ({min}) should be lower than maxCapacity ({max})"),
        ));
    }
    Ok(())
}

/// A provisioned-concurrency utilization target: 0.1 to 0.9, both included (aws-cdk-lib's
/// range; a value that is not a number is refused too).
///
/// ```
/// assert!(lambda_spec::validate_utilization_target(0.5).is_ok());
/// assert_eq!(
///     lambda_spec::validate_utilization_target(0.95).unwrap_err().message,
///     "Utilization Target should be between 0.1 and 0.9. Found 0.95."
/// );
/// ```
pub fn validate_utilization_target(target: f64) -> Result<(), SpecError> {
    if (MIN_UTILIZATION_TARGET..=MAX_UTILIZATION_TARGET).contains(&target) {
        return Ok(());
    }
    Err(SpecError::new(
        UTILIZATION_TARGET_FOUND,
        format!("Utilization Target should be between 0.1 and 0.9. Found {target}."),
    ))
}

/// `rate(...)` of a scaling schedule: zero fails first (`DurationCannot`), then a duration that
/// is not whole minutes, as aws-cdk-lib's `applicationautoscaling.Schedule.rate`.
///
/// ```
/// use std::time::Duration;
/// assert_eq!(lambda_spec::scaling_rate_expression(Duration::from_secs(86400)).unwrap(), "rate(1 day)");
/// assert_eq!(lambda_spec::scaling_rate_expression(Duration::ZERO).unwrap_err().code, "DurationCannot");
/// ```
pub fn scaling_rate_expression(duration: Duration) -> Result<String, SpecError> {
    if duration.is_zero() {
        return Err(SpecError::new(
            SCALING_DURATION_CANNOT,
            "Duration cannot be 0",
        ));
    }
    rate_expression(duration)
}

/// `cron(...)` of a scaling schedule: the same fields and defaults as EventBridge's, with
/// aws-cdk-lib's Application Auto Scaling code when both a day and a week day are given.
pub fn scaling_cron_expression(fields: &CronFields<'_>) -> Result<String, SpecError> {
    cron_expression(fields).map_err(|mut e| {
        if e.code == CANNOT_SUPPLY_BOTH_DAY_AND_WEEK_DAY {
            e.code = CANNOT_SUPPLY_DAY_WEEK_DAY;
        }
        e
    })
}

/// `at(yyyy-mm-ddThh:mm:ss)` of a moment given as whole seconds since 1970-01-01T00:00:00 UTC
/// (negative before), in UTC, as `Schedule.at` writes a `Date`.
///
/// ```
/// assert_eq!(lambda_spec::scaling_at_expression(0), "at(1970-01-01T00:00:00)");
/// assert_eq!(lambda_spec::scaling_at_expression(1_767_254_400), "at(2026-01-01T08:00:00)");
/// ```
pub fn scaling_at_expression(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let secs = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "at({year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02})",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacities_and_targets() {
        assert!(validate_scaling_capacity(5, 5).is_ok());
        let e = validate_scaling_capacity(10, 5).unwrap_err();
        assert_eq!(
            e.message,
            "minCapacity (10) should be lower than maxCapacity (5)"
        );
        assert!(validate_utilization_target(0.1).is_ok());
        assert!(validate_utilization_target(0.9).is_ok());
        assert!(validate_utilization_target(0.05).is_err());
        assert!(validate_utilization_target(1.0).is_err());
        assert!(validate_utilization_target(f64::NAN).is_err());
    }

    #[test]
    fn schedules_as_aws_cdk_lib() {
        let e = scaling_rate_expression(Duration::from_secs(90)).unwrap_err();
        assert_eq!(
            e.message,
            "'90 seconds' cannot be converted into a whole number of minutes."
        );
        assert_eq!(
            scaling_rate_expression(Duration::from_secs(36 * 3600)).unwrap(),
            "rate(36 hours)"
        );
        let both = CronFields {
            day: Some("1"),
            week_day: Some("MON"),
            ..CronFields::default()
        };
        assert_eq!(
            scaling_cron_expression(&both).unwrap_err().code,
            CANNOT_SUPPLY_DAY_WEEK_DAY
        );
        assert_eq!(
            scaling_at_expression(951_782_400),
            "at(2000-02-29T00:00:00)"
        );
        assert_eq!(scaling_at_expression(-1), "at(1969-12-31T23:59:59)");
    }
}
