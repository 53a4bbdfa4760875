//! The macros never panic, whatever tokens they are given: random streams built from
//! the attribute grammar's own pieces (keys, literals, punctuation, groups). Most stop at
//! the first syntax check; `fuzz.rs` feeds well-formed attributes that go further.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

use crate::expand;
use crate::symbol::FUNCTION_KEYS;

fn leaf() -> impl Strategy<Value = TokenTree> {
    let words: Vec<&'static str> = FUNCTION_KEYS
        .iter()
        .map(|s| s.0)
        .chain([
            "inline",
            "asset",
            "exclude",
            "ignore_mode",
            "manual",
            "struct",
            "Orders",
            "Option",
            "String",
            "env",
            "name",
            "version",
            "locked",
            "serde",
            "rename",
            "crate",
            "r#type",
            "x",
        ])
        .collect();
    prop_oneof![
        proptest::sample::select(words).prop_map(|w| TokenTree::Ident(ident(w))),
        proptest::sample::select(vec!['=', ',', '-', ':', '#', '<', '>', '.', '!'])
            .prop_map(|c| TokenTree::Punct(Punct::new(c, Spacing::Alone))),
        any::<i64>().prop_map(|n| TokenTree::Literal(Literal::i64_unsuffixed(n))),
        any::<u32>().prop_map(|n| TokenTree::Literal(Literal::u32_suffixed(n))),
        "[a-z0-9./_ ]{0,12}".prop_map(|s| TokenTree::Literal(Literal::string(&s))),
        proptest::sample::select(vec![
            "nodejs22.x",
            "python3.12",
            "java21",
            "index.handler",
            "30s",
            "json",
            "arm64",
            "fixtures",
            "",
            "1m30s",
            "\u{1F600}"
        ])
        .prop_map(|s| TokenTree::Literal(Literal::string(s))),
        Just(TokenTree::Literal(Literal::f64_unsuffixed(1.5))),
    ]
}

fn ident(word: &str) -> Ident {
    match word.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(word, Span::call_site()),
    }
}

fn tokens() -> impl Strategy<Value = TokenStream> {
    let tree = leaf().prop_recursive(3, 48, 8, |inner| {
        (
            proptest::sample::select(vec![
                Delimiter::Parenthesis,
                Delimiter::Bracket,
                Delimiter::Brace,
            ]),
            prop::collection::vec(inner, 0..8),
        )
            .prop_map(|(delimiter, trees)| {
                TokenTree::Group(Group::new(delimiter, trees.into_iter().collect()))
            })
    });
    prop::collection::vec(tree, 0..16).prop_map(|trees| trees.into_iter().collect())
}

/// `key = value, ...` with random keys and values: reaches far past the syntax check.
fn args() -> impl Strategy<Value = TokenStream> {
    let entry =
        (leaf(), prop::collection::vec(leaf(), 0..4), tokens()).prop_map(|(key, value, group)| {
            let mut out: Vec<TokenTree> =
                vec![key, TokenTree::Punct(Punct::new('=', Spacing::Alone))];
            out.extend(value);
            out.push(TokenTree::Group(Group::new(Delimiter::Parenthesis, group)));
            out.into_iter().collect::<TokenStream>()
        });
    prop::collection::vec(entry, 0..6).prop_map(|entries| {
        let mut out = TokenStream::new();
        for e in entries {
            out.extend(e);
            out.extend([TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
        }
        out
    })
}

proptest! {
    // A fixed seed: the same inputs on every run and machine.
    #![proptest_config(ProptestConfig {
        cases: 256,
        rng_seed: RngSeed::Fixed(0x1a3b_da00),
        ..ProptestConfig::default()
    })]

    #[test]
    fn lambda_function_never_panics(args in tokens(), item in tokens()) {
        let _ = expand::lambda_function_in(args.clone(), item.clone(), expand::Mode::Synth);
        let _ = expand::lambda_function_in(args, item, expand::Mode::Runtime);
    }

    #[test]
    fn lambda_function_args_never_panic(args in args(), fields in tokens()) {
        let item = quote::quote!(struct Orders { #fields });
        let _ = expand::lambda_function_in(args.clone(), item.clone(), expand::Mode::Synth);
        let _ = expand::lambda_function_in(args, item, expand::Mode::Runtime);
    }

    #[test]
    fn derive_version_props_never_panics(body in tokens()) {
        let _ = expand::derive_version_props(quote::quote!(struct Props { #body }));
        let _ = expand::derive_version_props(body);
    }
}
