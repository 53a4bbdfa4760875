use lambda_builder::Builder;

#[derive(Builder)]
#[builder(finish_fn(nam = build))]
struct Options {
    name: String,
}

fn main() {}
