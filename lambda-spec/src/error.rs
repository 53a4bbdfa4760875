//! The one error type every rule returns.

use std::fmt;

/// A broken Lambda rule: a stable machine-readable `code` and a human message.
///
/// `code` is aws-cdk-lib's error name where CDK has the same check (e.g.
/// `FunctionNameTooLong`), so tooling can match on it; `message` is CDK's exact
/// text in that case, and otherwise our own sentence naming the problem and the fix.
/// The codes are listed in [`crate::codes`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SpecError {
    /// Stable identifier of the rule that failed (see [`crate::codes`]).
    pub code: &'static str,
    /// What is wrong, for people; printed by `Display`.
    pub message: String,
}

impl SpecError {
    /// Builds an error from a rule code and its message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        SpecError {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for SpecError {
    /// Prints the message only: the code is for machines, and CDK prints it apart too.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SpecError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_the_message_only() {
        let e = SpecError::new("FunctionNameTooLong", "too long");
        assert_eq!(e.to_string(), "too long");
        assert_eq!(e.code, "FunctionNameTooLong");
    }

    #[test]
    fn is_a_std_error() {
        let e: Box<dyn std::error::Error> = Box::new(SpecError::new("X", "y"));
        assert_eq!(e.to_string(), "y");
    }
}
