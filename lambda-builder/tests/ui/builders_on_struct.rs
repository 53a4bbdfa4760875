use lambda_builder::builders;

#[builders]
struct Queue {
    name: String,
}

fn main() {}
