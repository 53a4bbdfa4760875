//! EventBridge schedule expressions and rule names: aws-cdk-lib's `Schedule.rate`,
//! `Schedule.cron` and `Rule` checks as pure functions, so a macro can run them on literals.

use std::time::Duration;

use crate::codes::{
    CANNOT_CONVERTED_INTO_WHOLE, CANNOT_SUPPLY_BOTH_DAY_AND_WEEK_DAY, DURATION_CANNOT_BE_ZERO,
    EVENT_RULE_NAME_FORMAT, EVENT_RULE_NAME_LENGTH,
};
use crate::SpecError;

/// Most targets one rule may have.
pub const EVENT_RULE_MAX_TARGETS: usize = 5;

const NANOS_PER_MINUTE: u128 = 60_000_000_000;

/// A duration as aws-cdk-lib's messages print it: `'90 seconds'`, `'500 millis'`.
pub(crate) fn describe(duration: Duration) -> String {
    if duration.subsec_nanos() == 0 {
        format!("'{} seconds'", duration.as_secs())
    } else if duration.subsec_nanos().is_multiple_of(1_000_000) {
        format!("'{} millis'", duration.as_millis())
    } else {
        format!("'{} millis'", duration.as_secs_f64() * 1000.0)
    }
}

/// `rate(...)` for `duration` as `Schedule.rate` writes it: in days when whole days, else in
/// hours when whole hours, else in minutes (`rate(1 day)`, `rate(2 hours)`, `rate(90 minutes)`).
/// Fails as aws-cdk-lib does when the duration is not whole minutes or is zero.
///
/// ```
/// use std::time::Duration;
/// assert_eq!(lambda_spec::rate_expression(Duration::from_secs(3600)).unwrap(), "rate(1 hour)");
/// assert_eq!(
///     lambda_spec::rate_expression(Duration::from_secs(30)).unwrap_err().code,
///     "CannotConvertedIntoWhole"
/// );
/// ```
pub fn rate_expression(duration: Duration) -> Result<String, SpecError> {
    let nanos = duration.as_nanos();
    if !nanos.is_multiple_of(NANOS_PER_MINUTE) {
        return Err(SpecError::new(
            CANNOT_CONVERTED_INTO_WHOLE,
            format!(
                "{} cannot be converted into a whole number of minutes.",
                describe(duration)
            ),
        ));
    }
    let minutes = nanos / NANOS_PER_MINUTE;
    if minutes == 0 {
        return Err(SpecError::new(
            DURATION_CANNOT_BE_ZERO,
            "Duration cannot be 0",
        ));
    }
    let (n, unit) = if minutes.is_multiple_of(1440) {
        (minutes / 1440, "day")
    } else if minutes.is_multiple_of(60) {
        (minutes / 60, "hour")
    } else {
        (minutes, "minute")
    };
    Ok(if n == 1 {
        format!("rate(1 {unit})")
    } else {
        format!("rate({n} {unit}s)")
    })
}

/// Whether `rate_expression` accepts a duration of `seconds` (whole seconds): a `const`
/// twin for compile-time checks of literals.
pub const fn is_valid_rate_seconds(seconds: u64) -> bool {
    seconds != 0 && seconds.is_multiple_of(60)
}

/// The fields of a cron schedule; absent ones are `*` (or `?` for the day fields).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CronFields<'a> {
    /// Minute of the hour.
    pub minute: Option<&'a str>,
    /// Hour of the day.
    pub hour: Option<&'a str>,
    /// Day of the month.
    pub day: Option<&'a str>,
    /// Month of the year.
    pub month: Option<&'a str>,
    /// Year.
    pub year: Option<&'a str>,
    /// Day of the week.
    pub week_day: Option<&'a str>,
}

/// `cron(minute hour day month weekDay year)` as `Schedule.cron` writes it: absent fields are
/// `*`, the week day `?`, and the day `?` when a week day is given. Both a day and a week day
/// fail as in aws-cdk-lib.
///
/// ```
/// use lambda_spec::{cron_expression, CronFields};
/// let fields = CronFields { minute: Some("0"), hour: Some("4"), ..CronFields::default() };
/// assert_eq!(cron_expression(&fields).unwrap(), "cron(0 4 * * ? *)");
/// ```
pub fn cron_expression(fields: &CronFields<'_>) -> Result<String, SpecError> {
    if fields.day.is_some() && fields.week_day.is_some() {
        return Err(SpecError::new(
            CANNOT_SUPPLY_BOTH_DAY_AND_WEEK_DAY,
            "Cannot supply both 'day' and 'weekDay', use at most one",
        ));
    }
    let day_default = if fields.week_day.is_some() { "?" } else { "*" };
    Ok(format!(
        "cron({} {} {} {} {} {})",
        fields.minute.unwrap_or("*"),
        fields.hour.unwrap_or("*"),
        fields.day.unwrap_or(day_default),
        fields.month.unwrap_or("*"),
        fields.week_day.unwrap_or("?"),
        fields.year.unwrap_or("*"),
    ))
}

