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
}

impl Function {
    /// Makes `source` invoke this function (aws-cdk-lib's `addEventSource`).
    pub fn add_event_source(&self, source: &dyn EventSource) -> Result<()> {
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
