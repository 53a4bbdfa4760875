use lambda_builder::builders;

struct Queue;

#[builders]
impl Queue {
    /// A queue.
    #[builder]
    fn new(#[builder(start_fn, finish_fn)] name: String) -> Self {
        let _ = name;
        Queue
    }
}

fn main() {}
