//! `build(&scope, "Id")` on the struct and on its complete builder: the static
//! configuration of the attribute plus the environment from the fields, handed to
//! `Function::builder()` (which checks again at run time; the rules are the same).

use lambda_spec::Runtime;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;

use super::item::{builder_type, state_mod, PROPS_FN};
use super::private;
use crate::ast::Function;
use crate::attr::{Code, EnvValue, FunctionAttrs, Num, RuntimeManagement, Text};

/// `build` fns; `body` is `None` when the attribute had errors (compilation fails
/// anyway, the stub only keeps the user's calls from erroring too).
pub fn build_fns(function: &Function, body: Option<TokenStream>) -> TokenStream {
    let private = private();
    let ident = &function.item.ident;
    let builder_type = builder_type(function);
    let state_mod = state_mod(function);
    let props_fn = Ident::new(PROPS_FN, Span::call_site());
    let vis = &function.item.vis;
    let body = body.unwrap_or_else(|| quote!(::core::unreachable!()));
    let doc = format!(
        "Creates the Lambda function configured by `#[lambda_function]` on [`{ident}`] under `scope`, with construct id `id`."
    );
    quote! {
        #[automatically_derived]
        impl #ident {
            #[doc = #doc]
            #vis fn build(
                self,
                scope: &dyn #private::Construct,
                id: &str,
            ) -> #private::Result<#private::Function> {
                #body
            }
        }

        // The bound sits on the method, not the impl, so a missing field is an E0277
        // naming it (the builder's `<Field>IsSet` message) rather than "method exists but...".
        #[automatically_derived]
        impl<S> #builder_type<S> {
            #[doc = #doc]
            #vis fn build(
                self,
                scope: &dyn #private::Construct,
                id: &str,
            ) -> #private::Result<#private::Function>
            where
                S: #state_mod::IsComplete,
            {
                self.#props_fn().build(scope, id)
            }
        }
    }
}

/// The body of `build`: environment, then `Function::builder()` with every key.
pub fn function_builder(function: &Function) -> TokenStream {
    let private = private();
    let ident = &function.item.ident;
    // Fields are bound to names of ours, so a field called `scope` or `id` cannot
    // shadow the parameters.
    let field_idents = function.fields.iter().map(|f| &f.ident);
    let bindings = (0..function.fields.len()).map(binding);
    let environment = environment(function);
    let setters = setters(&function.attrs);
    quote! {
        let #ident { #(#field_idents: #bindings),* } = self;
        let mut __environment: #private::Vec<(#private::String, #private::Value)> = #private::Vec::new();
        #environment
        #private::Function::builder()
            #setters
            .environment(__environment)
            .build(scope, id)
    }
}

