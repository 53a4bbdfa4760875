use lambda_builder::Builder;

#[derive(Builder)]
struct Options {
    #[builder(default =)]
    size: u32,
}

fn main() {}
