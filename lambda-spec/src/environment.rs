//! Environment variable names: the ones Lambda reserves, and the allowed shape.

use crate::codes;
use crate::error::SpecError;
use crate::text::str_eq;

/// Variables the Lambda runtime sets itself, which a function may not set
/// (aws-cdk-lib's list, in its order).
pub const RESERVED_ENVIRONMENT_VARIABLES: &[&str] = &[
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
];

/// Whether `name` is one of [`RESERVED_ENVIRONMENT_VARIABLES`] (exact, case-sensitive).
pub const fn is_reserved_environment_variable(name: &str) -> bool {
    let mut i = 0;
    while i < RESERVED_ENVIRONMENT_VARIABLES.len() {
        if str_eq(RESERVED_ENVIRONMENT_VARIABLES[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether `name` has the shape Lambda accepts: `[a-zA-Z][a-zA-Z0-9_]+`.
///
/// At least two characters: that is the pattern of the Lambda API and of
/// CloudFormation's schema (cfn-lint rejects `X` with E3002), stricter than the
/// `[a-zA-Z][a-zA-Z0-9_]*` one might expect.
pub const fn is_valid_environment_variable_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.len() < 2 || !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric() || b == b'_') {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether a function may set a variable called `name`: well-formed and not reserved.
pub const fn is_allowed_environment_variable_name(name: &str) -> bool {
    is_valid_environment_variable_name(name) && !is_reserved_environment_variable(name)
}

/// Fails compilation (when const-evaluated) if a function may not set `name`.
pub const fn assert_environment_variable_name(name: &str) {
    assert!(
        !is_reserved_environment_variable(name),
        "environment variable is reserved by the Lambda runtime"
    );
    assert!(
        is_valid_environment_variable_name(name),
        "environment variable names must match [a-zA-Z][a-zA-Z0-9_]+"
    );
}

/// Checks a variable name: reserved names first, with CDK's code and message
/// (`ReservedEnvironmentVariable`), then the shape (`InvalidEnvironmentVariableName`).
pub fn validate_environment_variable_name(name: &str) -> Result<(), SpecError> {
    if is_reserved_environment_variable(name) {
        return Err(SpecError::new(
            codes::RESERVED_ENVIRONMENT_VARIABLE,
            format!(
                "{name} environment variable is reserved by the lambda runtime and can not be set manually. See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"
            ),
        ));
    }
    if !is_valid_environment_variable_name(name) {
        return Err(SpecError::new(
            codes::INVALID_ENVIRONMENT_VARIABLE_NAME,
            format!(
                "environment variable name `{name}` is not valid: it must start with a letter, have at least 2 characters, and use only letters, digits and `_` (e.g. `TABLE_NAME`)"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reserved_name_is_refused_with_cdks_message() {
        assert_eq!(RESERVED_ENVIRONMENT_VARIABLES.len(), 18);
        for name in RESERVED_ENVIRONMENT_VARIABLES {
            let e = validate_environment_variable_name(name).unwrap_err();
            assert_eq!(e.code, "ReservedEnvironmentVariable");
            assert!(is_reserved_environment_variable(name));
            assert!(!is_allowed_environment_variable_name(name));
        }
        let e = validate_environment_variable_name("AWS_REGION").unwrap_err();
        assert_eq!(
            e.message,
            "AWS_REGION environment variable is reserved by the lambda runtime and can not be set manually. See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"
        );
        let e = validate_environment_variable_name("_HANDLER").unwrap_err();
        assert_eq!(
            e.message,
            "_HANDLER environment variable is reserved by the lambda runtime and can not be set manually. See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"
        );
    }

    #[test]
    fn reserved_check_is_exact() {
        assert!(!is_reserved_environment_variable("aws_region"));
        assert!(!is_reserved_environment_variable("AWS_REGION_X"));
        assert!(validate_environment_variable_name("AWS_ACCOUNT_ID").is_ok());
    }

    #[test]
    fn name_shape() {
        for ok in ["TABLE_NAME", "ab", "a1", "Log_Level", "X_"] {
            assert!(validate_environment_variable_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "X", "1ABC", "_A", "A-B", "A B", "É_X", "A.B"] {
            let e = validate_environment_variable_name(bad).unwrap_err();
            assert_eq!(e.code, "InvalidEnvironmentVariableName", "{bad}");
        }
        let e = validate_environment_variable_name("1ABC").unwrap_err();
        assert_eq!(
            e.message,
            "environment variable name `1ABC` is not valid: it must start with a letter, have at least 2 characters, and use only letters, digits and `_` (e.g. `TABLE_NAME`)"
        );
    }

    #[test]
    fn predicates_are_const() {
        const _: () = assert!(is_allowed_environment_variable_name("TABLE_NAME"));
        const _: () = assert!(is_reserved_environment_variable("AWS_REGION"));
        const _: () = assert_environment_variable_name("LOG_LEVEL");
    }
}
