use lambda_builder::Builder;

#[derive(Builder)]
struct Options {
    #[builder(start_fn)]
    name: String,
}

fn main() {}
