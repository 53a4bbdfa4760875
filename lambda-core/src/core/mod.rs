//! The construct tree, values and the app/stack model.

pub(crate) mod app;
pub(crate) mod construct;
pub(crate) mod element;
pub mod flags;
pub(crate) mod ids;
pub mod logical_id;
pub(crate) mod mapping;
pub(crate) mod parameter;
pub(crate) mod properties;
pub(crate) mod references;
pub(crate) mod resolve;
pub(crate) mod resource;
pub(crate) mod stack;
pub(crate) mod tags;
pub(crate) mod tree;
pub(crate) mod value;
