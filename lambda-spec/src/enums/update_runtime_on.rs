//! When Lambda moves a function to a new runtime version.

use super::spec_enum;

spec_enum! {
    /// Runtime management mode (`RuntimeManagementConfig.UpdateRuntimeOn`; CDK's
    /// `RuntimeManagementMode`).
    pub enum UpdateRuntimeOn : "runtime management mode" {
        /// Lambda updates the runtime version on its own (`Auto`).
        Auto = "Auto" | "AUTO",
        /// Updated when the function is next updated (`FunctionUpdate`).
        FunctionUpdate = "FunctionUpdate" | "FUNCTION_UPDATE",
        /// Pinned to `RuntimeVersionArn` (`Manual`); CDK's `RuntimeManagementMode.manual(arn)`.
        Manual = "Manual" | "MANUAL",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        assert_eq!(UpdateRuntimeOn::Auto.as_str(), "Auto");
        assert_eq!(UpdateRuntimeOn::FunctionUpdate.as_str(), "FunctionUpdate");
        assert_eq!(UpdateRuntimeOn::Manual.as_str(), "Manual");
        assert_eq!(
            UpdateRuntimeOn::from_name("FUNCTION_UPDATE"),
            Some(UpdateRuntimeOn::FunctionUpdate)
        );
        assert_eq!(
            UpdateRuntimeOn::from_name("auto"),
            Some(UpdateRuntimeOn::Auto)
        );
    }
}
