//! A JSON text writer with `JSON.stringify`'s layout, for output written without building a
//! `serde_json::Value` first (templates are the bulk of a synthesis).

use std::fmt::Write as _;

use super::output::CHUNK;
use super::tree_json::PropsSink;
use super::tree_props::TreeProps;
use super::tree_shadow::TreeShadow;
use crate::core::tree::NodeId;

/// Appends JSON to a `String` as `JSON.stringify(value, undefined, indent)` lays it out: a newline
/// and `indent` per level before every member, `{}` and `[]` for empty containers, no trailing
/// newline. `indent` is spaces (one or two, as aws-cdk-lib writes); empty gives the compact form.
///
/// The caller keeps the structure well-formed: [`key`](Self::key) before each object member,
/// [`item`](Self::item) before each array element, ends matching begins.
pub(crate) struct JsonWriter<'s> {
    out: String,
    indent: &'static str,
    depth: usize,
    /// Whether the innermost open container has no member yet.
    empty: bool,
    /// Takes the text once it reaches [`CHUNK`] bytes and hands back a buffer to go on with.
    sink: Option<&'s mut dyn FnMut(String) -> String>,
    /// Writes `tree.json`'s properties beside a template's (see [`TreeShadow`]).
    tree: Option<Box<TreeShadow>>,
}

#[cfg(test)]
impl JsonWriter<'static> {
    /// A writer that keeps the whole text.
    pub(crate) fn new(indent: &'static str, capacity: usize) -> Self {
        JsonWriter {
            out: String::with_capacity(capacity),
            indent,
            depth: 0,
            empty: true,
            sink: None,
            tree: None,
        }
    }
}

impl<'s> JsonWriter<'s> {
    /// A writer that passes its text to `sink` in chunks of about [`CHUNK`] bytes.
    pub(crate) fn with_sink(
        indent: &'static str,
        sink: &'s mut dyn FnMut(String) -> String,
    ) -> Self {
        JsonWriter {
            out: String::with_capacity(CHUNK + CHUNK / 4),
            indent,
            depth: 0,
            empty: true,
            sink: Some(sink),
            tree: None,
        }
    }

    /// A writer that appends to `out` and keeps the whole text (given back by
    /// [`finish`](Self::finish)).
    pub(crate) fn appending(out: String, indent: &'static str) -> Self {
        JsonWriter {
            out,
            indent,
            depth: 0,
            empty: true,
            sink: None,
            tree: None,
        }
    }

    /// Writes `tree.json`'s properties into `sink` beside the resources' properties (between
    /// [`tree_props_begin`](Self::tree_props_begin) and [`tree_props_end`](Self::tree_props_end)).
    pub(crate) fn attach_tree_props(&mut self, sink: Option<PropsSink>) {
        self.tree = sink.map(|s| Box::new(TreeShadow::new(s)));
    }

    /// The sink given to [`attach_tree_props`](Self::attach_tree_props), with what it received.
    pub(crate) fn detach_tree_props(&mut self) -> Option<PropsSink> {
        self.tree.take().map(|t| t.sink)
    }

    /// Whether `tree.json`'s properties are written beside.
    pub(crate) fn wants_tree_props(&self) -> bool {
        self.tree.is_some()
    }

    /// The next value is a resource's `Properties`: shadowed by `rule`.
    pub(crate) fn tree_props_begin(
        &mut self,
        rule: &'static TreeProps,
        tags_property: Option<&'static str>,
    ) {
        if let Some(t) = &mut self.tree {
            t.begin(rule, tags_property);
        }
    }

    /// Resource `n` is written: its shadowed properties (`{}` if none) go to the sink.
    pub(crate) fn tree_props_end(&mut self, n: NodeId) {
        if let Some(t) = &mut self.tree {
            t.end(n);
        }
    }

    /// Properties of resource `n` rendered apart (a resource with overrides).
    pub(crate) fn tree_props_apart(&mut self, n: NodeId, text: &str) {
        if let Some(t) = &mut self.tree {
            t.sink.push(n, text);
        }
    }

