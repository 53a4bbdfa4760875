//! String order of JavaScript's `localeCompare` (ICU root collation, tertiary strength), which
//! aws-cdk-lib uses to sort `DependsOn` by construct path: punctuation before digits before
//! letters, case ignored until the last tie-break.
//!
//! Construct paths are ASCII in practice, and on ASCII root collation is a small table: every
//! character has one collation element, no contractions or expansions, all secondary weights are
//! equal, and the only tertiary difference is lowercase before uppercase. Comparing that table
//! here (checked against Node on every pair of 2,000 random paths, `data/locale-compare.json`)
//! keeps ICU and its collation data out of every user's build. A path with a non-ASCII
//! character is compared by ICU itself with the `unicode-collation` feature; without it, such a
//! character sorts after every ASCII letter, by code point (see [`locale_compare`]).

use std::cmp::Ordering;

/// The primary weight of each ASCII character in root collation, 0 for the completely ignorable
/// ones (controls other than tab, vertical tab, form feed and carriage return; DEL).
const PRIMARY: [u8; 128] = primary_table();

/// Primary order of root collation on ASCII, as Node orders it (`tests/oracle/tools/locale-compare.js`
/// prints it): each group holds the characters of one primary weight (a letter and its capital).
const ORDER: &[&str] = &[
    "\t", "\u{b}", "\u{c}", "\r", " ", "_", "-", ",", ";", ":", "!", "?", ".", "'", "\"", "(", ")",
    "[", "]", "{", "}", "@", "*", "/", "\\", "&", "#", "%", "`", "^", "+", "<", "=", ">", "|", "~",
    "$", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "aA", "bB", "cC", "dD", "eE", "fF",
    "gG", "hH", "iI", "jJ", "kK", "lL", "mM", "nN", "oO", "pP", "qQ", "rR", "sS", "tT", "uU", "vV",
    "wW", "xX", "yY", "zZ",
];

const fn primary_table() -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut g = 0;
    while g < ORDER.len() {
        let group = ORDER[g].as_bytes();
        let mut i = 0;
        while i < group.len() {
            table[group[i] as usize] = g as u8 + 1;
            i += 1;
        }
        g += 1;
    }
    table
}

/// Compares two strings as `a.localeCompare(b)` does under Node's default (en-US) locale.
///
/// Exact on ASCII. With a non-ASCII character on either side, exact with the
/// `unicode-collation` feature (ICU's root collation); without it, every non-ASCII character
/// is a primary weight above `z`, ordered by code point, case-less: the same order as
/// aws-cdk-lib whenever the two paths differ, other than in case, before their first non-ASCII
/// character (accents, ligatures and non-Latin scripts are where ICU's order differs).
pub(crate) fn locale_compare(a: &str, b: &str) -> Ordering {
    if !(a.is_ascii() && b.is_ascii()) {
        return non_ascii_compare(a, b);
    }
    // Identical leading characters have identical weights at every level.
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    ascii_compare(&a.as_bytes()[common..], &b.as_bytes()[common..])
}

/// Root collation on ASCII: primary weights first, then case (lowercase first); completely
/// ignorable characters take no part.
fn ascii_compare(a: &[u8], b: &[u8]) -> Ordering {
    fn weights(s: &[u8]) -> impl Iterator<Item = u8> + '_ {
        s.iter()
            .map(|&c| PRIMARY[usize::from(c)])
            .filter(|&w| w != 0)
    }
    fn case(s: &[u8]) -> impl Iterator<Item = bool> + '_ {
        s.iter()
            .filter(|&&c| PRIMARY[usize::from(c)] != 0)
            .map(u8::is_ascii_uppercase)
    }
    weights(a)
        .cmp(weights(b))
        .then_with(|| case(a).cmp(case(b)))
}

#[cfg(feature = "unicode-collation")]
fn non_ascii_compare(a: &str, b: &str) -> Ordering {
    use icu_collator::options::CollatorOptions;
    use icu_collator::{Collator, CollatorBorrowed};
    use std::sync::OnceLock;

    static COLLATOR: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    match COLLATOR
        .get_or_init(|| Collator::try_new(Default::default(), CollatorOptions::default()).ok())
    {
        Some(collator) => collator.compare(a, b),
        None => approximate_compare(a, b),
    }
}

