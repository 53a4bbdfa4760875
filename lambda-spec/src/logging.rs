//! Advanced logging controls: log levels need the JSON log format.

use crate::codes;
use crate::enums::{ApplicationLogLevel, LoggingFormat, SystemLogLevel};
use crate::error::SpecError;

/// Checks that log levels are only set with the JSON logging format, as CDK does.
///
/// `logging_format` is the one format setting this crate models (CDK has two, the
/// deprecated string `logFormat` and the enum `loggingFormat`). CDK's checks, in its
/// order, give: format unset → `JsonLogFormatRequired` (CDK prints the unset value as
/// `'undefined'`); format `Text` → `JsonLoggingFormatRequired`. Messages are CDK's.
pub fn validate_log_levels(
    logging_format: Option<LoggingFormat>,
    application_log_level: Option<ApplicationLogLevel>,
    system_log_level: Option<SystemLogLevel>,
) -> Result<(), SpecError> {
    if application_log_level.is_none() && system_log_level.is_none() {
        return Ok(());
    }
    match logging_format {
        Some(LoggingFormat::Json) => Ok(()),
        None => Err(SpecError::new(
            codes::JSON_LOG_FORMAT_REQUIRED,
            "To use ApplicationLogLevel and/or SystemLogLevel you must set LogFormat to 'JSON', got 'undefined'.",
        )),
        Some(other) => Err(SpecError::new(
            codes::JSON_LOGGING_FORMAT_REQUIRED,
            format!(
                "To use ApplicationLogLevel and/or SystemLogLevel you must set LoggingFormat to 'JSON', got '{}'.",
                other.as_str()
            ),
        )),
    }
}

/// Whether log levels may be used with `logging_format`: only with JSON (for const checks).
pub const fn log_levels_allowed(logging_format: Option<LoggingFormat>) -> bool {
    matches!(logging_format, Some(LoggingFormat::Json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_levels_no_requirement() {
        assert!(validate_log_levels(None, None, None).is_ok());
        assert!(validate_log_levels(Some(LoggingFormat::Text), None, None).is_ok());
    }

    #[test]
    fn json_allows_levels() {
        assert!(validate_log_levels(
            Some(LoggingFormat::Json),
            Some(ApplicationLogLevel::Info),
            Some(SystemLogLevel::Warn)
        )
        .is_ok());
    }

    #[test]
    fn text_format_refused_with_cdks_message() {
        let e = validate_log_levels(
            Some(LoggingFormat::Text),
            Some(ApplicationLogLevel::Debug),
            None,
        )
        .unwrap_err();
        assert_eq!(e.code, "JsonLoggingFormatRequired");
        assert_eq!(
            e.message,
            "To use ApplicationLogLevel and/or SystemLogLevel you must set LoggingFormat to 'JSON', got 'Text'."
        );
        let e = validate_log_levels(Some(LoggingFormat::Text), None, Some(SystemLogLevel::Info))
            .unwrap_err();
        assert_eq!(e.code, "JsonLoggingFormatRequired");
    }

    #[test]
    fn unset_format_refused_with_cdks_message() {
        let e = validate_log_levels(None, None, Some(SystemLogLevel::Debug)).unwrap_err();
        assert_eq!(e.code, "JsonLogFormatRequired");
        assert_eq!(
            e.message,
            "To use ApplicationLogLevel and/or SystemLogLevel you must set LogFormat to 'JSON', got 'undefined'."
        );
    }

    #[test]
    fn const_predicate() {
        const _: () = assert!(log_levels_allowed(Some(LoggingFormat::Json)));
        const _: () = assert!(!log_levels_allowed(Some(LoggingFormat::Text)));
        const _: () = assert!(!log_levels_allowed(None));
    }
}
