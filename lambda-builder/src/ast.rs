//! What a builder is made of, parsed from a `new`-like function or a struct.

use proc_macro::{Delimiter, Ident, Span, TokenTree};

use crate::attr::{item_attr, member_attr, ItemAttr, MemberAttr};
use crate::tokens::{
    camel_case, is_ident, is_punct, option_inner, replace_self, snake_case, split_commas,
    take_attrs, take_vis, to_string, Attr, Error, Result,
};

/// How a member reaches the builder.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A setter.
    Member,
    /// An argument of the starting function (`Topic`'s `SnsEventSource::builder(&topic)`).
    Start,
    /// An argument of `build` (`scope`, `id`).
    Finish,
}

pub enum Kind {
    /// Must be set before `build` (typestate).
    Required,
    /// `Option<T>`: the setter takes `T`, `maybe_` the option.
    Optional { inner: Vec<TokenTree> },
    /// `#[builder(default)]` or `#[builder(default = expr)]`.
    Default(Option<Vec<TokenTree>>),
}

pub struct Member {
    pub name: Ident,
    pub docs: Vec<String>,
    /// As written, `Self` replaced by the implementing type.
    pub ty: Vec<TokenTree>,
    pub role: Role,
    pub into: bool,
    pub kind: Kind,
}

/// What `build` finishes with.
pub enum Target {
    /// Calls the original function, renamed `orig`, with every member in its order.
    Method { orig: String, ret: Vec<TokenTree> },
    /// Builds the struct from its fields.
    Struct,
}

pub struct Builder {
    pub self_ty: Vec<TokenTree>,
    pub self_ident: String,
    /// The `impl`'s lifetimes (`'a`), which the builder carries too.
    pub lifetimes: Vec<String>,
    pub vis: String,
    pub start_fn: String,
    pub builder_type: String,
    pub state_mod: String,
    pub finish_fn: String,
    pub finish_vis: String,
    /// `&self`: the builder holds the receiver.
    pub receiver: bool,
    pub members: Vec<Member>,
    pub docs: Vec<String>,
    pub target: Target,
}

fn item_attrs(attrs: &[Attr]) -> Result<ItemAttr> {
    let mut item = ItemAttr::default();
    for attr in attrs {
        if let Some((_, args)) = &attr.builder {
            item_attr(args, &mut item)?;
        }
    }
    Ok(item)
}

fn docs(attrs: &[Attr]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.is_doc)
        .map(|a| to_string(&a.tokens))
        .collect()
}

fn member(attrs: &[Attr], name: Ident, ty: Vec<TokenTree>) -> Result<Member> {
    let mut attr = MemberAttr::default();
    for a in attrs {
        if let Some((_, args)) = &a.builder {
            member_attr(args, &mut attr)?;
        }
    }
    let role = match (attr.start_fn, attr.finish_fn) {
        (true, true) => {
            return Err(Error::new(
                name.span(),
                "a member is `start_fn` or `finish_fn`, not both",
            ))
        }
        (true, false) => Role::Start,
        (false, true) => Role::Finish,
        (false, false) => Role::Member,
    };
    if role != Role::Member && (attr.default.is_some() || attr.into) {
        return Err(Error::new(
            name.span(),
            "`start_fn` and `finish_fn` arguments take no `into` or `default`",
        ));
    }
    let kind = match (attr.default, option_inner(&ty)) {
        (Some(expr), None) => Kind::Default(expr),
        (Some(_), Some(_)) => {
            return Err(Error::new(
                name.span(),
                "an `Option` member is unset by default already; remove `default`",
            ))
        }
        (None, Some(inner)) => Kind::Optional { inner },
        (None, None) => Kind::Required,
    };
    Ok(Member {
        name,
        docs: docs(attrs),
        ty,
        role,
        into: attr.into,
        kind,
    })
}

/// The implementing type of `impl<'a> Name<'a> { ... }`: its lifetimes, tokens and name.
pub struct ImplHeader {
    pub lifetimes: Vec<String>,
    pub self_ty: Vec<TokenTree>,
    pub self_ident: String,
}

