use lambda_cdk::VersionProps;

#[derive(VersionProps)]
#[allow(dead_code)]
struct FunctionProperties {
    #[version(locked)]
    #[version(unlocked)]
    code: String,
}

fn main() {}
