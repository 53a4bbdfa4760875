//! A port of the parts of npm `minimatch` 10.2.6 (the version aws-cdk-lib 2.276.0 bundles)
//! that CDK's GLOB exclude mode uses: `minimatch(path, pattern, { matchBase: true,
//! flipNegate: true })`, without `dot`, `nocase` or `noext`.
//!
//! Supported as minimatch does: brace expansion, `*`, `?`, `[...]` classes (ranges, `!`/`^`
//! negation, POSIX `[:name:]` classes), `**` segments, backslash escapes, extglobs
//! `@( )`, `?( )`, `*( )`, `+( )`, `!( )` (nested at most three deep, simplified the way
//! minimatch simplifies them), the rule that a wildcard at the start of a segment never
//! matches a leading dot, and `matchBase` (a pattern without `/` is matched against the last
//! path segment). minimatch's fast paths for `*`, `*.ext`, `???`, `*.*` and `.*` are
//! reproduced literally, quirks included (`*.ext` compares the raw text after the stars), and
//! so are the patterns minimatch cannot compile (they are reported as errors).
//!
//! Approximations: POSIX classes other than `ascii`, `cntrl` and `xdigit` use Rust's Unicode
//! predicates instead of JavaScript's `\p{..}` properties, and characters are compared as
//! Unicode scalar values rather than UTF-16 code units.

use super::braces::brace_expand;
use super::segment::{compile_segment, match_nodes, Node};
use crate::assets::jspath::utf16_len;
use crate::assets::AssetError;

/// minimatch's `assertValidPattern` limit.
const MAX_PATTERN_LENGTH: usize = 64 * 1024;
/// minimatch's default `maxGlobstarRecursion`.
const MAX_GLOBSTAR_RECURSION: usize = 200;

/// One compiled minimatch pattern.
#[derive(Debug, Clone)]
pub(crate) struct Minimatch {
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    /// `#…`: comments match nothing.
    Comment,
    /// The empty pattern matches only the empty path.
    Empty,
    /// One alternative per brace expansion, each a list of path segments.
    Sets(Vec<Vec<Segment>>),
}

#[derive(Debug, Clone)]
enum Segment {
    Globstar,
    Literal(String),
    Fast(Fast),
    Pattern(Vec<Node>),
}

/// minimatch's hand-written tests for the most common segment shapes (without `dot`).
#[derive(Debug, Clone)]
enum Fast {
    Star,
    StarExt(String),
    Qmarks { len: usize, ext: String },
    StarDotStar,
    DotStar,
}

