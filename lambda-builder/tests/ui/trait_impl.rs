use lambda_builder::builders;

struct Queue;

trait Make {
    fn make() -> Self;
}

#[builders]
impl Make for Queue {
    #[builder]
    fn make() -> Self {
        Queue
    }
}

fn main() {}
