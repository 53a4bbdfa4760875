use lambda_builder::builders;

struct Queue;

#[builders]
impl Queue {
    fn new() -> Self {
        Queue
    }
}

fn main() {}
