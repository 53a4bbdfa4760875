//! A port of npm `@balena/dockerignore` 1.0.2, which aws-cdk-lib uses for `IgnoreMode.DOCKER`:
//! Docker's (Moby's) `.dockerignore` rules — patterns cleaned like Go's `filepath.Clean`,
//! anchored at the root, `*`/`?` not crossing `/`, `**` crossing any number of directories,
//! `!` exceptions, a pattern also matching every parent directory of a path, and matching
//! **case-insensitively** (the library compiles its regular expressions with the `i` flag).
//!
//! Divergence, on purpose: the library pastes any other pattern character into a JavaScript
//! regular expression unescaped, so `+ ( ) | { } ^` and escapes such as `\d` act as regex
//! syntax there. Here they are literal characters, as in Docker itself (Go's
//! `filepath.Match`), and `[...]` classes are read as Go reads them.

use crate::assets::jspath::{dirname, normalize};
use crate::assets::AssetError;

/// A set of `.dockerignore` rules.
#[derive(Debug, Clone, Default)]
pub(crate) struct DockerIgnore {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
struct Rule {
    negative: bool,
    dirs: Vec<String>,
    regex: Regex,
}

impl DockerIgnore {
    /// `ignore.add(pattern)`: a string is split into lines, each line is one rule.
    pub(crate) fn add(&mut self, pattern: &str) -> Result<(), AssetError> {
        for line in pattern.split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some(rule) = Rule::new(line.trim())? {
                self.rules.push(rule);
            }
        }
        Ok(())
    }

    /// Whether `path` (relative to the root, `/`-separated) is ignored.
    pub(crate) fn ignores(&self, path: &str) -> bool {
        if path.is_empty() {
            return true;
        }
        let parent = clean_path(&dirname(path));
        let parent_dirs: Vec<&str> = parent.split('/').collect();
        let mut matched = false;
        for rule in &self.rules {
            let mut hit = rule.regex.is_match(path);
            if !hit && parent != "." {
                if rule.dirs.iter().any(|d| d == "**") {
                    let fixed = rule.dirs.iter().filter(|d| *d != "**").count();
                    for i in fixed..=parent_dirs.len() {
                        hit = hit || rule.regex.is_match(&parent_dirs[..i].join("/"));
                    }
                } else if rule.dirs.len() <= parent_dirs.len() {
                    hit = rule
                        .regex
                        .is_match(&parent_dirs[..rule.dirs.len()].join("/"));
                }
            }
            if hit {
                matched = !rule.negative;
            }
        }
        matched
    }
}

/// Go's `filepath.Clean` as the library approximates it: `path.normalize` without a trailing
/// slash.
fn clean_path(file: &str) -> String {
    let mut cleaned = normalize(file);
    if cleaned.len() > 1 && cleaned.ends_with('/') {
        cleaned.pop();
    }
    cleaned
}

impl Rule {
    fn new(pattern: &str) -> Result<Option<Rule>, AssetError> {
        let original = pattern;
        let mut negative = false;
        let mut pattern = pattern.to_string();
        if let Some(rest) = pattern.strip_prefix('!') {
            negative = true;
            pattern = rest.trim().to_string();
        }
        if !pattern.is_empty() {
            pattern = clean_path(&pattern);
            if pattern.len() > 1 && pattern.starts_with('/') {
                pattern.remove(0);
            }
        }
        if negative {
            pattern.insert(0, '!');
        }
        let pattern = pattern.trim();
        if pattern.is_empty() {
            return Ok(None);
        }
        let mut pattern = clean_path(pattern);
        if let Some(rest) = pattern.strip_prefix('!') {
            if rest.is_empty() {
                return Ok(None);
            }
            negative = true;
            pattern = rest.to_string();
        } else {
            negative = false;
        }
        let regex = Regex::compile(&pattern).map_err(|m| AssetError::pattern(original, m))?;
        Ok(Some(Rule {
            negative,
            dirs: pattern.split('/').map(str::to_string).collect(),
            regex,
        }))
    }
}

#[derive(Debug, Clone)]
enum Token {
    Lit(char),
    /// `[^/]`
    NotSlash,
    /// `[^/]*`
    NotSlashStar,
    /// `(.*/)?`
    DirPrefix,
    /// `.*`
    AnyStar,
    Class(Class),
}

#[derive(Debug, Clone)]
struct Class {
    negate: bool,
    items: Vec<(char, char)>,
}

impl Class {
    fn contains(&self, c: char) -> bool {
        self.items.iter().any(|&(a, b)| a <= c && c <= b)
    }

    /// Case-insensitive membership, as a JavaScript `i` regex tests a class.
    fn matches(&self, c: char) -> bool {
        let found = self.contains(c)
            || self.contains(canonicalize(c))
            || c.to_lowercase().any(|l| self.contains(l));
        found != self.negate
    }
}

/// The matcher the library builds: `^…$`, case-insensitive.
#[derive(Debug, Clone)]
struct Regex {
    tokens: Vec<Token>,
    /// False when the pattern ends in a lone `\`: the library's regex then ends in `\$`,
    /// a literal dollar with no end anchor.
    anchored: bool,
}

/// JavaScript's case folding for a non-unicode `i` regex: upper-case, unless that maps a
/// non-ASCII character to ASCII or to several characters.
fn canonicalize(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) if c.is_ascii() || !u.is_ascii() => u,
        _ => c,
    }
}

fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

