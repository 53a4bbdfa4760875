//! The builder's code, as text (parsed once; it names only the user's types and `core`).
//!
//! Only members that must be set are in the typestate: `__S` is a tuple with `Set` or
//! `Unset` per required member, so a builder of 40 members with 3 required has 3 type
//! parameters to check and monomorphize, not 40. `build` needs `__S: IsComplete`, whose one
//! impl asks each position for its own `<Member>IsSet` trait: the error names the member.

use std::fmt::Write;

use proc_macro::TokenTree;

use crate::ast::{Builder, Kind, Member, Role, Target};
use crate::tokens::{camel_case, fill_lifetimes, has_elided_reference, to_string};

const OWN_LIFETIME: &str = "__b";

struct Names<'a> {
    b: &'a Builder,
    /// The builder's own lifetime, when it stores a reference with none (`&self`, `&Topic`).
    own: bool,
    /// `'a, '__b, ` (empty when none).
    lifetimes: String,
    members_ty: String,
    required: Vec<&'a Member>,
}

impl Names<'_> {
    /// Type tokens as text, with the builder's own lifetime on bare references when it has one.
    fn filled(&self, ty: &[TokenTree]) -> String {
        if self.own {
            to_string(&fill_lifetimes(ty, OWN_LIFETIME))
        } else {
            to_string(ty)
        }
    }

    fn stored_ty(&self, m: &Member) -> String {
        self.filled(&m.ty)
    }

    /// What a setter stores: `T` of an `Option<T>` member, the member's type otherwise.
    fn inner_ty(&self, m: &Member) -> String {
        match &m.kind {
            Kind::Optional { inner } => self.filled(inner),
            _ => self.stored_ty(m),
        }
    }

    /// A setter's parameter type: `T` or `impl Into<T>`.
    fn setter_ty(&self, m: &Member) -> String {
        let ty = self.inner_ty(m);
        if m.into {
            format!("impl ::core::convert::Into<{ty}>")
        } else {
            ty
        }
    }

    fn builder(&self, state: &str) -> String {
        format!("{}<{}{state}>", self.b.builder_type, self.lifetimes)
    }

    /// The state every builder starts in: every required member `Unset`.
    fn start_state(&self) -> String {
        let unset = format!("{}::Unset", self.b.state_mod);
        tuple(&vec![unset; self.required.len()])
    }

    /// The state tuple with `at` replaced by `with`, the other positions generic.
    fn state(&self, at: Option<(usize, &str)>) -> String {
        let parts: Vec<String> = (0..self.required.len())
            .map(|i| match at {
                Some((j, with)) if i == j => with.to_string(),
                _ => format!("__S{i}"),
            })
            .collect();
        tuple(&parts)
    }
}

fn tuple(parts: &[String]) -> String {
    match parts.len() {
        1 => format!("({},)", parts[0]),
        _ => format!("({})", parts.join(", ")),
    }
}

fn trait_name(m: &Member) -> String {
    format!("{}IsSet", camel_case(&m.name.to_string()))
}

pub fn expand(b: &Builder) -> String {
    let own = b.receiver
        || b.members
            .iter()
            .any(|m| m.role != Role::Finish && has_elided_reference(&m.ty));
    let mut all_lifetimes = b.lifetimes.clone();
    if own {
        all_lifetimes.push(format!("'{OWN_LIFETIME}"));
    }
    let lifetimes: String = all_lifetimes.iter().map(|l| format!("{l}, ")).collect();
    let n = Names {
        b,
        own,
        lifetimes,
        members_ty: format!("__{}Members", b.builder_type),
        required: b
            .members
            .iter()
            .filter(|m| m.role == Role::Member && matches!(m.kind, Kind::Required))
            .collect(),
    };
    let mut out = String::with_capacity(4096);
    state_mod(&n, &mut out);
    structs(&n, &all_lifetimes, &mut out);
    start_fn(&n, &mut out);
    required_setters(&n, &mut out);
    optional_setters(&n, &mut out);
    finish_fn(&n, &mut out);
    out
}

fn state_mod(n: &Names, out: &mut String) {
    let b = n.b;
    let _ = write!(
        out,
        "#[doc(hidden)] #[allow(dead_code)] pub mod {} {{ \
         #[doc(hidden)] pub struct Set; #[doc(hidden)] pub struct Unset; \
         #[doc(hidden)] pub trait IsComplete {{}} ",
        b.state_mod
    );
    for m in &n.required {
        let name = m.name.to_string();
        let name = name.trim_start_matches("r#");
        let _ = write!(
            out,
            "#[doc(hidden)] #[diagnostic::on_unimplemented(\
             message = \"the member `{name}` was not set\", \
             label = \"`{name}` is not set\", \
             note = \"set it with `.{name}(...)` first\")] \
             pub trait {t} {{}} impl {t} for Set {{}} ",
            t = trait_name(m)
        );
    }
    let params: Vec<String> = n
        .required
        .iter()
        .enumerate()
        .map(|(i, m)| format!("__S{i}: {}", trait_name(m)))
        .collect();
    let _ = write!(
        out,
        "impl<{}> IsComplete for {} {{}} }} ",
        params.join(", "),
        n.state(None)
    );
}

