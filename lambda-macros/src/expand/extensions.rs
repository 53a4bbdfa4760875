//! The builder calls of the extension keys (`insights_version`, `profiling`,
//! `params_and_secrets(...)`, `tenancy`).

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

use super::private;
use crate::attr::{FunctionAttrs, ParamsAndSecretsSource};

pub fn setters(attrs: &FunctionAttrs) -> TokenStream {
    let p = private();
    let mut out = TokenStream::new();
    if let Some(version) = &attrs.insights_version {
        let name = Ident::new(
            &format!("VERSION_{}", version.value.replace('.', "_")),
            Span::call_site(),
        );
        out.extend(quote!(.insights_version(#p::LambdaInsightsVersion::#name)));
    }
    if let Some(profiling) = &attrs.profiling {
        let on = profiling.value;
        out.extend(quote!(.profiling(#on)));
    }
    if let Some(params) = &attrs.params_and_secrets {
        let params = &params.value;
        let some = |field: &str, value: Option<TokenStream>| {
            let field = Ident::new(field, Span::call_site());
            value.map(|v| quote!(#field: ::core::option::Option::Some(#v),))
        };
        let millis = |ms: Option<u64>| ms.map(|ms| quote!(#p::Duration::from_millis(#ms)));
        let fields = [
            some("cache_enabled", params.cache_enabled.map(|b| quote!(#b))),
            some("cache_size", params.cache_size.map(|n| quote!(#n))),
            some("http_port", params.http_port.map(|n| quote!(#n))),
            some(
                "log_level",
                params.log_level.map(|l| {
                    let l = Ident::new(l, Span::call_site());
                    quote!(#p::ParamsAndSecretsLogLevel::#l)
                }),
            ),
            some(
                "max_connections",
                params.max_connections.map(|n| quote!(#n)),
            ),
            some(
                "secrets_manager_timeout",
                millis(params.secrets_manager_timeout),
            ),
            some("secrets_manager_ttl", millis(params.secrets_manager_ttl)),
            some(
                "parameter_store_timeout",
                millis(params.parameter_store_timeout),
            ),
            some("parameter_store_ttl", millis(params.parameter_store_ttl)),
        ];
        let fields = fields.into_iter().flatten();
        let options = quote!(#p::ParamsAndSecretsOptions {
            #(#fields)*
            ..::core::default::Default::default()
        });
        let layer = match &params.source {
            ParamsAndSecretsSource::Version(v) => {
                let v = Ident::new(v, Span::call_site());
                quote!(#p::ParamsAndSecretsLayerVersion::from_version(#p::ParamsAndSecretsVersions::#v, #options))
            }
            ParamsAndSecretsSource::Arn(arn) => {
                quote!(#p::ParamsAndSecretsLayerVersion::from_version_arn(#arn, #options))
            }
        };
        out.extend(quote!(.params_and_secrets(#layer)));
    }
    if attrs.tenancy.is_some() {
        out.extend(quote!(.tenancy_config(#p::TenancyConfig::PER_TENANT)));
    }
    out
}
