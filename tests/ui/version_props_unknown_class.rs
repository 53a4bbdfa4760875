use lambda_cdk::VersionProps;

#[derive(VersionProps)]
#[allow(dead_code)]
struct FunctionProperties {
    #[version(lockd)]
    code: String,
}

fn main() {}
