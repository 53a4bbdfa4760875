//! JSON text exactly as aws-cdk-lib writes it (`JSON.stringify` with 1- or 2-space indent).

use serde_core::Serialize;
use serde_json::ser::{PrettyFormatter, Serializer};
use serde_json::Value as Json;

/// `JSON.stringify(value, undefined, indent)`: no trailing newline, non-ASCII written raw.
pub(crate) fn to_string_indented(value: &impl Serialize, indent: usize) -> String {
    let indent = " ".repeat(indent);
    let mut out = Vec::new();
    let mut ser =
        Serializer::with_formatter(&mut out, PrettyFormatter::with_indent(indent.as_bytes()));
    value
        .serialize(&mut ser)
        .expect("serializing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// `JSON.stringify(value)`: the compact form hashed by aws-cdk-lib.
pub(crate) fn to_compact(value: &Json) -> String {
    serde_json::to_string(value).expect("serializing to memory cannot fail")
}
