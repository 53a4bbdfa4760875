//! Environment variable names, from `environment(...)` and from the struct's fields.

use crate::ast::Function;
use crate::attr::Sp;
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, function: &Function) {
    let names = function
        .attrs
        .environment
        .iter()
        .map(|entry| &entry.name)
        .chain(function.fields.iter().map(|field| &field.env));
    let mut seen: Vec<&Sp<String>> = Vec::new();
    for name in names {
        if let Err(err) = lambda_spec::validate_environment_variable_name(&name.value) {
            cx.error_spanned_by(name, err.message);
        }
        if seen.iter().any(|s| s.value == name.value) {
            cx.error_spanned_by(
                name,
                format!(
                    "environment variable `{}` is set twice; rename one (a field's variable can be named with `#[env(name = \"...\")]`)",
                    name.value
                ),
            );
        }
        seen.push(name);
    }
}
