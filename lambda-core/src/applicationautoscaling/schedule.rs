//! `Schedule`: when a scheduled scaling action runs (aws-cdk-lib's
//! `applicationautoscaling.Schedule`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::CronOptions;
use crate::{Error, Result};

/// A scheduled action's `Schedule`: a rate, a cron expression, a one-time `at`, or a literal.
///
/// ```
/// use std::time::Duration;
/// use lambda_core::applicationautoscaling::{CronOptions, Schedule};
/// let morning = Schedule::cron(CronOptions {
///     hour: Some("8".into()),
///     minute: Some("0".into()),
///     ..Default::default()
/// })?;
/// assert_eq!(morning.expression_string(), "cron(0 8 * * ? *)");
/// assert_eq!(Schedule::rate(Duration::from_secs(3600))?.expression_string(), "rate(1 hour)");
/// # Ok::<(), lambda_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    expression: String,
    /// A cron schedule without a minute: it runs every minute, and aws-cdk-lib warns.
    pub(crate) runs_every_minute: bool,
}

impl Schedule {
    /// A schedule expression written out (`rate(5 minutes)`, `cron(...)`, `at(...)`), passed on
    /// unchecked as aws-cdk-lib does.
    pub fn expression(expression: impl Into<String>) -> Schedule {
        Schedule {
            expression: expression.into(),
            runs_every_minute: false,
        }
    }

    /// Every `duration`: a positive whole number of minutes, written in days, hours or
    /// minutes. Errors carry aws-cdk-lib's codes (`DurationCannot`, `CannotConvertedIntoWhole`).
    pub fn rate(duration: Duration) -> Result<Schedule> {
        let expression =
            lambda_spec::scaling_rate_expression(duration).map_err(|e| Error::spec(e, ""))?;
        Ok(Schedule::expression(expression))
    }

    /// Once, at `moment` (whole seconds, UTC): `at(yyyy-mm-ddThh:mm:ss)`.
    pub fn at(moment: SystemTime) -> Schedule {
        let seconds = match moment.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            // Before 1970: round towards the earlier second, as a Date's UTC fields do.
            Err(before) => {
                let d = before.duration();
                let whole = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
                -(whole + i64::from(d.subsec_nanos() > 0))
            }
        };
        Schedule::expression(lambda_spec::scaling_at_expression(seconds))
    }

    /// At the times `options` names: `cron(minute hour day month weekDay year)`. A day and a week
    /// day together fail with aws-cdk-lib's `CannotSupplyDayWeekDay`.
    pub fn cron(options: CronOptions) -> Result<Schedule> {
        let fields = lambda_spec::CronFields {
            minute: options.minute.as_deref(),
            hour: options.hour.as_deref(),
            day: options.day.as_deref(),
            month: options.month.as_deref(),
            year: options.year.as_deref(),
            week_day: options.week_day.as_deref(),
        };
        let expression =
            lambda_spec::scaling_cron_expression(&fields).map_err(|e| Error::spec(e, ""))?;
        Ok(Schedule {
            expression,
            runs_every_minute: options.minute.as_deref().is_none_or(str::is_empty),
        })
    }

    /// The `Schedule` written to the template.
    pub fn expression_string(&self) -> &str {
        &self.expression
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_writes_utc_seconds() {
        let t = UNIX_EPOCH + Duration::from_secs(1_767_254_400);
        assert_eq!(
            Schedule::at(t).expression_string(),
            "at(2026-01-01T08:00:00)"
        );
        let before = UNIX_EPOCH - Duration::from_millis(500);
        assert_eq!(
            Schedule::at(before).expression_string(),
            "at(1969-12-31T23:59:59)"
        );
    }
}
