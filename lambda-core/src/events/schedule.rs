//! `Schedule`: when a rule runs (aws-cdk-lib's `events.Schedule`).

use std::time::Duration;

use crate::{Error, Result};

/// A rule's `ScheduleExpression`: a rate, a cron expression, or a literal.
///
/// ```
/// use std::time::Duration;
/// use lambda_core::events::{CronOptions, Schedule};
/// assert_eq!(Schedule::rate(Duration::from_secs(7200))?.expression_string(), "rate(2 hours)");
/// let nightly = Schedule::cron(CronOptions { minute: Some("0".into()), hour: Some("4".into()), ..Default::default() })?;
/// assert_eq!(nightly.expression_string(), "cron(0 4 * * ? *)");
/// # Ok::<(), lambda_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    expression: String,
    /// A cron schedule without a minute: it runs every minute, and aws-cdk-lib warns.
    pub(crate) runs_every_minute: bool,
}

/// The fields of a cron schedule (aws-cdk-lib's `CronOptions`); absent ones mean every value
/// (`*`, or `?` for the day fields).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CronOptions {
    /// The minute to run at; every minute when unset (aws-cdk-lib warns).
    pub minute: Option<String>,
    /// The hour to run at; every hour when unset.
    pub hour: Option<String>,
    /// The day of the month; every day when unset. Not together with `week_day`.
    pub day: Option<String>,
    /// The month; every month when unset.
    pub month: Option<String>,
    /// The year; every year when unset.
    pub year: Option<String>,
    /// The day of the week (`MON`, `MON-FRI`); any when unset. Not together with `day`.
    pub week_day: Option<String>,
}

impl Schedule {
    /// Every `duration`, which must be a positive whole number of minutes: written in days,
    /// hours or minutes as aws-cdk-lib does (`rate(1 day)`). Errors carry aws-cdk-lib's codes
    /// (`CannotConvertedIntoWhole`, `DurationCannotBeZero`) and no construct path.
    pub fn rate(duration: Duration) -> Result<Schedule> {
        let expression = lambda_spec::rate_expression(duration).map_err(|e| Error::spec(e, ""))?;
        Ok(Schedule {
            expression,
            runs_every_minute: false,
        })
    }

    /// At the times `options` names: `cron(minute hour day month weekDay year)`. A day and a
    /// week day together fail with aws-cdk-lib's `CannotSupplyBothDayAndWeekDay`.
    pub fn cron(options: CronOptions) -> Result<Schedule> {
        let fields = lambda_spec::CronFields {
            minute: options.minute.as_deref(),
            hour: options.hour.as_deref(),
            day: options.day.as_deref(),
            month: options.month.as_deref(),
            year: options.year.as_deref(),
            week_day: options.week_day.as_deref(),
        };
        let expression = lambda_spec::cron_expression(&fields).map_err(|e| Error::spec(e, ""))?;
        Ok(Schedule {
            expression,
            runs_every_minute: options.minute.as_deref().is_none_or(str::is_empty),
        })
    }

    /// A schedule expression written out (`rate(5 minutes)`, `cron(...)`, `at(...)`), passed
    /// to EventBridge unchecked as aws-cdk-lib does.
    pub fn expression(expression: impl Into<String>) -> Schedule {
        Schedule {
            expression: expression.into(),
            runs_every_minute: false,
        }
    }

    /// The `ScheduleExpression` written to the template.
    pub fn expression_string(&self) -> &str {
        &self.expression
    }
}
