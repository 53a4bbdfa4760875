use lambda_builder::builders;

struct Queue;

#[builders]
impl Queue {
    /// A queue.
    #[builder]
    fn new<T: Into<String>>(
        /// Its name.
        name: T,
    ) -> Self {
        let _ = name.into();
        Queue
    }
}

fn main() {}
