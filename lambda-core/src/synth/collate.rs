//! String order of JavaScript's `localeCompare` (ICU root collation, tertiary strength), which
//! aws-cdk-lib uses to sort `DependsOn`: punctuation before digits before letters, case
//! ignored until the last tie-break.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        Collator::try_new(Default::default(), CollatorOptions::default())
            .expect("compiled-in root collation data")
    })
}

/// Compares two strings as `a.localeCompare(b)` does under Node's default (en-US) locale.
pub(crate) fn locale_compare(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
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
}
