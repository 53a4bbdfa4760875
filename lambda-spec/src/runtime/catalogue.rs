//! The runtime catalogue: every `Runtime` of aws-cdk-lib 2.276.0, in `Runtime.ALL` order.
//!
//! Generated once from `JSON.stringify(Runtime.ALL)` (see `tests/data/runtime-all-2.276.0.json`,
//! which a test compares byte for byte); the `deprecated` flags are ours (see
//! [`Runtime::is_deprecated`]). Edit by hand when bumping the CDK version.

use super::{Runtime, RuntimeFamily};

impl Runtime {
    /// The original Node.js runtime (`nodejs`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS: Runtime = Runtime {
        name: "nodejs",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 4.3 (`nodejs4.3`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_4_3: Runtime = Runtime {
        name: "nodejs4.3",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 6.10 (`nodejs6.10`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_6_10: Runtime = Runtime {
        name: "nodejs6.10",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 8.10 (`nodejs8.10`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_8_10: Runtime = Runtime {
        name: "nodejs8.10",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 10.x (`nodejs10.x`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_10_X: Runtime = Runtime {
        name: "nodejs10.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 12.x (`nodejs12.x`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_12_X: Runtime = Runtime {
        name: "nodejs12.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 14.x (`nodejs14.x`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_14_X: Runtime = Runtime {
        name: "nodejs14.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 16.x (`nodejs16.x`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_16_X: Runtime = Runtime {
        name: "nodejs16.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 18.x (`nodejs18.x`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_18_X: Runtime = Runtime {
        name: "nodejs18.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Node.js 20.x (`nodejs20.x`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const NODEJS_20_X: Runtime = Runtime {
        name: "nodejs20.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// The latest Node.js runtime available in every region (`nodejs24.x` in aws-cdk-lib 2.276.0); CDK may resolve it per region.
    pub const NODEJS_LATEST: Runtime = Runtime {
        name: "nodejs24.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: true,
        deprecated: false,
    };

    /// Node.js 22.x (`nodejs22.x`).
    pub const NODEJS_22_X: Runtime = Runtime {
        name: "nodejs22.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: false,
    };

    /// Node.js 24.x (`nodejs24.x`).
    pub const NODEJS_24_X: Runtime = Runtime {
        name: "nodejs24.x",
        family: Some(RuntimeFamily::NodeJs),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: false,
    };

    /// Python 2.7 (`python2.7`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PYTHON_2_7: Runtime = Runtime {
        name: "python2.7",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Python 3.6 (`python3.6`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PYTHON_3_6: Runtime = Runtime {
        name: "python3.6",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Python 3.7 (`python3.7`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PYTHON_3_7: Runtime = Runtime {
        name: "python3.7",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Python 3.8 (`python3.8`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PYTHON_3_8: Runtime = Runtime {
        name: "python3.8",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Python 3.9 (`python3.9`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PYTHON_3_9: Runtime = Runtime {
        name: "python3.9",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Python 3.10 (`python3.10`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PYTHON_3_10: Runtime = Runtime {
        name: "python3.10",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Python 3.11 (`python3.11`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PYTHON_3_11: Runtime = Runtime {
        name: "python3.11",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Python 3.12 (`python3.12`).
    pub const PYTHON_3_12: Runtime = Runtime {
        name: "python3.12",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// Python 3.13 (`python3.13`).
    pub const PYTHON_3_13: Runtime = Runtime {
        name: "python3.13",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// Python 3.14 (`python3.14`).
    pub const PYTHON_3_14: Runtime = Runtime {
        name: "python3.14",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// Python 3.15 (`python3.15`).
    pub const PYTHON_3_15: Runtime = Runtime {
        name: "python3.15",
        family: Some(RuntimeFamily::Python),
        supports_inline_code: true,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// Java 8 (`java8`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const JAVA_8: Runtime = Runtime {
        name: "java8",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Java 8 on Amazon Corretto / Amazon Linux 2 (`java8.al2`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const JAVA_8_CORRETTO: Runtime = Runtime {
        name: "java8.al2",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Java 11 (`java11`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const JAVA_11: Runtime = Runtime {
        name: "java11",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: true,
    };

    /// Java 17 (`java17`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const JAVA_17: Runtime = Runtime {
        name: "java17",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: true,
    };

    /// Java 21 (`java21`).
    pub const JAVA_21: Runtime = Runtime {
        name: "java21",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// Java 25 (`java25`).
    pub const JAVA_25: Runtime = Runtime {
        name: "java25",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// Java 8 on Amazon Linux 2023 (`java8.al2023`).
    pub const JAVA_8_AL2023: Runtime = Runtime {
        name: "java8.al2023",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: false,
        is_variable: false,
        deprecated: false,
    };

    /// Java 11 on Amazon Linux 2023 (`java11.al2023`).
    pub const JAVA_11_AL2023: Runtime = Runtime {
        name: "java11.al2023",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// Java 17 on Amazon Linux 2023 (`java17.al2023`).
    pub const JAVA_17_AL2023: Runtime = Runtime {
        name: "java17.al2023",
        family: Some(RuntimeFamily::Java),
        supports_inline_code: false,
        supports_code_guru_profiling: true,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// .NET 6 (`dotnet6`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const DOTNET_6: Runtime = Runtime {
        name: "dotnet6",
        family: Some(RuntimeFamily::DotnetCore),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// .NET 8 (`dotnet8`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const DOTNET_8: Runtime = Runtime {
        name: "dotnet8",
        family: Some(RuntimeFamily::DotnetCore),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: true,
        is_variable: false,
        deprecated: true,
    };

    /// .NET 9 (`dotnet9`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const DOTNET_9: Runtime = Runtime {
        name: "dotnet9",
        family: Some(RuntimeFamily::DotnetCore),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: true,
        is_variable: false,
        deprecated: true,
    };

    /// .NET 10 (`dotnet10`).
    pub const DOTNET_10: Runtime = Runtime {
        name: "dotnet10",
        family: Some(RuntimeFamily::DotnetCore),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: true,
        is_variable: false,
        deprecated: false,
    };

    /// .NET Core 1.0 (`dotnetcore1.0`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const DOTNET_CORE_1: Runtime = Runtime {
        name: "dotnetcore1.0",
        family: Some(RuntimeFamily::DotnetCore),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// .NET Core 2.0 (`dotnetcore2.0`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const DOTNET_CORE_2: Runtime = Runtime {
        name: "dotnetcore2.0",
        family: Some(RuntimeFamily::DotnetCore),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// .NET Core 2.1 (`dotnetcore2.1`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const DOTNET_CORE_2_1: Runtime = Runtime {
        name: "dotnetcore2.1",
        family: Some(RuntimeFamily::DotnetCore),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// .NET Core 3.1 (`dotnetcore3.1`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const DOTNET_CORE_3_1: Runtime = Runtime {
        name: "dotnetcore3.1",
        family: Some(RuntimeFamily::DotnetCore),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Go 1.x (`go1.x`); AWS now runs Go on `provided.al2023`.
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const GO_1_X: Runtime = Runtime {
        name: "go1.x",
        family: Some(RuntimeFamily::Go),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Ruby 2.5 (`ruby2.5`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const RUBY_2_5: Runtime = Runtime {
        name: "ruby2.5",
        family: Some(RuntimeFamily::Ruby),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Ruby 2.7 (`ruby2.7`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const RUBY_2_7: Runtime = Runtime {
        name: "ruby2.7",
        family: Some(RuntimeFamily::Ruby),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Ruby 3.2 (`ruby3.2`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const RUBY_3_2: Runtime = Runtime {
        name: "ruby3.2",
        family: Some(RuntimeFamily::Ruby),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// Ruby 3.3 (`ruby3.3`).
    pub const RUBY_3_3: Runtime = Runtime {
        name: "ruby3.3",
        family: Some(RuntimeFamily::Ruby),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: false,
    };

    /// Ruby 3.4 (`ruby3.4`).
    pub const RUBY_3_4: Runtime = Runtime {
        name: "ruby3.4",
        family: Some(RuntimeFamily::Ruby),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: false,
    };

    /// Ruby 4.0 (`ruby4.0`).
    pub const RUBY_4_0: Runtime = Runtime {
        name: "ruby4.0",
        family: Some(RuntimeFamily::Ruby),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: false,
    };

    /// OS-only runtime on Amazon Linux 1 (`provided`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PROVIDED: Runtime = Runtime {
        name: "provided",
        family: Some(RuntimeFamily::Other),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// OS-only runtime on Amazon Linux 2 (`provided.al2`).
    ///
    /// Deprecated by AWS Lambda: no longer patched, and creating or
    /// updating functions on it is blocked or soon will be.
    pub const PROVIDED_AL2: Runtime = Runtime {
        name: "provided.al2",
        family: Some(RuntimeFamily::Other),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: true,
    };

    /// OS-only runtime on Amazon Linux 2023 (`provided.al2023`): Rust, Go and other compiled handlers.
    pub const PROVIDED_AL2023: Runtime = Runtime {
        name: "provided.al2023",
        family: Some(RuntimeFamily::Other),
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: false,
    };

    /// Not a runtime: marks a function deployed as a container image (no `Runtime` property is emitted).
    pub const FROM_IMAGE: Runtime = Runtime {
        name: "FROM_IMAGE",
        family: None,
        supports_inline_code: false,
        supports_code_guru_profiling: false,
        supports_snap_start: false,
        is_variable: false,
        deprecated: false,
    };

    /// Every runtime aws-cdk-lib 2.276.0 knows, in its `Runtime.ALL` order (52 entries).
    ///
    /// `nodejs24.x` appears twice, as in CDK: once as [`Runtime::NODEJS_LATEST`]
    /// (`is_variable`) and once as [`Runtime::NODEJS_24_X`].
    pub const ALL: &'static [Runtime] = &[
        Runtime::NODEJS,
        Runtime::NODEJS_4_3,
        Runtime::NODEJS_6_10,
        Runtime::NODEJS_8_10,
        Runtime::NODEJS_10_X,
        Runtime::NODEJS_12_X,
        Runtime::NODEJS_14_X,
        Runtime::NODEJS_16_X,
        Runtime::NODEJS_18_X,
        Runtime::NODEJS_20_X,
        Runtime::NODEJS_LATEST,
        Runtime::NODEJS_22_X,
        Runtime::NODEJS_24_X,
        Runtime::PYTHON_2_7,
        Runtime::PYTHON_3_6,
        Runtime::PYTHON_3_7,
        Runtime::PYTHON_3_8,
        Runtime::PYTHON_3_9,
        Runtime::PYTHON_3_10,
        Runtime::PYTHON_3_11,
        Runtime::PYTHON_3_12,
        Runtime::PYTHON_3_13,
        Runtime::PYTHON_3_14,
        Runtime::PYTHON_3_15,
        Runtime::JAVA_8,
        Runtime::JAVA_8_CORRETTO,
        Runtime::JAVA_11,
        Runtime::JAVA_17,
        Runtime::JAVA_21,
        Runtime::JAVA_25,
        Runtime::JAVA_8_AL2023,
        Runtime::JAVA_11_AL2023,
        Runtime::JAVA_17_AL2023,
        Runtime::DOTNET_6,
        Runtime::DOTNET_8,
        Runtime::DOTNET_9,
        Runtime::DOTNET_10,
        Runtime::DOTNET_CORE_1,
        Runtime::DOTNET_CORE_2,
        Runtime::DOTNET_CORE_2_1,
        Runtime::DOTNET_CORE_3_1,
        Runtime::GO_1_X,
        Runtime::RUBY_2_5,
        Runtime::RUBY_2_7,
        Runtime::RUBY_3_2,
        Runtime::RUBY_3_3,
        Runtime::RUBY_3_4,
        Runtime::RUBY_4_0,
        Runtime::PROVIDED,
        Runtime::PROVIDED_AL2,
        Runtime::PROVIDED_AL2023,
        Runtime::FROM_IMAGE,
    ];
}
