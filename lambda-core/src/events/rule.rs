//! `Rule`: an `AWS::Events::Rule` and the targets added to it (aws-cdk-lib's `events.Rule`).

use std::cell::RefCell;
use std::rc::Rc;

use super::event_pattern::EventPattern;
use super::schedule::Schedule;
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::{Lazy, Value};
use crate::synth::tree_props::{TagsAt, TreeProps};
use crate::{Error, Result};

/// Warning id of aws-cdk-lib for a cron schedule without a minute.
pub const SCHEDULE_WILL_RUN_EVERY_MINUTE: &str = "@aws-cdk/aws-events:scheduleWillRunEveryMinute";

/// An EventBridge rule (`AWS::Events::Rule`) on the default event bus: it runs on a schedule
/// or when an event matches its pattern, and sends the event to its targets.
#[derive(Clone)]
pub struct Rule {
    base: ResourceBase,
    /// The `Targets` entries, in the order added (aws-cdk-lib's `targets`).
    targets: Rc<RefCell<Vec<Value>>>,
}

resource_construct! {
    Rule {
        /// `{"Ref": <rule>}`: the rule name.
        fn rule_name = Ref;
        /// `{"Fn::GetAtt": [<rule>, "Arn"]}`: what invoke permissions name as `SourceArn`.
        fn rule_arn = GetAtt("Arn");
    }
}

/// What a target contributes to the rule's `Targets` (aws-cdk-lib's `RuleTargetConfig`).
#[derive(Clone, Debug)]
pub struct RuleTargetConfig {
    /// The target's ARN (`Arn`).
    pub arn: Value,
    /// The target's id; `Target<n>` (n = targets added before) when unset.
    pub id: Option<String>,
    /// The role EventBridge assumes to reach the target (`RoleArn`).
    pub role_arn: Option<Value>,
    /// The queue that receives events that could not be delivered (`DeadLetterConfig.Arn`).
    pub dead_letter_queue_arn: Option<Value>,
    /// How EventBridge retries delivery (`RetryPolicy`).
    pub retry_policy: Option<RetryPolicy>,
    /// A fixed input instead of the matched event (`Input`, a JSON text).
    pub input: Option<Value>,
}

impl RuleTargetConfig {
    /// A target at `arn`, nothing else set.
    pub fn new(arn: Value) -> Self {
        RuleTargetConfig {
            arn,
            id: None,
            role_arn: None,
            dead_letter_queue_arn: None,
            retry_policy: None,
            input: None,
        }
    }
}

/// How EventBridge retries delivering an event to a target (`RetryPolicy`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries before giving up (0 to 185) (`MaximumRetryAttempts`).
    pub maximum_retry_attempts: Option<u32>,
    /// How old an event may get before it is dropped (60 to 86400 s)
    /// (`MaximumEventAgeInSeconds`).
    pub maximum_event_age_in_seconds: Option<u64>,
}

/// Something a rule sends events to (aws-cdk-lib's `IRuleTarget`), such as
/// [`targets::LambdaFunction`](super::targets::LambdaFunction).
pub trait RuleTarget {
    /// Called once by [`Rule::add_target`] with the id the target gets by default: adds what
    /// the target needs (permissions) and says what goes into `Targets`.
    fn bind(&self, rule: &Rule, id: &str) -> Result<RuleTargetConfig>;
}

/// How `tree.json` writes a rule: the event pattern is JSON, targets are written in the key
/// order of aws-cdk-lib's `addTarget` (`{id, arn, ...}`), retry policies as `bindBaseTargetConfig`
/// fills them.
static RULE_TREE_PROPS: TreeProps = TreeProps {
    json: &["EventPattern"],
    maps: &[],
    orders: &[
        (
            "Targets",
            &[
                "Id",
                "Arn",
                "RoleArn",
                "EcsParameters",
                "HttpParameters",
                "KinesisParameters",
                "RunCommandParameters",
                "BatchParameters",
                "DeadLetterConfig",
                "RetryPolicy",
                "SqsParameters",
                "RedshiftDataParameters",
                "AppSyncParameters",
                "Input",
                "InputPath",
                "InputTransformer",
            ],
        ),
        (
            "Targets.RetryPolicy",
            &["MaximumRetryAttempts", "MaximumEventAgeInSeconds"],
        ),
    ],
    literals: &[],
    generic: false,
    // CfnRule's `cfnProperties` start with its tags (oracle app `tags-everywhere`).
    tags_at: TagsAt::First,
};

