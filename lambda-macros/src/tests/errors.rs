//! Every mistake is reported, not only the first.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand;

fn errors(output: &TokenStream) -> usize {
    output.to_string().matches("compile_error").count()
}

fn function(args: TokenStream) -> TokenStream {
    expand::lambda_function_in(
        args,
        quote!(
            struct Orders {
                table_name: String,
            }
        ),
        expand::Mode::Synth,
    )
}

#[test]
fn valid_input_has_no_errors() {
    let out = function(quote!(
        runtime = "nodejs22.x",
        handler = "index.handler",
        code = inline("exports.handler = async () => 1;"),
        memory_size = 512,
        timeout = "30s",
    ));
    assert_eq!(errors(&out), 0, "{out}");
}

#[test]
fn all_errors_are_collected() {
    let out = function(quote!(
        runtime = "nodejs20",
        handler = "index.handler",
        code = inline("x"),
        memory_size = 64,
        timeout = "0s",
        ephemeral_storage = 100,
        reserved_concurrent_executions = -1,
        tracing = "activ",
        descripton = "typo",
        memory_size = 128,
    ));
    // runtime, memory, timeout, storage, concurrency, tracing, unknown key, duplicate
    assert_eq!(errors(&out), 8, "{out}");
}

#[test]
fn missing_keys_are_each_reported() {
    let out = function(quote!());
    assert_eq!(errors(&out), 3, "{out}");
}

#[test]
fn fallback_keeps_the_struct_and_builder() {
    let out = function(quote!(runtime = "nope")).to_string();
    assert!(out.contains("struct Orders"), "{out}");
    assert!(out.contains("unreachable"), "{out}");
}

#[test]
fn version_props_errors_per_field() {
    let out = expand::derive_version_props(quote!(
        struct Props {
            #[version(locked)]
            code: String,
            handler: String,
            #[version(locked, unlocked)]
            memory_size: u32,
            #[version(lockd)]
            timeout: u32,
        }
    ));
    assert_eq!(errors(&out), 3, "{out}");
}

#[test]
fn version_props_names_follow_serde() {
    let out = expand::derive_version_props(quote!(
        #[serde(rename_all = "PascalCase")]
        struct Props {
            #[version(locked)]
            memory_size: u32,
            #[version(unlocked)]
            #[serde(rename = "Tags")]
            labels: Vec<String>,
            #[serde(skip)]
            internal: u8,
        }
    ))
    .to_string();
    assert!(out.contains("(\"MemorySize\" , true)"), "{out}");
    assert!(out.contains("(\"Tags\" , false)"), "{out}");
    assert!(!out.contains("Internal"), "{out}");
}

#[test]
fn a_panic_becomes_a_compile_error() {
    let out = crate::guard::catch(
        quote!(
            struct Kept;
        ),
        || panic!("boom"),
    )
    .to_string();
    assert!(out.contains("compile_error"), "{out}");
    assert!(out.contains("boom"), "{out}");
    assert!(out.contains("struct Kept"), "{out}");
}

#[test]
fn pass_through_keys_become_builder_calls() {
    let out = function(quote!(
        runtime = "nodejs22.x",
        handler = "index.handler",
        code = inline("exports.handler = async () => 1;"),
        initial_policy = vec![read_orders()],
        layers = shared_layers(scope)?,
    ))
    .to_string();
    assert_eq!(out.matches("compile_error").count(), 0, "{out}");
    assert!(
        out.contains(". initial_policy (vec ! [read_orders ()])"),
        "{out}"
    );
    assert!(out.contains(". layers (shared_layers (scope) ?)"), "{out}");
}

#[test]
fn pass_through_keys_need_a_value_and_come_once() {
    let out = function(quote!(
        runtime = "nodejs22.x",
        handler = "index.handler",
        code = inline("exports.handler = async () => 1;"),
        role,
        layers(a),
        initial_policy = vec![],
        initial_policy = vec![],
        rol = x,
    ));
    // bare `role`, `layers(..)`, the duplicate, the misspelling
    assert_eq!(errors(&out), 4, "{out}");
    assert!(out.to_string().contains("did you mean `role`"), "{out}");
}
