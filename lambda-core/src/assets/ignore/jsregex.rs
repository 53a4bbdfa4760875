//! The JavaScript regular expressions npm `ignore` builds from `.gitignore` patterns, compiled
//! and run as `new RegExp(source, 'i').test(path)` runs them: non-unicode mode (UTF-16 code
//! units, Annex B escapes), case folded by upper-casing, matched by backtracking.
//!
//! Only what those sources can hold is supported: literals and escapes, `.`, classes, `^` `$`
//! `\b` `\B`, groups, lookaheads, alternation and the quantifiers `* + ? {n,m}` (greedy or lazy).
//! Syntax errors are JavaScript's (`Unterminated character class`, ...), because npm `ignore`
//! throws them while a pattern is added.

/// Paths longer than this (UTF-16 units) are matched on a thread with [`LONG_PATH_STACK`].
const LONG_PATH: usize = 512;
const LONG_PATH_STACK: usize = 256 << 20;

/// A compiled regular expression.
#[derive(Debug, Clone)]
pub(super) struct JsRegex {
    alternatives: Vec<Vec<Node>>,
}

#[derive(Debug, Clone)]
enum Node {
    /// One code unit, already case folded.
    Unit(u16),
    /// `.`: anything but a line terminator.
    Any,
    Class(Class),
    Start,
    End,
    /// `\b` (true) or `\B` (false).
    WordBoundary(bool),
    Group(Vec<Vec<Node>>),
    /// `(?=...)` (false) or `(?!...)` (true).
    Look(Vec<Vec<Node>>, bool),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

#[derive(Debug, Clone)]
struct Class {
    negated: bool,
    items: Vec<ClassItem>,
}

#[derive(Debug, Clone)]
enum ClassItem {
    Range(u16, u16),
    /// `\d` `\w` `\s`, negated for `\D` `\W` `\S`.
    Set(char, bool),
}

/// JavaScript's case folding for a non-unicode `i` regex: upper-case, unless that maps a
/// non-ASCII character to ASCII or to several characters.
fn canonicalize(u: u16) -> u16 {
    let Some(c) = char::from_u32(u32::from(u)) else {
        return u;
    };
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(up), None) if u32::from(up) <= 0xffff && (c.is_ascii() || !up.is_ascii()) => {
            up as u16
        }
        _ => u,
    }
}

fn is_line_terminator(u: u16) -> bool {
    matches!(u, 0x0a | 0x0d | 0x2028 | 0x2029)
}

/// JavaScript's `\s`: white space and line terminators.
pub(super) fn is_js_space(u: u16) -> bool {
    matches!(
        u,
        0x09..=0x0d | 0x20 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000 | 0xfeff
    )
}

fn is_word(u: u16) -> bool {
    matches!(u, 0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a | 0x5f)
}

fn in_set(kind: char, u: u16) -> bool {
    match kind {
        'd' => (0x30..=0x39).contains(&u),
        'w' => is_word(u),
        _ => is_js_space(u),
    }
}

impl Class {
    fn matches(&self, u: u16) -> bool {
        // With `i`, a class matches when one of its members folds to what `u` folds to.
        let folded = canonicalize(u);
        let lower = char::from_u32(u32::from(u))
            .and_then(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(l), None) if u32::from(l) <= 0xffff => Some(l as u16),
                    _ => None,
                }
            })
            .unwrap_or(u);
        let hit = self.items.iter().any(|item| match *item {
            ClassItem::Range(a, b) => [u, folded, lower]
                .iter()
                .any(|&x| (a..=b).contains(&x) && canonicalize(x) == folded),
            ClassItem::Set(kind, negated) => in_set(kind, u) != negated,
        });
        hit != self.negated
    }
}

struct Parser<'p> {
    s: &'p [u16],
    i: usize,
}

type ParseResult<T> = Result<T, String>;

