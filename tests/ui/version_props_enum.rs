use lambda_cdk::VersionProps;

#[derive(VersionProps)]
enum FunctionProperties {
    Code,
}

fn main() {}
