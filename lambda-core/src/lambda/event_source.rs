//! Event sources (aws-cdk-lib's `IEventSource` and `addEventSource`): what makes Lambda invoke a
//! function when something happens elsewhere (a message in a queue, a record in a stream).

use super::alias::Alias;
use super::function::Function;
use super::invocable::Invocable;
use super::version::Version;
use crate::core::construct::Construct;
use crate::core::logical_id::make_unique_id;
use crate::{Error, Result};

/// Something that invokes a function (aws-cdk-lib's `IEventSource`): binding it to a function
/// adds the event source mapping, subscription or notification, and the permissions it needs.
pub trait EventSource {
    /// Wires the source to `target` (called once by `add_event_source`).
    fn bind(&self, target: &dyn Invocable) -> Result<()>;

    /// The name aws-cdk-lib's messages give the source (its class name, e.g. `SqsEventSource`):
    /// the type's name without its module path or generic arguments.
    fn source_name(&self) -> &'static str {
        let full = std::any::type_name::<Self>();
        let plain = full.split('<').next().unwrap_or(full);
        plain.rsplit("::").next().unwrap_or(plain)
    }
}

/// aws-cdk-lib's one event source a tenant-isolated function accepts.
const API_EVENT_SOURCE: &str = "ApiEventSource";

impl Function {
    /// Makes `source` invoke this function (aws-cdk-lib's `addEventSource`).
    ///
    /// # Errors
    /// `EventSourceNotSupportedForTenantIsolation` on a function with a tenancy config (only
    /// an API event source is allowed there, as in aws-cdk-lib), and the source's own errors.
    pub fn add_event_source(&self, source: &dyn EventSource) -> Result<()> {
        let name = source.source_name();
        if self.state.borrow().tenancy.is_some() && name != API_EVENT_SOURCE {
            return Err(Error::validation(
                lambda_spec::codes::EVENT_SOURCE_NOT_SUPPORTED_FOR_TENANT_ISOLATION,
                format!(
                    "Event source {name} is not supported for functions with tenant isolation mode"
                ),
                self.node().path(),
            ));
        }
        source.bind(self)
    }
}

impl Alias {
    /// Makes `source` invoke this alias.
    pub fn add_event_source(&self, source: &dyn EventSource) -> Result<()> {
        source.bind(self)
    }
}

impl Version {
    /// Makes `source` invoke this version.
    pub fn add_event_source(&self, source: &dyn EventSource) -> Result<()> {
        source.bind(self)
    }
}

/// aws-cdk-lib's `Names.nodeUniqueId`: the construct's path below the app, made into one
/// alphanumeric id with a hash suffix (what mapping ids embed).
pub(crate) fn node_unique_id(construct: &dyn Construct) -> Result<String> {
    let path = construct.node().path();
    let components: Vec<&str> = path.split('/').collect();
    make_unique_id(&components).map_err(Error::Synth)
}