fn environment(function: &Function) -> TokenStream {
    let private = private();
    let mut out = TokenStream::new();
    for entry in &function.attrs.environment {
        let name = &entry.name.value;
        let value = match &entry.value {
            EnvValue::Lit(text) => quote!(#private::Value::from(#text)),
            EnvValue::Expr(expr) => {
                quote_spanned!(entry.name.span()=> #private::env_value(#expr))
            }
        };
        out.extend(quote!(__environment.push((#private::String::from(#name), #value));));
    }
    for (i, field) in function.fields.iter().enumerate() {
        let name = &field.env.value;
        let ident = binding(i);
        let ty = &field.value_ty;
        // Spanned at the field's type: an unsupported type is reported there.
        let convert = quote_spanned!(syn::spanned::Spanned::span(ty)=> #private::env_value::<#ty>);
        if field.optional {
            out.extend(quote! {
                if let ::core::option::Option::Some(__value) = #ident {
                    __environment.push((#private::String::from(#name), #convert(__value)));
                }
            });
        } else {
            out.extend(quote! {
                __environment.push((#private::String::from(#name), #convert(#ident)));
            });
        }
    }
    out
}

fn binding(index: usize) -> Ident {
    format_ident!("__field_{index}")
}

fn setters(attrs: &FunctionAttrs) -> TokenStream {
    let p = private();
    let mut out = TokenStream::new();
    if let Some(runtime) = &attrs.runtime {
        let name = runtime.value.name();
        let index = Runtime::ALL
            .iter()
            .position(|r| !r.is_variable() && r.name() == name)
            .unwrap_or_default();
        out.extend(quote!(.runtime({
            const RUNTIME: #p::Runtime = #p::runtime(#index, #name);
            RUNTIME
        })));
    }
    if let Some(handler) = &attrs.handler {
        let handler = &handler.value;
        out.extend(quote!(.handler(#handler)));
    }
    if let Some(Code::Rust { .. }) = attrs.code.as_ref().map(|c| &c.value) {
        // cargo-lambda's defaults, unless the attribute names others.
        if attrs.runtime.is_none() {
            out.extend(quote!(.runtime(#p::Runtime::PROVIDED_AL2023)));
        }
        if attrs.handler.is_none() {
            out.extend(quote!(.handler("bootstrap")));
        }
    }
    if let Some(code) = &attrs.code {
        let code = match &code.value {
            Code::Inline(source) => {
                let source = text(&source.value);
                quote!(#p::Code::from_inline(#source))
            }
            Code::Asset {
                path,
                exclude,
                ignore_mode,
            } => {
                let path = quote!(#p::Path::new(::core::env!("CARGO_MANIFEST_DIR")).join(#path));
                if exclude.is_empty() && ignore_mode.is_none() {
                    quote!(#p::Code::from_asset(#path))
                } else {
                    let mode = Ident::new(
                        ignore_mode.map_or("Glob", |m| m.variant()),
                        Span::call_site(),
                    );
                    quote!(#p::Code::from_asset_with(#path, #p::AssetOptions {
                        exclude: #p::Vec::from([#(#p::String::from(#exclude)),*]),
                        ignore_mode: #p::IgnoreMode::#mode,
                    }))
                }
            }
            Code::Rust { path, binary } => {
                let path = quote!(#p::Path::new(::core::env!("CARGO_MANIFEST_DIR")).join(#path));
                let binary = match binary {
                    Some(b) => quote!(.binary_name(#b)),
                    None => quote!(),
                };
                let arch = match attrs.architecture.as_ref() {
                    Some(a) => {
                        let v = variant(&format!("{:?}", a.value));
                        quote!(.architecture(#p::Architecture::#v))
                    }
                    None => quote!(),
                };
                quote!(#p::Code::from_rust(#p::RustCode::builder().manifest_path(#path)#binary #arch .build()))
            }
        };
        out.extend(quote!(.code(#code)));
    }
    if let Some(d) = &attrs.description {
        let d = text(&d.value);
        out.extend(quote!(.description(#d)));
    }
    if let Some(n) = &attrs.function_name {
        let n = text(&n.value);
        out.extend(quote!(.function_name(#n)));
    }
    if let Some(mb) = &attrs.memory_size {
        let mb = num(&mb.value);
        out.extend(quote!(.memory_size(#mb)));
    }
    if let Some(timeout) = &attrs.timeout {
        let timeout = match &timeout.value {
            Num::Lit(ms) => {
                let seconds = ms / 1000;
                quote!(#p::Duration::from_secs(#seconds))
            }
            Num::Const(expr) => quote!(#expr),
        };
        out.extend(quote!(.timeout(#timeout)));
    }
    if let Some(a) = &attrs.architecture {
        let v = variant(&format!("{:?}", a.value));
        out.extend(quote!(.architecture(#p::Architecture::#v)));
    }
    if let Some(mib) = &attrs.ephemeral_storage {
        let mib = match &mib.value {
            Num::Lit(v) => {
                let v = u64::from(*v);
                quote!(#v)
            }
            Num::Const(expr) => quote!((#expr) as u64),
        };
        out.extend(quote!(.ephemeral_storage_size(#p::Size::mebibytes(#mib))));
    }
    if let Some(n) = &attrs.reserved_concurrent_executions {
        let n = match &n.value {
            Num::Lit(v) => {
                let v = u32::try_from(*v).unwrap_or_default();
                quote!(#v)
            }
            Num::Const(expr) => quote!(#expr),
        };
        out.extend(quote!(.reserved_concurrent_executions(#n)));
    }
    if let Some(t) = &attrs.tracing {
        let v = variant(&format!("{:?}", t.value));
        out.extend(quote!(.tracing(#p::Tracing::#v)));
    }
    if let Some(f) = &attrs.logging_format {
        let v = variant(&format!("{:?}", f.value));
        out.extend(quote!(.logging_format(#p::LoggingFormat::#v)));
    }
    if let Some(l) = &attrs.application_log_level {
        let v = variant(&format!("{:?}", l.value));
        out.extend(quote!(.application_log_level(#p::ApplicationLogLevel::#v)));
    }
    if let Some(l) = &attrs.system_log_level {
        let v = variant(&format!("{:?}", l.value));
        out.extend(quote!(.system_log_level(#p::SystemLogLevel::#v)));
    }
    if let Some(m) = &attrs.runtime_management {
        let mode = match &m.value {
            RuntimeManagement::Auto => quote!(#p::RuntimeManagementMode::AUTO),
            RuntimeManagement::FunctionUpdate => quote!(#p::RuntimeManagementMode::FUNCTION_UPDATE),
            RuntimeManagement::Manual(arn) => quote!(#p::RuntimeManagementMode::manual(#arn)),
        };
        out.extend(quote!(.runtime_management_mode(#mode)));
    }
    if let Some(r) = &attrs.recursive_loop {
        let v = variant(&format!("{:?}", r.value));
        out.extend(quote!(.recursive_loop(#p::RecursiveLoop::#v)));
    }
    if let Some(enabled) = &attrs.dead_letter_queue_enabled {
        let enabled = enabled.value;
        out.extend(quote!(.dead_letter_queue_enabled(#enabled)));
    }
    if let Some(age) = &attrs.max_event_age {
        let age = match &age.value {
            Num::Lit(ms) => {
                let seconds = ms / 1000;
                quote!(#p::Duration::from_secs(#seconds))
            }
            Num::Const(expr) => quote!(#expr),
        };
        out.extend(quote!(.max_event_age(#age)));
    }
    if let Some(n) = &attrs.retry_attempts {
        let n = num(&n.value);
        out.extend(quote!(.retry_attempts(#n)));
    }
    if let Some(durable) = &attrs.durable_config {
        let timeout = durable.value.execution_timeout_ms;
        let mut config = quote!(#p::DurableConfig::new(#p::Duration::from_millis(#timeout)));
        if let Some(retention) = durable.value.retention_period_ms {
            config.extend(quote!(.retention_period(#p::Duration::from_millis(#retention))));
        }
        out.extend(quote!(.durable_config(#config)));
    }
    if attrs.snap_start.as_ref().is_some_and(|s| s.value) {
        out.extend(quote!(.snap_start(#p::SnapStartApplyOn::PublishedVersions)));
    }
    out.extend(super::extensions::setters(attrs));
    out.extend(pass_through(attrs));
    out
}

/// `.method(<expr>)` for each pass-through key, the call spanned at the key: a value of
/// the wrong type is rustc's error at the key and value the user wrote.
fn pass_through(attrs: &FunctionAttrs) -> TokenStream {
    let mut out = TokenStream::new();
    for entry in &attrs.pass_through {
        let at = syn::spanned::Spanned::span(&entry.key);
        let method = Ident::new(entry.method, at);
        let value = &entry.value;
        out.extend(quote_spanned!(at=> .#method(#value)));
    }
    out
}

fn text(text: &Text) -> TokenStream {
    match text {
        Text::Lit(s) => quote!(#s),
        Text::Const(expr) => quote!(#expr),
    }
}

fn num(n: &Num<u32>) -> TokenStream {
    match n {
        Num::Lit(v) => quote!(#v),
        Num::Const(expr) => quote!(#expr),
    }
}

/// A lambda-spec enum variant, by its `Debug` name (the variant's identifier).
fn variant(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}
