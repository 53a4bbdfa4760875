//! A DynamoDB stream event source with a filter and metrics (oracle app `event-source-dynamodb`).

use lambda_cdk::dynamodb::{Attribute, AttributeType, StreamViewType, Table};
use lambda_cdk::lambda::{
    DynamoEventSource, FilterCriteria, FilterPattern, FilterRule, MetricType, StartingPosition,
};
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "event-source-dynamodb")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(&stack, "MyFunction")?;
    let table = Table::builder()
        .partition_key(Attribute::new("id", AttributeType::String))
        .stream(StreamViewType::NewImage)
        .build(&stack, "Table")?;
    function.add_event_source(
        &DynamoEventSource::builder(&table)
            .starting_position(StartingPosition::Latest)
            .filters(vec![FilterCriteria::filter(FilterPattern::object([(
                "eventName",
                FilterRule::is_equal("INSERT").into(),
            )]))])
            .metrics(vec![MetricType::EventCount])
            .build()?,
    )?;
    app.synth()?;
    Ok(())
}
