use lambda_cdk::VersionProps;
use serde::Serialize;

#[derive(Serialize, VersionProps)]
#[allow(dead_code)]
struct FunctionProperties {
    #[version(locked)]
    code: String,
    #[serde(rename = "MemorySize")]
    memory: u32,
}

fn main() {}
