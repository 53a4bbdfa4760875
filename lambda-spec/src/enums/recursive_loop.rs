//! What Lambda does when it detects a recursive invocation loop.

use super::spec_enum;

spec_enum! {
    /// Recursive loop handling (`RecursiveLoop`).
    pub enum RecursiveLoop : "recursive loop setting" {
        /// Let the loop run (`Allow`).
        Allow = "Allow" | "ALLOW",
        /// Stop the loop (`Terminate`): Lambda's default.
        Terminate = "Terminate" | "TERMINATE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        assert_eq!(RecursiveLoop::Allow.as_str(), "Allow");
        assert_eq!(RecursiveLoop::Terminate.as_str(), "Terminate");
        assert_eq!(
            RecursiveLoop::from_name("TERMINATE"),
            Some(RecursiveLoop::Terminate)
        );
    }
}
