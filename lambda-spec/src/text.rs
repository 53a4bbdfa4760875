//! Small string helpers the rules share, `const` where the rules are.

/// Byte-wise string equality usable in `const fn` (`==` on `&str` is not const).
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Length in UTF-16 code units: what JavaScript's `string.length` counts, and so
/// what aws-cdk-lib's length limits count.
pub const fn js_length(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut units = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b & 0xC0 != 0x80 {
            // A leading byte: one unit, or two for a 4-byte sequence (outside the BMP).
            units += if b >= 0xF0 { 2 } else { 1 };
        }
        i += 1;
    }
    units
}

/// Appends `s` as a JSON string literal, escaped as `JSON.stringify` escapes it.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_eq_works() {
        assert!(str_eq("abc", "abc"));
        assert!(!str_eq("abc", "abd"));
        assert!(!str_eq("abc", "ab"));
        assert!(str_eq("", ""));
    }

    #[test]
    fn js_length_counts_utf16_units() {
        assert_eq!(js_length(""), 0);
        assert_eq!(js_length("abc"), 3);
        assert_eq!(js_length("é"), 1); // 2 UTF-8 bytes, 1 unit
        assert_eq!(js_length("€"), 1); // 3 bytes, 1 unit
        assert_eq!(js_length("😀"), 2); // 4 bytes, a surrogate pair
        for s in ["", "a", "héllo", "日本語", "a😀b"] {
            assert_eq!(js_length(s), s.encode_utf16().count());
        }
    }

    #[test]
    fn json_escapes_like_node() {
        let mut out = String::new();
        push_json_string(&mut out, "a\"b\\c\n\u{1}é");
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001é\"");
    }
}
