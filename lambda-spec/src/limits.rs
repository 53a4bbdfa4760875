//! Numeric limits of a Lambda function: memory, timeout, ephemeral storage, concurrency.
//!
//! Each limit is a constant, a `const fn is_valid_*` predicate (for
//! `const _: () = assert!(...)` in macro output), a `const fn assert_*` that panics
//! at compile time with a fixed message, and a `validate_*` returning [`SpecError`].

use crate::codes;
use crate::error::SpecError;

/// Smallest memory size Lambda accepts, in MB.
pub const MEMORY_SIZE_MIN_MB: u32 = 128;
/// Largest memory size Lambda accepts for a regular function, in MB.
///
/// (CloudFormation's schema allows up to 32768 for Lambda Managed Instances, which
/// this crate does not model.)
pub const MEMORY_SIZE_MAX_MB: u32 = 10240;
/// Memory Lambda gives a function that sets none, in MB.
pub const DEFAULT_MEMORY_SIZE_MB: u32 = 128;

/// Shortest timeout, in seconds.
pub const TIMEOUT_MIN_SECONDS: u64 = 1;
/// Longest timeout Lambda allows, in seconds (15 minutes).
pub const TIMEOUT_MAX_SECONDS: u64 = 900;
/// Timeout Lambda gives a function that sets none, in seconds.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 3;

/// Smallest `/tmp` size, in MiB (also Lambda's default).
pub const EPHEMERAL_STORAGE_MIN_MIB: u32 = 512;
/// Largest `/tmp` size, in MiB.
pub const EPHEMERAL_STORAGE_MAX_MIB: u32 = 10240;

/// Whether `mb` is a memory size Lambda accepts (128..=10240).
pub const fn is_valid_memory_size(mb: u32) -> bool {
    mb >= MEMORY_SIZE_MIN_MB && mb <= MEMORY_SIZE_MAX_MB
}

/// Fails compilation (when const-evaluated) if `mb` is outside 128..=10240.
pub const fn assert_memory_size(mb: u32) {
    assert!(
        is_valid_memory_size(mb),
        "memory_size must be between 128 and 10240 MiB"
    );
}

/// Checks a memory size (`MemorySizeOutOfRange`; CDK leaves this to CloudFormation).
pub fn validate_memory_size(mb: u32) -> Result<(), SpecError> {
    if is_valid_memory_size(mb) {
        return Ok(());
    }
    Err(SpecError::new(
        codes::MEMORY_SIZE_OUT_OF_RANGE,
        format!(
            "memory_size must be between {MEMORY_SIZE_MIN_MB} and {MEMORY_SIZE_MAX_MB} MiB, got `{mb}`"
        ),
    ))
}

/// Whether `seconds` is a timeout Lambda accepts (1..=900).
pub const fn is_valid_timeout_seconds(seconds: u64) -> bool {
    seconds >= TIMEOUT_MIN_SECONDS && seconds <= TIMEOUT_MAX_SECONDS
}

/// Fails compilation (when const-evaluated) if `seconds` is outside 1..=900.
pub const fn assert_timeout_seconds(seconds: u64) {
    assert!(
        is_valid_timeout_seconds(seconds),
        "timeout must be between 1 and 900 seconds"
    );
}

/// Checks a timeout in whole seconds (`TimeoutOutOfRange`; CDK leaves this to CloudFormation).
pub fn validate_timeout_seconds(seconds: u64) -> Result<(), SpecError> {
    if is_valid_timeout_seconds(seconds) {
        return Ok(());
    }
    Err(SpecError::new(
        codes::TIMEOUT_OUT_OF_RANGE,
        format!(
            "timeout must be between {TIMEOUT_MIN_SECONDS} and {TIMEOUT_MAX_SECONDS} seconds (15 minutes), got `{seconds}`"
        ),
    ))
}

/// Checks a timeout: whole seconds (`TimeoutNotWholeSeconds`), then the range of
/// [`validate_timeout_seconds`].
pub fn validate_timeout(timeout: std::time::Duration) -> Result<(), SpecError> {
    if timeout.subsec_nanos() != 0 {
        return Err(SpecError::new(
            codes::TIMEOUT_NOT_WHOLE_SECONDS,
            format!(
                "Lambda timeouts are whole seconds, got {} ms; round it to seconds",
                timeout.as_millis()
            ),
        ));
    }
    validate_timeout_seconds(timeout.as_secs())
}

/// Whether `mib` is an ephemeral storage size Lambda accepts (512..=10240).
pub const fn is_valid_ephemeral_storage_size(mib: u32) -> bool {
    mib >= EPHEMERAL_STORAGE_MIN_MIB && mib <= EPHEMERAL_STORAGE_MAX_MIB
}

/// Fails compilation (when const-evaluated) if `mib` is outside 512..=10240.
pub const fn assert_ephemeral_storage_size(mib: u32) {
    assert!(
        is_valid_ephemeral_storage_size(mib),
        "ephemeral_storage_size must be between 512 and 10240 MiB"
    );
}

/// Checks an ephemeral storage size in MiB, with CDK's code and message
/// (`EphemeralStorageOutOfRange`; CDK prints the size as written: `Size.mebibytes(511)`).
pub fn validate_ephemeral_storage_size(mib: u32) -> Result<(), SpecError> {
    validate_ephemeral_storage_size_as(mib, &format!("Size.mebibytes({mib})"))
}

/// [`validate_ephemeral_storage_size`] for a size that was written another way (`Size.gibibytes(20)`):
/// `written` is how the message names it.
pub fn validate_ephemeral_storage_size_as(mib: u32, written: &str) -> Result<(), SpecError> {
    if is_valid_ephemeral_storage_size(mib) {
        return Ok(());
    }
    Err(SpecError::new(
        codes::EPHEMERAL_STORAGE_OUT_OF_RANGE,
        format!(
            "Ephemeral storage size must be between {EPHEMERAL_STORAGE_MIN_MIB} and {EPHEMERAL_STORAGE_MAX_MIB} MB, received {written}."
        ),
    ))
}