impl Minimatch {
    /// Compiles `pattern` (a leading `!` is stripped: CDK decides negation itself).
    pub(crate) fn new(pattern: &str) -> Result<Minimatch, AssetError> {
        if pattern.len() > MAX_PATTERN_LENGTH {
            return Err(AssetError::pattern(pattern, "pattern is too long"));
        }
        if pattern.starts_with('#') {
            return Ok(Minimatch {
                kind: Kind::Comment,
            });
        }
        if pattern.is_empty() {
            return Ok(Minimatch { kind: Kind::Empty });
        }
        let original = pattern;
        let pattern = pattern.trim_start_matches('!');
        let mut glob_set: Vec<String> = Vec::new();
        for expanded in brace_expand(pattern) {
            if !glob_set.contains(&expanded) {
                glob_set.push(expanded);
            }
        }
        let sets = glob_set
            .iter()
            .map(|glob| {
                optimize(slash_split(glob))
                    .into_iter()
                    .map(|segment| {
                        parse_segment(segment)
                            .map_err(|message| AssetError::pattern(original, message))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<_, _>>()?;
        Ok(Minimatch {
            kind: Kind::Sets(sets),
        })
    }

    /// `minimatch(path, pattern, { matchBase: true, flipNegate: true })`.
    pub(crate) fn matches(&self, path: &str) -> bool {
        let sets = match &self.kind {
            Kind::Comment => return false,
            Kind::Empty => return path.is_empty(),
            Kind::Sets(sets) => sets,
        };
        let segments = slash_split(path);
        let filename = segments
            .iter()
            .rev()
            .find(|s| !s.is_empty())
            .or(segments.last())
            .copied()
            .unwrap_or("");
        sets.iter().any(|set| {
            if set.len() == 1 {
                match_one(&[filename], set)
            } else {
                match_one(&segments, set)
            }
        })
    }
}

/// `p.split(/\/+/)`.
fn slash_split(p: &str) -> Vec<&str> {
    let parts: Vec<&str> = p.split('/').collect();
    let last = parts.len() - 1;
    parts
        .into_iter()
        .enumerate()
        .filter(|&(i, part)| !part.is_empty() || i == 0 || i == last)
        .map(|(_, part)| part)
        .collect()
}

/// minimatch's `levelOneOptimize`: drop repeated `**`, resolve `x/..`.
fn optimize(parts: Vec<&str>) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::with_capacity(parts.len());
    for part in parts {
        let prev = out.last().copied();
        if part == "**" && prev == Some("**") {
            continue;
        }
        if part == ".." && prev.is_some_and(|p| !matches!(p, ".." | "." | "**")) {
            out.pop();
            continue;
        }
        out.push(part);
    }
    if out.is_empty() {
        out.push("");
    }
    out
}

fn parse_segment(glob: &str) -> Result<Segment, String> {
    if glob == "**" {
        return Ok(Segment::Globstar);
    }
    if glob.is_empty() {
        return Ok(Segment::Literal(String::new()));
    }
    // minimatch compiles the regex even when a fast path will answer (and may throw).
    let nodes = compile_segment(glob)?;
    if let Some(fast) = fast_test(glob) {
        return Ok(Segment::Fast(fast));
    }
    let literal: Option<String> = nodes
        .iter()
        .map(|n| match n {
            Node::Lit(c) => Some(*c),
            _ => None,
        })
        .collect();
    Ok(match literal {
        Some(literal) => Segment::Literal(literal),
        None => Segment::Pattern(nodes),
    })
}

const NOT_EXT_CHARS: [char; 6] = ['+', '@', '!', '?', '*', '['];

fn fast_test(glob: &str) -> Option<Fast> {
    let no_magic = |rest: &str| !rest.contains(NOT_EXT_CHARS) && !rest.contains('(');
    let stars = glob.len() - glob.trim_start_matches('*').len();
    if stars > 0 {
        let rest = &glob[stars..];
        if rest.is_empty() {
            return Some(Fast::Star);
        }
        if no_magic(rest) {
            return Some(Fast::StarExt(rest.to_string()));
        }
    }
    let qmarks = glob.len() - glob.trim_start_matches('?').len();
    if qmarks > 0 && no_magic(&glob[qmarks..]) {
        return Some(Fast::Qmarks {
            len: utf16_len(glob),
            ext: glob[qmarks..].to_string(),
        });
    }
    if stars > 0 {
        if let Some(after) = glob[stars..].strip_prefix('.') {
            if !after.is_empty() && after.bytes().all(|b| b == b'*') {
                return Some(Fast::StarDotStar);
            }
        }
    }
    if let Some(after) = glob.strip_prefix('.') {
        if !after.is_empty() && after.bytes().all(|b| b == b'*') {
            return Some(Fast::DotStar);
        }
    }
    None
}

impl Fast {
    fn test(&self, f: &str) -> bool {
        match self {
            Fast::Star => !f.is_empty() && !f.starts_with('.'),
            Fast::StarExt(ext) => !f.starts_with('.') && f.ends_with(ext.as_str()),
            Fast::Qmarks { len, ext } => {
                utf16_len(f) == *len
                    && !f.starts_with('.')
                    && (ext.is_empty() || f.ends_with(ext.as_str()))
            }
            Fast::StarDotStar => !f.starts_with('.') && f.contains('.'),
            Fast::DotStar => f != "." && f != ".." && f.starts_with('.'),
        }
    }
}

impl Segment {
    fn matches(&self, f: &str) -> bool {
        match self {
            Segment::Globstar => true,
            Segment::Literal(s) => s == f,
            Segment::Fast(fast) => fast.test(f),
            Segment::Pattern(nodes) => match_nodes(nodes, f),
        }
    }
}

fn hidden(segment: &str) -> bool {
    segment == "." || segment == ".." || segment.starts_with('.')
}

/// minimatch's `matchOne` (not partial).
fn match_one(file: &[&str], pattern: &[Segment]) -> bool {
    if pattern.iter().any(|s| matches!(s, Segment::Globstar)) {
        match_globstar(file, pattern)
    } else {
        match_plain(file, pattern, 0)
    }
}

/// minimatch's `#matchOne`: `pattern` (no `**`) against `file[from..]`.
fn match_plain(file: &[&str], pattern: &[Segment], from: usize) -> bool {
    let (mut fi, mut pi) = (from, 0);
    while fi < file.len() && pi < pattern.len() {
        if matches!(pattern[pi], Segment::Globstar) || !pattern[pi].matches(file[fi]) {
            return false;
        }
        fi += 1;
        pi += 1;
    }
    if fi == file.len() {
        pi == pattern.len()
    } else if pi == pattern.len() {
        // Only a trailing empty segment (path ending in `/`) may remain.
        fi == file.len() - 1 && file[fi].is_empty()
    } else {
        false
    }
}

/// minimatch 10.2's `#matchGlobstar`: head before the first `**`, tail after the last, and
/// the sections in between placed left to right; `**` never swallows a dot segment.
fn match_globstar(file: &[&str], pattern: &[Segment]) -> bool {
    let is_gs = |s: &Segment| matches!(s, Segment::Globstar);
    let first = pattern.iter().position(is_gs).unwrap_or(0);
    let last = pattern.iter().rposition(is_gs).unwrap_or(0);
    let head = &pattern[..first];
    let body = if first < last {
        &pattern[first + 1..last]
    } else {
        &[][..]
    };
    let tail = &pattern[last + 1..];

    let mut index = 0;
    if !head.is_empty() {
        let end = head.len().min(file.len());
        if !match_plain(&file[..end], head, 0) {
            return false;
        }
        index += head.len();
    }
    let mut tail_match = 0;
    if !tail.is_empty() {
        if tail.len() + index > file.len() {
            return false;
        }
        let mut tail_start = file.len() - tail.len();
        if match_plain(file, tail, tail_start) {
            tail_match = tail.len();
        } else {
            if file.last() != Some(&"") || index + tail.len() == file.len() {
                return false;
            }
            tail_start -= 1;
            if !match_plain(file, tail, tail_start) {
                return false;
            }
            tail_match = tail.len() + 1;
        }
    }
    if body.is_empty() {
        let mut saw_some = tail_match > 0;
        for segment in file.iter().take(file.len() - tail_match).skip(index) {
            saw_some = true;
            if hidden(segment) {
                return false;
            }
        }
        return saw_some;
    }

    // Sections of the body between further `**`, each with the last index it may start at.
    let mut sections: Vec<(&[Segment], usize)> = Vec::new();
    let mut sums = vec![0usize];
    let mut non_globstar = 0;
    let mut start = 0;
    for (i, segment) in body.iter().enumerate() {
        if is_gs(segment) {
            sums.push(non_globstar);
            sections.push((&body[start..i], 0));
            start = i + 1;
        } else {
            non_globstar += 1;
        }
    }
    sections.push((&body[start..], 0));
    let file_length = file.len() - tail_match;
    let count = sections.len();
    for (n, section) in sections.iter_mut().enumerate() {
        let used = sums[count - 1 - n] + section.0.len();
        section.1 = file_length.wrapping_sub(used);
    }
    match_sections(file, &sections, index, 0, 0, tail_match > 0) == Some(true)
}

/// `#matchGlobStarBodySections`: `Some(true)` match, `Some(false)` definite failure, `None`
/// no match from here (minimatch's `null`, which also stops the caller's search).
fn match_sections(
    file: &[&str],
    sections: &[(&[Segment], usize)],
    mut index: usize,
    section: usize,
    depth: usize,
    mut saw_tail: bool,
) -> Option<bool> {
    let Some(&(body, after)) = sections.get(section) else {
        for segment in &file[index.min(file.len())..] {
            saw_tail = true;
            if hidden(segment) {
                return Some(false);
            }
        }
        return Some(saw_tail);
    };
    // `after` is computed as minimatch does and may be "negative" (wrapped).
    while after < usize::MAX / 2 && index <= after {
        let end = (index + body.len()).min(file.len());
        let hit = match_plain(&file[..end], body, index);
        if hit && depth < MAX_GLOBSTAR_RECURSION {
            let sub = match_sections(
                file,
                sections,
                index + body.len(),
                section + 1,
                depth + 1,
                saw_tail,
            );
            if sub != Some(false) {
                return sub;
            }
        }
        match file.get(index) {
            Some(segment) if hidden(segment) => return Some(false),
            _ => {}
        }
        index += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Minimatch;

    fn mm(path: &str, pattern: &str) -> bool {
        Minimatch::new(pattern).unwrap().matches(path)
    }

    #[test]
    fn stars_do_not_match_dot_files() {
        assert!(mm("index.py", "*"));
        assert!(!mm(".hidden", "*"));
        assert!(!mm(".hidden", "*hidden"));
        assert!(mm(".hidden", ".*"));
        assert!(mm(".hidden", ".hid*"));
        assert!(mm(".hidden", "[.]hidden"));
        assert!(!mm(".hidden", "?hidden"));
        assert!(!mm(".hidden", "[!a]hidden"));
        assert!(mm("a.hidden", "?.hidden"));
    }

    #[test]
    fn match_base_applies_to_patterns_without_slash() {
        assert!(mm("sub/deep.ignore", "*.ignore"));
        assert!(mm("a/b/c.js", "c.js"));
        assert!(!mm("a/b/c.js", "b/c.js"));
        assert!(mm("a/b/c.js", "a/*/c.js"));
        assert!(mm("a/b/c.js", "a/**"));
        assert!(mm("a/b/c.js", "**/c.js"));
        assert!(!mm("a/.b/c.js", "a/**/c.js"));
        assert!(!mm("sub", "sub/"));
    }

    #[test]
    fn classes_braces_and_escapes() {
        assert!(mm("a1", "a[0-9]"));
        assert!(!mm("ab", "a[0-9]"));
        assert!(mm("ab", "a[!0-9]"));
        assert!(mm("ab", "a[^0-9]"));
        assert!(mm("a-", "a[x-]"));
        assert!(mm("aB", "a[[:upper:]]"));
        assert!(mm("x.ts", "*.{js,ts}"));
        assert!(mm("a*b", "a\\*b"));
        assert!(!mm("axb", "a\\*b"));
        assert!(mm("[ab", "[ab"));
        assert!(!mm("a", "[b-a]"));
        assert!(mm("#x", "\\#x"));
        assert!(!mm("#x", "#x"));
    }

    #[test]
    fn extglobs() {
        assert!(mm("foo.js", "+(foo|bar).js"));
        assert!(mm("foofoo.js", "+(foo).js"));
        assert!(!mm(".js", "+(foo).js"));
        assert!(mm("a.js", "@(a|b).js"));
        assert!(!mm("c.js", "@(a|b).js"));
        // A leading `!` is negation (stripped here), never an extglob.
        assert!(mm("(x)", "!(x)"));
        assert!(mm("a.txt", "a.!(js)"));
        assert!(!mm("a.js", "a.!(js)"));
        assert!(mm("a.jsx", "a.!(js)"));
        assert!(mm("x.txt", "@(x)!(*.js)"));
        assert!(mm("ab", "a?(b)"));
        assert!(mm("a", "a?(b)"));
        assert!(mm("abbb", "a*(b)"));
    }
}