    /// The shadow, while it is writing.
    fn shadow(&mut self) -> Option<&mut TreeShadow> {
        self.tree.as_deref_mut().filter(|t| t.is_active())
    }

    /// Copies what the template writer wrote from `from` to the shadow, if it is writing.
    fn shadow_scalar(&mut self, from: usize) {
        if let Some(t) = self.tree.as_deref_mut() {
            if t.is_active() {
                t.scalar(&self.out[from..]);
            }
        }
    }

    /// Bytes of text held (all of it, without a sink).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }

    /// A value already written as JSON in this writer's layout (at depth 0 when compact).
    pub(crate) fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    /// Ends the writing: returns the text, or, with a sink, hands the sink the rest and returns
    /// an empty string.
    pub(crate) fn finish(mut self) -> String {
        let rest = std::mem::take(&mut self.out);
        match self.sink.take() {
            Some(sink) => {
                if !rest.is_empty() {
                    sink(rest);
                }
                String::new()
            }
            None => rest,
        }
    }

    fn member(&mut self) {
        if self.out.len() >= CHUNK {
            if let Some(sink) = &mut self.sink {
                self.out = sink(std::mem::take(&mut self.out));
            }
        }
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    /// A newline and the indentation of the current depth (nothing when compact).
    fn newline(&mut self) {
        const SPACES: &str = "\n                                                                ";
        if self.indent.is_empty() {
            return;
        }
        let mut width = self.depth * self.indent.len();
        if width < SPACES.len() {
            self.out.push_str(&SPACES[..=width]);
            return;
        }
        self.out.push('\n');
        while width > 0 {
            let n = width.min(SPACES.len() - 1);
            self.out.push_str(&SPACES[1..=n]);
            width -= n;
        }
    }

    /// Starts an object member: `"key": ` (or `"key":` when compact).
    pub(crate) fn key(&mut self, key: &str) {
        self.member();
        if let Some(t) = self.shadow() {
            t.key(key);
        }
        self.string_unshadowed(key);
        self.out
            .push_str(if self.indent.is_empty() { ":" } else { ": " });
    }

    /// [`key`](Self::key) for a key known to need no escaping (see [`is_plain`]).
    pub(crate) fn plain_key(&mut self, key: &str) {
        debug_assert!(is_plain(key));
        self.member();
        if let Some(t) = self.shadow() {
            t.key(key);
        }
        self.plain_string_unshadowed(key);
        self.out
            .push_str(if self.indent.is_empty() { ":" } else { ": " });
    }

    /// [`string`](Self::string) for a string known to need no escaping (see [`is_plain`]).
    pub(crate) fn plain_string(&mut self, s: &str) {
        let from = self.out.len();
        self.plain_string_unshadowed(s);
        self.shadow_scalar(from);
    }

    fn plain_string_unshadowed(&mut self, s: &str) {
        debug_assert!(is_plain(s));
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        self.out.push_str(s);
        self.out.push('"');
    }

    /// Starts an array element.
    pub(crate) fn item(&mut self) {
        self.member();
        if let Some(t) = self.shadow() {
            t.item();
        }
    }

    pub(crate) fn begin_object(&mut self) {
        if let Some(t) = self.shadow() {
            t.open(true);
        }
        self.out.push('{');
        self.open();
    }

    pub(crate) fn end_object(&mut self) {
        if let Some(t) = self.shadow() {
            t.close(true);
        }
        self.close('}');
    }

    pub(crate) fn begin_array(&mut self) {
        if let Some(t) = self.shadow() {
            t.open(false);
        }
        self.out.push('[');
        self.open();
    }

    pub(crate) fn end_array(&mut self) {
        if let Some(t) = self.shadow() {
            t.close(false);
        }
        self.close(']');
    }

    fn open(&mut self) {
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        // The container just closed is a member of its parent.
        self.empty = false;
    }

    pub(crate) fn null(&mut self) {
        let from = self.out.len();
        self.out.push_str("null");
        self.shadow_scalar(from);
    }

    pub(crate) fn bool(&mut self, b: bool) {
        let from = self.out.len();
        self.out.push_str(if b { "true" } else { "false" });
        self.shadow_scalar(from);
    }

    /// A number as `serde_json` prints it (the same digits `JSON.stringify` gives).
    pub(crate) fn number(&mut self, n: &serde_json::Number) {
        let from = self.out.len();
        let _ = write!(self.out, "{n}");
        self.shadow_scalar(from);
    }

    pub(crate) fn unsigned(&mut self, n: u64) {
        let from = self.out.len();
        let _ = write!(self.out, "{n}");
        self.shadow_scalar(from);
    }

    /// A string literal, escaped as `JSON.stringify` escapes: `"`, `\` and control characters.
    pub(crate) fn string(&mut self, s: &str) {
        let from = self.out.len();
        self.string_unshadowed(s);
        self.shadow_scalar(from);
    }

    fn string_unshadowed(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time while none of them needs escaping (almost every string).
            if let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                if !needs_escape_any(word) {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            if needs_escape(b) {
                self.out.push_str(&s[start..i]);
                match b {
                    b'"' => self.out.push_str("\\\""),
                    b'\\' => self.out.push_str("\\\\"),
                    b'\n' => self.out.push_str("\\n"),
                    b'\r' => self.out.push_str("\\r"),
                    b'\t' => self.out.push_str("\\t"),
                    0x08 => self.out.push_str("\\b"),
                    0x0c => self.out.push_str("\\f"),
                    _ => {
                        let _ = write!(self.out, "\\u{b:04x}");
                    }
                }
                start = i + 1;
            }
            i += 1;
        }
        self.out.push_str(&s[start..]);
        self.out.push('"');
    }

    /// A plain JSON value.
    #[cfg(test)]
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

/// Whether `s` is written as is between quotes (no byte of it needs escaping).
pub(crate) fn is_plain(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if needs_escape_any(word) {
            return false;
        }
    }
    !chunks.remainder().iter().any(|&b| needs_escape(b))
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any byte of `word` needs escaping: a control character, `"` or `\` (the exact
/// "has a byte less than n" and "has a zero byte" bit tricks).
fn needs_escape_any(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (control | quote | backslash) & HIGH != 0
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

    /// Every byte value at every position of a word, against serde_json's escaping.
    #[test]
    fn escapes_every_byte_at_every_offset() {
        for b in 0u8..=0x7f {
            for offset in 0..17 {
                let mut s = "a".repeat(offset);
                s.push(char::from(b));
                s.push_str("é long tail");
                let mut w = JsonWriter::new("", 0);
                w.string(&s);
                assert_eq!(
                    w.finish(),
                    serde_json::to_string(&s).unwrap(),
                    "{b:#x}@{offset}"
                );
            }
        }
    }

    #[test]
    fn chunks_through_a_sink_add_up_to_the_text() {
        let value = json!({"list": (0..20_000).map(|i| json!({"i": i, "s": "x".repeat(i % 50)})).collect::<Vec<_>>()});
        let mut chunks: Vec<String> = Vec::new();
        let mut sink = |full: String| {
            chunks.push(full);
            String::new()
        };
        let mut w = JsonWriter::with_sink(" ", &mut sink);
        w.json(&value);
        assert_eq!(w.finish(), "");
        assert!(chunks.len() > 2);
        assert_eq!(
            chunks.concat(),
            super::super::json::to_string_indented(&value, 1)
        );
    }

    #[test]
    fn plain_strings_are_those_without_escapes() {
        for b in 0u8..=0x7f {
            for offset in 0..17 {
                let s = format!("{}{}tail", "a".repeat(offset), char::from(b));
                let escaped = serde_json::to_string(&s).unwrap();
                assert_eq!(
                    is_plain(&s),
                    escaped == format!("\"{s}\""),
                    "{b:#x}@{offset}"
                );
            }
        }
        assert!(is_plain("") && is_plain("Stack/Fn/ServiceRole/Resource") && is_plain("é"));
    }

    #[test]
    fn deep_indentation() {
        let mut value = json!(1);
        for _ in 0..100 {
            value = json!([value]);
        }
        let mut w = JsonWriter::new("  ", 0);
        w.json(&value);
        assert_eq!(
            w.finish(),
            super::super::json::to_string_indented(&value, 2)
        );
    }
}
