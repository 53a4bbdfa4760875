use lambda_builder::Builder;

#[derive(Builder)]
struct Name(String);

fn main() {}
