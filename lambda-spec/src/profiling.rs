//! CodeGuru profiling: which runtimes support it.

use crate::codes;
use crate::error::SpecError;
use crate::runtime::Runtime;

/// Checks that `runtime` supports CodeGuru profiling (CDK's
/// `CodeGuruProfilingSupportedRuntime`, with its message).
pub fn validate_profiling(runtime: Runtime) -> Result<(), SpecError> {
    if runtime.supports_code_guru_profiling() {
        return Ok(());
    }
    Err(SpecError::new(
        codes::CODE_GURU_PROFILING_SUPPORTED_RUNTIME,
        format!(
            "CodeGuru profiling is not supported by runtime {}",
            runtime.name()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiling_runtimes() {
        assert!(validate_profiling(Runtime::JAVA_21).is_ok());
        assert!(validate_profiling(Runtime::PYTHON_3_12).is_ok());
        let e = validate_profiling(Runtime::NODEJS_22_X).unwrap_err();
        assert_eq!(e.code, "CodeGuruProfilingSupportedRuntime");
        assert_eq!(
            e.message,
            "CodeGuru profiling is not supported by runtime nodejs22.x"
        );
        assert!(validate_profiling(Runtime::PYTHON_2_7).is_err());
    }
}
