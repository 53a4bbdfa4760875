use lambda_builder::builders;

struct Queue<'a>(&'a str);

#[builders]
impl<'a> Queue<'a>
where
    'a: 'static,
{
    /// A queue.
    #[builder]
    fn new(#[builder(start_fn)] name: &'a str) -> Self {
        Queue(name)
    }
}

fn main() {}
