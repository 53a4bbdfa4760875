//! When Lambda moves a function to a new runtime version.

use lambda_spec::UpdateRuntimeOn;

use crate::core::value::Value;

/// `RuntimeManagementConfig`: automatic updates, updates on function update, or a pinned
/// runtime version (aws-cdk-lib's `RuntimeManagementMode`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeManagementMode {
    mode: UpdateRuntimeOn,
    runtime_version_arn: Option<String>,
}

impl RuntimeManagementMode {
    /// Lambda updates the runtime automatically.
    pub const AUTO: RuntimeManagementMode = RuntimeManagementMode {
        mode: UpdateRuntimeOn::Auto,
        runtime_version_arn: None,
    };
    /// The runtime is updated when the function is.
    pub const FUNCTION_UPDATE: RuntimeManagementMode = RuntimeManagementMode {
        mode: UpdateRuntimeOn::FunctionUpdate,
        runtime_version_arn: None,
    };

    /// Pins the runtime version given by its ARN.
    pub fn manual(runtime_version_arn: impl Into<String>) -> Self {
        RuntimeManagementMode {
            mode: UpdateRuntimeOn::Manual,
            runtime_version_arn: Some(runtime_version_arn.into()),
        }
    }

    pub(crate) fn render(&self) -> Value {
        let mut entries: Vec<(&str, Value)> = Vec::new();
        if let Some(arn) = &self.runtime_version_arn {
            entries.push(("RuntimeVersionArn", arn.as_str().into()));
        }
        entries.push(("UpdateRuntimeOn", self.mode.as_str().into()));
        Value::object(entries)
    }
}
