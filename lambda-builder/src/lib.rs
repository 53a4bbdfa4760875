//! Typestate builders for lambda-cdk: `#[builders]` on an `impl` turns each function marked
//! `#[builder]` into `Type::builder()...build(...)`, and `#[derive(Builder)]` does the same for
//! a struct's fields.
//!
//! A member whose type is not `Option` and has no `#[builder(default)]` must be set: `build`
//! does not compile until it is, and the error names it (``the member `runtime` was not
//! set``). `Option<T>` members take `T` in their setter and `Option<T>` in `maybe_<name>`;
//! `#[builder(into)]` setters take `impl Into<T>`. `#[builder(start_fn)]` arguments go to the
//! starting function, `#[builder(finish_fn)]` ones to `build` (`scope`, `id`).
//!
//! Only required members are in the builder's type, so a builder of 50 members with 3 required
//! has 3 type parameters (bon tracks every member: setting an optional member twice was a compile
//! error there, here the last value is kept; a required member still cannot be set twice).
//!
//! Written on the compiler's `proc_macro` alone, with no syn: lambda-core's builders are
//! expanded without waiting for syn to compile, which is most of a user's cold build.
//! The options are the subset of [bon](https://docs.rs/bon)'s that lambda-cdk uses, spelled
//! the same, so the constructs read as before.

mod ast;
mod attr;
mod expand;
mod tokens;

use proc_macro::{Delimiter, Group, TokenStream, TokenTree};

use tokens::{is_ident, is_punct, take_attrs, Error, Result};

/// On an inherent `impl`: every function in it marked `#[builder]` or `#[builder(...)]`
/// gets a builder. `new` becomes `Type::builder()` and `TypeBuilder`; another name
/// `value.name()` and `TypeNameBuilder`. The function itself stays, private, as
/// `__orig_<name>`, and `build` calls it.
#[proc_macro_attribute]
pub fn builders(attr: TokenStream, item: TokenStream) -> TokenStream {
    if let Some(first) = attr.into_iter().next() {
        return Error::new(
            first.span(),
            "`#[builders]` takes no arguments; options go on `#[builder(...)]`",
        )
        .to_compile_error();
    }
    let tokens: Vec<TokenTree> = item.into_iter().collect();
    expand_impl(&tokens).unwrap_or_else(|e| e.to_compile_error())
}

/// A builder of the struct's fields: `Type::builder().field(...).build()`.
#[proc_macro_derive(Builder, attributes(builder))]
pub fn derive_builder(input: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    ast::derive(&tokens)
        .and_then(|builder| generate(&builder))
        .unwrap_or_else(|e| e.to_compile_error())
}

/// The builder's code, with each member's placeholder given the member's identifier.
fn generate(builder: &ast::Builder) -> Result<TokenStream> {
    let code: TokenStream = expand::expand(builder).parse().map_err(|_| {
        Error::new(
            proc_macro::Span::call_site(),
            "lambda-builder wrote code that does not parse (a bug: please report it)",
        )
    })?;
    Ok(respan(code, builder))
}

fn respan(stream: TokenStream, builder: &ast::Builder) -> TokenStream {
    stream
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Ident(ident) => {
                let text = ident.to_string();
                let member = text
                    .strip_prefix(expand::PLACEHOLDER)
                    .and_then(|index| index.parse::<usize>().ok())
                    .and_then(|index| builder.members.get(index));
                match member {
                    Some(m) => TokenTree::Ident(m.name.clone()),
                    None => TokenTree::Ident(ident),
                }
            }
            TokenTree::Group(g) => {
                tokens::map_group(&g, |inner| respan(inner.into_iter().collect(), builder))
            }
            other => other,
        })
        .collect()
}

fn expand_impl(tokens: &[TokenTree]) -> Result<TokenStream> {
    let (header, body_at) = ast::impl_header(tokens)?;
    let TokenTree::Group(body) = &tokens[body_at] else {
        unreachable!("impl_header stops at the body")
    };
    let inner: Vec<TokenTree> = body.stream().into_iter().collect();
    let mut rewritten: Vec<TokenTree> = Vec::with_capacity(inner.len());
    let mut generated = TokenStream::new();
    let mut found = false;
    for item in items(&inner) {
        let mut at = 0;
        let marked = take_attrs(item, &mut at)
            .iter()
            .any(|a| a.builder.is_some());
        if marked {
            found = true;
            let (builder, original) = ast::method(&header, item)?;
            generated.extend(generate(&builder)?);
            rewritten.extend(original);
        } else {
            rewritten.extend(item.iter().cloned());
        }
    }
    if !found {
        return Err(Error::new(
            tokens[body_at].span(),
            "no function here is marked `#[builder]`; remove `#[builders]` or mark one",
        ));
    }
    let mut out: Vec<TokenTree> = tokens[..body_at].to_vec();
    let mut group = Group::new(Delimiter::Brace, rewritten.into_iter().collect());
    group.set_span(body.span());
    out.push(TokenTree::Group(group));
    let mut stream: TokenStream = out.into_iter().collect();
    stream.extend(generated);
    Ok(stream)
}

/// The items of an `impl` body: a function ends at its body, anything else at `;`.
fn items(tokens: &[TokenTree]) -> Vec<&[TokenTree]> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut is_fn = false;
    for (i, tree) in tokens.iter().enumerate() {
        if is_ident(tree, "fn") {
            is_fn = true;
        }
        let ends = is_punct(tree, ';')
            || (is_fn && matches!(tree, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace));
        if ends {
            items.push(&tokens[start..=i]);
            start = i + 1;
            is_fn = false;
        }
    }
    if start < tokens.len() {
        items.push(&tokens[start..]);
    }
    items
}
