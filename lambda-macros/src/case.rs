//! Case conversions: serde's `rename_all` rules (so `VersionProps` knows a field's
//! CloudFormation name) and field name → environment variable name.

/// A serde `rename_all` rule, applied to snake_case field names as serde applies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

const RULES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    pub fn from_name(name: &str) -> Option<RenameRule> {
        RULES.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }

    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => field.split('_').map(capitalize).collect(),
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply_to_field(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => pascal,
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.replace('_', "-").to_ascii_uppercase(),
        }
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// `table_name` → `TABLE_NAME`, `tableName` → `TABLE_NAME`.
pub fn screaming_snake(ident: &str) -> String {
    let mut out = String::with_capacity(ident.len() + 4);
    let mut previous_lower = false;
    for c in ident.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            out.push('_');
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_rules() {
        let f = "reserved_concurrent_executions";
        assert_eq!(
            RenameRule::Pascal.apply_to_field(f),
            "ReservedConcurrentExecutions"
        );
        assert_eq!(
            RenameRule::Camel.apply_to_field(f),
            "reservedConcurrentExecutions"
        );
        assert_eq!(
            RenameRule::ScreamingSnake.apply_to_field(f),
            "RESERVED_CONCURRENT_EXECUTIONS"
        );
        assert_eq!(
            RenameRule::Kebab.apply_to_field(f),
            "reserved-concurrent-executions"
        );
        assert_eq!(
            RenameRule::ScreamingKebab.apply_to_field(f),
            "RESERVED-CONCURRENT-EXECUTIONS"
        );
        assert_eq!(RenameRule::Lower.apply_to_field(f), f);
        assert_eq!(
            RenameRule::from_name("PascalCase"),
            Some(RenameRule::Pascal)
        );
        assert_eq!(RenameRule::from_name("Pascal"), None);
    }

    #[test]
    fn environment_names() {
        assert_eq!(screaming_snake("table_name"), "TABLE_NAME");
        assert_eq!(screaming_snake("tableName"), "TABLE_NAME");
        assert_eq!(screaming_snake("v2_api"), "V2_API");
        assert_eq!(screaming_snake("x"), "X");
    }
}
