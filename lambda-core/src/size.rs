//! Storage sizes, as aws-cdk-lib's `Size`.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// An amount of storage. Kept in MiB (the unit Lambda uses), and in the unit it was given in,
/// because aws-cdk-lib's messages print a size as it was written (`Size.gibibytes(20)`).
#[derive(Clone, Copy, Debug)]
pub struct Size {
    mebibytes: u64,
    unit: Unit,
}

/// The unit a [`Size`] was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Mebibytes,
    Gibibytes,
}

impl Size {
    /// `n` MiB.
    pub const fn mebibytes(n: u64) -> Size {
        Size {
            mebibytes: n,
            unit: Unit::Mebibytes,
        }
    }

    /// `n` GiB.
    pub const fn gibibytes(n: u64) -> Size {
        Size {
            mebibytes: n * 1024,
            unit: Unit::Gibibytes,
        }
    }

    /// The size in MiB.
    pub const fn to_mebibytes(self) -> u64 {
        self.mebibytes
    }
}

/// Sizes are equal when they hold the same number of bytes, whatever unit they were written in.
impl PartialEq for Size {
    fn eq(&self, other: &Self) -> bool {
        self.mebibytes == other.mebibytes
    }
}

impl Eq for Size {}

impl PartialOrd for Size {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Size {
    fn cmp(&self, other: &Self) -> Ordering {
        self.mebibytes.cmp(&other.mebibytes)
    }
}

impl Hash for Size {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.mebibytes.hash(state);
    }
}

impl fmt::Display for Size {
    /// As aws-cdk-lib's `Size.toString()` prints it in messages: `Size.mebibytes(256)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            Unit::Mebibytes => write!(f, "Size.mebibytes({})", self.mebibytes),
            Unit::Gibibytes => write!(f, "Size.gibibytes({})", self.mebibytes / 1024),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Size;

    #[test]
    fn prints_as_written_compares_by_bytes() {
        assert_eq!(Size::mebibytes(256).to_string(), "Size.mebibytes(256)");
        assert_eq!(Size::gibibytes(2).to_string(), "Size.gibibytes(2)");
        assert_eq!(Size::gibibytes(1), Size::mebibytes(1024));
        assert!(Size::mebibytes(1023) < Size::gibibytes(1));
    }
}
