//! Bash-style brace expansion as minimatch does it (npm `brace-expansion` 5):
//! `a{b,c}d` → `abd acd`, `{1..3}` → `1 2 3`, `{a..c}`, zero-padding, steps.

/// Upper bound on the number of expansions (brace-expansion's `EXPANSION_MAX`).
const EXPANSION_MAX: usize = 100_000;

// Escaped braces, commas, periods and backslashes are hidden behind these markers while
// expanding. File names cannot contain NUL, so the markers cannot clash with a pattern.
const ESC_SLASH: &str = "\0SLASH\0";
const ESC_OPEN: &str = "\0OPEN\0";
const ESC_CLOSE: &str = "\0CLOSE\0";
const ESC_COMMA: &str = "\0COMMA\0";
const ESC_PERIOD: &str = "\0PERIOD\0";

/// minimatch's `braceExpand`: only patterns with a `{…}` pair are expanded.
pub(super) fn brace_expand(pattern: &str) -> Vec<String> {
    if !has_brace_pair(pattern) {
        return vec![pattern.to_string()];
    }
    expand(pattern)
}

/// minimatch's shortcut test `/\{(?:(?!\{).)*\}/`: a `{` followed by a `}` with neither a
/// `{` nor a line break between them.
fn has_brace_pair(pattern: &str) -> bool {
    let mut open = false;
    for c in pattern.chars() {
        match c {
            '{' => open = true,
            '}' if open => return true,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => open = false,
            _ => {}
        }
    }
    false
}

fn expand(pattern: &str) -> Vec<String> {
    if pattern.is_empty() {
        return Vec::new();
    }
    // Bash keeps a leading `{}` as is, at the top level only.
    let pattern = match pattern.strip_prefix("{}") {
        Some(rest) => format!("\\{{\\}}{rest}"),
        None => pattern.to_string(),
    };
    let escaped = pattern
        .replace("\\\\", ESC_SLASH)
        .replace("\\{", ESC_OPEN)
        .replace("\\}", ESC_CLOSE)
        .replace("\\,", ESC_COMMA)
        .replace("\\.", ESC_PERIOD);
    expand_inner(&escaped, true)
        .into_iter()
        .map(|s| {
            s.replace(ESC_SLASH, "\\")
                .replace(ESC_OPEN, "{")
                .replace(ESC_CLOSE, "}")
                .replace(ESC_COMMA, ",")
                .replace(ESC_PERIOD, ".")
        })
        .collect()
}

struct Balanced<'a> {
    pre: &'a str,
    body: &'a str,
    post: &'a str,
}

/// npm `balanced-match`: the first balanced `{…}` pair (for unbalanced input, the
/// leftmost pair it can still close).
fn balanced(s: &str) -> Option<Balanced<'_>> {
    let bytes = s.as_bytes();
    // JavaScript's `indexOf`, with -1 for "not found".
    let index_of = |needle: u8, from: isize| -> isize {
        let from = from.max(0) as usize;
        bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b == needle))
            .map_or(-1, |p| (p + from) as isize)
    };
    let mut ai = index_of(b'{', 0);
    let mut bi = index_of(b'}', ai + 1);
    if !(ai >= 0 && bi > 0) {
        return None;
    }
    let mut i = ai;
    let mut begs: Vec<isize> = Vec::new();
    let mut left = bytes.len() as isize;
    let mut right: Option<isize> = None;
    let mut result: Option<(isize, isize)> = None;
    while i >= 0 && result.is_none() {
        if i == ai {
            begs.push(i);
            ai = index_of(b'{', i + 1);
        } else if begs.len() == 1 {
            result = begs.pop().map(|start| (start, bi));
        } else {
            if let Some(beg) = begs.pop() {
                if beg < left {
                    left = beg;
                    right = Some(bi);
                }
            }
            bi = index_of(b'}', i + 1);
        }
        i = if ai < bi && ai >= 0 { ai } else { bi };
    }
    if !begs.is_empty() {
        if let Some(right) = right {
            result = Some((left, right));
        }
    }
    let (start, end) = result?;
    let (start, end) = (start as usize, end as usize);
    Some(Balanced {
        pre: &s[..start],
        body: &s[start + 1..end],
        post: &s[end + 1..],
    })
}

/// `body` of a `{x..y}` or `{x..y..step}` sequence: numbers, or single ASCII letters.
fn sequence_parts(body: &str) -> Option<(Vec<&str>, bool)> {
    let parts: Vec<&str> = body.split("..").collect();
    if !(parts.len() == 2 || parts.len() == 3) {
        return None;
    }
    let is_int = |s: &str| {
        let digits = s.strip_prefix('-').unwrap_or(s);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let is_letter = |s: &str| s.len() == 1 && s.as_bytes()[0].is_ascii_alphabetic();
    let step_ok = parts.len() == 2 || is_int(parts[2]);
    if is_int(parts[0]) && is_int(parts[1]) && step_ok {
        Some((parts, false))
    } else if is_letter(parts[0]) && is_letter(parts[1]) && step_ok {
        Some((parts, true))
    } else {
        None
    }
}

/// brace-expansion's `parseCommaParts`: split on commas outside nested braces.
fn comma_parts(s: &str) -> Vec<String> {
    if s.is_empty() {
        return vec![String::new()];
    }
    let Some(m) = balanced(s) else {
        return s.split(',').map(str::to_string).collect();
    };
    let mut parts: Vec<String> = m.pre.split(',').map(str::to_string).collect();
    if let Some(last) = parts.last_mut() {
        last.push('{');
        last.push_str(m.body);
        last.push('}');
    }
    let mut post_parts = comma_parts(m.post);
    if !m.post.is_empty() {
        let first = post_parts.remove(0);
        if let Some(last) = parts.last_mut() {
            last.push_str(&first);
        }
        parts.extend(post_parts);
    }
    parts
}

/// `,(?!,).*\}`: a comma not followed by a comma, and a `}` somewhere after it.
fn post_has_option_close(post: &str) -> bool {
    let bytes = post.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b',' && bytes.get(i + 1) != Some(&b',') && bytes[i + 1..].contains(&b'}')
    })
}

