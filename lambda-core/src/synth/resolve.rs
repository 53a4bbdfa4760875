//! The resolver lives in the core (`crate::core::resolve`); this path keeps working.

pub use crate::core::resolve::Resolver;
