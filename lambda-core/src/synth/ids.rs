//! The logical-ID table lives in the core (`crate::core::ids`); this path keeps working.

pub(crate) use crate::core::ids::LogicalIds;
