//! AWS X-Ray tracing mode.

use super::spec_enum;

spec_enum! {
    /// X-Ray tracing of a function (`TracingConfig.Mode`).
    pub enum Tracing : "tracing mode" {
        /// Sample and trace incoming requests (`Active`); CDK also grants X-Ray writes.
        Active = "Active" | "ACTIVE",
        /// Trace only requests that arrive with a sampling decision (`PassThrough`).
        PassThrough = "PassThrough" | "PASS_THROUGH",
        /// CDK's "no tracing" (`Disabled`): no `TracingConfig` is emitted at all.
        Disabled = "Disabled" | "DISABLED",
    }
}

impl Tracing {
    /// The `TracingConfig.Mode` to emit; `None` for `Disabled`, which CloudFormation
    /// does not accept and CDK renders as no `TracingConfig`.
    pub const fn cfn_mode(self) -> Option<&'static str> {
        match self {
            Tracing::Disabled => None,
            other => Some(other.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        assert_eq!(Tracing::Active.as_str(), "Active");
        assert_eq!(Tracing::PassThrough.as_str(), "PassThrough");
        assert_eq!(Tracing::Disabled.as_str(), "Disabled");
        assert_eq!(Tracing::from_name("active"), Some(Tracing::Active));
        assert_eq!(
            Tracing::from_name("PASS_THROUGH"),
            Some(Tracing::PassThrough)
        );
        assert_eq!(
            Tracing::from_name("passthrough"),
            Some(Tracing::PassThrough)
        );
        assert_eq!(Tracing::Active.cfn_mode(), Some("Active"));
        assert_eq!(Tracing::PassThrough.cfn_mode(), Some("PassThrough"));
        assert_eq!(Tracing::Disabled.cfn_mode(), None);
    }
}
