//! Level filter for the function's own log lines.

use super::spec_enum;

spec_enum! {
    /// Lowest level of application logs Lambda keeps (`LoggingConfig.ApplicationLogLevel`);
    /// needs the JSON logging format.
    pub enum ApplicationLogLevel : "application log level" {
        /// Everything (`TRACE`).
        Trace = "TRACE",
        /// Debug and above (`DEBUG`).
        Debug = "DEBUG",
        /// Info and above (`INFO`).
        Info = "INFO",
        /// Warnings and above (`WARN`).
        Warn = "WARN",
        /// Errors and above (`ERROR`).
        Error = "ERROR",
        /// Fatal errors only (`FATAL`).
        Fatal = "FATAL",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        let names: Vec<_> = ApplicationLogLevel::VARIANTS
            .iter()
            .map(|v| v.as_str())
            .collect();
        assert_eq!(names, ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]);
        assert_eq!(
            ApplicationLogLevel::from_name("warn"),
            Some(ApplicationLogLevel::Warn)
        );
        assert_eq!(ApplicationLogLevel::from_name("WARNING"), None);
    }
}
