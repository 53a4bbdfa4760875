//! `#[lambda_function]` fed 2,048 well-formed random attributes (see `fuzz_input`: known,
//! pass-through, misspelt and random keys; right and wrong values, out-of-range numbers,
//! odd strings, nested `asset(..)` / `inline(..)` calls; random environment fields), drawn
//! from a fixed seed so every run checks the same inputs.
//!
//! For each input it asserts that the expansion
//! - does not panic;
//! - is valid Rust items (syn parses it as a file);
//! - is either free of errors, with the struct, its builder and a `build` that calls
//!   `Function::builder()` and every pass-through key's setter; or carries
//!   `compile_error!`s with the never-reached fallback `build`;
//! - has an error whenever a key is unknown, given twice, or `runtime`/`handler`/`code`
//!   is missing.
//!
//! Across the inputs it asserts that at least 90 % reach the validators (the arguments
//! parse as a key list and the item is a struct the macro builds on), that at least 10 %
//! expand without errors and at least 10 % with errors, and that every key, with a rule or
//! passed through, appears in some input that expands without errors.

use std::panic::{self, AssertUnwindSafe};

use proc_macro2::TokenStream;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Meta, Token};

use super::fuzz_input::{input, Input};
use crate::ast::Function;
use crate::ctxt::Ctxt;
use crate::expand;
use crate::pass_through::{self, PASS_THROUGH_KEYS};
use crate::symbol::{CODE, HANDLER, RUNTIME};

const INPUTS: usize = 2048;

/// What one expansion gave.
struct Outcome {
    reached_validators: bool,
    errors: bool,
}

fn tokens(source: &str, what: &str) -> TokenStream {
    source.parse().unwrap_or_else(|err| {
        panic!("the generator wrote {what} that does not lex: {err}\n{source}")
    })
}

/// The conditions under which `expand::lambda_function` runs `valid::check`.
fn reaches_validators(args: &TokenStream, item: &TokenStream) -> bool {
    let keys_parse = Punctuated::<Meta, Token![,]>::parse_terminated
        .parse2(args.clone())
        .is_ok();
    let cx = Ctxt::new();
    let function = Function::from_ast(&cx, args.clone(), item.clone());
    let _ = cx.check();
    keys_parse && function.is_some()
}

fn check(input: &Input) -> Outcome {
    let args = tokens(&input.args, "arguments");
    let item = tokens(&input.item, "an item");
    let out = panic::catch_unwind(AssertUnwindSafe(|| {
        expand::lambda_function_in(args.clone(), item.clone(), expand::Mode::Synth)
    }))
    .unwrap_or_else(|_| {
        panic!(
            "the macro panicked on\n#[lambda_function({})]\n{}",
            input.args, input.item
        )
    });
    let text = out.to_string();
    let context = || {
        format!(
            "#[lambda_function({})]\n{}\n=> {text}",
            input.args, input.item
        )
    };
    if let Err(err) = syn::parse2::<syn::File>(out.clone()) {
        panic!("not valid items ({err}): {}", context());
    }
    let errors = text.contains("compile_error");
    let reached = reaches_validators(&args, &item);

    if errors {
        assert!(text.contains("unreachable") || !reached, "{}", context());
    } else {
        assert!(text.contains("fn build"), "{}", context());
        assert!(text.contains("Function :: builder ()"), "{}", context());
        for key in &input.keys {
            if let Some(entry) = pass_through::find(key) {
                let call = format!(". {} (", entry.method);
                assert!(text.contains(&call), "no `{call}`: {}", context());
            }
        }
    }
    if reached {
        let all = pass_through::all_keys();
        let unknown = input.keys.iter().any(|k| !all.iter().any(|s| s.0 == k));
        let duplicate = input
            .keys
            .iter()
            .enumerate()
            .any(|(i, k)| input.keys[..i].contains(k));
        let missing = [RUNTIME, HANDLER, CODE]
            .iter()
            .any(|r| !input.keys.iter().any(|k| k == r.0));
        if unknown || duplicate || missing {
            assert!(errors, "expected an error: {}", context());
        }
    }
    Outcome {
        reached_validators: reached,
        errors,
    }
}

#[test]
fn well_formed_attributes_reach_the_validators() {
    let mut runner = TestRunner::deterministic();
    let strategy = input();
    let mut reached = 0;
    let mut clean = 0;
    let mut with_errors = 0;
    let mut keys_in_clean: Vec<String> = Vec::new();
    for _ in 0..INPUTS {
        let input = strategy
            .new_tree(&mut runner)
            .expect("a generated input")
            .current();
        let outcome = check(&input);
        reached += usize::from(outcome.reached_validators);
        if outcome.errors {
            with_errors += 1;
        } else {
            clean += 1;
            keys_in_clean.extend(input.keys.iter().cloned());
        }
    }
    let summary = format!(
        "{reached} of {INPUTS} reached the validators; {clean} without errors, {with_errors} with"
    );
    println!("{summary}");
    assert!(reached * 10 >= INPUTS * 9, "{summary}");
    assert!(clean * 10 >= INPUTS, "{summary}");
    assert!(with_errors * 10 >= INPUTS, "{summary}");
    let every_key = crate::symbol::FUNCTION_KEYS
        .iter()
        .chain(PASS_THROUGH_KEYS.iter().map(|p| &p.key));
    for key in every_key {
        assert!(
            keys_in_clean.iter().any(|k| k == key.0),
            "`{key}` never appears in an input without errors ({summary})"
        );
    }
}
