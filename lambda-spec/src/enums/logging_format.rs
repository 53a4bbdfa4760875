//! Format of the function's logs.

use super::spec_enum;

spec_enum! {
    /// The format Lambda writes logs in (`LoggingConfig.LogFormat`).
    pub enum LoggingFormat : "logging format" {
        /// Plain text lines (`Text`): Lambda's default.
        Text = "Text" | "TEXT",
        /// Structured JSON (`JSON`): needed for application and system log levels.
        Json = "JSON",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        assert_eq!(LoggingFormat::Text.as_str(), "Text");
        assert_eq!(LoggingFormat::Json.as_str(), "JSON");
        assert_eq!(LoggingFormat::from_name("json"), Some(LoggingFormat::Json));
        assert_eq!(LoggingFormat::from_name("Json"), Some(LoggingFormat::Json));
        assert_eq!(LoggingFormat::from_name("TEXT"), Some(LoggingFormat::Text));
    }
}
