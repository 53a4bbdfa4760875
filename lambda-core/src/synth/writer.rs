//! A JSON text writer with `JSON.stringify`'s layout, for output written without building a
//! `serde_json::Value` first (templates are the bulk of a synthesis).

use std::fmt::Write as _;

/// Appends JSON to a `String` as `JSON.stringify(value, undefined, indent)` lays it out: a newline
/// and `indent` per level before every member, `{}` and `[]` for empty containers, no trailing
/// newline. An empty `indent` gives the compact form.
///
/// The caller keeps the structure well-formed: [`key`](Self::key) before each object member,
/// [`item`](Self::item) before each array element, ends matching begins.
pub(crate) struct JsonWriter {
    out: String,
    indent: &'static str,
    depth: usize,
    /// Whether the innermost open container has no member yet.
    empty: bool,
}

impl JsonWriter {
    pub(crate) fn new(indent: &'static str, capacity: usize) -> Self {
        JsonWriter {
            out: String::with_capacity(capacity),
            indent,
            depth: 0,
            empty: true,
        }
    }

    /// The text written so far.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn member(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        if !self.indent.is_empty() {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(self.indent);
            }
        }
    }

    /// Starts an object member: `"key": ` (or `"key":` when compact).
    pub(crate) fn key(&mut self, key: &str) {
        self.member();
        self.string(key);
        self.out
            .push_str(if self.indent.is_empty() { ":" } else { ": " });
    }

    /// Starts an array element.
    pub(crate) fn item(&mut self) {
        self.member();
    }

    pub(crate) fn begin_object(&mut self) {
        self.out.push('{');
        self.open();
    }

    pub(crate) fn end_object(&mut self) {
        self.close('}');
    }

    pub(crate) fn begin_array(&mut self) {
        self.out.push('[');
        self.open();
    }

    pub(crate) fn end_array(&mut self) {
        self.close(']');
    }

    fn open(&mut self) {
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty && !self.indent.is_empty() {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(self.indent);
            }
        }
        self.out.push(bracket);
        // The container just closed is a member of its parent.
        self.empty = false;
    }

    pub(crate) fn null(&mut self) {
        self.out.push_str("null");
    }

    pub(crate) fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// A number as `serde_json` prints it (the same digits `JSON.stringify` gives).
    pub(crate) fn number(&mut self, n: &serde_json::Number) {
        let _ = write!(self.out, "{n}");
    }

    pub(crate) fn unsigned(&mut self, n: u64) {
        let _ = write!(self.out, "{n}");
    }

    /// A string literal, escaped as `JSON.stringify` escapes: `"`, `\` and control characters.
    pub(crate) fn string(&mut self, s: &str) {
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(&s[start..i]);
            if escape.is_empty() {
                let _ = write!(self.out, "\\u{b:04x}");
            } else {
                self.out.push_str(escape);
            }
            start = i + 1;
        }
        self.out.push_str(&s[start..]);
        self.out.push('"');
    }

    /// A plain JSON value (metadata, manifests).
    pub(crate) fn json(&mut self, value: &serde_json::Value) {
        use serde_json::Value as Json;
        match value {
            Json::Null => self.null(),
            Json::Bool(b) => self.bool(*b),
            Json::Number(n) => self.number(n),
            Json::String(s) => self.string(s),
            Json::Array(items) => {
                self.begin_array();
                for item in items {
                    self.item();
                    self.json(item);
                }
                self.end_array();
            }
            Json::Object(entries) => {
                self.begin_object();
                for (k, v) in entries {
                    self.key(k);
                    self.json(v);
                }
                self.end_object();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The writer against serde_json's pretty printer, which the goldens were checked against.
    #[test]
    fn writes_what_serde_json_writes() {
        let value = json!({
            "a": [1, -2.5, "x\"y\\z\n\t\u{1}\u{7f}é", true, null, [], {}],
            "b": {"c": {}, "d": [[]], "e": {"f": 1e21}},
            "": ""
        });
        for indent in ["", " ", "  "] {
            let mut w = JsonWriter::new(indent, 0);
            w.json(&value);
            let expected = if indent.is_empty() {
                serde_json::to_string(&value).unwrap()
            } else {
                super::super::json::to_string_indented(&value, indent.len())
            };
            assert_eq!(w.finish(), expected, "indent {indent:?}");
        }
    }
}