/// Whether `n` is a reserved concurrency Lambda accepts (0 or more; 0 throttles every call).
pub const fn is_valid_reserved_concurrency(n: i64) -> bool {
    n >= 0
}

/// Fails compilation (when const-evaluated) if `n` is negative.
pub const fn assert_reserved_concurrency(n: i64) {
    assert!(
        is_valid_reserved_concurrency(n),
        "reserved_concurrent_executions must be 0 or more"
    );
}

/// Checks reserved concurrency (`ReservedConcurrencyNegative`; CDK leaves this to CloudFormation).
pub fn validate_reserved_concurrency(n: i64) -> Result<(), SpecError> {
    if is_valid_reserved_concurrency(n) {
        return Ok(());
    }
    Err(SpecError::new(
        codes::RESERVED_CONCURRENCY_NEGATIVE,
        format!(
            "reserved_concurrent_executions must be 0 or more (0 stops every invocation), got `{n}`"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_size_boundaries() {
        assert!(!is_valid_memory_size(0));
        assert!(!is_valid_memory_size(127));
        assert!(is_valid_memory_size(128));
        assert!(is_valid_memory_size(1769));
        assert!(is_valid_memory_size(10240));
        assert!(!is_valid_memory_size(10241));
        assert!(validate_memory_size(128).is_ok());
        assert!(validate_memory_size(10240).is_ok());
        let e = validate_memory_size(127).unwrap_err();
        assert_eq!(e.code, "MemorySizeOutOfRange");
        assert_eq!(
            e.message,
            "memory_size must be between 128 and 10240 MiB, got `127`"
        );
        let e = validate_memory_size(10241).unwrap_err();
        assert_eq!(
            e.message,
            "memory_size must be between 128 and 10240 MiB, got `10241`"
        );
    }

    #[test]
    fn timeout_boundaries() {
        assert!(!is_valid_timeout_seconds(0));
        assert!(is_valid_timeout_seconds(1));
        assert!(is_valid_timeout_seconds(900));
        assert!(!is_valid_timeout_seconds(901));
        assert!(validate_timeout_seconds(1).is_ok());
        assert!(validate_timeout_seconds(900).is_ok());
        let e = validate_timeout_seconds(0).unwrap_err();
        assert_eq!(e.code, "TimeoutOutOfRange");
        assert_eq!(
            e.message,
            "timeout must be between 1 and 900 seconds (15 minutes), got `0`"
        );
        assert_eq!(
            validate_timeout_seconds(901).unwrap_err().code,
            "TimeoutOutOfRange"
        );
    }

    #[test]
    fn ephemeral_storage_boundaries_and_cdk_message() {
        assert!(!is_valid_ephemeral_storage_size(511));
        assert!(is_valid_ephemeral_storage_size(512));
        assert!(is_valid_ephemeral_storage_size(10240));
        assert!(!is_valid_ephemeral_storage_size(10241));
        assert!(validate_ephemeral_storage_size(512).is_ok());
        assert!(validate_ephemeral_storage_size(10240).is_ok());
        let e = validate_ephemeral_storage_size(511).unwrap_err();
        assert_eq!(e.code, "EphemeralStorageOutOfRange");
        assert_eq!(
            e.message,
            "Ephemeral storage size must be between 512 and 10240 MB, received Size.mebibytes(511)."
        );
        let e = validate_ephemeral_storage_size(10241).unwrap_err();
        assert_eq!(
            e.message,
            "Ephemeral storage size must be between 512 and 10240 MB, received Size.mebibytes(10241)."
        );
    }

    #[test]
    fn reserved_concurrency_boundaries() {
        assert!(!is_valid_reserved_concurrency(-1));
        assert!(is_valid_reserved_concurrency(0));
        assert!(is_valid_reserved_concurrency(1000));
        assert!(validate_reserved_concurrency(0).is_ok());
        let e = validate_reserved_concurrency(-1).unwrap_err();
        assert_eq!(e.code, "ReservedConcurrencyNegative");
        assert_eq!(
            e.message,
            "reserved_concurrent_executions must be 0 or more (0 stops every invocation), got `-1`"
        );
    }

    #[test]
    fn predicates_and_asserts_are_const() {
        const _: () = assert!(is_valid_memory_size(512));
        const _: () = assert_memory_size(128);
        const _: () = assert_timeout_seconds(900);
        const _: () = assert_ephemeral_storage_size(10240);
        const _: () = assert_reserved_concurrency(0);
        const _: () = assert!(!is_valid_timeout_seconds(0));
    }

    #[test]
    #[should_panic(expected = "memory_size must be between 128 and 10240 MiB")]
    fn assert_memory_size_panics_at_run_time_too() {
        assert_memory_size(std::hint::black_box(64));
    }
}

#[cfg(test)]
mod timeout_tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timeouts_are_whole_seconds_within_range() {
        assert!(validate_timeout(Duration::from_secs(900)).is_ok());
        let e = validate_timeout(Duration::from_millis(1500)).unwrap_err();
        assert_eq!(e.code, "TimeoutNotWholeSeconds");
        assert_eq!(
            e.message,
            "Lambda timeouts are whole seconds, got 1500 ms; round it to seconds"
        );
        assert_eq!(
            validate_timeout(Duration::from_secs(901)).unwrap_err().code,
            "TimeoutOutOfRange"
        );
        assert!(validate_timeout(Duration::from_nanos(1_000_000_001)).is_err());
    }
}
