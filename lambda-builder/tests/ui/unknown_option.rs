use lambda_builder::builders;

struct Queue;

#[builders]
impl Queue {
    /// A queue.
    #[builder]
    fn new(
        /// Its name.
        #[builder(intoo)]
        name: Option<String>,
    ) -> Self {
        let _ = name;
        Queue
    }
}

fn main() {}
