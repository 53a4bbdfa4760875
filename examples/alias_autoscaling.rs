//! Provisioned-concurrency autoscaling on an alias: target tracking on utilization and two
//! scheduled actions (oracle app `alias-autoscaling`).

use lambda_cdk::applicationautoscaling::{CronOptions, ScalingSchedule, Schedule};
use lambda_cdk::lambda::{AutoScalingOptions, UtilizationScalingOptions};
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "alias-autoscaling")?;
    let function = Function::builder()
        .code(Code::from_inline(
            "exports.handler = async () => { console.log('hello world'); };",
        ))
        .handler("index.handler")
        .runtime(Runtime::NODEJS_22_X)
        .build(&stack, "MyLambda")?;

    let alias = function.add_alias("prod")?;
    let scaling = alias.add_auto_scaling(
        AutoScalingOptions::builder()
            .min_capacity(3)
            .max_capacity(50)
            .build(),
    )?;
    scaling.scale_on_utilization(
        UtilizationScalingOptions::builder()
            .utilization_target(0.5)
            .build(),
    )?;
    let at = |hour: &str| {
        Schedule::cron(CronOptions {
            hour: Some(hour.into()),
            minute: Some("0".into()),
            ..CronOptions::default()
        })
    };
    scaling.scale_on_schedule(
        "ScaleUpInTheMorning",
        ScalingSchedule::builder()
            .schedule(at("8")?)
            .min_capacity(20)
            .build(),
    )?;
    scaling.scale_on_schedule(
        "ScaleDownAtNight",
        ScalingSchedule::builder()
            .schedule(at("20")?)
            .max_capacity(20)
            .build(),
    )?;

    CfnOutput::builder()
        .value(function.function_name())
        .build(&stack, "FunctionName")?;
    app.synth()?;
    Ok(())
}
