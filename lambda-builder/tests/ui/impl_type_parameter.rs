use lambda_builder::builders;

struct Queue<T>(T);

#[builders]
impl<T> Queue<T> {
    /// A queue.
    #[builder]
    fn new(
        /// Its item.
        item: T,
    ) -> Self {
        Queue(item)
    }
}

fn main() {}