impl Regex {
    fn compile(pattern: &str) -> Result<Regex, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut tokens = Vec::new();
        let mut anchored = true;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match c {
                '*' if chars.get(i + 1) == Some(&'*') => {
                    i += 1;
                    if chars.get(i + 1) == Some(&'/') {
                        i += 1;
                    }
                    tokens.push(if i + 1 >= chars.len() {
                        Token::AnyStar
                    } else {
                        Token::DirPrefix
                    });
                }
                '*' => tokens.push(Token::NotSlashStar),
                '?' => tokens.push(Token::NotSlash),
                '\\' => match chars.get(i + 1) {
                    Some(&next) => {
                        tokens.push(Token::Lit(next));
                        i += 1;
                    }
                    None => {
                        tokens.push(Token::Lit('$'));
                        anchored = false;
                    }
                },
                '[' => {
                    let (class, consumed) = parse_class(&chars[i..])?;
                    tokens.push(Token::Class(class));
                    i += consumed - 1;
                }
                _ => tokens.push(Token::Lit(c)),
            }
            i += 1;
        }
        Ok(Regex { tokens, anchored })
    }

    fn is_match(&self, s: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        let width = chars.len() + 1;
        let mut memo: Vec<Option<bool>> = vec![None; (self.tokens.len() + 1) * width];
        self.match_at(0, 0, &chars, &mut memo)
    }

    fn match_at(&self, t: usize, i: usize, s: &[char], memo: &mut [Option<bool>]) -> bool {
        let key = t * (s.len() + 1) + i;
        if let Some(done) = memo[key] {
            return done;
        }
        let result = match self.tokens.get(t) {
            None => !self.anchored || i == s.len(),
            Some(Token::Lit(c)) => {
                i < s.len()
                    && canonicalize(s[i]) == canonicalize(*c)
                    && self.match_at(t + 1, i + 1, s, memo)
            }
            Some(Token::NotSlash) => {
                i < s.len() && s[i] != '/' && self.match_at(t + 1, i + 1, s, memo)
            }
            Some(Token::Class(class)) => {
                i < s.len() && class.matches(s[i]) && self.match_at(t + 1, i + 1, s, memo)
            }
            Some(Token::NotSlashStar) => {
                let end = s[i..]
                    .iter()
                    .position(|&c| c == '/')
                    .map_or(s.len(), |p| i + p);
                (i..=end).any(|j| self.match_at(t + 1, j, s, memo))
            }
            Some(Token::AnyStar) => {
                let end = s[i..]
                    .iter()
                    .position(|&c| is_line_terminator(c))
                    .map_or(s.len(), |p| i + p);
                (i..=end).any(|j| self.match_at(t + 1, j, s, memo))
            }
            Some(Token::DirPrefix) => {
                self.match_at(t + 1, i, s, memo) || {
                    let end = s[i..]
                        .iter()
                        .position(|&c| is_line_terminator(c))
                        .map_or(s.len(), |p| i + p);
                    (i..end).any(|j| s[j] == '/' && self.match_at(t + 1, j + 1, s, memo))
                }
            }
        };
        memo[key] = Some(result);
        result
    }
}

/// A `[...]` class starting at `chars[0]`, read as Go's `filepath.Match` does
/// (`^` negates, `\` escapes, `a-z` ranges). Returns the class and the characters consumed.
fn parse_class(chars: &[char]) -> Result<(Class, usize), String> {
    let mut i = 1;
    let negate = chars.get(1) == Some(&'^');
    if negate {
        i += 1;
    }
    let mut items = Vec::new();
    let mut first = true;
    loop {
        let Some(&c) = chars.get(i) else {
            return Err("unterminated character class".to_string());
        };
        if c == ']' && !first {
            return Ok((Class { negate, items }, i + 1));
        }
        first = false;
        let read = |i: &mut usize| -> Result<char, String> {
            let mut c = *chars.get(*i).ok_or("unterminated character class")?;
            if c == '\\' {
                *i += 1;
                c = *chars.get(*i).ok_or("unterminated character class")?;
            }
            *i += 1;
            Ok(c)
        };
        let low = read(&mut i)?;
        let mut high = low;
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|&c| c != ']') {
            i += 1;
            high = read(&mut i)?;
            if high < low {
                return Err(format!(
                    "range out of order in character class ({low}-{high})"
                ));
            }
        }
        items.push((low, high));
    }
}

#[cfg(test)]
mod tests {
    use super::DockerIgnore;

    fn ignore(patterns: &[&str]) -> DockerIgnore {
        let mut ig = DockerIgnore::default();
        for p in patterns {
            ig.add(p).unwrap();
        }
        ig
    }

    #[test]
    fn patterns_are_anchored_and_match_parents() {
        let ig = ignore(&["*.ignore"]);
        assert!(ig.ignores("data.ignore"));
        assert!(!ig.ignores("sub/deep.ignore"));
        let ig = ignore(&["sub"]);
        assert!(ig.ignores("sub/keep.py"));
        let ig = ignore(&["**/*.ignore"]);
        assert!(ig.ignores("sub/deep.ignore"));
        assert!(ig.ignores("data.ignore"));
        let ig = ignore(&["/sub/../*.IGNORE"]);
        assert!(ig.ignores("data.ignore"));
    }

    #[test]
    fn exceptions_reinclude() {
        let ig = ignore(&["*", "!index.py", "!sub", "sub/*.ignore"]);
        assert!(ig.ignores(".hidden"));
        assert!(!ig.ignores("index.py"));
        assert!(!ig.ignores("sub"));
        assert!(!ig.ignores("sub/keep.py"));
        assert!(ig.ignores("sub/deep.ignore"));
    }

    #[test]
    fn classes_and_errors() {
        let ig = ignore(&["file[0-9].txt"]);
        assert!(ig.ignores("file1.txt"));
        assert!(!ig.ignores("filex.txt"));
        assert!(DockerIgnore::default().add("file[0-9.txt").is_err());
    }
}
