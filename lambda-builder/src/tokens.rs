//! Token helpers on the compiler's own `proc_macro` types (no syn: see Cargo.toml).

use proc_macro::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};

/// An error at a token, emitted as `compile_error!`.
pub struct Error {
    pub span: Span,
    pub message: String,
}

impl Error {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Error {
            span,
            message: message.into(),
        }
    }

    /// `compile_error!("...")` with every token at the error's span, so the
    /// diagnostic points at the offending token.
    pub fn to_compile_error(&self) -> TokenStream {
        let mut literal = proc_macro::Literal::string(&self.message);
        literal.set_span(self.span);
        let mut bang = Punct::new('!', Spacing::Alone);
        bang.set_span(self.span);
        let mut group = Group::new(Delimiter::Brace, TokenTree::Literal(literal).into());
        group.set_span(self.span);
        [
            TokenTree::Ident(Ident::new("compile_error", self.span)),
            TokenTree::Punct(bang),
            TokenTree::Group(group),
        ]
        .into_iter()
        .collect()
    }
}

pub type Result<T> = std::result::Result<T, Error>;

pub fn is_punct(tree: &TokenTree, c: char) -> bool {
    matches!(tree, TokenTree::Punct(p) if p.as_char() == c)
}

pub fn is_ident(tree: &TokenTree, name: &str) -> bool {
    matches!(tree, TokenTree::Ident(i) if i.to_string() == name)
}

