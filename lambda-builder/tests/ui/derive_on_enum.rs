use lambda_builder::Builder;

#[derive(Builder)]
enum Mode {
    Fast,
}

fn main() {}
