use lambda_builder::builders;

struct Queue;

#[builders(finish_fn = build)]
impl Queue {
    /// A queue.
    #[builder]
    fn new() -> Self {
        Queue
    }
}

fn main() {}
