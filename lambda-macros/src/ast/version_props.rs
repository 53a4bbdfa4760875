//! A `#[derive(VersionProps)]` struct: each CloudFormation property and whether
//! changing it must publish a new function version.

use syn::{Data, DeriveInput, Fields, Generics, Ident, Path};

use crate::attr;
use crate::ctxt::Ctxt;
use crate::symbol::VERSION;

pub struct VersionPropsInput {
    pub ident: Ident,
    pub generics: Generics,
    pub krate: Option<Path>,
    pub properties: Vec<Property>,
}

pub struct Property {
    /// The CloudFormation name: serde's `rename`, else `rename_all` applied, else the field.
    pub name: String,
    pub locked: bool,
}

impl VersionPropsInput {
    pub fn from_ast(cx: &Ctxt, input: &DeriveInput) -> Option<VersionPropsInput> {
        let krate = attr::version_props_crate(cx, &input.attrs);
        let fields = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(fields) => &fields.named,
                Fields::Unit => return Some(VersionPropsInput::new(input, krate, Vec::new())),
                Fields::Unnamed(fields) => {
                    cx.error_spanned_by(
                        fields,
                        "VersionProps needs named fields: each is a CloudFormation property",
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                cx.error_spanned_by(
                    data.enum_token,
                    "VersionProps can only be derived for a struct of CloudFormation properties",
                );
                return None;
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "VersionProps can only be derived for a struct of CloudFormation properties",
                );
                return None;
            }
        };
        let rename_all = attr::rename_all(&input.attrs);
        let mut properties = Vec::new();
        for field in fields {
            let Some(ident) = &field.ident else { continue };
            let serde = attr::serde_name(&field.attrs);
            let class = attr::version_class(cx, &field.attrs);
            if serde.skip {
                continue;
            }
            let field_name = ident.to_string().trim_start_matches("r#").to_owned();
            let name = serde.rename.unwrap_or_else(|| match rename_all {
                Some(rule) => rule.apply_to_field(&field_name),
                None => field_name,
            });
            match class {
                Some(locked) => properties.push(Property {
                    name,
                    locked: locked.value,
                }),
                // A malformed #[version(..)] was reported already.
                None if field.attrs.iter().any(|a| a.path() == VERSION) => {}
                None => cx.error_spanned_by(
                    ident,
                    format!(
                        "property `{name}` is not recognized as a version property: add `#[version(locked)]` if changing it must publish a new version, or `#[version(unlocked)]` if it must not"
                    ),
                ),
            }
        }
        Some(VersionPropsInput::new(input, krate, properties))
    }

    fn new(input: &DeriveInput, krate: Option<Path>, properties: Vec<Property>) -> Self {
        VersionPropsInput {
            ident: input.ident.clone(),
            generics: input.generics.clone(),
            krate,
            properties,
        }
    }
}