/// Splits at commas outside `<...>` (a group's own commas are inside its group already).
/// `->` does not close an angle bracket. Empty trailing pieces are dropped.
pub fn split_commas(tokens: &[TokenTree]) -> Vec<Vec<TokenTree>> {
    let mut pieces = vec![Vec::new()];
    let mut depth = 0usize;
    let mut previous_dash = false;
    for tree in tokens {
        match tree {
            TokenTree::Punct(p) if p.as_char() == ',' && depth == 0 => {
                pieces.push(Vec::new());
                previous_dash = false;
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            TokenTree::Punct(p) if p.as_char() == '>' && !previous_dash => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
        previous_dash = matches!(tree, TokenTree::Punct(p) if p.as_char() == '-' && p.spacing() == Spacing::Joint);
        pieces
            .last_mut()
            .expect("one piece at least")
            .push(tree.clone());
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// The tokens of `<...>` starting at `tokens[start]` (which is `<`): the inside and the
/// index after the closing `>`.
pub fn angle_group(tokens: &[TokenTree], start: usize) -> Result<(Vec<TokenTree>, usize)> {
    let mut depth = 0usize;
    let mut previous_dash = false;
    for (i, tree) in tokens.iter().enumerate().skip(start) {
        if is_punct(tree, '<') {
            depth += 1;
        } else if is_punct(tree, '>') && !previous_dash {
            depth -= 1;
            if depth == 0 {
                return Ok((tokens[start + 1..i].to_vec(), i + 1));
            }
        }
        previous_dash = matches!(tree, TokenTree::Punct(p) if p.as_char() == '-' && p.spacing() == Spacing::Joint);
    }
    Err(Error::new(tokens[start].span(), "unclosed `<`"))
}

/// An outer attribute `#[...]`: its tokens and, when it is `#[builder(...)]` or
/// `#[builder]`, the arguments.
pub struct Attr {
    pub tokens: Vec<TokenTree>,
    pub builder: Option<(Span, Vec<TokenTree>)>,
    pub is_doc: bool,
}

/// Outer attributes from `tokens[*at]` on; moves `at` past them.
pub fn take_attrs(tokens: &[TokenTree], at: &mut usize) -> Vec<Attr> {
    let mut attrs = Vec::new();
    while *at + 1 < tokens.len() && is_punct(&tokens[*at], '#') {
        let TokenTree::Group(group) = &tokens[*at + 1] else {
            break;
        };
        if group.delimiter() != Delimiter::Bracket {
            break;
        }
        let inner: Vec<TokenTree> = group.stream().into_iter().collect();
        let builder = match inner.as_slice() {
            [TokenTree::Ident(i)] if i.to_string() == "builder" => Some((i.span(), Vec::new())),
            [TokenTree::Ident(i), TokenTree::Group(args)]
                if i.to_string() == "builder" && args.delimiter() == Delimiter::Parenthesis =>
            {
                Some((i.span(), args.stream().into_iter().collect()))
            }
            _ => None,
        };
        let is_doc = inner.first().is_some_and(|t| is_ident(t, "doc"));
        attrs.push(Attr {
            tokens: tokens[*at..*at + 2].to_vec(),
            builder,
            is_doc,
        });
        *at += 2;
    }
    attrs
}

/// `pub`, `pub(crate)`, `pub(super)`... from `tokens[*at]`, as text ("" when private).
pub fn take_vis(tokens: &[TokenTree], at: &mut usize) -> String {
    if *at < tokens.len() && is_ident(&tokens[*at], "pub") {
        *at += 1;
        if let Some(TokenTree::Group(g)) = tokens.get(*at) {
            if g.delimiter() == Delimiter::Parenthesis {
                *at += 1;
                return format!("pub({})", g.stream());
            }
        }
        return "pub".to_string();
    }
    String::new()
}

/// `g` with its inside replaced by `f` of it, keeping its delimiter and span.
pub fn map_group(g: &Group, f: impl FnOnce(Vec<TokenTree>) -> TokenStream) -> TokenTree {
    let mut group = Group::new(g.delimiter(), f(g.stream().into_iter().collect()));
    group.set_span(g.span());
    TokenTree::Group(group)
}

/// `Self` replaced by the implementing type, recursively (a stored member type is named
/// outside the `impl`).
pub fn replace_self(tokens: &[TokenTree], self_ty: &[TokenTree]) -> Vec<TokenTree> {
    let mut out = Vec::with_capacity(tokens.len());
    for tree in tokens {
        match tree {
            TokenTree::Ident(i) if i.to_string() == "Self" => out.extend(self_ty.iter().cloned()),
            TokenTree::Group(g) => out.push(map_group(g, |inner| {
                replace_self(&inner, self_ty).into_iter().collect()
            })),
            other => out.push(other.clone()),
        }
    }
    out
}

/// Whether `tokens[i]` is a `&` without a lifetime after it.
fn is_elided_reference(tokens: &[TokenTree], i: usize) -> bool {
    is_punct(&tokens[i], '&') && !tokens.get(i + 1).is_some_and(|n| is_punct(n, '\''))
}

/// Whether a type has a reference without a lifetime (`&Topic`): a stored one needs the
/// builder's own lifetime.
pub fn has_elided_reference(tokens: &[TokenTree]) -> bool {
    (0..tokens.len()).any(|i| match &tokens[i] {
        TokenTree::Group(g) => has_elided_reference(&g.stream().into_iter().collect::<Vec<_>>()),
        _ => is_elided_reference(tokens, i),
    })
}

/// Every `&` without a lifetime given `lifetime` (`&Topic` -> `&'__b Topic`).
pub fn fill_lifetimes(tokens: &[TokenTree], lifetime: &str) -> Vec<TokenTree> {
    let mut out = Vec::with_capacity(tokens.len() + 2);
    for (i, tree) in tokens.iter().enumerate() {
        match tree {
            TokenTree::Group(g) => out.push(map_group(g, |inner| {
                fill_lifetimes(&inner, lifetime).into_iter().collect()
            })),
            _ => {
                out.push(tree.clone());
                if is_elided_reference(tokens, i) {
                    out.push(TokenTree::Punct(Punct::new('\'', Spacing::Joint)));
                    out.push(TokenTree::Ident(Ident::new(lifetime, tree.span())));
                }
            }
        }
    }
    out
}

pub fn to_string(tokens: &[TokenTree]) -> String {
    tokens.iter().cloned().collect::<TokenStream>().to_string()
}

/// `Option<T>` -> `T`.
pub fn option_inner(ty: &[TokenTree]) -> Option<Vec<TokenTree>> {
    let at = match ty {
        [TokenTree::Ident(i), ..] if i.to_string() == "Option" => 1,
        // `std::option::Option<T>`, `::core::option::Option<T>`
        _ => {
            let last = ty.iter().position(|t| is_ident(t, "Option"))?;
            let prefix_is_path = ty[..last]
                .iter()
                .all(|t| matches!(t, TokenTree::Ident(_)) || is_punct(t, ':'));
            if !prefix_is_path {
                return None;
            }
            last + 1
        }
    };
    if !ty.get(at).is_some_and(|t| is_punct(t, '<')) {
        return None;
    }
    let (inner, end) = angle_group(ty, at).ok()?;
    (end == ty.len()).then_some(inner)
}

/// `FunctionAddFunctionUrlBuilder` -> `function_add_function_url_builder`.
pub fn snake_case(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    let mut previous_lower = false;
    for c in camel.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            out.push('_');
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// `add_function_url` -> `AddFunctionUrl` (raw identifiers lose their `r#`).
pub fn camel_case(snake: &str) -> String {
    snake
        .trim_start_matches("r#")
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect()
}
