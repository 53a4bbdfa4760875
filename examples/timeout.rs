//! A function timeout and a CloudWatch alarm on the function's duration (oracle app `timeout`).

use std::path::Path;

use lambda_cdk::cloudwatch::{Alarm, TreatMissingData};
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "timeout")?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .timeout(Duration::from_secs(5 * 60))
        .build(&stack, "MyFunction")?;
    if let Some(timeout) = function.timeout() {
        Alarm::builder()
            .metric(function.metric_duration().with_statistic("Maximum"))
            .evaluation_periods(1)
            .datapoints_to_alarm(1)
            .threshold(timeout.as_millis() as f64)
            .treat_missing_data(TreatMissingData::Ignore)
            .alarm_name("My Lambda Timeout")
            .build(&stack, "MyAlarm")?;
    }
    app.synth()?;
    Ok(())
}
