use lambda_builder::builders;

struct Queue;

#[builders]
impl Queue {
    /// Renames it.
    #[builder]
    fn renamed(
        self,
        /// The new name.
        name: String,
    ) -> Self {
        let _ = name;
        self
    }
}

fn main() {}
