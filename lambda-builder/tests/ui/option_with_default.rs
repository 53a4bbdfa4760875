use lambda_builder::Builder;

#[derive(Builder)]
struct Options {
    #[builder(default)]
    name: Option<String>,
}

fn main() {}