#[lambda_builder::builders]
impl Rule {
    /// A rule under `scope`; it needs a `schedule`, an `event_pattern`, or both.
    ///
    /// ```
    /// use lambda_core::events::{CronOptions, Rule, Schedule};
    /// use lambda_core::{App, Stack};
    /// let app = App::new();
    /// let stack = Stack::builder().build(&app, "Jobs")?;
    /// let rule = Rule::builder()
    ///     .schedule(Schedule::cron(CronOptions { minute: Some("0".into()), hour: Some("4".into()), ..Default::default() })?)
    ///     .description("nightly")
    ///     .build(&stack, "Nightly")?;
    /// # let _ = rule;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// When the rule runs (`ScheduleExpression`).
        schedule: Option<Schedule>,
        /// Which events the rule matches (`EventPattern`).
        event_pattern: Option<EventPattern>,
        /// Whether the rule is on (`State` `ENABLED`, the default, or `DISABLED`).
        #[builder(default = true)]
        enabled: bool,
        /// A description of the rule (`Description`).
        #[builder(into)]
        description: Option<String>,
        /// A fixed name (`Name`); CloudFormation generates one when unset.
        #[builder(into)]
        rule_name: Option<String>,
    ) -> Result<Self> {
        let path = || format!("{}/{id}", scope.node().path());
        if let Some(name) = &rule_name {
            lambda_spec::validate_rule_name(name).map_err(|e| Error::spec(e, path()))?;
        }
        let event_pattern = event_pattern.filter(|p| !p.is_empty());
        if event_pattern.is_none() && schedule.is_none() {
            return Err(Error::validation(
                lambda_spec::codes::EVENT_RULE_PATTERN_OR_SCHEDULE,
                "Either 'eventPattern' or 'schedule' must be defined",
                path(),
            ));
        }
        let targets: Rc<RefCell<Vec<Value>>> = Rc::default();
        let mut properties: Vec<(&'static str, Value)> = Vec::with_capacity(6);
        if let Some(name) = rule_name {
            properties.push((prop::NAME, name.into()));
        }
        if let Some(d) = description {
            properties.push((prop::DESCRIPTION, d.into()));
        }
        properties.push((
            prop::STATE,
            if enabled { "ENABLED" } else { "DISABLED" }.into(),
        ));
        if let Some(s) = &schedule {
            properties.push((prop::SCHEDULE_EXPRESSION, s.expression_string().into()));
        }
        if let Some(p) = &event_pattern {
            properties.push((prop::EVENT_PATTERN, p.to_value()));
        }
        let rendered = targets.clone();
        properties.push((
            prop::TARGETS,
            Value::Lazy(Lazy::new(move |_| {
                let targets = rendered.borrow();
                Ok((!targets.is_empty()).then(|| Value::List(targets.clone())))
            })),
        ));
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_events.Rule",
            "AWS::Events::Rule",
            properties,
        )?;
        base.resource.set_tree_props(&RULE_TREE_PROPS);
        if schedule.as_ref().is_some_and(|s| s.runs_every_minute) {
            base.node.add_warning_v2(
                SCHEDULE_WILL_RUN_EVERY_MINUTE,
                "cron: If you don't pass 'minute', by default the event runs every minute. Pass \
                 'minute: '*'' if that's what you intend, or 'minute: 0' to run once per hour \
                 instead.",
            );
        }
        Ok(Rule { base, targets })
    }

    /// Sends matched events to `target` as `Target<n>` (n = targets added before); the target
    /// adds what it needs (a Lambda target adds the invoke permission). A rule has at most 5
    /// targets.
    pub fn add_target(&self, target: &dyn RuleTarget) -> Result<()> {
        let count = self.targets.borrow().len();
        if count >= lambda_spec::EVENT_RULE_MAX_TARGETS {
            return Err(Error::validation(
                lambda_spec::codes::EVENT_RULE_TOO_MANY_TARGETS,
                "Event rule cannot have more than 5 targets.",
                self.node().path(),
            ));
        }
        let default_id = format!("Target{count}");
        let config = target.bind(self, &default_id)?;
        // CloudFormation's key order (the template's); `tree.json` reorders (RULE_TREE_PROPS).
        let mut entry: Vec<(String, Value)> = Vec::with_capacity(6);
        entry.push((prop::ARN.into(), config.arn));
        if let Some(dlq) = config.dead_letter_queue_arn {
            entry.push((
                prop::DEAD_LETTER_CONFIG.into(),
                Value::object([(prop::ARN, dlq)]),
            ));
        }
        entry.push((prop::ID.into(), config.id.unwrap_or(default_id).into()));
        if let Some(input) = config.input {
            entry.push((prop::INPUT.into(), input));
        }
        if let Some(retry) = config.retry_policy {
            let mut policy: Vec<(String, Value)> = Vec::with_capacity(2);
            if let Some(age) = retry.maximum_event_age_in_seconds {
                policy.push((prop::MAXIMUM_EVENT_AGE_IN_SECONDS.into(), age.into()));
            }
            if let Some(attempts) = retry.maximum_retry_attempts {
                policy.push((prop::MAXIMUM_RETRY_ATTEMPTS.into(), attempts.into()));
            }
            entry.push((prop::RETRY_POLICY.into(), Value::Object(policy)));
        }
        if let Some(role) = config.role_arn {
            entry.push((prop::ROLE_ARN.into(), role));
        }
        self.targets.borrow_mut().push(Value::Object(entry));
        Ok(())
    }
}

/// The `AWS::Events::Rule` property names, written once.
mod prop {
    pub(super) const DESCRIPTION: &str = "Description";
    pub(super) const EVENT_PATTERN: &str = "EventPattern";
    pub(super) const NAME: &str = "Name";
    pub(super) const SCHEDULE_EXPRESSION: &str = "ScheduleExpression";
    pub(super) const STATE: &str = "State";
    pub(super) const TARGETS: &str = "Targets";
    pub(super) const ARN: &str = "Arn";
    pub(super) const DEAD_LETTER_CONFIG: &str = "DeadLetterConfig";
    pub(super) const ID: &str = "Id";
    pub(super) const INPUT: &str = "Input";
    pub(super) const RETRY_POLICY: &str = "RetryPolicy";
    pub(super) const ROLE_ARN: &str = "RoleArn";
    pub(super) const MAXIMUM_EVENT_AGE_IN_SECONDS: &str = "MaximumEventAgeInSeconds";
    pub(super) const MAXIMUM_RETRY_ATTEMPTS: &str = "MaximumRetryAttempts";
}
