//! Our implementation of the matching rules of npm `ignore` 5.3.2, which aws-cdk-lib uses for
//! `IgnoreMode.GIT`: each pattern is rewritten into a JavaScript regular expression by the
//! library's sixteen replacement rules (reproduced here one by one, on the pattern text), compiled
//! case-insensitively ([`JsRegex`]), and a path is ignored when one of its parent directories is,
//! else when the last rule matching it is not a `!` rule. Checked against the library itself on
//! every pattern list and path of `data/gitignore-cases.json`
//! (`tests/oracle/regenerate-gitignore.sh`).

use super::jsregex::{is_js_space, JsRegex};
use crate::assets::AssetError;

/// A set of `.gitignore` rules, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct GitIgnore {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
struct Rule {
    negative: bool,
    regex: JsRegex,
}

impl GitIgnore {
    /// `ignore().add(patterns)`: every pattern is one rule (no splitting at line breaks);
    /// blank lines, comments and patterns ending in a lone `\` are skipped.
    ///
    /// # Errors
    /// [`AssetError::Pattern`] when the library's regular expression for a pattern is invalid
    /// JavaScript (it throws then, and so does aws-cdk-lib).
    pub(crate) fn new(patterns: &[String]) -> Result<GitIgnore, AssetError> {
        let mut rules = Vec::new();
        for pattern in patterns {
            if !check_pattern(pattern) {
                continue;
            }
            let (negative, body) = match pattern.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, pattern.as_str()),
            };
            let mut body = body.to_string();
            if let Some(rest) = body.strip_prefix("\\!") {
                body = format!("!{rest}");
            }
            if let Some(rest) = body.strip_prefix("\\#") {
                body = format!("#{rest}");
            }
            let source = make_regex_source(&body);
            let regex = JsRegex::new(&source).map_err(|e| AssetError::pattern(pattern, e))?;
            rules.push(Rule { negative, regex });
        }
        Ok(GitIgnore { rules })
    }

    /// `ignores(path)`: `path` is relative, `/`-separated; a trailing `/` asks about a
    /// directory. Each parent directory (`a/`, `a/b/`) is asked first; an ignored parent
    /// ignores everything below it, whatever `!` rules say.
    pub(crate) fn ignores(&self, path: &str) -> bool {
        if path.is_empty() {
            return false;
        }
        let mut end = 0;
        while let Some(slash) = path[end..].find('/') {
            end += slash + 1;
            if self.test_one(&path[..end]) {
                return true;
            }
        }
        self.test_one(path)
    }

    /// The last rule matching `path` decides; no match is "not ignored".
    fn test_one(&self, path: &str) -> bool {
        let mut ignored = false;
        for rule in &self.rules {
            // A rule that cannot change the answer is not tested (as the library skips it).
            if rule.negative != ignored {
                continue;
            }
            if rule.regex.test(path) {
                ignored = !rule.negative;
            }
        }
        ignored
    }
}

/// `checkPattern`: not empty, not only white space, not ending in a single `\`, not a comment.
fn check_pattern(pattern: &str) -> bool {
    let units: Vec<u16> = pattern.encode_utf16().collect();
    if units.is_empty() || units.iter().all(|&u| is_js_space(u)) {
        return false;
    }
    let n = units.len();
    let invalid_trailing_backslash =
        units[n - 1] == u16::from(b'\\') && (n == 1 || units[n - 2] != u16::from(b'\\'));
    !invalid_trailing_backslash && !pattern.starts_with('#')
}

fn is_space(c: char) -> bool {
    let mut buf = [0u16; 2];
    let units = c.encode_utf16(&mut buf);
    units.len() == 1 && is_js_space(units[0])
}

