use lambda_builder::builders;

struct Queue;

#[builders]
impl Queue {
    /// A queue.
    #[builder]
    fn new(
        /// Its bounds.
        (low, high): (u8, u8),
    ) -> Self {
        let _ = (low, high);
        Queue
    }
}

fn main() {}
