//! Rules on a function's code: inline source (`Code.ZipFile`) and container images.

use crate::codes;
use crate::error::SpecError;
use crate::handler::HANDLER_FROM_IMAGE;
use crate::runtime::Runtime;

/// Largest inline source we accept, in bytes: 4 MiB.
///
/// CloudFormation documents that it zips `ZipFile` into a deployment package which
/// "cannot exceed 4MB" (the old 4096-character limit was lifted in 2022; see
/// aws-cdk#20624 and aws-cdk#30761). The limit is on the zip, so checking the raw
/// source against it never refuses code CloudFormation would take; in practice the
/// 1 MB limit on a whole template stops much smaller sources.
pub const INLINE_CODE_MAX_BYTES: usize = 4 * 1024 * 1024;

/// The file name CloudFormation gives inline code; the handler must start with it.
pub const INLINE_CODE_MODULE: &str = "index";

/// Whether inline source of `bytes` bytes is within [`INLINE_CODE_MAX_BYTES`] (and not empty).
pub const fn is_valid_inline_code_size(bytes: usize) -> bool {
    bytes > 0 && bytes <= INLINE_CODE_MAX_BYTES
}

/// Checks inline source for `runtime` in CDK's order: empty code
/// (`LambdaInlineCodeCannotBeEmpty`), a runtime without inline support
/// (`InlineSourceAllowed`), both with CDK's messages; then our size limit
/// (`InlineCodeTooLarge`).
pub fn validate_inline_code(runtime: Runtime, code: &str) -> Result<(), SpecError> {
    if code.is_empty() {
        return Err(SpecError::new(
            codes::LAMBDA_INLINE_CODE_CANNOT_BE_EMPTY,
            "Lambda inline code cannot be empty",
        ));
    }
    if !runtime.supports_inline_code() {
        return Err(SpecError::new(
            codes::INLINE_SOURCE_ALLOWED,
            format!("Inline source not allowed for {}", runtime.name()),
        ));
    }
    if !is_valid_inline_code_size(code.len()) {
        return Err(SpecError::new(
            codes::INLINE_CODE_TOO_LARGE,
            format!(
                "inline code is {} bytes, over CloudFormation's {INLINE_CODE_MAX_BYTES}-byte (4 MiB) limit; put the code in an asset folder instead",
                code.len()
            ),
        ));
    }
    Ok(())
}

/// Checks that an inline-code handler names the `index` file CloudFormation writes
/// (`InvalidHandlerFormat`), e.g. `index.handler`.
pub fn validate_inline_code_handler(handler: &str) -> Result<(), SpecError> {
    match handler.split_once('.') {
        Some((INLINE_CODE_MODULE, function)) if !function.is_empty() => Ok(()),
        _ => Err(SpecError::new(
            codes::INVALID_HANDLER_FORMAT,
            format!(
                "handler `{handler}` cannot load inline code: CloudFormation writes it to a file named `index`, so the handler must be `index.<function>` (e.g. `index.handler`)"
            ),
        )),
    }
}