fn numeric(s: &str) -> i64 {
    s.parse::<i64>()
        .unwrap_or_else(|_| s.chars().next().map_or(0, |c| c as i64))
}

fn expand_inner(s: &str, is_top: bool) -> Vec<String> {
    let Some(m) = balanced(s) else {
        return vec![s.to_string()];
    };
    let post = if m.post.is_empty() {
        vec![String::new()]
    } else {
        expand_inner(m.post, false)
    };
    let mut expansions = Vec::new();
    if m.pre.ends_with('$') {
        for p in post.iter().take(EXPANSION_MAX) {
            expansions.push(format!("{}{{{}}}{}", m.pre, m.body, p));
        }
        return expansions;
    }
    let sequence = sequence_parts(m.body);
    let is_options = m.body.contains(',');
    if sequence.is_none() && !is_options {
        if post_has_option_close(m.post) {
            let retry = format!("{}{{{}{}{}", m.pre, m.body, ESC_CLOSE, m.post);
            return expand_inner(&retry, true);
        }
        return vec![s.to_string()];
    }
    let items: Vec<String> = match &sequence {
        Some((parts, alpha)) => sequence_items(parts, *alpha),
        None => {
            let parts = comma_parts(m.body);
            if parts.len() == 1 {
                let inner: Vec<String> = expand_inner(&parts[0], false)
                    .into_iter()
                    .map(|x| format!("{{{x}}}"))
                    .collect();
                if inner.len() == 1 {
                    return post
                        .iter()
                        .map(|p| format!("{}{}{}", m.pre, inner[0], p))
                        .collect();
                }
                inner
            } else {
                parts.iter().flat_map(|p| expand_inner(p, false)).collect()
            }
        }
    };
    'outer: for item in &items {
        for p in &post {
            if expansions.len() >= EXPANSION_MAX {
                break 'outer;
            }
            let expansion = format!("{}{}{}", m.pre, item, p);
            if !is_top || sequence.is_some() || !expansion.is_empty() {
                expansions.push(expansion);
            }
        }
    }
    expansions
}

fn sequence_items(parts: &[&str], alpha: bool) -> Vec<String> {
    let x = numeric(parts[0]);
    let y = numeric(parts[1]);
    let width = parts[0].len().max(parts[1].len());
    let mut incr = parts.get(2).map_or(1, |s| numeric(s).abs()).max(1);
    let reverse = y < x;
    if reverse {
        incr = -incr;
    }
    let padded = parts.iter().any(|p| {
        let digits = p.strip_prefix('-').unwrap_or(p).as_bytes();
        digits.len() >= 2 && digits[0] == b'0' && digits[1].is_ascii_digit()
    });
    let mut items = Vec::new();
    let mut i = x;
    while (if reverse { i >= y } else { i <= y }) && items.len() < EXPANSION_MAX {
        let item = if alpha {
            match char::from_u32(i as u32) {
                Some('\\') | None => String::new(),
                Some(c) => c.to_string(),
            }
        } else {
            let mut c = i.to_string();
            if padded && c.len() < width {
                let zeros = "0".repeat(width - c.len());
                c = if i < 0 {
                    format!("-{zeros}{}", &c[1..])
                } else {
                    format!("{zeros}{c}")
                };
            }
            c
        };
        items.push(item);
        i += incr;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::brace_expand;

    fn ex(p: &str) -> Vec<String> {
        brace_expand(p)
    }

    #[test]
    fn expands_like_brace_expansion() {
        assert_eq!(ex("a{b,c}d"), ["abd", "acd"]);
        assert_eq!(ex("a{b,}c"), ["abc", "ac"]);
        assert_eq!(ex("a{0..3}d"), ["a0d", "a1d", "a2d", "a3d"]);
        assert_eq!(ex("a{b,c{d,e}f}g"), ["abg", "acdfg", "acefg"]);
        assert_eq!(ex("a{b,c}d{e,f}g"), ["abdeg", "abdfg", "acdeg", "acdfg"]);
        assert_eq!(ex("a{2..}b"), ["a{2..}b"]);
        assert_eq!(ex("a{b}c"), ["a{b}c"]);
        assert_eq!(ex("{01..03}"), ["01", "02", "03"]);
        assert_eq!(ex("{a..e..2}"), ["a", "c", "e"]);
        assert_eq!(ex("{3..1}"), ["3", "2", "1"]);
        assert_eq!(ex("*.{js,ts}"), ["*.js", "*.ts"]);
        assert_eq!(ex("${a,b}"), ["${a,b}"]);
        assert_eq!(ex("no-braces"), ["no-braces"]);
        assert_eq!(ex("x\\{a,b}"), ["x{a,b}"]);
    }
}
