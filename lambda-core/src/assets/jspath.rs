//! The few Node.js `path` and string behaviours that aws-cdk-lib's asset code relies on,
//! re-implemented so that our results match its results byte for byte.

use std::cmp::Ordering;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Orders two names as JavaScript's `<` does: by UTF-16 code units.
///
/// For names made only of characters below U+10000 this is the same as comparing UTF-8
/// bytes; it differs only between a supplementary character (a surrogate pair, 0xD800..)
/// and a character in U+E000..U+FFFF, which UTF-16 puts first and UTF-8 puts last.
pub(crate) fn cmp_utf16(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.as_bytes().cmp(b.as_bytes());
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Length in UTF-16 code units, as JavaScript's `String.prototype.length`.
pub(crate) fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// `path.posix.normalize`: resolves `.` and `..` lexically, collapses repeated slashes and
/// keeps one trailing slash.
pub(crate) fn normalize(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let absolute = path.starts_with('/');
    let trailing = path.ends_with('/');
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if segments.last().is_some_and(|last| *last != "..") {
                    segments.pop();
                } else if !absolute {
                    segments.push("..");
                }
            }
            _ => segments.push(segment),
        }
    }
    let mut out = segments.join("/");
    if out.is_empty() {
        return match (absolute, trailing) {
            (true, _) => "/".to_string(),
            (false, true) => "./".to_string(),
            (false, false) => ".".to_string(),
        };
    }
    if trailing {
        out.push('/');
    }
    if absolute {
        out.insert(0, '/');
    }
    out
}

/// `path.posix.dirname`.
pub(crate) fn dirname(path: &str) -> String {
    let bytes = path.as_bytes();
    if bytes.is_empty() {
        return ".".to_string();
    }
    let has_root = bytes[0] == b'/';
    let mut end = None;
    let mut matched_slash = true;
    for i in (1..bytes.len()).rev() {
        if bytes[i] == b'/' {
            if !matched_slash {
                end = Some(i);
                break;
            }
        } else {
            matched_slash = false;
        }
    }
    match end {
        None if has_root => "/".to_string(),
        None => ".".to_string(),
        Some(1) if has_root => "//".to_string(),
        Some(end) => path[..end].to_string(),
    }
}

/// `path.posix.extname`: the extension of the last path segment, from its last dot, or `""`
/// when the segment has no dot or only a leading one (`.bashrc`).
pub(crate) fn extname(path: &str) -> &str {
    let bytes = path.as_bytes();
    let mut start_dot: Option<usize> = None;
    let mut start_part = 0;
    let mut end: Option<usize> = None;
    let mut matched_slash = true;
    // 0: nothing seen before the last dot yet; 1: only dots; -1: something else.
    let mut pre_dot_state = 0i8;
    for i in (0..bytes.len()).rev() {
        let code = bytes[i];
        if code == b'/' {
            if !matched_slash {
                start_part = i + 1;
                break;
            }
            continue;
        }
        if end.is_none() {
            matched_slash = false;
            end = Some(i + 1);
        }
        if code == b'.' {
            if start_dot.is_none() {
                start_dot = Some(i);
            } else if pre_dot_state != 1 {
                pre_dot_state = 1;
            }
        } else if start_dot.is_some() {
            pre_dot_state = -1;
        }
    }
    match (start_dot, end) {
        (Some(dot), Some(end))
            if pre_dot_state != 0
                && !(pre_dot_state == 1 && dot + 1 == end && dot == start_part + 1) =>
        {
            &path[dot..end]
        }
        _ => "",
    }
}

/// `path.resolve(p)` for a native path: absolute (relative paths are taken from the current
/// directory) and lexically normalized (`.` dropped, `..` removing the previous component),
/// without touching symlinks.
pub(crate) fn resolve(path: &Path) -> io::Result<PathBuf> {
    Ok(normalize_lexically(&std::path::absolute(path)?))
}

/// Lexical normalization of an absolute path (see [`resolve`]).
pub(crate) fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if out.parent().is_some() {
                    out.pop();
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_matches_node() {
        for (input, expected) in [
            ("", "."),
            ("./*.ignore", "*.ignore"),
            ("a//b/../c/", "a/c/"),
            ("/../a", "/a"),
            ("../a/..", ".."),
            ("a/..", "."),
            ("a/../", "./"),
            ("/", "/"),
            ("!sub", "!sub"),
        ] {
            assert_eq!(normalize(input), expected, "normalize({input:?})");
        }
    }

    #[test]
    fn dirname_matches_node() {
        for (input, expected) in [
            ("a", "."),
            ("a/b", "a"),
            ("a/b/", "a"),
            ("/a", "/"),
            ("/", "/"),
            ("//a", "//"),
            ("", "."),
        ] {
            assert_eq!(dirname(input), expected, "dirname({input:?})");
        }
    }

    #[test]
    fn extname_matches_node() {
        for (input, expected) in [
            ("index.js", ".js"),
            ("/x/archive.tar.gz", ".gz"),
            (".bashrc", ""),
            ("/x/.bashrc", ""),
            ("a.", "."),
            ("..", ""),
            ("...", "."),
            ("/x/handler-node", ""),
            ("/x/my.dir/", ".dir"),
            (".a.b", ".b"),
        ] {
            assert_eq!(extname(input), expected, "extname({input:?})");
        }
    }

    #[test]
    fn utf16_order_differs_from_utf8_only_above_the_bmp() {
        assert_eq!(cmp_utf16("a.txt", "a"), Ordering::Greater);
        assert_eq!(cmp_utf16("B", "a"), Ordering::Less);
        // U+FF21 (fullwidth A) vs U+1F600 (emoji): UTF-8 puts the emoji last, UTF-16 first.
        assert_eq!("\u{FF21}".cmp("\u{1F600}"), Ordering::Less);
        assert_eq!(cmp_utf16("\u{FF21}", "\u{1F600}"), Ordering::Greater);
    }
}
