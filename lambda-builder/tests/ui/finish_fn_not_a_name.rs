use lambda_builder::Builder;

#[derive(Builder)]
#[builder(finish_fn = "build")]
struct Options {
    name: String,
}

fn main() {}
