//! Tenant isolation (`TenancyConfig`): each tenant's invocations run in their own execution
//! environments.

use crate::core::value::Value;

/// How a function isolates tenants (aws-cdk-lib's `TenancyConfig`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TenancyConfig(&'static str);

impl TenancyConfig {
    /// One set of execution environments per tenant (`PER_TENANT`).
    pub const PER_TENANT: TenancyConfig = TenancyConfig("PER_TENANT");

    /// The tenant isolation mode (`PER_TENANT`).
    pub fn tenant_isolation_mode(self) -> &'static str {
        self.0
    }

    /// The `TenancyConfig` property.
    pub(crate) fn property(self) -> Value {
        Value::object([("TenantIsolationMode", Value::from(self.0))])
    }
}
