//! `S3EventSource`: a function invoked when objects of a bucket change (aws-cdk-lib's
//! `aws-lambda-event-sources.S3EventSource`), through the bucket's event notifications.

use super::event_source::EventSource;
use super::invocable::Invocable;
use crate::s3::{Bucket, EventType, NotificationKeyFilter};
use crate::Result;

/// S3 invokes the function for each of `events` on objects whose keys match `filters`.
///
/// ```
/// use lambda_core::lambda::{Code, Function, Runtime, S3EventSource};
/// use lambda_core::s3::{Bucket, EventType, NotificationKeyFilter};
/// use lambda_core::{App, Stack};
///
/// let app = App::from_env();
/// let stack = Stack::builder().build(&app, "MyStack")?;
/// let f = Function::builder()
///     .runtime(Runtime::NODEJS_22_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
///     .build(&stack, "Fn")?;
/// let bucket = Bucket::builder().build(&stack, "Uploads")?;
/// f.add_event_source(
///     &S3EventSource::builder(&bucket)
///         .events(vec![EventType::ObjectCreated])
///         .filters(vec![NotificationKeyFilter::suffix(".jpg")])
///         .build(),
/// )?;
/// # Ok::<(), lambda_core::Error>(())
/// ```
#[derive(Clone)]
pub struct S3EventSource {
    bucket: Bucket,
    events: Vec<EventType>,
    filters: Vec<NotificationKeyFilter>,
}

#[lambda_builder::builders]
impl S3EventSource {
    /// A source on `bucket`.
    #[builder]
    pub fn new(
        #[builder(start_fn)] bucket: &Bucket,
        /// The events that invoke the function.
        events: Vec<EventType>,
        /// Key filters (a prefix and a suffix at most); every object when empty.
        #[builder(default)]
        filters: Vec<NotificationKeyFilter>,
    ) -> Self {
        S3EventSource {
            bucket: bucket.clone(),
            events,
            filters,
        }
    }
}

impl EventSource for S3EventSource {
    fn bind(&self, target: &dyn Invocable) -> Result<()> {
        for event in &self.events {
            self.bucket
                .add_event_notification(*event, target, &self.filters)?;
        }
        Ok(())
    }
}
