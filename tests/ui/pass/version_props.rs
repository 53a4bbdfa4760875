use lambda_cdk::VersionProps;
use serde::Serialize;

#[derive(Serialize, VersionProps)]
#[serde(rename_all = "PascalCase")]
struct FunctionProperties {
    #[version(locked)]
    memory_size: u32,
    #[version(unlocked)]
    #[serde(rename = "Tags")]
    labels: Vec<String>,
    #[serde(skip)]
    #[allow(dead_code)]
    internal: u8,
}

mod elsewhere {
    pub use lambda_cdk::__private::VersionProps;
}

#[derive(VersionProps)]
#[version_props(crate = elsewhere)]
#[allow(dead_code)]
struct Overridden {
    #[version(locked)]
    code: String,
}

// `#[serde(...)]` is read without a serde derive beside it (as lambda-core's own table does).
#[derive(VersionProps)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct WithoutSerde {
    #[version(locked)]
    memory_size: u32,
}

fn main() {
    use lambda_cdk::__private::VersionProps as Classified;
    assert_eq!(
        <FunctionProperties as Classified>::VERSION_PROPERTIES,
        &[("MemorySize", true), ("Tags", false)]
    );
    assert_eq!(<Overridden as Classified>::VERSION_PROPERTIES, &[("code", true)]);
    assert_eq!(<WithoutSerde as Classified>::VERSION_PROPERTIES, &[("MemorySize", true)]);
    let _ = serde_json::to_string(&FunctionProperties { memory_size: 128, labels: Vec::new(), internal: 0 });
}
