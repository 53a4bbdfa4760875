//! `[...]` character classes of minimatch 10.2.6 (`brace-expressions.ts`): ranges, `!`/`^`
//! negation, POSIX classes, and the forms minimatch does not treat as classes.

/// What a `[` starts.
#[derive(Debug)]
pub(super) enum ClassParse {
    /// A class that can match nothing (minimatch's `$.`): it poisons the whole segment.
    Never,
    /// A single positive character, `[a]`: not magic, just that character.
    Literal(char),
    /// A real class; `unicode` when a POSIX class made minimatch use the regex `u` flag.
    Class { class: Class, unicode: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Class {
    negate: bool,
    ranges: Vec<ClassItem>,
    /// Negated POSIX classes (`[:graph:]`), combined as minimatch does.
    negs: Vec<Posix>,
}

#[derive(Debug, Clone, PartialEq)]
enum ClassItem {
    Char(char),
    Range(char, char),
    Posix(Posix),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Posix {
    Alnum,
    Alpha,
    Ascii,
    Blank,
    Cntrl,
    Digit,
    Graph,
    Lower,
    Print,
    Punct,
    Space,
    Upper,
    Word,
    Xdigit,
}

const POSIX_CLASSES: [(&str, Posix); 14] = [
    ("[:alnum:]", Posix::Alnum),
    ("[:alpha:]", Posix::Alpha),
    ("[:ascii:]", Posix::Ascii),
    ("[:blank:]", Posix::Blank),
    ("[:cntrl:]", Posix::Cntrl),
    ("[:digit:]", Posix::Digit),
    ("[:graph:]", Posix::Graph),
    ("[:lower:]", Posix::Lower),
    ("[:print:]", Posix::Print),
    ("[:punct:]", Posix::Punct),
    ("[:space:]", Posix::Space),
    ("[:upper:]", Posix::Upper),
    ("[:word:]", Posix::Word),
    ("[:xdigit:]", Posix::Xdigit),
];

impl Posix {
    fn contains(self, c: char) -> bool {
        match self {
            Posix::Alnum => c.is_alphanumeric(),
            Posix::Alpha => c.is_alphabetic(),
            Posix::Ascii => c.is_ascii(),
            Posix::Blank => c == '\t' || is_space_separator(c),
            Posix::Cntrl => c.is_control(),
            Posix::Digit => c.is_numeric(),
            // minimatch encodes [:graph:] as "not \p{Z}\p{C}" (a negated entry) …
            Posix::Graph => c.is_whitespace() || c.is_control(),
            // … and [:print:] as \p{C}, which is what it is reproduced as here.
            Posix::Print => c.is_control(),
            Posix::Punct => {
                matches!(
                    c,
                    '!' | '"'
                        | '#'
                        | '%'
                        | '&'
                        | '\''
                        | '('
                        | ')'
                        | '*'
                        | ','
                        | '-'
                        | '.'
                        | '/'
                        | ':'
                        | ';'
                        | '?'
                        | '@'
                        | '['
                        | '\\'
                        | ']'
                        | '_'
                        | '{'
                        | '}'
                ) || (!c.is_ascii()
                    && !c.is_alphanumeric()
                    && !c.is_whitespace()
                    && !c.is_control())
            }
            Posix::Space => c.is_whitespace(),
            Posix::Lower => c.is_lowercase(),
            Posix::Upper => c.is_uppercase(),
            Posix::Word => c.is_alphanumeric() || c == '_',
            Posix::Xdigit => c.is_ascii_hexdigit(),
        }
    }

    fn negated(self) -> bool {
        matches!(self, Posix::Graph)
    }

    /// Whether minimatch needs the regex `u` flag for it (`\p{..}` properties).
    fn needs_unicode_flag(self) -> bool {
        !matches!(self, Posix::Ascii | Posix::Xdigit)
    }
}

fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

impl ClassItem {
    fn contains(&self, c: char) -> bool {
        match *self {
            ClassItem::Char(x) => x == c,
            ClassItem::Range(a, b) => a <= c && c <= b,
            ClassItem::Posix(p) => p.contains(c),
        }
    }
}

impl Class {
    pub(super) fn matches(&self, c: char) -> bool {
        let in_ranges = self.ranges.iter().any(|r| r.contains(c));
        let in_negs = self.negs.iter().any(|p| p.contains(c));
        // `[ranges]` (or `[^ranges]`) and `[^negs]` (or `[negs]`), or-ed when both exist.
        let by_ranges = in_ranges != self.negate;
        let by_negs = in_negs == self.negate;
        match (self.ranges.is_empty(), self.negs.is_empty()) {
            (false, false) => by_ranges || by_negs,
            (false, true) => by_ranges,
            (true, false) => by_negs,
            (true, true) => false,
        }
    }

    /// Whether minimatch's regex source for this class starts with `[` (it starts with `(`
    /// when positive ranges and negated POSIX classes are combined).
    pub(super) fn source_starts_with_bracket(&self) -> bool {
        self.ranges.is_empty() || self.negs.is_empty()
    }
}

/// minimatch's `parseClass` at `glob[pos] == '['`, with the number of characters consumed;
/// `None` when the `[` does not open a class (it is then a literal `[`).
pub(super) fn parse_class(glob: &[char], pos: usize) -> Option<(ClassParse, usize)> {
    let mut ranges: Vec<ClassItem> = Vec::new();
    // Entries as minimatch counts them: `c-]` is one entry holding two characters.
    let mut entries = 0usize;
    let mut negs: Vec<Posix> = Vec::new();
    let mut unicode = false;
    let mut i = pos + 1;
    let mut saw_start = false;
    let mut escaping = false;
    let mut negate = false;
    let mut end_pos = pos;
    let mut range_start: Option<char> = None;
    'scan: while i < glob.len() {
        let c = glob[i];
        if (c == '!' || c == '^') && i == pos + 1 {
            negate = true;
            i += 1;
            continue;
        }
        if c == ']' && saw_start && !escaping {
            end_pos = i + 1;
            break;
        }
        saw_start = true;
        if c == '\\' && !escaping {
            escaping = true;
            i += 1;
            continue;
        }
        if c == '[' && !escaping {
            for (name, class) in POSIX_CLASSES {
                let name: Vec<char> = name.chars().collect();
                if glob[i..].starts_with(&name) {
                    if range_start.is_some() {
                        return Some((ClassParse::Never, glob.len() - pos));
                    }
                    i += name.len();
                    if class.negated() {
                        negs.push(class);
                    } else {
                        ranges.push(ClassItem::Posix(class));
                        entries += 2; // never a single literal character
                    }
                    unicode |= class.needs_unicode_flag();
                    continue 'scan;
                }
            }
        }
        escaping = false;
        if let Some(start) = range_start.take() {
            if c > start {
                ranges.push(ClassItem::Range(start, c));
                entries += 2;
            } else if c == start {
                ranges.push(ClassItem::Char(c));
                entries += 1;
            }
            i += 1;
            continue;
        }
        if glob.get(i + 1) == Some(&'-') && glob.get(i + 2) == Some(&']') {
            ranges.push(ClassItem::Char(c));
            ranges.push(ClassItem::Char('-'));
            entries += 2;
            i += 2;
            continue;
        }
        if glob.get(i + 1) == Some(&'-') {
            range_start = Some(c);
            i += 2;
            continue;
        }
        ranges.push(ClassItem::Char(c));
        entries += 1;
        i += 1;
    }
    if end_pos < i {
        return None;
    }
    if ranges.is_empty() && negs.is_empty() {
        return Some((ClassParse::Never, glob.len() - pos));
    }
    if negs.is_empty() && entries == 1 && !negate {
        if let [ClassItem::Char(c)] = ranges[..] {
            return Some((ClassParse::Literal(c), end_pos - pos));
        }
    }
    let class = Class {
        negate,
        ranges,
        negs,
    };
    Some((ClassParse::Class { class, unicode }, end_pos - pos))
}
