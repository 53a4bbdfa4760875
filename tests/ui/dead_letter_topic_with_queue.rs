use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
    dead_letter_queue = lambda_cdk::sqs::Queue::builder().build(scope, "Dlq")?,
    dead_letter_topic = lambda_cdk::sns::Topic::builder().build(scope, "Dlt")?,
)]
pub struct Orders;

fn main() {}