pub fn impl_header(tokens: &[TokenTree]) -> Result<(ImplHeader, usize)> {
    let mut at = 0;
    while at < tokens.len() && !is_ident(&tokens[at], "impl") {
        at += 1;
    }
    let impl_span = tokens.get(at).map_or_else(Span::call_site, TokenTree::span);
    if at == tokens.len() {
        return Err(Error::new(
            Span::call_site(),
            "`#[builders]` goes on an `impl` block; on a struct, use `#[derive(Builder)]`",
        ));
    }
    at += 1;
    let mut lifetimes = Vec::new();
    if tokens.get(at).is_some_and(|t| is_punct(t, '<')) {
        let (inner, end) = crate::tokens::angle_group(tokens, at)?;
        for param in split_commas(&inner) {
            match param.as_slice() {
                [TokenTree::Punct(p), TokenTree::Ident(i)] if p.as_char() == '\'' => {
                    lifetimes.push(format!("'{i}"))
                }
                _ => {
                    return Err(Error::new(
                        param[0].span(),
                        "builders take lifetime parameters on the `impl` only, no type or const parameters",
                    ))
                }
            }
        }
        at = end;
    }
    let start = at;
    while at < tokens.len()
        && !matches!(&tokens[at], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace)
    {
        if is_ident(&tokens[at], "for") {
            return Err(Error::new(
                tokens[at].span(),
                "builders go on an inherent `impl Type`, not a trait's `impl`",
            ));
        }
        if is_ident(&tokens[at], "where") {
            return Err(Error::new(
                tokens[at].span(),
                "builders go on an `impl` without a `where` clause",
            ));
        }
        at += 1;
    }
    if at == tokens.len() {
        return Err(Error::new(impl_span, "expected the `impl` block's body"));
    }
    let self_ty = tokens[start..at].to_vec();
    // `Name<'a>`: the name is the last identifier before `<`.
    let Some(name) = self_ty
        .iter()
        .take_while(|t| !is_punct(t, '<'))
        .filter_map(|t| match t {
            TokenTree::Ident(i) => Some(i.to_string()),
            _ => None,
        })
        .last()
    else {
        return Err(Error::new(impl_span, "expected the implementing type"));
    };
    Ok((
        ImplHeader {
            lifetimes,
            self_ty,
            self_ident: name,
        },
        at,
    ))
}

