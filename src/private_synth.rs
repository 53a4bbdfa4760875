//! What the synthesis side of `#[lambda_function]` and `#[derive(VersionProps)]` names.
#![allow(missing_docs)]

pub use lambda_core::Value;

pub use lambda_core::__private::Builder;
pub use lambda_core::assets::IgnoreMode;
pub use lambda_core::lambda::{
    ApplicationLogLevel, Architecture, AssetOptions, Code, Function, LoggingFormat, RecursiveLoop,
    Runtime, RuntimeManagementMode, SnapStartApplyOn, SystemLogLevel, Tracing,
};
pub use lambda_core::{Construct, Result, Size};
pub use std::path::Path;
pub use std::string::String;
pub use std::time::Duration;
pub use std::vec::Vec;

pub use lambda_core::lambda::DurableConfig;
pub use lambda_core::lambda::RustCode;
pub use lambda_core::lambda::VersionProps;
// Extension keys.
pub use lambda_core::lambda::{
    LambdaInsightsVersion, ParamsAndSecretsLayerVersion, ParamsAndSecretsLogLevel,
    ParamsAndSecretsOptions, ParamsAndSecretsVersions, TenancyConfig,
};

/// A type a `#[lambda_function]` field may have: its value becomes the environment
/// variable's. Numbers and booleans are written as strings, as Lambda stores them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the value of an environment variable",
    label = "this field's type cannot become an environment variable",
    note = "use `String`, `&'static str`, a number, `bool` or `lambda_cdk::Value` (a token such as a table name reference)"
)]
pub trait EnvValue {
    fn into_env_value(self) -> Value;
}

/// Converts a field's value, with the field's type in the call so errors name it.
pub fn env_value<T: EnvValue>(value: T) -> Value {
    value.into_env_value()
}

impl EnvValue for Value {
    fn into_env_value(self) -> Value {
        self
    }
}

impl EnvValue for String {
    fn into_env_value(self) -> Value {
        Value::from(self)
    }
}

impl EnvValue for &str {
    fn into_env_value(self) -> Value {
        Value::from(self)
    }
}

macro_rules! to_string_env_value {
    ($($t:ty),*) => {$(
        impl EnvValue for $t {
            fn into_env_value(self) -> Value {
                Value::from(self.to_string())
            }
        }
    )*};
}
to_string_env_value!(
    bool, u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64
);

/// The runtime the macro found in the catalogue at `index`, checked at compile time to
/// be `name` (the macro and the runtime link the same `lambda-spec`; this proves it).
pub const fn runtime(index: usize, name: &str) -> Runtime {
    let runtime = Runtime::ALL[index];
    let (a, b) = (runtime.name().as_bytes(), name.as_bytes());
    let mut same = a.len() == b.len();
    let mut i = 0;
    while same && i < a.len() {
        same = a[i] == b[i];
        i += 1;
    }
    assert!(
        same,
        "lambda-macros and lambda-spec disagree on the runtime catalogue"
    );
    runtime
}
