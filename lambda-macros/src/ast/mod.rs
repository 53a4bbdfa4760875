//! The inputs of the macros as data: attributes parsed, fields classified, spans kept.
//! Building an AST never fails early; problems go to the [`Ctxt`](crate::ctxt::Ctxt).

mod function;
mod version_props;

pub use function::Function;
pub use version_props::VersionPropsInput;
