//! "Did you mean …?" — the closest known spelling to a mistyped value.
//!
//! Written here (not with `strsim`) so `lambda-spec` keeps zero dependencies and
//! the macro and the runtime builder suggest exactly the same thing.

/// Returns the candidate closest to `input`, if one is close enough to suggest.
///
/// Rules, after rustc's `find_best_match_for_name`:
/// 1. a candidate equal to `input` ignoring ASCII case wins outright;
/// 2. otherwise the smallest Levenshtein distance (compared case-insensitively,
///    counted in `char`s) wins, if it is at most `max(len(input) / 3, 1)`;
/// 3. ties go to the candidate sharing the longest prefix with `input`
///    (so `nodejs20` suggests `nodejs20.x`, not `nodejs`), then to the earliest.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_lower = input.to_lowercase();
    let limit = (input.chars().count() / 3).max(1);
    // (distance, -common prefix) is the sort key; smaller is better.
    let mut best: Option<(usize, usize, &'a str)> = None;
    for candidate in candidates {
        let candidate_lower = candidate.to_lowercase();
        if candidate_lower == input_lower {
            return Some(candidate);
        }
        let distance = levenshtein(&input_lower, &candidate_lower);
        if distance > limit {
            continue;
        }
        let prefix = common_prefix_len(&input_lower, &candidate_lower);
        let better = match best {
            None => true,
            Some((d, p, _)) => distance < d || (distance == d && prefix > p),
        };
        if better {
            best = Some((distance, prefix, candidate));
        }
    }
    best.map(|(_, _, c)| c)
}

/// Levenshtein edit distance between two strings, counted in `char`s.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the dynamic-programming table at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = usize::from(ca != *cb);
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = above;
        }
    }
    row[b.len()]
}

fn common_prefix_len(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_basics() {
        assert_eq!(levenshtein("", ""), 0);
        assert_eq!(levenshtein("abc", ""), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("pyhton", "python"), 2);
        assert_eq!(levenshtein("é", "e"), 1);
    }

    #[test]
    fn case_insensitive_equality_wins() {
        let c = ["Active", "PassThrough", "ACTIVE"];
        assert_eq!(closest("active", c), Some("Active"));
        assert_eq!(closest("ACTIVE", ["Activ", "active"]), Some("active"));
    }

    #[test]
    fn threshold_is_a_third_of_the_input_at_least_one() {
        // len 3 -> limit 1
        assert_eq!(closest("abd", ["abc"]), Some("abc"));
        assert_eq!(closest("axd", ["abc"]), None);
        // len 1 -> limit still 1
        assert_eq!(closest("a", ["b"]), Some("b"));
        // len 9 -> limit 3
        assert_eq!(closest("abcdefxyz", ["abcdefghi"]), Some("abcdefghi"));
        assert_eq!(closest("abcdewxyz", ["abcdefghi"]), None);
    }

    #[test]
    fn nothing_close_gives_none() {
        assert_eq!(closest("cobol", ["nodejs20.x", "python3.12"]), None);
        assert_eq!(closest("x", std::iter::empty()), None);
    }

    #[test]
    fn ties_prefer_the_longest_common_prefix() {
        assert_eq!(
            closest("nodejs20", ["nodejs", "nodejs20.x"]),
            Some("nodejs20.x")
        );
    }

    #[test]
    fn equal_ties_keep_the_first() {
        assert_eq!(closest("ab", ["ax", "ay"]), Some("ax"));
    }
}
