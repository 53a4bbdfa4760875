//! Networking rules of a function and its VPC: aws-cdk-lib's checks of the EFS mount path, of
//! the VPC props given without a VPC, of public subnets, and of a VPC's subnet masks, written
//! once for the builders (and any compile-time layer that wants them).

use crate::codes::{
    INVALID_CIDR_RANGE, INVALID_MOUNT_PATH_FORMAT, IPV6_DUAL_STACK_REQUIRES_VPC,
    LAMBDA_FUNCTIONS_PUBLIC_SUBNET, SECURITY_GROUPS_REQUIRE_VPC,
};
use crate::SpecError;

/// Smallest subnet prefix length aws-cdk-lib allocates (`/16`).
pub const MIN_SUBNET_MASK: u32 = 16;
/// Largest subnet prefix length aws-cdk-lib allocates (`/28`).
pub const MAX_SUBNET_MASK: u32 = 28;

/// aws-cdk-lib's mount path rule: `^/mnt/[a-zA-Z0-9-_.]+$` (`InvalidMountPathFormat`).
///
/// ```
/// use lambda_spec::validate_mount_path;
/// assert!(validate_mount_path("/mnt/msg").is_ok());
/// assert_eq!(validate_mount_path("/data").unwrap_err().code, "InvalidMountPathFormat");
/// ```
pub fn validate_mount_path(path: &str) -> Result<(), SpecError> {
    let ok = path.strip_prefix("/mnt/").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    });
    if ok {
        Ok(())
    } else {
        Err(SpecError::new(
            INVALID_MOUNT_PATH_FORMAT,
            format!("Local mount path should match with ^/mnt/[a-zA-Z0-9-_.]+$ but given {path}."),
        ))
    }
}

/// Which VPC-only props a function was given without a VPC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VpcOnlyProps {
    /// `securityGroups` was given.
    pub security_groups: bool,
    /// `ipv6AllowedForDualStack` was given.
    pub ipv6_allowed_for_dual_stack: bool,
}

/// aws-cdk-lib's checks of a function without a VPC, in its order: security groups
/// (`SecurityGroupsRequireVpc`), then `ipv6AllowedForDualStack` (`Ipv6DualStackRequiresVpc`).
///
/// ```
/// use lambda_spec::{validate_without_vpc, VpcOnlyProps};
/// let e = validate_without_vpc(VpcOnlyProps { security_groups: true, ..Default::default() });
/// assert_eq!(e.unwrap_err().code, "SecurityGroupsRequireVpc");
/// assert!(validate_without_vpc(VpcOnlyProps::default()).is_ok());
/// ```
pub fn validate_without_vpc(props: VpcOnlyProps) -> Result<(), SpecError> {
    if props.security_groups {
        return Err(SpecError::new(
            SECURITY_GROUPS_REQUIRE_VPC,
            "Cannot configure 'securityGroups' without configuring a VPC",
        ));
    }
    if props.ipv6_allowed_for_dual_stack {
        return Err(SpecError::new(
            IPV6_DUAL_STACK_REQUIRES_VPC,
            "Cannot configure 'ipv6AllowedForDualStack' without configuring a VPC",
        ));
    }
    Ok(())
}

/// A function in a public subnet needs `allowPublicSubnet` (`LambdaFunctionsPublicSubnet`):
/// it gets no public IP there, so it cannot reach the internet.
///
/// ```
/// use lambda_spec::validate_public_subnet;
/// assert!(validate_public_subnet(true, true).is_ok());
/// assert_eq!(validate_public_subnet(true, false).unwrap_err().code, "LambdaFunctionsPublicSubnet");
/// ```
pub fn validate_public_subnet(in_public_subnet: bool, allowed: bool) -> Result<(), SpecError> {
    if in_public_subnet && !allowed {
        return Err(SpecError::new(
            LAMBDA_FUNCTIONS_PUBLIC_SUBNET,
            "Lambda Functions in a public subnet can NOT access the internet. If you are aware of this limitation and would still like to place the function in a public subnet, set `allowPublicSubnet` to true",
        ));
    }
    Ok(())
}

/// A subnet prefix length aws-cdk-lib can allocate: /16 to /28 (`InvalidCidrRange`).
///
/// ```
/// use lambda_spec::validate_subnet_mask;
/// assert!(validate_subnet_mask(24).is_ok());
/// assert_eq!(validate_subnet_mask(30).unwrap_err().code, "InvalidCidrRange");
/// ```
pub fn validate_subnet_mask(mask: u32) -> Result<(), SpecError> {
    if (MIN_SUBNET_MASK..=MAX_SUBNET_MASK).contains(&mask) {
        Ok(())
    } else {
        Err(SpecError::new(
            INVALID_CIDR_RANGE,
            format!("x.x.x.x/{mask} is not a valid VPC CIDR range. VPCs must be between /16 and /28 and the minimum subnet size is /28."),
        ))
    }
}
