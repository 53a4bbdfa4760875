//! Level filter for the Lambda platform's own log lines.

use super::spec_enum;

spec_enum! {
    /// Lowest level of system (platform) logs Lambda keeps (`LoggingConfig.SystemLogLevel`);
    /// needs the JSON logging format.
    pub enum SystemLogLevel : "system log level" {
        /// Debug and above (`DEBUG`).
        Debug = "DEBUG",
        /// Info and above (`INFO`).
        Info = "INFO",
        /// Warnings only (`WARN`).
        Warn = "WARN",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        let names: Vec<_> = SystemLogLevel::VARIANTS
            .iter()
            .map(|v| v.as_str())
            .collect();
        assert_eq!(names, ["DEBUG", "INFO", "WARN"]);
        assert_eq!(
            SystemLogLevel::from_name("info"),
            Some(SystemLogLevel::Info)
        );
        assert_eq!(SystemLogLevel::from_name("TRACE"), None);
        assert_eq!(SystemLogLevel::from_name("ERROR"), None);
    }
}