#[cfg(not(feature = "unicode-collation"))]
fn non_ascii_compare(a: &str, b: &str) -> Ordering {
    approximate_compare(a, b)
}

/// The ASCII table extended with one primary weight per non-ASCII character above `z`.
#[cfg_attr(feature = "unicode-collation", allow(dead_code))]
fn approximate_compare(a: &str, b: &str) -> Ordering {
    fn weight(c: char) -> u32 {
        match u8::try_from(c) {
            Ok(c) if c.is_ascii() => u32::from(PRIMARY[usize::from(c)]),
            _ => 0x100 + u32::from(c),
        }
    }
    fn weights(s: &str) -> impl Iterator<Item = u32> + '_ {
        s.chars().map(weight).filter(|&w| w != 0)
    }
    fn case(s: &str) -> impl Iterator<Item = bool> + '_ {
        s.chars()
            .filter(|&c| weight(c) != 0)
            .map(|c| c.is_ascii_uppercase())
    }
    weights(a)
        .cmp(weights(b))
        .then_with(|| case(a).cmp(case(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<&str>) -> Vec<&str> {
        v.sort_by(|a, b| locale_compare(a, b));
        v
    }

    // Orders observed with aws-cdk-lib under Node (reference §3.4).
    #[test]
    fn matches_node_locale_compare() {
        assert_eq!(
            sorted(vec![
                "Stack/BBB",
                "Stack/ab",
                "Stack/aaa",
                "Stack/A2",
                "Stack/a1",
                "Stack/a-b",
                "Stack/a_b"
            ]),
            vec![
                "Stack/a_b",
                "Stack/a-b",
                "Stack/a1",
                "Stack/A2",
                "Stack/aaa",
                "Stack/ab",
                "Stack/BBB"
            ]
        );
        assert_eq!(
            sorted(vec![
                "S/PrivateSubnet2/x",
                "S/PrivateSubnet10/x",
                "S/PrivateSubnet1/x"
            ]),
            vec![
                "S/PrivateSubnet1/x",
                "S/PrivateSubnet10/x",
                "S/PrivateSubnet2/x"
            ]
        );
        assert_eq!(
            sorted(vec![
                "Stack/Fn/ServiceRole/Resource",
                "Stack/Fn/ServiceRole/DefaultPolicy/Resource"
            ]),
            vec![
                "Stack/Fn/ServiceRole/DefaultPolicy/Resource",
                "Stack/Fn/ServiceRole/Resource"
            ]
        );
    }

    /// Every pair of the 2,000-odd strings Node ranked (`tests/oracle/regenerate-collation.sh`)
    /// compares as their ranks do: equal ranks are `localeCompare(a, b) == 0`.
    #[test]
    fn every_pair_of_node_oracle() {
        #[derive(serde::Deserialize)]
        struct Oracle {
            strings: Vec<(u32, String)>,
        }
        let oracle: Oracle =
            serde_json::from_str(include_str!("../../data/locale-compare.json")).unwrap();
        assert!(oracle.strings.len() >= 2000);
        let mut wrong = Vec::new();
        for (ra, a) in &oracle.strings {
            for (rb, b) in &oracle.strings {
                if locale_compare(a, b) != ra.cmp(rb) {
                    wrong.push((a.clone(), b.clone(), ra.cmp(rb)));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} pairs differ from Node, e.g. {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(5)]
        );
    }

    #[test]
    fn ascii_table_has_every_printable_character() {
        for c in b' '..=b'~' {
            assert_ne!(PRIMARY[usize::from(c)], 0, "{:?}", char::from(c));
        }
        assert_eq!(PRIMARY[0], 0);
        assert_eq!(PRIMARY[0x7f], 0);
    }

    #[test]
    fn non_ascii_sorts_after_ascii_letters_without_icu() {
        assert_eq!(approximate_compare("Stack/z", "Stack/é"), Ordering::Less);
        assert_eq!(approximate_compare("Stack/A/é", "Stack/B"), Ordering::Less);
        assert_eq!(locale_compare("Stack/Zé", "Stack/aé"), Ordering::Greater);
    }
}
