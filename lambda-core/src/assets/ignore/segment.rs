//! One path segment of a minimatch pattern (minimatch 10.2.6's `ast.ts`, as bundled by
//! aws-cdk-lib 2.276.0): parsed into extglob groups, simplified as minimatch simplifies them,
//! compiled into a node list equivalent to the regular expression minimatch would build, and
//! matched by backtracking.

use super::class::{parse_class, Class, ClassParse};

/// A compiled segment element.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Lit(char),
    /// `?`
    Any,
    /// `*`
    Star,
    /// A run of `*` that is the whole segment: at least one character.
    StarNoEmpty,
    Class(Class),
    /// A class that can match nothing (`$.` in minimatch): poisons the segment.
    Never,
    /// `(?!\.)`: the next character is not a dot.
    NoDot,
    Ext(Ext),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ext {
    kind: ExtKind,
    alts: Vec<Vec<Node>>,
    /// For `*( )` and `+( )`: the alternatives of the second and later repetitions, which
    /// may start with a dot (minimatch only guards the first one).
    repeat_alts: Option<Vec<Vec<Node>>>,
    /// For `!( )` at the start of a segment: what follows the lookahead may not start with a dot.
    no_dot: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExtKind {
    /// `@(a|b)`: exactly one
    One,
    /// `?(a|b)`: zero or one
    ZeroOrOne,
    /// `*(a|b)`: any number
    ZeroOrMore,
    /// `+(a|b)`: at least one
    OneOrMore,
    /// `!(a|b)`: anything but
    Not,
}

impl ExtKind {
    fn from_char(c: char) -> Option<ExtKind> {
        Some(match c {
            '@' => ExtKind::One,
            '?' => ExtKind::ZeroOrOne,
            '*' => ExtKind::ZeroOrMore,
            '+' => ExtKind::OneOrMore,
            '!' => ExtKind::Not,
            _ => return None,
        })
    }

    fn as_char(self) -> char {
        match self {
            ExtKind::One => '@',
            ExtKind::ZeroOrOne => '?',
            ExtKind::ZeroOrMore => '*',
            ExtKind::OneOrMore => '+',
            ExtKind::Not => '!',
        }
    }

    /// minimatch's `adoptionMap`: an alternative that is just a `child` extglob can be
    /// replaced by the child's alternatives.
    fn adopts(self, child: ExtKind) -> bool {
        use ExtKind::*;
        match self {
            Not => matches!(child, One),
            ZeroOrOne => matches!(child, ZeroOrOne | One),
            One => matches!(child, One),
            ZeroOrMore => matches!(child, ZeroOrMore | OneOrMore | ZeroOrOne | One),
            OneOrMore => matches!(child, OneOrMore | One),
        }
    }

    /// `adoptionWithSpaceMap`: the same, adding an empty alternative.
    fn adopts_with_space(self, child: ExtKind) -> bool {
        use ExtKind::*;
        match self {
            Not | One => matches!(child, ZeroOrOne),
            OneOrMore => matches!(child, ZeroOrOne | ZeroOrMore),
            _ => false,
        }
    }

    /// `adoptionAnyMap`: nesting such a child does not count against the depth limit.
    fn adopts_any(self, child: ExtKind) -> bool {
        use ExtKind::*;
        match self {
            Not | ZeroOrOne | One => matches!(child, ZeroOrOne | One),
            ZeroOrMore => matches!(child, ZeroOrMore | OneOrMore | ZeroOrOne | One),
            OneOrMore => matches!(child, OneOrMore | One | ZeroOrOne | ZeroOrMore),
        }
    }

    /// `usurpMap`: an extglob whose only alternative is a single `child` extglob becomes
    /// the returned kind with the child's alternatives.
    fn usurps(self, child: ExtKind) -> Option<ExtKind> {
        use ExtKind::*;
        match (self, child) {
            (Not, Not) => Some(One),
            (ZeroOrOne, ZeroOrMore | OneOrMore) => Some(ZeroOrMore),
            (One, c) => Some(c),
            (OneOrMore, ZeroOrOne | ZeroOrMore) => Some(ZeroOrMore),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing into extglob groups.

/// minimatch's default `maxExtglobRecursion`.
const MAX_EXTGLOB_DEPTH: usize = 2;

#[derive(Debug, Clone)]
enum Part {
    Str(String),
    Group(Group),
}

#[derive(Debug, Clone)]
struct Group {
    /// `None`: a plain sequence (the segment, an extglob alternative, or an unfinished
    /// extglob taken literally); otherwise an extglob whose parts are its alternatives.
    ext: Option<ExtKind>,
    parts: Vec<Part>,
    empty_ext: bool,
    /// Set when `!(!(x))` was simplified to `@(x)`: minimatch then still appends the rest of
    /// the segment to the alternatives (they are the inner negation's), without anchoring them.
    carries_tail: bool,
}

impl Group {
    fn new(ext: Option<ExtKind>) -> Group {
        Group {
            ext,
            parts: Vec::new(),
            empty_ext: false,
            carries_tail: false,
        }
    }

    fn push_str(&mut self, acc: &mut String) {
        if !acc.is_empty() {
            self.parts.push(Part::Str(std::mem::take(acc)));
        }
    }

    fn is_not(&self) -> bool {
        self.ext == Some(ExtKind::Not)
    }

    /// minimatch's `toString`: the glob text back.
    fn text(&self) -> String {
        let inner = self.parts.iter().map(|p| match p {
            Part::Str(s) => s.clone(),
            Part::Group(g) => g.text(),
        });
        match self.ext {
            None => inner.collect(),
            Some(kind) => format!(
                "{}({})",
                kind.as_char(),
                inner.collect::<Vec<_>>().join("|")
            ),
        }
    }

    /// The extglob an alternative consists of, when it is exactly one.
    fn only_ext(&self) -> Option<&Group> {
        match self.parts.as_slice() {
            [Part::Group(g)] if self.ext.is_none() && g.ext.is_some() => Some(g),
            _ => None,
        }
    }
}

/// Tracks `\` escapes and `[...]` classes while scanning, so that extglob characters inside
/// them are not taken as extglob starts.
#[derive(Default)]
struct Scan {
    escaping: bool,
    in_brace: bool,
    brace_start: usize,
    brace_neg: bool,
}

impl Scan {
    /// Returns true when `c` (at index `i - 1`) was consumed as escaped or class content.
    fn consume(&mut self, c: char, i: usize, acc: &mut String) -> bool {
        if self.escaping || c == '\\' {
            self.escaping = !self.escaping;
            acc.push(c);
            return true;
        }
        if self.in_brace {
            if i == self.brace_start + 1 {
                if c == '^' || c == '!' {
                    self.brace_neg = true;
                }
            } else if c == ']' && !(i == self.brace_start + 2 && self.brace_neg) {
                self.in_brace = false;
            }
            acc.push(c);
            return true;
        }
        if c == '[' {
            self.in_brace = true;
            self.brace_start = i;
            self.brace_neg = false;
            acc.push(c);
            return true;
        }
        false
    }
}

fn parse_ast(chars: &[char], group: &mut Group, pos: usize, depth: usize) -> usize {
    let mut scan = Scan::default();
    let mut acc = String::new();
    let Some(own_kind) = group.ext else {
        let mut i = pos;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if scan.consume(c, i, &mut acc) {
                continue;
            }
            let ext = ExtKind::from_char(c).filter(|_| chars.get(i) == Some(&'('));
            if let Some(kind) = ext.filter(|_| depth <= MAX_EXTGLOB_DEPTH) {
                group.push_str(&mut acc);
                let mut sub = Group::new(Some(kind));
                i = parse_ast(chars, &mut sub, i, depth + 1);
                group.parts.push(Part::Group(sub));
                continue;
            }
            acc.push(c);
        }
        group.push_str(&mut acc);
        return i;
    };

    // An extglob: `pos` is at its `(`.
    let mut i = pos + 1;
    let mut part = Group::new(None);
    let mut alternatives: Vec<Group> = Vec::new();
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if scan.consume(c, i, &mut acc) {
            continue;
        }
        let ext = ExtKind::from_char(c).filter(|_| chars.get(i) == Some(&'('));
        if let Some(kind) = ext.filter(|&k| depth <= MAX_EXTGLOB_DEPTH || own_kind.adopts_any(k)) {
            let depth_add = usize::from(!own_kind.adopts_any(kind));
            part.push_str(&mut acc);
            let mut sub = Group::new(Some(kind));
            i = parse_ast(chars, &mut sub, i, depth + depth_add);
            part.parts.push(Part::Group(sub));
            continue;
        }
        if c == '|' {
            part.push_str(&mut acc);
            alternatives.push(std::mem::replace(&mut part, Group::new(None)));
            continue;
        }
        if c == ')' {
            // minimatch only looks at the text since the last `|` or nested extglob here.
            if acc.is_empty() && group.parts.is_empty() {
                group.empty_ext = true;
            }
            part.push_str(&mut acc);
            alternatives.push(part);
            group.parts = alternatives.into_iter().map(Part::Group).collect();
            return i;
        }
        acc.push(c);
    }
    // Unfinished extglob: everything from its type character on is plain glob text.
    group.ext = None;
    group.parts = vec![Part::Str(chars[pos - 1..].iter().collect())];
    i
}

/// minimatch's `#flatten`: nested extglobs that mean the same as a flatter one are merged
/// (`@(@(a|b))` → `@(a|b)`, `!(!(a))` → `@(a)`, `+(?(a))` → `+(a|)`, …).
fn flatten(group: &mut Group) {
    let Some(_) = group.ext else {
        for part in &mut group.parts {
            if let Part::Group(sub) = part {
                flatten(sub);
            }
        }
        return;
    };
    for _ in 0..10 {
        let mut done = true;
        let mut i = 0;
        while i < group.parts.len() {
            let Some(kind) = group.ext else { break };
            let grandchild = match &mut group.parts[i] {
                Part::Group(child) => {
                    flatten(child);
                    child.only_ext().and_then(|g| g.ext)
                }
                Part::Str(_) => None,
            };
            if let Some(gc_kind) = grandchild {
                if kind.adopts(gc_kind) {
                    done = false;
                    adopt(group, i, false);
                } else if kind.adopts_with_space(gc_kind) {
                    done = false;
                    adopt(group, i, true);
                } else if let (1, Some(new_kind)) = (group.parts.len(), kind.usurps(gc_kind)) {
                    done = false;
                    usurp(group, new_kind);
                    group.carries_tail |= kind == ExtKind::Not && gc_kind == ExtKind::Not;
                }
            }
            i += 1;
        }
        if done {
            break;
        }
    }
}

/// The group's only alternative is a lone extglob: take over its alternatives and kind.
fn usurp(group: &mut Group, kind: ExtKind) {
    if let Some(Part::Group(child)) = group.parts.pop() {
        if let Some(Part::Group(grandchild)) = child.parts.into_iter().next() {
            group.parts = grandchild.parts;
            group.ext = Some(kind);
            group.empty_ext = false;
        }
    }
}

/// Replaces alternative `index` (a lone extglob) by that extglob's alternatives.
fn adopt(group: &mut Group, index: usize, with_space: bool) {
    let Part::Group(child) = group.parts.remove(index) else {
        return;
    };
    let Some(Part::Group(mut grandchild)) = child.parts.into_iter().next() else {
        return;
    };
    if with_space {
        let mut blank = Group::new(None);
        blank.parts.push(Part::Str(String::new()));
        grandchild.parts.push(Part::Group(blank));
    }
    for (offset, part) in grandchild.parts.into_iter().enumerate() {
        group.parts.insert(index + offset, part);
    }
}

// ---------------------------------------------------------------------------------------------
// Compiling: minimatch's `toRegExpSource`, as nodes.

#[derive(Default)]
struct Compile {
    /// A POSIX class made minimatch use the regex `u` flag.
    unicode: bool,
    /// A character minimatch escapes in a way the `u` flag rejects (`\-`, `\,`, `\#`, `\ `, `\!`).
    loose_escape: bool,
}

/// Compiles one segment glob. Errors are the ones minimatch's `RegExp` construction throws.
pub(super) fn compile_segment(glob: &str) -> Result<Vec<Node>, String> {
    let chars: Vec<char> = glob.chars().collect();
    let mut root = Group::new(None);
    parse_ast(&chars, &mut root, 0, 0);
    flatten(&mut root);
    let mut ctx = Compile::default();
    let mut nodes = Vec::new();
    let flags = Position {
        is_start: true,
        is_end: true,
        allow_dot: false,
    };
    compile_seq(&root.parts, flags, &[], &mut ctx, &mut nodes);
    if ctx.unicode && ctx.loose_escape {
        return Err("Invalid regular expression: Invalid escape (with the u flag)".to_string());
    }
    Ok(nodes)
}

fn starts_with_wildcard(nodes: &[Node]) -> bool {
    match nodes.first() {
        Some(Node::Any | Node::Star | Node::StarNoEmpty) => true,
        Some(Node::Class(class)) => class.source_starts_with_bracket(),
        _ => false,
    }
}

/// Compiles a sequence of parts. `tail` is what follows the sequence up to the end of the
/// segment (minimatch copies it into negated extglobs, see `compile_ext`).
fn compile_seq(
    parts: &[Part],
    flags: Position,
    tail: &[Part],
    ctx: &mut Compile,
    out: &mut Vec<Node>,
) {
    let Position {
        is_start,
        is_end,
        allow_dot,
    } = flags;
    let no_empty = is_start && is_end && parts.iter().all(|p| matches!(p, Part::Str(_)));
    let mut nodes = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        match part {
            Part::Str(text) => parse_glob(text, no_empty, ctx, &mut nodes),
            Part::Group(sub) => {
                let child_start = is_start
                    && parts[..index]
                        .iter()
                        .all(|p| matches!(p, Part::Group(g) if g.is_not()));
                let child_tail: Vec<Part> =
                    parts[index + 1..].iter().chain(tail).cloned().collect();
                if sub.ext.is_none() {
                    let flags = Position {
                        is_start: child_start,
                        ..flags
                    };
                    compile_seq(&sub.parts, flags, &child_tail, ctx, &mut nodes);
                } else {
                    let flags = Position {
                        is_start: child_start,
                        is_end: is_end && index == parts.len() - 1,
                        allow_dot,
                    };
                    compile_ext(sub, flags, &child_tail, ctx, &mut nodes);
                }
            }
        }
    }
    if is_start && !allow_dot {
        if let Some(Part::Str(first)) = parts.first() {
            let dot_traversal = parts.len() == 1 && (first == "." || first == "..");
            if !dot_traversal && starts_with_wildcard(&nodes) {
                nodes.insert(0, Node::NoDot);
            }
        }
    }
    out.extend(nodes);
}

/// minimatch's `copyIn`: a copy of a part of the rest of the segment. Copies are built with
/// the `AST` constructor, which forgets that an extglob was written empty, so a copied `!()`
/// is a negation of the empty alternative instead of "at least one character".
fn copy_in(part: &Part) -> Part {
    match part {
        Part::Str(text) => Part::Str(text.clone()),
        Part::Group(group) => Part::Group(Group {
            ext: group.ext,
            parts: group.parts.iter().map(copy_in).collect(),
            empty_ext: false,
            carries_tail: group.carries_tail,
        }),
    }
}

/// Where a part sits: at the start / end of the segment, and whether leading dots are allowed
/// (minimatch's `allowDot`, set for the later repetitions of `*( )` and `+( )`).
#[derive(Debug, Clone, Copy)]
struct Position {
    is_start: bool,
    is_end: bool,
    allow_dot: bool,
}

/// The alternatives of an extglob. Those of `!( )` get the rest of the segment appended and
/// must reach its end (minimatch's `fillNegs`): its lookahead rejects `alternative + rest`.
fn compile_alternatives(
    group: &Group,
    flags: Position,
    tail: &[Part],
    ctx: &mut Compile,
) -> Vec<Vec<Node>> {
    let negated = group.is_not();
    let alt_flags = Position {
        is_end: negated || flags.is_end,
        ..flags
    };
    group
        .parts
        .iter()
        .filter_map(|part| match part {
            Part::Group(alt) => {
                let mut nodes = Vec::new();
                if negated || group.carries_tail {
                    let parts: Vec<Part> = alt
                        .parts
                        .iter()
                        .cloned()
                        .chain(tail.iter().map(copy_in))
                        .collect();
                    compile_seq(&parts, alt_flags, &[], ctx, &mut nodes);
                } else {
                    compile_seq(&alt.parts, alt_flags, tail, ctx, &mut nodes);
                }
                Some(nodes)
            }
            Part::Str(_) => None,
        })
        .filter(|nodes| !(flags.is_start && flags.is_end && nodes.is_empty()))
        .collect()
}

fn compile_ext(
    group: &Group,
    flags: Position,
    tail: &[Part],
    ctx: &mut Compile,
    out: &mut Vec<Node>,
) {
    let Some(kind) = group.ext else {
        return compile_seq(&group.parts, flags, tail, ctx, out);
    };
    let Position {
        is_start,
        is_end,
        allow_dot,
    } = flags;
    let alts = compile_alternatives(group, flags, tail, ctx);
    if is_start && is_end && alts.is_empty() && kind != ExtKind::Not {
        // An extglob with nothing in it is not one: minimatch matches its text literally.
        out.extend(group.text().chars().map(Node::Lit));
        return;
    }
    let repeated = matches!(kind, ExtKind::ZeroOrMore | ExtKind::OneOrMore);
    let repeat_alts = (repeated && !allow_dot)
        .then(|| {
            let dotted = Position {
                allow_dot: true,
                ..flags
            };
            compile_alternatives(group, dotted, tail, ctx)
        })
        .filter(|dot_alts| *dot_alts != alts);
    if kind == ExtKind::Not && group.empty_ext {
        if is_start && !allow_dot {
            out.push(Node::NoDot);
        }
        out.push(Node::StarNoEmpty);
        return;
    }
    out.push(Node::Ext(Ext {
        kind,
        alts,
        repeat_alts,
        no_dot: kind == ExtKind::Not && is_start && !allow_dot,
    }));
}

/// Characters minimatch's `regExpEscape` backslashes that a `u`-flag regex refuses.
fn loose_under_unicode(c: char) -> bool {
    matches!(c, '-' | ',' | '#') || c.is_whitespace() || c == '\u{feff}'
}

/// minimatch's `parseGlob`: escapes, classes, `*` and `?` of a plain text part.
fn parse_glob(glob: &str, no_empty: bool, ctx: &mut Compile, out: &mut Vec<Node>) {
    let chars: Vec<char> = glob.chars().collect();
    let all_stars = !chars.is_empty() && chars.iter().all(|&c| c == '*');
    let mut escaping = false;
    let mut in_star = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if escaping {
            escaping = false;
            if c == '!' {
                ctx.loose_escape = true;
            }
            out.push(Node::Lit(c));
            i += 1;
            continue;
        }
        if c == '*' {
            if !in_star {
                in_star = true;
                out.push(if no_empty && all_stars {
                    Node::StarNoEmpty
                } else {
                    Node::Star
                });
            }
            i += 1;
            continue;
        }
        in_star = false;
        if c == '\\' {
            if i == chars.len() - 1 {
                out.push(Node::Lit('\\'));
            } else {
                escaping = true;
            }
            i += 1;
            continue;
        }
        if c == '[' {
            if let Some((parsed, consumed)) = parse_class(&chars, i) {
                out.push(match parsed {
                    ClassParse::Never => Node::Never,
                    ClassParse::Literal(c) => {
                        ctx.loose_escape |= loose_under_unicode(c);
                        Node::Lit(c)
                    }
                    ClassParse::Class { class, unicode } => {
                        ctx.unicode |= unicode;
                        Node::Class(class)
                    }
                });
                i += consumed;
                continue;
            }
        }
        if c == '?' {
            out.push(Node::Any);
        } else {
            if loose_under_unicode(c) {
                ctx.loose_escape = true;
            }
            out.push(Node::Lit(c));
        }
        i += 1;
    }
}