/// The regular expression source npm `ignore` builds from one pattern (`makeRegex`): its
/// `REPLACERS`, in order.
fn make_regex_source(pattern: &str) -> String {
    let this: Vec<char> = pattern.chars().collect();
    let mut s: Vec<char> = this.clone();

    // 1. A leading BOM is removed.
    if s.first() == Some(&'\u{feff}') {
        s.remove(0);
    }

    // 2. Trailing white space is removed, unless escaped: `/((?:\\\\)*?)(\\?\s+)$/`.
    let ws_start = s.len() - s.iter().rev().take_while(|&&c| is_space(c)).count();
    if ws_start < s.len() {
        let bs_start = ws_start
            - s[..ws_start]
                .iter()
                .rev()
                .take_while(|&&c| c == '\\')
                .count();
        let backslashes = ws_start - bs_start;
        s.truncate(bs_start);
        s.extend(std::iter::repeat_n('\\', backslashes - backslashes % 2));
        if backslashes % 2 == 1 {
            s.push(' ');
        }
    }

    // 3. `\ ` becomes a space: `/(\\+?)\s/g`, the run of backslashes cut to an even length.
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == '\\' {
            let run = s[i..].iter().take_while(|&&c| c == '\\').count();
            if s.get(i + run).is_some_and(|&c| is_space(c)) {
                out.extend(std::iter::repeat_n('\\', run - run % 2));
                out.push(' ');
                i += run + 1;
                continue;
            }
            out.extend(&s[i..i + run]);
            i += run;
            continue;
        }
        out.push(s[i]);
        i += 1;
    }
    s = out;

    // 4. Regular expression metacharacters are escaped: `/[\\$.|*+(){^]/g`.
    let mut out = Vec::with_capacity(s.len() * 2);
    for &c in &s {
        if matches!(
            c,
            '\\' | '$' | '.' | '|' | '*' | '+' | '(' | ')' | '{' | '^'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    s = out;

    // 5. `?` is one character but `/`.
    s = replace_all(&s, &['?'], "[^/]");

    // 6. A leading slash anchors at the start.
    if s.first() == Some(&'/') {
        s[0] = '^';
    }

    // 7. Slashes are escaped.
    s = replace_all(&s, &['/'], "\\/");

    // 8. A leading `**/` (after any `^`) matches in every directory.
    let carets = s.iter().take_while(|&&c| c == '^').count();
    if s[carets..].starts_with(&chars("\\*\\*\\/")) {
        let mut out = chars("^(?:.*\\/)?");
        out.extend(&s[carets + 6..]);
        s = out;
    }

    // 9. The start: anchored if the pattern has a slash before its end, else at any level.
    if s.first().is_some_and(|&c| c != '^') {
        let slash_inside = this
            .iter()
            .enumerate()
            .any(|(i, &c)| c == '/' && i + 1 < this.len());
        let mut out = chars(if slash_inside { "^" } else { "(?:^|\\/)" });
        out.extend(&s);
        s = out;
    }

    // 10. `/**/` is zero or more directories; a trailing `/**` everything inside.
    let globstar = chars("\\/\\*\\*");
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i..].starts_with(&globstar) {
            let after = &s[i + 6..];
            if after.is_empty() || after.starts_with(&['\\', '/']) {
                out.extend(chars(if i + 6 < s.len() {
                    "(?:\\/[^\\/]+)*"
                } else {
                    "\\/.+"
                }));
                i += 6;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    s = out;

    // 11. Other stars, not last, match within a segment: `/(^|[^\\]+)(\\\*)+(?=.+)/g`.
    s = intermediate_stars(&s);

    // 12. An escaped metacharacter is unescaped once: `/\\\\\\(?=[$.|*+(){^])/g`.
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i..].starts_with(&['\\', '\\', '\\'])
            && s.get(i + 3).is_some_and(|c| "$.|*+(){^".contains(*c))
        {
            out.push('\\');
            i += 3;
            continue;
        }
        out.push(s[i]);
        i += 1;
    }
    s = out;

    // 13. `\\` becomes `\`.
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        out.push(s[i]);
        i += if s[i..].starts_with(&['\\', '\\']) {
            2
        } else {
            1
        };
    }
    s = out;

    // 14. Ranges: `/(\\)?\[([^\]/]*?)(\\*)($|\])/g`.
    s = ranges(&s);

    // 15. The end: a trailing `/` matches only a directory; else the match may be followed
    // by a `/` (a directory's contents are ignored with it).
    if let Some(&last) = s.last() {
        if last != '*' {
            s.extend(chars(if last == '/' { "$" } else { "(?=$|\\/$)" }));
        }
    }

    // 16. A trailing `*`: `/(\^|\\\/)?\\\*$/`.
    if s.ends_with(&['\\', '*']) {
        let n = s.len();
        let prefix = if n >= 4 && s[n - 4..n - 2] == ['\\', '/'] {
            Some(4)
        } else if n >= 3 && s[n - 3] == '^' {
            Some(3)
        } else {
            None
        };
        match prefix {
            Some(len) => {
                let p1: Vec<char> = s[n - len..n - 2].to_vec();
                s.truncate(n - len);
                s.extend(p1);
                s.extend(chars("[^/]+(?=$|\\/$)"));
            }
            None => {
                s.truncate(n - 2);
                s.extend(chars("[^/]*(?=$|\\/$)"));
            }
        }
    }
    s.into_iter().collect()
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn replace_all(s: &[char], from: &[char], to: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        if from.contains(&c) {
            out.extend(to.chars());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Rule 11: at the string start or after a run of non-backslash characters, a run of `\*`
/// that leaves at least one character (not a line break) after it becomes `[^\/]*` (the
/// library's replacer keeps one for the whole run: the group's last capture).
fn intermediate_stars(s: &[char]) -> Vec<char> {
    let star = ['\\', '*'];
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    // Where a run of `\*` starting at `at` can end (greedy, then giving back), if anywhere.
    let run_end = |at: usize| -> Option<usize> {
        let mut pairs = 0;
        while s[at + 2 * pairs..].starts_with(&star) {
            pairs += 1;
        }
        (1..=pairs)
            .rev()
            .map(|p| at + 2 * p)
            .find(|&end| s.get(end).is_some_and(|&c| !is_line_terminator(c)))
    };
    while i < s.len() {
        // `^` alternative first, only at the start.
        if i == 0 {
            if let Some(end) = run_end(0) {
                out.extend(chars("[^\\/]*"));
                i = end;
                continue;
            }
        }
        if s[i] != '\\' {
            let p1_end = i + s[i..].iter().take_while(|&&c| c != '\\').count();
            if let Some(end) = run_end(p1_end) {
                out.extend(&s[i..p1_end]);
                out.extend(chars("[^\\/]*"));
                i = end;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

/// Rule 14: `[...]` is a class with out-of-order `x-y` ranges (between `0` and `z`) removed; an
/// escaped `\[...]` stays literal; an unclosed one, or one ending in an odd run of `\`,
/// becomes `[]` (matching nothing).
fn ranges(s: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let lead = s[i] == '\\' && s.get(i + 1) == Some(&'[');
        let open = if lead { i + 1 } else { i };
        if s.get(open) == Some(&'[') {
            if let Some((range_end, escape_end, closed)) = range_at(s, open + 1) {
                let range = &s[open + 1..range_end];
                let end_escape = &s[range_end..escape_end];
                let close: &[char] = if closed { &[']'] } else { &[] };
                if lead {
                    out.extend(['\\', '[']);
                    out.extend(range);
                    out.extend(&end_escape[..end_escape.len() - end_escape.len() % 2]);
                    out.extend(close);
                } else if closed && end_escape.len().is_multiple_of(2) {
                    out.push('[');
                    out.extend(sanitize_range(range));
                    out.extend(end_escape);
                    out.push(']');
                } else {
                    out.extend(['[', ']']);
                }
                i = escape_end + usize::from(closed);
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

/// After `[` at `start`: the lazy range, the backslashes after it, and whether a `]` closes it
/// (else it runs to the end); `None` when a `/` or `]`... stops it first.
fn range_at(s: &[char], start: usize) -> Option<(usize, usize, bool)> {
    let mut k = start;
    loop {
        let e = k + s[k..].iter().take_while(|&&c| c == '\\').count();
        if e == s.len() {
            return Some((k, e, false));
        }
        if s[e] == ']' {
            return Some((k, e, true));
        }
        if k == s.len() || s[k] == ']' || s[k] == '/' {
            return None;
        }
        k += 1;
    }
}

/// `sanitizeRange`: `/([0-z])-([0-z])/g`, an out-of-order range removed.
fn sanitize_range(range: &[char]) -> Vec<char> {
    let in_span = |c: char| ('0'..='z').contains(&c);
    let mut out = Vec::with_capacity(range.len());
    let mut i = 0;
    while i < range.len() {
        if i + 2 < range.len() && in_span(range[i]) && range[i + 1] == '-' && in_span(range[i + 2])
        {
            if range[i] <= range[i + 2] {
                out.extend(&range[i..i + 3]);
            }
            i += 3;
            continue;
        }
        out.push(range[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(patterns: &[&str]) -> GitIgnore {
        let patterns: Vec<String> = patterns.iter().map(|s| s.to_string()).collect();
        GitIgnore::new(&patterns).unwrap()
    }

    #[test]
    fn sources_are_the_librarys() {
        assert_eq!(make_regex_source("*.log"), r"(?:^|\/)[^\/]*\.log(?=$|\/$)");
        assert_eq!(make_regex_source("build/"), r"(?:^|\/)build\/$");
        assert_eq!(make_regex_source("/a/**/b"), r"^a(?:\/[^\/]+)*\/b(?=$|\/$)");
        assert_eq!(make_regex_source("a/**"), r"^a\/.+(?=$|\/$)");
        assert_eq!(make_regex_source("**/foo"), r"^(?:.*\/)?foo(?=$|\/$)");
        assert_eq!(make_regex_source("foo/*"), r"^foo\/[^/]+(?=$|\/$)");
        assert_eq!(make_regex_source("[z-a]x"), r"(?:^|\/)[]x(?=$|\/$)");
    }

    #[test]
    fn parents_and_negation() {
        let g = git(&["build/", "*.log", "!keep.log"]);
        assert!(g.ignores("build/"));
        assert!(!g.ignores("build"));
        assert!(g.ignores("build/keep.log"));
        assert!(g.ignores("a/x.LOG"));
        assert!(!g.ignores("a/keep.log"));
    }

    /// Every pattern list and path npm `ignore` answered (`tests/oracle/regenerate-gitignore.sh`).
    #[test]
    fn every_case_of_npm_ignore() {
        #[derive(serde::Deserialize)]
        struct Case {
            patterns: Vec<String>,
            #[serde(default)]
            error: bool,
            #[serde(default)]
            files: String,
            #[serde(default)]
            dirs: String,
        }
        #[derive(serde::Deserialize)]
        struct Oracle {
            paths: Vec<String>,
            cases: Vec<Case>,
        }
        let oracle: Oracle =
            serde_json::from_str(include_str!("../../../data/gitignore-cases.json")).unwrap();
        let mut wrong = Vec::new();
        for case in &oracle.cases {
            match GitIgnore::new(&case.patterns) {
                Err(_) if case.error => {}
                Err(e) => wrong.push(format!("{:?}: unexpected error {e}", case.patterns)),
                Ok(_) if case.error => wrong.push(format!("{:?}: no error", case.patterns)),
                Ok(g) => {
                    for (kind, answers, suffix) in
                        [("file", &case.files, ""), ("dir", &case.dirs, "/")]
                    {
                        for (path, answer) in oracle.paths.iter().zip(answers.chars()) {
                            let got = g.ignores(&format!("{path}{suffix}"));
                            if got != (answer == '1') {
                                wrong.push(format!(
                                    "{:?} {kind} {path:?}: npm ignore {answer}, here {got}",
                                    case.patterns
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} answers differ, e.g.\n{}",
            wrong.len(),
            wrong[..wrong.len().min(20)].join("\n")
        );
    }
}
