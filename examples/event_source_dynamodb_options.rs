//! DynamoDB stream event sources with every stream option, on-failure SQS and SNS destinations,
//! and table data grants (oracle app `event-source-dynamodb-options`).

use lambda_cdk::dynamodb::{Attribute, AttributeType, BillingMode, StreamViewType, Table};
use lambda_cdk::lambda::{
    DynamoEventSource, FilterCriteria, FilterPattern, FilterRule, SnsDlq, SqsDlq, StartingPosition,
};
use lambda_cdk::prelude::*;
use lambda_cdk::sns::Topic;
use lambda_cdk::sqs::Queue;

fn function(stack: &Stack, id: &str) -> Result<Function, lambda_cdk::Error> {
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => \"hi\";"))
        .build(stack, id)
}

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "event-source-dynamodb-options")?;
    let consumer = function(&stack, "Consumer")?;
    let auditor = function(&stack, "Auditor")?;
    let writer = function(&stack, "Writer")?;

    let table = Table::builder()
        .table_name("orders")
        .partition_key(Attribute::new("pk", AttributeType::String))
        .sort_key(Attribute::new("sk", AttributeType::Number))
        .billing_mode(BillingMode::PayPerRequest)
        .stream(StreamViewType::NewAndOldImages)
        .time_to_live_attribute("expires")
        .removal_policy(RemovalPolicy::Destroy)
        .build(&stack, "Orders")?;
    let failed = Queue::builder().build(&stack, "Failed")?;
    consumer.add_event_source(
        &DynamoEventSource::builder(&table)
            .starting_position(StartingPosition::TrimHorizon)
            .batch_size(50)
            .bisect_batch_on_error(true)
            .report_batch_item_failures(true)
            .max_batching_window(Duration::from_secs(10))
            .max_record_age(Duration::from_secs(3600))
            .retry_attempts(3)
            .parallelization_factor(2)
            .tumbling_window(Duration::from_secs(60))
            .on_failure(SqsDlq(failed))
            .enabled(false)
            .filters(vec![
                FilterCriteria::filter(FilterPattern::object([
                    ("eventName", FilterRule::or(["INSERT", "MODIFY"]).into()),
                    (
                        "dynamodb",
                        FilterPattern::object([(
                            "NewImage",
                            FilterPattern::object([(
                                "total",
                                FilterPattern::object([(
                                    "N",
                                    FilterRule::between(10.0, 100.0).into(),
                                )]),
                            )]),
                        )]),
                    ),
                ])),
                FilterCriteria::filter(FilterPattern::object([(
                    "eventName",
                    FilterRule::not_equals("REMOVE").into(),
                )])),
            ])
            .build()?,
    )?;
    let alerts = Topic::builder().build(&stack, "Alerts")?;
    auditor.add_event_source(
        &DynamoEventSource::builder(&table)
            .starting_position(StartingPosition::Latest)
            .on_failure(SnsDlq(alerts))
            .build()?,
    )?;
    table.grant_read_write_data(&writer)?;
    table.grant_read_data(&auditor)?;
    app.synth()?;
    Ok(())
}