fn structs(n: &Names, all_lifetimes: &[String], out: &mut String) {
    let b = n.b;
    let _ = write!(
        out,
        "#[doc = \"The builder of [`{ty}`] that `{ty}::{start}` starts: a setter per member, then \
         `{finish}`. Leaving a required member unset does not compile, and the error names it.\"] \
         #[must_use = \"a builder does nothing until `{finish}` is called\"] \
         #[allow(dead_code)] {vis} struct {bt}<{lt}__S = {default}> {{ \
         __state: ::core::marker::PhantomData<fn() -> __S>, __members: {mt}<{lts}>, }} ",
        ty = b.self_ident,
        start = b.start_fn,
        finish = b.finish_fn,
        vis = b.vis,
        bt = b.builder_type,
        lt = n.lifetimes,
        default = n.start_state(),
        mt = n.members_ty,
        lts = all_lifetimes.join(", "),
    );
    let _ = write!(
        out,
        "#[doc(hidden)] #[allow(dead_code, non_camel_case_types)] struct {}<{}> {{ ",
        n.members_ty,
        all_lifetimes.join(", ")
    );
    if b.receiver {
        let _ = write!(out, "__self: &'{OWN_LIFETIME} {}, ", to_string(&b.self_ty));
    }
    for m in &b.members {
        match (m.role, &m.kind) {
            (Role::Finish, _) => {}
            (Role::Start, _) | (Role::Member, Kind::Optional { .. }) => {
                let _ = write!(out, "{}: {}, ", m.name, n.stored_ty(m));
            }
            (Role::Member, _) => {
                let _ = write!(
                    out,
                    "{}: ::core::option::Option<{}>, ",
                    m.name,
                    n.stored_ty(m)
                );
            }
        }
    }
    out.push_str("} ");
}

fn start_fn(n: &Names, out: &mut String) {
    let b = n.b;
    let impl_lifetimes = b.lifetimes.join(", ");
    let _ = write!(out, "impl<{impl_lifetimes}> {} {{ ", to_string(&b.self_ty));
    for doc in &b.docs {
        out.push_str(doc);
        out.push(' ');
    }
    let own_generic = if n.own {
        format!("<'{OWN_LIFETIME}>")
    } else {
        String::new()
    };
    let _ = write!(
        out,
        "#[allow(dead_code)] {} fn {}{own_generic}(",
        b.vis, b.start_fn
    );
    if b.receiver {
        let _ = write!(out, "&'{OWN_LIFETIME} self, ");
    }
    for m in b.members.iter().filter(|m| m.role == Role::Start) {
        let _ = write!(out, "{}: {}, ", m.name, n.stored_ty(m));
    }
    let _ = write!(
        out,
        ") -> {} {{ {} {{ __state: ::core::marker::PhantomData, __members: {} {{ ",
        n.builder(&n.start_state()),
        b.builder_type,
        n.members_ty
    );
    if b.receiver {
        out.push_str("__self: self, ");
    }
    for m in &b.members {
        match m.role {
            Role::Finish => {}
            Role::Start => {
                let _ = write!(out, "{}, ", m.name);
            }
            Role::Member => {
                let _ = write!(out, "{}: ::core::option::Option::None, ", m.name);
            }
        }
    }
    out.push_str("} } } } ");
}

fn docs(m: &Member, out: &mut String) {
    for doc in &m.docs {
        out.push_str(doc);
        out.push(' ');
    }
}

fn value(m: &Member, param: &str) -> String {
    if m.into {
        format!("::core::convert::Into::into({param})")
    } else {
        param.to_string()
    }
}

/// The setter's name and parameter, replaced after parsing by the member's own identifier
/// (its span), so a wrong argument's "method defined here" points at the member.
fn placeholder(b: &Builder, m: &Member) -> String {
    let index = b
        .members
        .iter()
        .position(|x| std::ptr::eq(x, m))
        .expect("a member of b");
    format!("{PLACEHOLDER}{index}")
}

pub const PLACEHOLDER: &str = "__lambda_builder_member_";

