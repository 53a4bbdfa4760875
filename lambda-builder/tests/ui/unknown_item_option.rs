use lambda_builder::Builder;

#[derive(Builder)]
#[builder(finish = build)]
struct Options {
    name: String,
}

fn main() {}