// ---------------------------------------------------------------------------------------------
// Matching a segment against its node list.

/// Whether `segment` matches the compiled `nodes` (anchored at both ends).
pub(super) fn match_nodes(nodes: &[Node], segment: &str) -> bool {
    let chars: Vec<char> = segment.chars().collect();
    let needs_backtracking = nodes.iter().enumerate().any(|(index, node)| {
        matches!(node, Node::Ext(_)) || (index > 0 && matches!(node, Node::NoDot))
    });
    if needs_backtracking {
        m(nodes, &chars, 0, &|j| j == chars.len())
    } else {
        match_simple(nodes, &chars)
    }
}

fn single(node: &Node, c: char) -> bool {
    match node {
        Node::Lit(x) => *x == c,
        Node::Any => true,
        Node::Class(class) => class.matches(c),
        _ => false,
    }
}

/// Wildcard matching without extglobs: linear backtracking on the last `*`.
fn match_simple(nodes: &[Node], s: &[char]) -> bool {
    let mut nodes = nodes;
    if let Some((Node::NoDot, rest)) = nodes.split_first() {
        if s.first() == Some(&'.') {
            return false;
        }
        nodes = rest;
    }
    if nodes.iter().any(|n| matches!(n, Node::Never)) {
        return false;
    }
    let nodes: Vec<&Node> = nodes
        .iter()
        .flat_map(|n| match n {
            Node::StarNoEmpty => vec![&Node::Any, &Node::Star],
            other => vec![other],
        })
        .collect();
    let (mut p, mut i) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while i < s.len() {
        if p < nodes.len() {
            if let Node::Star = nodes[p] {
                backtrack = Some((p, i));
                p += 1;
                continue;
            }
            if single(nodes[p], s[i]) {
                p += 1;
                i += 1;
                continue;
            }
        }
        match backtrack {
            Some((star, from)) => {
                p = star + 1;
                i = from + 1;
                backtrack = Some((star, from + 1));
            }
            None => return false,
        }
    }
    nodes[p..].iter().all(|n| matches!(n, Node::Star))
}

