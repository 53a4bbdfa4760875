use lambda_builder::Builder;

#[derive(Builder)]
#[builder(finish_fn(name = build, vis = pub))]
struct Options {
    name: String,
}

fn main() {}
