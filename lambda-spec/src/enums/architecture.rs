//! Instruction set architecture of a function.

use super::spec_enum;

spec_enum! {
    /// The instruction set a function runs on (`Architectures` in CloudFormation).
    pub enum Architecture : "architecture" {
        /// 64-bit x86 (`x86_64`): Lambda's default.
        X86_64 = "x86_64" | "X86_64",
        /// 64-bit ARM, Graviton (`arm64`): cheaper per GB-second.
        Arm64 = "arm64" | "ARM_64",
    }
}

impl Architecture {
    /// What Lambda uses when `Architectures` is left out.
    pub const DEFAULT: Architecture = Architecture::X86_64;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        assert_eq!(Architecture::X86_64.as_str(), "x86_64");
        assert_eq!(Architecture::Arm64.as_str(), "arm64");
        assert_eq!(Architecture::from_name("ARM_64"), Some(Architecture::Arm64));
        assert_eq!(Architecture::from_name("Arm64"), Some(Architecture::Arm64));
        assert_eq!(
            Architecture::from_name("X86_64"),
            Some(Architecture::X86_64)
        );
        assert_eq!(
            Architecture::from_name("x86-64"),
            Some(Architecture::X86_64)
        );
        assert_eq!(Architecture::from_name("aarch64"), None);
        assert_eq!(Architecture::DEFAULT, Architecture::X86_64);
    }
}
