//! SnapStart: which functions may snapshot their initialized state.

use crate::codes;
use crate::error::SpecError;
use crate::runtime::Runtime;

/// Most ephemeral storage a SnapStart function may have, in MiB.
pub const SNAP_START_MAX_EPHEMERAL_STORAGE_MIB: u32 = 512;

/// The parts of a function that decide whether SnapStart may be turned on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnapStartContext {
    /// The function's runtime.
    pub runtime: Runtime,
    /// Whether the function uses tenant isolation (`TenancyConfig`).
    pub tenant_isolation: bool,
    /// Whether the function mounts a file system (EFS).
    pub filesystem: bool,
    /// The configured ephemeral storage in MiB, if any.
    pub ephemeral_storage_mib: Option<u32>,
}

/// Checks that SnapStart may be enabled, in CDK's order and with its codes and
/// messages: runtime support (skipped for `FROM_IMAGE`), tenant isolation, EFS,
/// then ephemeral storage above 512 MiB. Architecture is not checked: CDK 2.276.0
/// does not, and Lambda supports SnapStart on arm64.
pub fn validate_snap_start(ctx: &SnapStartContext) -> Result<(), SpecError> {
    if !ctx.runtime.is_from_image() && !ctx.runtime.supports_snap_start() {
        return Err(SpecError::new(
            codes::SNAP_START_CURRENTLY_SUPPORTED_RUNTIME,
            format!(
                "SnapStart currently not supported by runtime {}",
                ctx.runtime.name()
            ),
        ));
    }
    if ctx.tenant_isolation {
        return Err(SpecError::new(
            codes::SNAP_START_SUPPORTED_FUNCTIONS_TENANT,
            "SnapStart is not supported for functions with tenant isolation mode",
        ));
    }
    if ctx.filesystem {
        return Err(SpecError::new(
            codes::SNAP_START_CURRENTLY_SUPPORTED,
            "SnapStart is currently not supported using EFS",
        ));
    }
    if let Some(mib) = ctx.ephemeral_storage_mib {
        if !is_valid_snap_start_ephemeral_storage(mib) {
            return Err(SpecError::new(
                codes::SNAP_START_CURRENTLY_SUPPORTED_MI,
                "SnapStart is currently not supported using more than 512 MiB Ephemeral Storage",
            ));
        }
    }
    Ok(())
}

/// Whether `runtime` allows SnapStart (container images are left to Lambda, as in CDK).
pub const fn is_snap_start_runtime(runtime: Runtime) -> bool {
    runtime.is_from_image() || runtime.supports_snap_start()
}

/// Whether a SnapStart function may have `mib` of ephemeral storage (at most 512).
pub const fn is_valid_snap_start_ephemeral_storage(mib: u32) -> bool {
    mib <= SNAP_START_MAX_EPHEMERAL_STORAGE_MIB
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(runtime: Runtime) -> SnapStartContext {
        SnapStartContext {
            runtime,
            tenant_isolation: false,
            filesystem: false,
            ephemeral_storage_mib: None,
        }
    }

    #[test]
    fn supported_runtimes_pass() {
        for r in [
            Runtime::JAVA_11,
            Runtime::JAVA_21,
            Runtime::PYTHON_3_12,
            Runtime::DOTNET_8,
            Runtime::FROM_IMAGE,
        ] {
            assert!(validate_snap_start(&ctx(r)).is_ok(), "{r}");
            assert!(is_snap_start_runtime(r));
        }
    }

    #[test]
    fn unsupported_runtime_has_cdks_message() {
        let e = validate_snap_start(&ctx(Runtime::NODEJS_22_X)).unwrap_err();
        assert_eq!(e.code, "SnapStartCurrentlySupportedRuntime");
        assert_eq!(
            e.message,
            "SnapStart currently not supported by runtime nodejs22.x"
        );
        let e = validate_snap_start(&ctx(Runtime::JAVA_8_CORRETTO)).unwrap_err();
        assert_eq!(
            e.message,
            "SnapStart currently not supported by runtime java8.al2"
        );
        assert!(!is_snap_start_runtime(Runtime::PYTHON_3_11));
    }

    #[test]
    fn tenant_isolation_efs_and_storage() {
        let mut c = ctx(Runtime::JAVA_21);
        c.tenant_isolation = true;
        let e = validate_snap_start(&c).unwrap_err();
        assert_eq!(e.code, "SnapStartSupportedFunctionsTenant");
        assert_eq!(
            e.message,
            "SnapStart is not supported for functions with tenant isolation mode"
        );

        let mut c = ctx(Runtime::JAVA_21);
        c.filesystem = true;
        let e = validate_snap_start(&c).unwrap_err();
        assert_eq!(e.code, "SnapStartCurrentlySupported");
        assert_eq!(e.message, "SnapStart is currently not supported using EFS");

        let mut c = ctx(Runtime::JAVA_21);
        c.ephemeral_storage_mib = Some(512);
        assert!(validate_snap_start(&c).is_ok());
        c.ephemeral_storage_mib = Some(513);
        let e = validate_snap_start(&c).unwrap_err();
        assert_eq!(e.code, "SnapStartCurrentlySupportedMi");
        assert_eq!(
            e.message,
            "SnapStart is currently not supported using more than 512 MiB Ephemeral Storage"
        );
    }

    #[test]
    fn runtime_check_comes_first() {
        let c = SnapStartContext {
            runtime: Runtime::NODEJS_22_X,
            tenant_isolation: true,
            filesystem: true,
            ephemeral_storage_mib: Some(1024),
        };
        assert_eq!(
            validate_snap_start(&c).unwrap_err().code,
            "SnapStartCurrentlySupportedRuntime"
        );
    }

    #[test]
    fn predicates_are_const() {
        const _: () = assert!(is_snap_start_runtime(Runtime::JAVA_21));
        const _: () = assert!(!is_snap_start_runtime(Runtime::NODEJS_22_X));
        const _: () = assert!(is_valid_snap_start_ephemeral_storage(512));
        const _: () = assert!(!is_valid_snap_start_ephemeral_storage(513));
    }
}
