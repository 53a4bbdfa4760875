use lambda_builder::Builder;

#[derive(Builder)]
struct Options<T> {
    value: T,
}

fn main() {}