/// `const` twin of [`cron_expression`]'s check: not both a day and a week day.
pub const fn is_valid_cron_day_fields(has_day: bool, has_week_day: bool) -> bool {
    !(has_day && has_week_day)
}

/// aws-cdk-lib's rule name checks: 1 to 64 characters, letters, digits, `.`, `-`, `_` only.
pub fn validate_rule_name(name: &str) -> Result<(), SpecError> {
    let length = name.chars().count();
    if !(1..=64).contains(&length) {
        return Err(SpecError::new(
            EVENT_RULE_NAME_LENGTH,
            format!("Event rule name must be between 1 and 64 characters. Received: {name}"),
        ));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
    {
        return Err(SpecError::new(
            EVENT_RULE_NAME_FORMAT,
            format!(
                "Event rule name {name} can contain only letters, numbers, periods, hyphens, \
                 or underscores with no spaces."
            ),
        ));
    }
    Ok(())
}

/// Seconds of a target's `maxEventAge` (`Duration.toSeconds({ integral: true })`): fails when
/// the duration is not whole seconds.
pub fn whole_seconds(duration: Duration) -> Result<u64, SpecError> {
    if duration.subsec_nanos() != 0 {
        return Err(SpecError::new(
            CANNOT_CONVERTED_INTO_WHOLE,
            format!(
                "{} cannot be converted into a whole number of seconds.",
                describe(duration)
            ),
        ));
    }
    Ok(duration.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Outputs of aws-cdk-lib 2.276.0's `Schedule.rate` for the same durations.
    #[test]
    fn rates_as_aws_cdk_lib() {
        let m = |n: u64| Duration::from_secs(n * 60);
        for (d, want) in [
            (m(1), "rate(1 minute)"),
            (m(60), "rate(1 hour)"),
            (m(90), "rate(90 minutes)"),
            (m(24 * 60), "rate(1 day)"),
            (m(48 * 60), "rate(2 days)"),
            (Duration::from_secs(120), "rate(2 minutes)"),
            (m(120), "rate(2 hours)"),
        ] {
            assert_eq!(rate_expression(d).unwrap(), want);
        }
    }

    #[test]
    fn rate_errors_as_aws_cdk_lib() {
        let e = rate_expression(Duration::from_secs(90)).unwrap_err();
        assert_eq!(e.code, CANNOT_CONVERTED_INTO_WHOLE);
        assert_eq!(
            e.message,
            "'90 seconds' cannot be converted into a whole number of minutes."
        );
        let e = rate_expression(Duration::from_millis(500)).unwrap_err();
        assert_eq!(
            e.message,
            "'500 millis' cannot be converted into a whole number of minutes."
        );
        let e = rate_expression(Duration::ZERO).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (DURATION_CANNOT_BE_ZERO, "Duration cannot be 0")
        );
        assert!(!is_valid_rate_seconds(0) && !is_valid_rate_seconds(90));
        assert!(is_valid_rate_seconds(120));
    }

    #[test]
    fn crons_as_aws_cdk_lib() {
        assert_eq!(
            cron_expression(&CronFields::default()).unwrap(),
            "cron(* * * * ? *)"
        );
        let weekly = CronFields {
            minute: Some("0"),
            week_day: Some("MON"),
            ..CronFields::default()
        };
        assert_eq!(cron_expression(&weekly).unwrap(), "cron(0 * ? * MON *)");
        let both = CronFields {
            day: Some("1"),
            week_day: Some("MON"),
            ..CronFields::default()
        };
        let e = cron_expression(&both).unwrap_err();
        assert_eq!(e.code, CANNOT_SUPPLY_BOTH_DAY_AND_WEEK_DAY);
        assert_eq!(
            e.message,
            "Cannot supply both 'day' and 'weekDay', use at most one"
        );
        assert!(!is_valid_cron_day_fields(true, true));
    }

    #[test]
    fn rule_names() {
        assert!(validate_rule_name("nightly.job-1_a").is_ok());
        assert_eq!(
            validate_rule_name("").unwrap_err().code,
            EVENT_RULE_NAME_LENGTH
        );
        assert_eq!(
            validate_rule_name("has space").unwrap_err().message,
            "Event rule name has space can contain only letters, numbers, periods, hyphens, or \
             underscores with no spaces."
        );
    }

    #[test]
    fn whole_seconds_of_max_event_age() {
        assert_eq!(whole_seconds(Duration::from_secs(3600)).unwrap(), 3600);
        assert_eq!(
            whole_seconds(Duration::from_millis(1500))
                .unwrap_err()
                .message,
            "'1500 millis' cannot be converted into a whole number of seconds."
        );
    }
}