/// Backtracking matcher in continuation-passing style, for patterns with extglobs.
fn m(nodes: &[Node], s: &[char], i: usize, k: &dyn Fn(usize) -> bool) -> bool {
    let Some((first, rest)) = nodes.split_first() else {
        return k(i);
    };
    let cont = |j: usize| m(rest, s, j, k);
    match first {
        Node::Lit(_) | Node::Any | Node::Class(_) => {
            i < s.len() && single(first, s[i]) && cont(i + 1)
        }
        Node::Star => (i..=s.len()).any(cont),
        Node::StarNoEmpty => (i + 1..=s.len()).any(cont),
        Node::Never => false,
        Node::NoDot => s.get(i) != Some(&'.') && cont(i),
        Node::Ext(ext) => {
            let again = ext.repeat_alts.as_ref().unwrap_or(&ext.alts);
            match ext.kind {
                ExtKind::One => ext.alts.iter().any(|alt| m(alt, s, i, &cont)),
                ExtKind::ZeroOrOne => cont(i) || ext.alts.iter().any(|alt| m(alt, s, i, &cont)),
                ExtKind::ZeroOrMore => {
                    cont(i)
                        || ext
                            .alts
                            .iter()
                            .any(|alt| m(alt, s, i, &|j| repeat(again, s, j, &cont)))
                }
                ExtKind::OneOrMore => ext
                    .alts
                    .iter()
                    .any(|alt| m(alt, s, i, &|j| repeat(again, s, j, &cont))),
                ExtKind::Not => {
                    // The alternatives already end with the rest of the segment.
                    if ext.alts.iter().any(|alt| m(alt, s, i, &|j| j == s.len())) {
                        return false;
                    }
                    if ext.no_dot && s.get(i) == Some(&'.') {
                        return false;
                    }
                    (i..=s.len()).any(cont)
                }
            }
        }
    }
}

/// Zero or more further repetitions of `alts`, then `k`.
fn repeat(alts: &[Vec<Node>], s: &[char], i: usize, k: &dyn Fn(usize) -> bool) -> bool {
    k(i) || alts
        .iter()
        .any(|alt| m(alt, s, i, &|j| j > i && repeat(alts, s, j, k)))
}