impl Parser<'_> {
    fn peek(&self) -> Option<u16> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c as u16) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn alternatives(&mut self, depth: usize) -> ParseResult<Vec<Vec<Node>>> {
        let mut alternatives = vec![self.sequence()?];
        while self.eat('|') {
            alternatives.push(self.sequence()?);
        }
        // A sequence stops at `|` (taken above), `)` or the end.
        match (self.peek(), depth) {
            (Some(_), 0) => Err("Unmatched ')'".into()),
            (None, 1..) => Err("Unterminated group".into()),
            _ => Ok(alternatives),
        }
    }

    fn sequence(&mut self) -> ParseResult<Vec<Node>> {
        let mut nodes = Vec::new();
        while let Some(u) = self.peek() {
            let c = char::from_u32(u32::from(u)).unwrap_or('\u{fffd}');
            if c == '|' || c == ')' {
                break;
            }
            self.i += 1;
            let atom = match c {
                '^' => {
                    nodes.push(Node::Start);
                    self.no_quantifier()?;
                    continue;
                }
                '$' => {
                    nodes.push(Node::End);
                    self.no_quantifier()?;
                    continue;
                }
                '(' => {
                    let look = if self.eat('?') {
                        if self.eat(':') {
                            None
                        } else if self.eat('=') {
                            Some(false)
                        } else if self.eat('!') {
                            Some(true)
                        } else {
                            return Err("Invalid group".into());
                        }
                    } else {
                        None
                    };
                    let inner = self.alternatives(1)?;
                    self.i += 1; // ')'
                    match look {
                        Some(negative) => Node::Look(inner, negative),
                        None => Node::Group(inner),
                    }
                }
                '[' => Node::Class(self.class()?),
                '.' => Node::Any,
                '\\' => match self.escape()? {
                    Escaped::Unit(u) => Node::Unit(canonicalize(u)),
                    Escaped::Set(kind, negated) => Node::Class(Class {
                        negated: false,
                        items: vec![ClassItem::Set(kind, negated)],
                    }),
                    Escaped::WordBoundary(b) => {
                        nodes.push(Node::WordBoundary(b));
                        self.no_quantifier()?;
                        continue;
                    }
                },
                '*' | '+' | '?' => return Err("Nothing to repeat".into()),
                '{' if self.quantifier_braces().is_some() => return Err("Nothing to repeat".into()),
                _ => Node::Unit(canonicalize(u)),
            };
            nodes.push(self.quantified(atom)?);
        }
        Ok(nodes)
    }

    fn no_quantifier(&self) -> ParseResult<()> {
        match self.peek() {
            Some(0x2a | 0x2b | 0x3f) => Err("Nothing to repeat".into()),
            _ => Ok(()),
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at the cursor (which is just after `{`): the bounds and the
    /// length after `{`; `None` when the braces are literal characters (Annex B).
    fn quantifier_braces(&self) -> Option<(u32, Option<u32>, usize)> {
        let rest = &self.s[self.i..];
        let digits = |from: usize| {
            rest[from..]
                .iter()
                .take_while(|u| (0x30..=0x39).contains(*u))
                .count()
        };
        let number = |from: usize, len: usize| {
            String::from_utf16_lossy(&rest[from..from + len])
                .parse::<u32>()
                .unwrap_or(u32::MAX)
        };
        let n = digits(0);
        if n == 0 {
            return None;
        }
        let min = number(0, n);
        match rest.get(n).copied() {
            Some(0x7d) => Some((min, Some(min), n + 1)),
            Some(0x2c) => {
                let m = digits(n + 1);
                match rest.get(n + 1 + m).copied() {
                    Some(0x7d) if m == 0 => Some((min, None, n + 2)),
                    Some(0x7d) => Some((min, Some(number(n + 1, m)), n + 2 + m)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn quantified(&mut self, atom: Node) -> ParseResult<Node> {
        let (min, max) = if self.eat('*') {
            (0, None)
        } else if self.eat('+') {
            (1, None)
        } else if self.eat('?') {
            (0, Some(1))
        } else if self.peek() == Some(u16::from(b'{')) {
            self.i += 1;
            match self.quantifier_braces() {
                Some((min, max, len)) => {
                    self.i += len;
                    if max.is_some_and(|max| max < min) {
                        return Err("numbers out of order in {} quantifier".into());
                    }
                    (min, max)
                }
                None => {
                    self.i -= 1;
                    return Ok(atom);
                }
            }
        } else {
            return Ok(atom);
        };
        let greedy = !self.eat('?');
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    /// After a `\` outside or inside a class.
    fn escape(&mut self) -> ParseResult<Escaped> {
        let Some(u) = self.peek() else {
            return Err("\\ at end of pattern".into());
        };
        self.i += 1;
        let c = char::from_u32(u32::from(u)).unwrap_or('\u{fffd}');
        let hex = |p: &Parser<'_>, len: usize| -> Option<u16> {
            let digits = p.s.get(p.i..p.i + len)?;
            let text = String::from_utf16(digits).ok()?;
            if !text.chars().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            u16::from_str_radix(&text, 16).ok()
        };
        Ok(match c {
            'd' | 'w' | 's' => Escaped::Set(c, false),
            'D' | 'W' | 'S' => Escaped::Set(c.to_ascii_lowercase(), true),
            'b' => Escaped::WordBoundary(true),
            'B' => Escaped::WordBoundary(false),
            't' => Escaped::Unit(0x09),
            'n' => Escaped::Unit(0x0a),
            'v' => Escaped::Unit(0x0b),
            'f' => Escaped::Unit(0x0c),
            'r' => Escaped::Unit(0x0d),
            'c' => match self.peek() {
                Some(l) if (l as u8 as char).is_ascii_alphabetic() && l < 0x80 => {
                    self.i += 1;
                    Escaped::Unit(l % 32)
                }
                _ => {
                    // `\c` without a letter is a backslash, and the `c` is read again.
                    self.i -= 1;
                    Escaped::Unit(u16::from(b'\\'))
                }
            },
            'x' => match hex(self, 2) {
                Some(v) => {
                    self.i += 2;
                    Escaped::Unit(v)
                }
                None => Escaped::Unit(u),
            },
            'u' => match hex(self, 4) {
                Some(v) => {
                    self.i += 4;
                    Escaped::Unit(v)
                }
                None => Escaped::Unit(u),
            },
            '0'..='7' => {
                // No capturing group is ever written, so `\1`.. are legacy octal escapes.
                let mut value = u32::from(u) - 0x30;
                let max_digits = if value <= 3 { 3 } else { 2 };
                let mut n = 1;
                while n < max_digits {
                    match self.peek() {
                        Some(d) if (0x30..=0x37).contains(&d) => {
                            value = value * 8 + (u32::from(d) - 0x30);
                            self.i += 1;
                            n += 1;
                        }
                        _ => break,
                    }
                }
                Escaped::Unit(value as u16)
            }
            _ => Escaped::Unit(u),
        })
    }

    /// After `[`.
    fn class(&mut self) -> ParseResult<Class> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        loop {
            let Some(u) = self.peek() else {
                return Err("Unterminated character class".into());
            };
            if u == u16::from(b']') {
                self.i += 1;
                return Ok(Class { negated, items });
            }
            let first = self.class_atom()?;
            let is_range = self.peek() == Some(u16::from(b'-'))
                && self
                    .s
                    .get(self.i + 1)
                    .is_some_and(|&n| n != u16::from(b']'));
            if !is_range {
                items.push(first);
                continue;
            }
            self.i += 1; // '-'
            let second = self.class_atom()?;
            match (first, second) {
                (ClassItem::Range(a, _), ClassItem::Range(b, _)) => {
                    if a > b {
                        return Err("Range out of order in character class".into());
                    }
                    items.push(ClassItem::Range(a, b));
                }
                (first, second) => {
                    // Annex B: a class escape at either end makes the `-` literal.
                    items.push(first);
                    items.push(ClassItem::Range(0x2d, 0x2d));
                    items.push(second);
                }
            }
        }
    }

    fn class_atom(&mut self) -> ParseResult<ClassItem> {
        let Some(u) = self.peek() else {
            return Err("Unterminated character class".into());
        };
        self.i += 1;
        if u != u16::from(b'\\') {
            return Ok(ClassItem::Range(u, u));
        }
        Ok(match self.escape()? {
            Escaped::Unit(v) => ClassItem::Range(v, v),
            Escaped::Set(kind, negated) => ClassItem::Set(kind, negated),
            // Inside a class, `\b` is a backspace and `\B` a `B`.
            Escaped::WordBoundary(true) => ClassItem::Range(0x08, 0x08),
            Escaped::WordBoundary(false) => ClassItem::Range(0x42, 0x42),
        })
    }
}

enum Escaped {
    Unit(u16),
    Set(char, bool),
    WordBoundary(bool),
}

impl JsRegex {
    /// `new RegExp(source, 'i')`.
    pub(super) fn new(source: &str) -> Result<JsRegex, String> {
        let units: Vec<u16> = source.encode_utf16().collect();
        let mut parser = Parser { s: &units, i: 0 };
        let alternatives = parser
            .alternatives(0)
            .map_err(|e| format!("Invalid regular expression: /{source}/i: {e}"))?;
        Ok(JsRegex { alternatives })
    }

    /// `regex.test(text)`: a match starting anywhere.
    pub(super) fn test(&self, text: &str) -> bool {
        let s: Vec<u16> = text.encode_utf16().collect();
        let run = || {
            let m = Matcher { s: &s };
            (0..=s.len()).any(|start| m.alternatives(&self.alternatives, start, &mut |_| true))
        };
        // The matcher recurses per path segment (and per pattern element): a very long path
        // is matched on a thread of its own with room for that, as JavaScript's heap-allocated
        // backtracking stack would have.
        if s.len() <= LONG_PATH {
            return run();
        }
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .stack_size(LONG_PATH_STACK)
                .spawn_scoped(scope, run)
                .ok()
                .and_then(|handle| handle.join().ok())
        })
        .unwrap_or_else(run)
    }
}

struct Matcher<'s> {
    s: &'s [u16],
}

impl Matcher<'_> {
    fn alternatives(
        &self,
        alternatives: &[Vec<Node>],
        i: usize,
        k: &mut dyn FnMut(usize) -> bool,
    ) -> bool {
        alternatives.iter().any(|seq| self.sequence(seq, i, k))
    }

    fn sequence(&self, seq: &[Node], i: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        match seq.split_first() {
            None => k(i),
            Some((node, rest)) => self.node(node, i, &mut |j| self.sequence(rest, j, k)),
        }
    }

    /// Whether a one-unit node (a unit, `.` or a class) matches `u`; `None` for other nodes.
    fn one_unit(node: &Node, u: u16) -> Option<bool> {
        match node {
            Node::Unit(c) => Some(canonicalize(u) == *c),
            Node::Any => Some(!is_line_terminator(u)),
            Node::Class(class) => Some(class.matches(u)),
            _ => None,
        }
    }

    fn node(&self, node: &Node, i: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        let s = self.s;
        if let Some(hit) = s.get(i).and_then(|&u| Self::one_unit(node, u)) {
            return hit && k(i + 1);
        }
        match node {
            Node::Unit(_) | Node::Any | Node::Class(_) => false,
            Node::Start => i == 0 && k(i),
            Node::End => i == s.len() && k(i),
            Node::WordBoundary(want) => {
                let before = i > 0 && is_word(s[i - 1]);
                let after = i < s.len() && is_word(s[i]);
                ((before != after) == *want) && k(i)
            }
            Node::Group(alternatives) => self.alternatives(alternatives, i, k),
            Node::Look(alternatives, negative) => {
                let found = self.alternatives(alternatives, i, &mut |_| true);
                found != *negative && k(i)
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                if Self::one_unit(node, 0).is_some() {
                    self.repeat_one_unit(node, *min, *max, *greedy, i, k)
                } else {
                    self.repeat(node, *min, *max, *greedy, i, 0, k)
                }
            }
        }
    }

    /// A repeated one-unit node (`[^\/]*`, `.+`, ...) in a loop rather than one recursion per
    /// character: how far it can reach, then each length from the preferred end.
    fn repeat_one_unit(
        &self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        i: usize,
        k: &mut dyn FnMut(usize) -> bool,
    ) -> bool {
        let limit = max.map_or(usize::MAX, |m| m as usize);
        let reach = self.s[i..]
            .iter()
            .take(limit)
            .take_while(|&&u| Self::one_unit(node, u) == Some(true))
            .count();
        let min = min as usize;
        if reach < min {
            return false;
        }
        if greedy {
            (min..=reach).rev().any(|n| k(i + n))
        } else {
            (min..=reach).any(|n| k(i + n))
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn repeat(
        &self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        i: usize,
        count: u32,
        k: &mut dyn FnMut(usize) -> bool,
    ) -> bool {
        let can_more = max.is_none_or(|max| count < max);
        let more = |k: &mut dyn FnMut(usize) -> bool| {
            can_more
                && self.node(node, i, &mut |j| {
                    // An iteration past the minimum that matches the empty string fails.
                    if j == i && count >= min {
                        return false;
                    }
                    self.repeat(node, min, max, greedy, j, count + 1, k)
                })
        };
        if count < min {
            return more(k);
        }
        let (first, second): (bool, bool) = (greedy, !greedy);
        // Greedy: one more iteration first, then stop; lazy: the other way round.
        if first && more(k) {
            return true;
        }
        if k(i) {
            return true;
        }
        second && more(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(source: &str, text: &str) -> bool {
        JsRegex::new(source).unwrap().test(text)
    }

    #[test]
    fn matches_as_javascript_does() {
        assert!(test(r"(?:^|\/)foo(?=$|\/$)", "a/FOO"));
        assert!(!test(r"(?:^|\/)foo(?=$|\/$)", "a/foo/b"));
        assert!(test(r"^(?:.*\/)?bar(?=$|\/$)", "x/y/bar/"));
        assert!(test(r"^a(?:\/[^\/]+)*\/b(?=$|\/$)", "a/b"));
        assert!(test(r"^a(?:\/[^\/]+)*\/b(?=$|\/$)", "a/x/y/b"));
        assert!(test(r"[^/]+(?=$|\/$)", "x"));
        assert!(test(r"a\d", "a1"));
        assert!(!test(r"[]", "a"));
        assert!(test(r"x{2}", "xx"));
        assert!(test(r"a{b", "a{b"));
        assert!(test(r"\x41\u0042\103", "abc"));
    }

    /// The matcher recurses once or twice per character: a path as long as Linux allows
    /// (4,096 bytes) is matched on a thread with the default 2 MiB stack.
    #[test]
    fn long_paths_fit_a_thread_stack() {
        let path = format!("{}/x.log", "abcdefgh/".repeat(455));
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let star = JsRegex::new(r"^(?:.*\/)?[^\/]*\.log(?=$|\/$)").unwrap();
                let deep = JsRegex::new(r"^a(?:\/[^\/]+)*\/zz(?=$|\/$)").unwrap();
                (star.test(&path), deep.test(&path))
            })
            .unwrap();
        assert_eq!(handle.join().unwrap(), (true, false));
    }

    #[test]
    fn syntax_errors_are_javascripts() {
        for source in [r"(?:^|\/)A[\/$", "*a", "a)", "(a", "[z-a]", "a\\"] {
            assert!(JsRegex::new(source).is_err(), "{source}");
        }
    }
}