/// A function of the `impl` marked `#[builder]`: the builder, and the function's tokens
/// rewritten as the private original (renamed, its `#[builder]` and doc attributes gone).
pub fn method(header: &ImplHeader, item: &[TokenTree]) -> Result<(Builder, Vec<TokenTree>)> {
    let mut at = 0;
    let attrs = take_attrs(item, &mut at);
    let vis = take_vis(item, &mut at);
    let fn_span = item.get(at).map_or_else(Span::call_site, TokenTree::span);
    if !item.get(at).is_some_and(|t| is_ident(t, "fn")) {
        return Err(Error::new(
            fn_span,
            "`#[builder]` goes on a function (or use `#[derive(Builder)]` on a struct)",
        ));
    }
    let Some(TokenTree::Ident(name)) = item.get(at + 1) else {
        return Err(Error::new(fn_span, "expected the function's name"));
    };
    let Some(TokenTree::Group(params)) = item.get(at + 2) else {
        return Err(Error::new(
            name.span(),
            "builders take no generic parameters on the function",
        ));
    };
    if params.delimiter() != Delimiter::Parenthesis {
        return Err(Error::new(params.span(), "expected the parameters"));
    }
    let body_at = item.len() - 1;
    if !matches!(&item[body_at], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace) {
        return Err(Error::new(name.span(), "a builder function needs a body"));
    }
    let arrow = item.get(at + 3).is_some_and(|t| is_punct(t, '-'))
        && item.get(at + 4).is_some_and(|t| is_punct(t, '>'));
    if !arrow && at + 3 != body_at {
        return Err(Error::new(
            params.span(),
            "expected `-> Type` or the body after the parameters",
        ));
    }
    let ret = if arrow {
        let tokens = item.get(at + 5..body_at).unwrap_or_default();
        if tokens.is_empty() {
            return Err(Error::new(
                item[at + 4].span(),
                "expected the return type after `->`",
            ));
        }
        if tokens.iter().any(|t| is_ident(t, "where")) {
            return Err(Error::new(name.span(), "builders take no `where` clause"));
        }
        replace_self(tokens, &header.self_ty)
    } else {
        vec![]
    };

    let item_attr = item_attrs(&attrs)?;
    let param_tokens: Vec<TokenTree> = params.stream().into_iter().collect();
    let mut members = Vec::new();
    let mut receiver = false;
    let mut rewritten_params: Vec<TokenTree> = Vec::new();
    for (index, param) in split_commas(&param_tokens).into_iter().enumerate() {
        let mut p = 0;
        let param_attrs = take_attrs(&param, &mut p);
        let rest = &param[p..];
        let Some(first) = rest.first() else {
            return Err(Error::new(
                param[0].span(),
                "expected a parameter after its attributes",
            ));
        };
        // Attributes the compiler takes on parameters stay; ours and docs go.
        for a in &param_attrs {
            if a.builder.is_none() && !a.is_doc {
                rewritten_params.extend(a.tokens.iter().cloned());
            }
        }
        rewritten_params.extend(rest.iter().cloned());
        rewritten_params.push(TokenTree::Punct(proc_macro::Punct::new(
            ',',
            proc_macro::Spacing::Alone,
        )));
        if rest.iter().any(|t| is_ident(t, "self")) && !rest.iter().any(|t| is_punct(t, ':')) {
            let by_ref = rest.first().is_some_and(|t| is_punct(t, '&'))
                && rest
                    .iter()
                    .filter(|t| matches!(t, TokenTree::Ident(_)))
                    .count()
                    == 1;
            if index != 0 || !by_ref {
                return Err(Error::new(
                    first.span(),
                    "a builder method takes `&self` or no receiver",
                ));
            }
            receiver = true;
            continue;
        }
        let pattern_end = rest.iter().position(|t| is_punct(t, ':'));
        let (pattern, ty) = match pattern_end {
            Some(colon) => (&rest[..colon], &rest[colon + 1..]),
            None => return Err(Error::new(first.span(), "expected `name: Type`")),
        };
        let ident = match pattern {
            [TokenTree::Ident(i)] => i.clone(),
            [TokenTree::Ident(m), TokenTree::Ident(i)] if m.to_string() == "mut" => i.clone(),
            _ => {
                return Err(Error::new(
                    first.span(),
                    "a builder member is a plain name (`name: Type`)",
                ))
            }
        };
        members.push(member(
            &param_attrs,
            ident,
            replace_self(ty, &header.self_ty),
        )?);
    }

    let fn_name = name.to_string();
    let (start_fn, builder_type) = if fn_name == "new" {
        (
            "builder".to_string(),
            format!("{}Builder", header.self_ident),
        )
    } else {
        (
            fn_name.clone(),
            format!("{}{}Builder", header.self_ident, camel_case(&fn_name)),
        )
    };
    let builder_type = item_attr.builder_type.unwrap_or(builder_type);
    let orig = format!("__orig_{}", fn_name.trim_start_matches("r#"));

    // The original, private and renamed: `fn __orig_new(scope: &dyn Construct, ...) -> ... { body }`.
    let mut original: Vec<TokenTree> = Vec::new();
    for a in &attrs {
        if a.builder.is_none() && !a.is_doc {
            original.extend(a.tokens.iter().cloned());
        }
    }
    original.extend(
        "#[allow(clippy::too_many_arguments)] fn"
            .parse::<proc_macro::TokenStream>()
            .expect("fixed tokens"),
    );
    original.push(TokenTree::Ident(Ident::new(&orig, name.span())));
    let mut group = proc_macro::Group::new(
        Delimiter::Parenthesis,
        rewritten_params.into_iter().collect(),
    );
    group.set_span(params.span());
    original.push(TokenTree::Group(group));
    original.extend(item[at + 3..].iter().cloned());

    let builder = Builder {
        self_ty: header.self_ty.clone(),
        self_ident: header.self_ident.clone(),
        lifetimes: header.lifetimes.clone(),
        finish_vis: item_attr.finish_vis.unwrap_or_else(|| vis.clone()),
        vis,
        start_fn,
        state_mod: item_attr
            .state_mod
            .unwrap_or_else(|| snake_case(&builder_type)),
        builder_type,
        finish_fn: item_attr.finish_fn.unwrap_or_else(|| "build".to_string()),
        receiver,
        members,
        docs: docs(&attrs),
        target: Target::Method { orig, ret },
    };
    Ok((builder, original))
}

