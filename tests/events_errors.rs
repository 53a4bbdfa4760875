//! EventBridge schedules and rules that aws-cdk-lib 2.276.0 rejects are rejected the same way:
//! each `event-*` test builds what `tests/oracle/errors/<name>.js` builds and expects the error
//! recorded in `tests/golden/errors/<name>.json` (written by `tests/oracle/regenerate-errors.sh`):
//! same code and message (aws-cdk-lib's errors here are unscoped: no construct path). Rule checks
//! aws-cdk-lib reports at synthesis without a code are ours at build time, with its message.

mod common;

use common::{assert_same_error, validation};
use std::time::Duration;

use lambda_cdk::prelude::*;

#[test]
fn event_rate_seconds() {
    assert_same_error(
        "event-rate-seconds",
        Schedule::rate(Duration::from_secs(90)),
    );
}

#[test]
fn event_rate_millis() {
    assert_same_error(
        "event-rate-millis",
        Schedule::rate(Duration::from_millis(500)),
    );
}

#[test]
fn event_rate_zero() {
    assert_same_error("event-rate-zero", Schedule::rate(Duration::ZERO));
}

#[test]
fn event_cron_day_and_weekday() {
    assert_same_error(
        "event-cron-day-and-weekday",
        Schedule::cron(CronOptions {
            minute: Some("0".into()),
            day: Some("1".into()),
            week_day: Some("MON".into()),
            ..CronOptions::default()
        }),
    );
}

fn stack() -> (App, Stack) {
    let app = App::new();
    let stack = Stack::builder().build(&app, "Events").unwrap();
    (app, stack)
}

fn function(stack: &Stack) -> Function {
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(stack, "Fn")
        .unwrap()
}

/// aws-cdk-lib: "Either 'eventPattern' or 'schedule' must be defined" (at synthesis); here
/// when the rule is built, at the rule's path, and nothing is added to the tree.
#[test]
fn rule_without_schedule_or_pattern() {
    let (_app, stack) = stack();
    let (code, message, path) = validation(
        Rule::builder()
            .event_pattern(EventPattern::default())
            .build(&stack, "Nothing"),
    );
    assert_eq!(code, "EventRulePatternOrSchedule");
    assert_eq!(
        message,
        "Either 'eventPattern' or 'schedule' must be defined"
    );
    assert_eq!(path, "Events/Nothing");
    assert!(stack.node().try_find_child("Nothing").is_none());
}

/// aws-cdk-lib's rule name checks, with its messages.
#[test]
fn rule_name_checks() {
    let (_app, stack) = stack();
    let every_hour = || Schedule::rate(Duration::from_secs(3600)).unwrap();
    let (code, message, _) = validation(
        Rule::builder()
            .schedule(every_hour())
            .rule_name("x".repeat(65))
            .build(&stack, "Long"),
    );
    assert_eq!(code, "EventRuleNameLength");
    assert_eq!(
        message,
        format!(
            "Event rule name must be between 1 and 64 characters. Received: {}",
            "x".repeat(65)
        )
    );
    let (code, message, _) = validation(
        Rule::builder()
            .schedule(every_hour())
            .rule_name("my rule")
            .build(&stack, "Spaced"),
    );
    assert_eq!(code, "EventRuleNameFormat");
    assert_eq!(
        message,
        "Event rule name my rule can contain only letters, numbers, periods, hyphens, or \
         underscores with no spaces."
    );
}

/// aws-cdk-lib: "Event rule cannot have more than 5 targets."; the sixth `add_target` fails
/// and adds no permission.
#[test]
fn sixth_target_is_refused() {
    let (_app, stack) = stack();
    let f = function(&stack);
    let rule = Rule::builder()
        .schedule(Schedule::expression("rate(5 minutes)"))
        .build(&stack, "Busy")
        .unwrap();
    for _ in 0..5 {
        rule.add_target(&LambdaFunction::builder(&f).build())
            .unwrap();
    }
    let (code, message, path) = validation(rule.add_target(&LambdaFunction::builder(&f).build()));
    assert_eq!(code, "EventRuleTooManyTargets");
    assert_eq!(message, "Event rule cannot have more than 5 targets.");
    assert_eq!(path, "Events/Busy");
}

/// `maxEventAge` must be whole seconds (`Duration.toSeconds({ integral: true })`).
#[test]
fn max_event_age_in_whole_seconds() {
    let (_app, stack) = stack();
    let f = function(&stack);
    let rule = Rule::builder()
        .schedule(Schedule::expression("rate(5 minutes)"))
        .build(&stack, "Aged")
        .unwrap();
    let (code, message, _) = validation(
        rule.add_target(
            &LambdaFunction::builder(&f)
                .max_event_age(Duration::from_millis(60_500))
                .build(),
        ),
    );
    assert_eq!(code, "CannotConvertedIntoWhole");
    assert_eq!(
        message,
        "'60500 millis' cannot be converted into a whole number of seconds."
    );
}

/// aws-cdk-lib 2.276.0's error for a target's dead-letter queue in another region than the
/// rule (checked with the same two stacks in Node: code, message and path as below).
#[test]
fn dead_letter_queue_in_another_region() {
    let app = App::new();
    let env = |region: &str| Environment {
        account: Some("123456789012".into()),
        region: Some(region.into()),
    };
    let rules = Stack::builder()
        .env(env("us-east-1"))
        .build(&app, "Rules")
        .unwrap();
    let queues = Stack::builder()
        .env(env("eu-west-1"))
        .build(&app, "Queues")
        .unwrap();
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("x"))
        .build(&rules, "Fn")
        .unwrap();
    let queue = lambda_cdk::sqs::Queue::builder()
        .build(&queues, "Q")
        .unwrap();
    let rule = Rule::builder()
        .schedule(Schedule::rate(Duration::from_secs(3600)).unwrap())
        .build(&rules, "R")
        .unwrap();
    let target = LambdaFunction::builder(&function)
        .dead_letter_queue(queue)
        .build();
    let (code, message, path) = validation(rule.add_target(&target));
    assert_eq!(code, "CannotAssignDeadLetterQueueInDifferentRegion");
    assert_eq!(
        message,
        "Cannot assign Dead Letter Queue in region eu-west-1 to the rule RulesRB7A6317F in region \
         us-east-1. Both the queue and the rule must be in the same region."
    );
    assert_eq!(path, "Rules/R");
}
