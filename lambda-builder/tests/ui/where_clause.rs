use lambda_builder::builders;

struct Queue;

#[builders]
impl Queue {
    /// A queue.
    #[builder]
    fn new() -> Self
    where
        Self: Sized,
    {
        Queue
    }
}

fn main() {}