/// `#[derive(Builder)]` on a struct with named fields and no generics.
pub fn derive(tokens: &[TokenTree]) -> Result<Builder> {
    let mut at = 0;
    let attrs = take_attrs(tokens, &mut at);
    let vis = take_vis(tokens, &mut at);
    if !tokens.get(at).is_some_and(|t| is_ident(t, "struct")) {
        let span = tokens.get(at).map_or_else(Span::call_site, TokenTree::span);
        return Err(Error::new(
            span,
            "`#[derive(Builder)]` goes on a struct with named fields",
        ));
    }
    let Some(TokenTree::Ident(name)) = tokens.get(at + 1) else {
        return Err(Error::new(tokens[at].span(), "expected the struct's name"));
    };
    let fields = match tokens.get(at + 2) {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => g,
        Some(other) if is_punct(other, '<') => {
            return Err(Error::new(
                other.span(),
                "`#[derive(Builder)]` takes no generic parameters",
            ))
        }
        _ => {
            return Err(Error::new(
                name.span(),
                "`#[derive(Builder)]` needs named fields (`struct Name { ... }`)",
            ))
        }
    };
    let self_ty = vec![TokenTree::Ident(name.clone())];
    let field_tokens: Vec<TokenTree> = fields.stream().into_iter().collect();
    let mut members = Vec::new();
    for field in split_commas(&field_tokens) {
        let mut p = 0;
        let field_attrs = take_attrs(&field, &mut p);
        take_vis(&field, &mut p);
        match (field.get(p), field.get(p + 1)) {
            (Some(TokenTree::Ident(ident)), Some(colon)) if is_punct(colon, ':') => {
                let m = member(
                    &field_attrs,
                    ident.clone(),
                    replace_self(&field[p + 2..], &self_ty),
                )?;
                if m.role != Role::Member {
                    return Err(Error::new(
                        ident.span(),
                        "a struct's fields are all setters: no `start_fn` or `finish_fn`",
                    ));
                }
                members.push(m);
            }
            _ => return Err(Error::new(field[0].span(), "expected `name: Type`")),
        }
    }
    let item_attr = item_attrs(&attrs)?;
    let builder_type = item_attr
        .builder_type
        .unwrap_or_else(|| format!("{name}Builder"));
    Ok(Builder {
        self_ty,
        self_ident: name.to_string(),
        lifetimes: Vec::new(),
        finish_vis: item_attr.finish_vis.unwrap_or_else(|| vis.clone()),
        vis,
        start_fn: "builder".to_string(),
        state_mod: item_attr
            .state_mod
            .unwrap_or_else(|| snake_case(&builder_type)),
        builder_type,
        finish_fn: item_attr.finish_fn.unwrap_or_else(|| "build".to_string()),
        receiver: false,
        members,
        docs: vec![format!(
            "#[doc = \"Starts a builder of [`{name}`]: a setter per field, then `build`.\"]"
        )],
        target: Target::Struct,
    })
}
