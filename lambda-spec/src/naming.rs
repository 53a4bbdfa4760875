//! Function name and description rules (CDK's `FunctionNameTooLong`,
//! `InvalidFunctionNameFormat`, `DescriptionTooLong`).
//!
//! Lengths count UTF-16 code units, as aws-cdk-lib's JavaScript `length` does.

use crate::codes;
use crate::error::SpecError;
use crate::text::js_length;

/// Longest function name, in characters.
pub const FUNCTION_NAME_MAX_LENGTH: usize = 64;
/// Longest function description, in characters (UTF-16 code units).
pub const DESCRIPTION_MAX_LENGTH: usize = 256;

/// Whether a function name of `len` characters is short enough (at most 64).
pub const fn is_valid_function_name_length(len: usize) -> bool {
    len <= FUNCTION_NAME_MAX_LENGTH
}

/// Whether every character of `name` is a letter, digit, `-` or `_`, and there is one.
pub const fn is_valid_function_name_format(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `name` passes both function-name rules (length and characters).
pub const fn is_valid_function_name(name: &str) -> bool {
    is_valid_function_name_length(js_length(name)) && is_valid_function_name_format(name)
}

/// Fails compilation (when const-evaluated) if `name` breaks a function-name rule.
pub const fn assert_function_name(name: &str) {
    assert!(
        is_valid_function_name(name),
        "function_name must be 1 to 64 letters, digits, `-` or `_`"
    );
}

/// Checks a function name as CDK does: length first (`FunctionNameTooLong`), then
/// characters (`InvalidFunctionNameFormat`), with CDK's messages.
pub fn validate_function_name(name: &str) -> Result<(), SpecError> {
    let len = js_length(name);
    if !is_valid_function_name_length(len) {
        return Err(SpecError::new(
            codes::FUNCTION_NAME_TOO_LONG,
            format!(
                "Function name can not be longer than {FUNCTION_NAME_MAX_LENGTH} characters but has {len} characters."
            ),
        ));
    }
    if !is_valid_function_name_format(name) {
        return Err(SpecError::new(
            codes::INVALID_FUNCTION_NAME_FORMAT,
            format!(
                "Function name {name} can contain only letters, numbers, hyphens, or underscores with no spaces."
            ),
        ));
    }
    Ok(())
}

/// Whether a description of `len` UTF-16 code units is short enough (at most 256).
pub const fn is_valid_description_length(len: usize) -> bool {
    len <= DESCRIPTION_MAX_LENGTH
}

/// Whether `description` is short enough, counted as JavaScript counts.
pub const fn is_valid_description(description: &str) -> bool {
    is_valid_description_length(js_length(description))
}

/// Fails compilation (when const-evaluated) if `description` is over 256 characters.
pub const fn assert_description(description: &str) {
    assert!(
        is_valid_description(description),
        "description must be at most 256 characters"
    );
}

/// Checks a description with CDK's code and message (`DescriptionTooLong`).
pub fn validate_description(description: &str) -> Result<(), SpecError> {
    let len = js_length(description);
    if is_valid_description_length(len) {
        return Ok(());
    }
    Err(SpecError::new(
        codes::DESCRIPTION_TOO_LONG,
        format!(
            "Function description can not be longer than {DESCRIPTION_MAX_LENGTH} characters but has {len} characters."
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_name_length_boundaries() {
        assert!(validate_function_name(&"a".repeat(64)).is_ok());
        let e = validate_function_name(&"a".repeat(65)).unwrap_err();
        assert_eq!(e.code, "FunctionNameTooLong");
        assert_eq!(
            e.message,
            "Function name can not be longer than 64 characters but has 65 characters."
        );
        assert!(is_valid_function_name_length(64));
        assert!(!is_valid_function_name_length(65));
    }

    #[test]
    fn function_name_format() {
        for ok in ["my-function", "My_Function_1", "a", "0-_"] {
            assert!(validate_function_name(ok).is_ok(), "{ok}");
            assert!(is_valid_function_name(ok), "{ok}");
        }
        let e = validate_function_name("my function").unwrap_err();
        assert_eq!(e.code, "InvalidFunctionNameFormat");
        assert_eq!(
            e.message,
            "Function name my function can contain only letters, numbers, hyphens, or underscores with no spaces."
        );
        for bad in ["", "a.b", "fn:1", "é", "a/b"] {
            assert_eq!(
                validate_function_name(bad).unwrap_err().code,
                "InvalidFunctionNameFormat",
                "{bad}"
            );
            assert!(!is_valid_function_name(bad), "{bad}");
        }
    }

    #[test]
    fn long_name_reports_length_before_format() {
        let e = validate_function_name(&" ".repeat(70)).unwrap_err();
        assert_eq!(e.code, "FunctionNameTooLong");
    }

    #[test]
    fn description_boundaries() {
        assert!(validate_description("").is_ok());
        assert!(validate_description(&"d".repeat(256)).is_ok());
        let e = validate_description(&"d".repeat(257)).unwrap_err();
        assert_eq!(e.code, "DescriptionTooLong");
        assert_eq!(
            e.message,
            "Function description can not be longer than 256 characters but has 257 characters."
        );
        // Counted in UTF-16 units, as JavaScript does: 128 emoji are 256 units.
        assert!(validate_description(&"😀".repeat(128)).is_ok());
        assert!(validate_description(&"😀".repeat(129)).is_err());
        assert!(is_valid_description_length(256));
        assert!(!is_valid_description_length(257));
    }

    #[test]
    fn predicates_are_const() {
        const _: () = assert!(is_valid_function_name("orders-handler"));
        const _: () = assert!(!is_valid_function_name("orders handler"));
        const _: () = assert_function_name("Orders");
        const _: () = assert!(is_valid_description("Handles orders."));
        const _: () = assert_description("Handles orders.");
    }
}