fn required_setters(n: &Names, out: &mut String) {
    let b = n.b;
    let set = format!("{}::Set", b.state_mod);
    let unset = format!("{}::Unset", b.state_mod);
    for (i, m) in n.required.iter().enumerate() {
        let generics: String = (0..n.required.len())
            .filter(|&j| j != i)
            .map(|j| format!("__S{j}, "))
            .collect();
        let _ = write!(
            out,
            "#[allow(dead_code)] impl<{}{generics}> {} {{ ",
            n.lifetimes,
            n.builder(&n.state(Some((i, &unset))))
        );
        docs(m, out);
        let param = placeholder(b, m);
        let _ = write!(
            out,
            "{vis} fn {name}(self, {name}: {ty}) -> {ret} {{ \
             let mut __members = self.__members; \
             __members.{name} = ::core::option::Option::Some({value}); \
             {bt} {{ __state: ::core::marker::PhantomData, __members }} }} }} ",
            vis = b.vis,
            name = param,
            ty = n.setter_ty(m),
            ret = n.builder(&n.state(Some((i, &set)))),
            value = value(m, &param),
            bt = b.builder_type,
        );
    }
}

fn optional_setters(n: &Names, out: &mut String) {
    let b = n.b;
    let optional: Vec<&Member> = b
        .members
        .iter()
        .filter(|m| m.role == Role::Member && !matches!(m.kind, Kind::Required))
        .collect();
    if optional.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "#[allow(dead_code)] impl<{}__S> {} {{ ",
        n.lifetimes,
        n.builder("__S")
    );
    for m in optional {
        docs(m, out);
        let name = m.name.to_string();
        let plain = name.trim_start_matches("r#");
        let ty = n.setter_ty(m);
        let param = placeholder(b, m);
        let _ = write!(
            out,
            "{vis} fn {p}(mut self, {p}: {ty}) -> Self {{ \
             self.__members.{p} = ::core::option::Option::Some({value}); self }} ",
            vis = b.vis,
            p = param,
            value = value(m, &param),
        );
        let unset = match m.kind {
            Kind::Default(_) => "the default",
            _ => "unset",
        };
        let map = if m.into {
            ".map(::core::convert::Into::into)"
        } else {
            ""
        };
        let _ = write!(
            out,
            "#[doc = \"Sets [`{plain}`](Self::{name}) from an `Option`: `None` leaves it {unset}.\"] \
             {vis} fn maybe_{plain}(mut self, value: ::core::option::Option<{ty}>) -> Self {{ \
             self.__members.{name} = value{map}; self }} ",
            vis = b.vis,
        );
    }
    out.push_str("} ");
}

fn finish_fn(n: &Names, out: &mut String) {
    let b = n.b;
    let _ = write!(
        out,
        "#[allow(dead_code)] impl<{}__S> {} {{ \
         #[doc = \"Finishes the builder: compiles once every required member is set.\"] \
         {} fn {}(self, ",
        n.lifetimes,
        n.builder("__S"),
        b.finish_vis,
        b.finish_fn
    );
    for m in b.members.iter().filter(|m| m.role == Role::Finish) {
        let _ = write!(out, "{}: {}, ", m.name, to_string(&m.ty));
    }
    out.push(')');
    match &b.target {
        Target::Method { ret, .. } if !ret.is_empty() => {
            let _ = write!(out, " -> {}", to_string(ret));
        }
        Target::Method { .. } => {}
        Target::Struct => {
            let _ = write!(out, " -> {}", b.self_ident);
        }
    }
    let _ = write!(
        out,
        " where __S: {}::IsComplete {{ let __members = self.__members; ",
        b.state_mod
    );
    let args: Vec<String> = b.members.iter().map(argument).collect();
    match &b.target {
        Target::Method { orig, .. } => {
            let receiver = if b.receiver { "__members.__self, " } else { "" };
            let _ = write!(
                out,
                "<{}>::{orig}({receiver}{})",
                to_string(&b.self_ty),
                args.join(", ")
            );
        }
        Target::Struct => {
            let fields: Vec<String> = b
                .members
                .iter()
                .zip(&args)
                .map(|(m, a)| format!("{}: {a}", m.name))
                .collect();
            let _ = write!(out, "{} {{ {} }}", b.self_ident, fields.join(", "));
        }
    }
    out.push_str(" } } ");
}

/// The member's value when `build` is called.
fn argument(m: &Member) -> String {
    let name = &m.name;
    match (m.role, &m.kind) {
        (Role::Finish, _) => name.to_string(),
        (Role::Start, _) | (Role::Member, Kind::Optional { .. }) => format!("__members.{name}"),
        (Role::Member, Kind::Required) => format!(
            "match __members.{name} {{ ::core::option::Option::Some(value) => value, \
             ::core::option::Option::None => ::core::unreachable!() }}"
        ),
        (Role::Member, Kind::Default(None)) => {
            format!("__members.{name}.unwrap_or_default()")
        }
        (Role::Member, Kind::Default(Some(expr))) => {
            format!("__members.{name}.unwrap_or_else(|| {})", to_string(expr))
        }
    }
}
