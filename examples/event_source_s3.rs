//! An S3 event source (bucket notifications) with two events and a key prefix (oracle app
//! `event-source-s3`). The notifications handler's code is this project's own.

use lambda_cdk::lambda::S3EventSource;
use lambda_cdk::prelude::*;
use lambda_cdk::s3::{Bucket, EventType, NotificationKeyFilter};

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "event-source-s3")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let bucket = Bucket::builder().build(&stack, "Bucket")?;
    function.add_event_source(
        &S3EventSource::builder(&bucket)
            .events(vec![EventType::ObjectCreated, EventType::ObjectRemoved])
            .filters(vec![NotificationKeyFilter::prefix("subdir/")])
            .build(),
    )?;
    app.synth()?;
    Ok(())
}