/// Checks the pairing of container-image code with the `FROM_IMAGE` handler and
/// runtime, both ways, with CDK's codes and messages (`MustBeHandlerUsingImage`,
/// then `MustBeRuntimeUsingImage`).
pub fn validate_image_code(
    is_image_code: bool,
    runtime: Runtime,
    handler: &str,
) -> Result<(), SpecError> {
    if is_image_code != (handler == HANDLER_FROM_IMAGE) {
        return Err(SpecError::new(
            codes::MUST_BE_HANDLER_USING_IMAGE,
            "handler must be `Handler.FROM_IMAGE` when using image asset for Lambda function",
        ));
    }
    if is_image_code != runtime.is_from_image() {
        return Err(SpecError::new(
            codes::MUST_BE_RUNTIME_USING_IMAGE,
            "runtime must be `Runtime.FROM_IMAGE` when using image asset for Lambda function",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_inline_code_has_cdks_message() {
        let e = validate_inline_code(Runtime::NODEJS_22_X, "").unwrap_err();
        assert_eq!(e.code, "LambdaInlineCodeCannotBeEmpty");
        assert_eq!(e.message, "Lambda inline code cannot be empty");
        // Empty wins over the runtime check, as in CDK (the code is built first).
        let e = validate_inline_code(Runtime::JAVA_21, "").unwrap_err();
        assert_eq!(e.code, "LambdaInlineCodeCannotBeEmpty");
    }

    #[test]
    fn inline_code_needs_an_inline_runtime() {
        assert!(validate_inline_code(Runtime::NODEJS_22_X, "exports.handler = 1").is_ok());
        assert!(validate_inline_code(Runtime::PYTHON_3_12, "def handler(e, c): pass").is_ok());
        let e = validate_inline_code(Runtime::JAVA_21, "class X {}").unwrap_err();
        assert_eq!(e.code, "InlineSourceAllowed");
        assert_eq!(e.message, "Inline source not allowed for java21");
        let e = validate_inline_code(Runtime::PROVIDED_AL2023, "x").unwrap_err();
        assert_eq!(e.message, "Inline source not allowed for provided.al2023");
        let e = validate_inline_code(Runtime::FROM_IMAGE, "x").unwrap_err();
        assert_eq!(e.message, "Inline source not allowed for FROM_IMAGE");
    }

    #[test]
    fn inline_code_size_boundaries() {
        assert!(!is_valid_inline_code_size(0));
        assert!(is_valid_inline_code_size(1));
        assert!(is_valid_inline_code_size(4_194_304));
        assert!(!is_valid_inline_code_size(4_194_305));
        let at_limit = "a".repeat(INLINE_CODE_MAX_BYTES);
        assert!(validate_inline_code(Runtime::NODEJS_22_X, &at_limit).is_ok());
        let over = "a".repeat(INLINE_CODE_MAX_BYTES + 1);
        let e = validate_inline_code(Runtime::NODEJS_22_X, &over).unwrap_err();
        assert_eq!(e.code, "InlineCodeTooLarge");
        assert_eq!(
            e.message,
            "inline code is 4194305 bytes, over CloudFormation's 4194304-byte (4 MiB) limit; put the code in an asset folder instead"
        );
        // More than CloudFormation's old 4096-character limit is fine now.
        assert!(validate_inline_code(Runtime::PYTHON_3_12, &"#".repeat(5000)).is_ok());
    }

    #[test]
    fn inline_handler_must_use_index() {
        assert!(validate_inline_code_handler("index.handler").is_ok());
        assert!(validate_inline_code_handler("index.lambda_handler").is_ok());
        for h in ["app.handler", "index", "index.", "src/index.handler"] {
            let e = validate_inline_code_handler(h).unwrap_err();
            assert_eq!(e.code, "InvalidHandlerFormat", "{h}");
        }
    }

    #[test]
    fn image_code_pairs_with_from_image() {
        assert!(validate_image_code(true, Runtime::FROM_IMAGE, "FROM_IMAGE").is_ok());
        assert!(validate_image_code(false, Runtime::NODEJS_22_X, "index.handler").is_ok());
        let e = validate_image_code(true, Runtime::FROM_IMAGE, "index.handler").unwrap_err();
        assert_eq!(e.code, "MustBeHandlerUsingImage");
        assert_eq!(
            e.message,
            "handler must be `Handler.FROM_IMAGE` when using image asset for Lambda function"
        );
        let e = validate_image_code(true, Runtime::NODEJS_22_X, "FROM_IMAGE").unwrap_err();
        assert_eq!(e.code, "MustBeRuntimeUsingImage");
        assert_eq!(
            e.message,
            "runtime must be `Runtime.FROM_IMAGE` when using image asset for Lambda function"
        );
        let e = validate_image_code(false, Runtime::NODEJS_22_X, "FROM_IMAGE").unwrap_err();
        assert_eq!(e.code, "MustBeHandlerUsingImage");
        let e = validate_image_code(false, Runtime::FROM_IMAGE, "index.handler").unwrap_err();
        assert_eq!(e.code, "MustBeRuntimeUsingImage");
    }

    #[test]
    fn size_predicate_is_const() {
        const _: () = assert!(is_valid_inline_code_size(10));
    }
}
