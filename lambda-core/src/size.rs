//! Storage sizes, as aws-cdk-lib's `Size`.

use std::fmt;

/// An amount of storage, kept in MiB (the unit Lambda uses).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Size {
    mebibytes: u64,
}

impl Size {
    /// `n` MiB.
    pub const fn mebibytes(n: u64) -> Size {
        Size { mebibytes: n }
    }

    /// `n` GiB.
    pub const fn gibibytes(n: u64) -> Size {
        Size {
            mebibytes: n * 1024,
        }
    }

    /// The size in MiB.
    pub const fn to_mebibytes(self) -> u64 {
        self.mebibytes
    }
}

impl fmt::Display for Size {
    /// As CDK prints a `Size` in messages: `1024 MiB`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} MiB", self.mebibytes)
    }
}
