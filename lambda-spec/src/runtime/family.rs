//! The language family of a runtime, as aws-cdk-lib numbers it.

use std::fmt;

/// Language family of a [`Runtime`](crate::Runtime), in aws-cdk-lib's order.
///
/// The order matters: CDK serializes the family as its index (`NODEJS` = 0 …
/// `OTHER` = 6) in `JSON.stringify(Runtime.ALL)`, which feeds a version hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuntimeFamily {
    /// Node.js (`nodejs*`).
    NodeJs,
    /// Java (`java*`).
    Java,
    /// Python (`python*`).
    Python,
    /// .NET and .NET Core (`dotnet*`).
    DotnetCore,
    /// The retired Go runtime (`go1.x`).
    Go,
    /// Ruby (`ruby*`).
    Ruby,
    /// OS-only / custom runtimes (`provided*`).
    Other,
}

impl RuntimeFamily {
    /// Every family, in CDK's order.
    pub const ALL: &'static [RuntimeFamily] = &[
        RuntimeFamily::NodeJs,
        RuntimeFamily::Java,
        RuntimeFamily::Python,
        RuntimeFamily::DotnetCore,
        RuntimeFamily::Go,
        RuntimeFamily::Ruby,
        RuntimeFamily::Other,
    ];

    /// The number CDK's TypeScript enum gives this family (what `JSON.stringify` prints).
    pub const fn cdk_index(self) -> u8 {
        match self {
            RuntimeFamily::NodeJs => 0,
            RuntimeFamily::Java => 1,
            RuntimeFamily::Python => 2,
            RuntimeFamily::DotnetCore => 3,
            RuntimeFamily::Go => 4,
            RuntimeFamily::Ruby => 5,
            RuntimeFamily::Other => 6,
        }
    }

    /// The CDK constant name (`NODEJS`, `DOTNET_CORE`, …), for messages aimed at CDK users.
    pub const fn cdk_name(self) -> &'static str {
        match self {
            RuntimeFamily::NodeJs => "NODEJS",
            RuntimeFamily::Java => "JAVA",
            RuntimeFamily::Python => "PYTHON",
            RuntimeFamily::DotnetCore => "DOTNET_CORE",
            RuntimeFamily::Go => "GO",
            RuntimeFamily::Ruby => "RUBY",
            RuntimeFamily::Other => "OTHER",
        }
    }
}

impl fmt::Display for RuntimeFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cdk_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_follow_cdk_order() {
        for (i, family) in RuntimeFamily::ALL.iter().enumerate() {
            assert_eq!(usize::from(family.cdk_index()), i);
        }
        assert_eq!(RuntimeFamily::DotnetCore.to_string(), "DOTNET_CORE");
    }
}
