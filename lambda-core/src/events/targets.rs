//! Rule targets (aws-cdk-lib's `aws-events-targets`).

use std::time::Duration;

use super::rule::{RetryPolicy, Rule, RuleTarget, RuleTargetConfig};
use crate::core::construct::Construct;
use crate::core::logical_id::make_unique_id;
use crate::iam::{PolicyStatement, Principal};
use crate::lambda::{Invocable, Permission};
use crate::sqs::Queue;
use crate::{Error, Result};

/// A Lambda function (or alias, version, imported function) as a rule target
/// (aws-cdk-lib's `targets.LambdaFunction`). Binding it adds the permission for
/// `events.amazonaws.com` to invoke the function from this rule, under the rule, with
/// aws-cdk-lib's id `AllowEventRule<function's unique id>`.
///
/// ```
/// use lambda_core::events::{targets::LambdaFunction, Rule, Schedule};
/// use lambda_core::lambda::{Code, Function, Runtime};
/// use lambda_core::{App, Stack};
/// use std::time::Duration;
/// let app = App::new();
/// let stack = Stack::builder().build(&app, "Jobs")?;
/// let function = Function::builder()
///     .runtime(Runtime::NODEJS_22_X)
///     .handler("index.handler")
///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
///     .build(&stack, "Job")?;
/// let rule = Rule::builder()
///     .schedule(Schedule::rate(Duration::from_secs(300))?)
///     .build(&stack, "Every5Minutes")?;
/// rule.add_target(&LambdaFunction::builder(&function).retry_attempts(2).build())?;
/// # Ok::<(), lambda_core::Error>(())
/// ```
pub struct LambdaFunction<'a> {
    handler: &'a dyn Invocable,
    retry_attempts: Option<u32>,
    max_event_age: Option<Duration>,
    dead_letter_queue: Option<Queue>,
}

#[lambda_builder::builders]
impl<'a> LambdaFunction<'a> {
    /// A target that invokes `handler`.
    #[builder]
    pub fn new(
        #[builder(start_fn)] handler: &'a dyn Invocable,
        /// How many times EventBridge retries a failed delivery (0 to 185; EventBridge's
        /// default 185 when unset) (`RetryPolicy.MaximumRetryAttempts`).
        retry_attempts: Option<u32>,
        /// How old an event may get before it is dropped (60 s to 24 h, whole seconds)
        /// (`RetryPolicy.MaximumEventAgeInSeconds`).
        max_event_age: Option<Duration>,
        /// Where EventBridge puts events it could not deliver (`DeadLetterConfig.Arn`); the
        /// queue's resource policy lets this rule send to it.
        dead_letter_queue: Option<Queue>,
    ) -> Self {
        LambdaFunction {
            handler,
            retry_attempts,
            max_event_age,
            dead_letter_queue,
        }
    }
}

impl RuleTarget for LambdaFunction<'_> {
    fn bind(&self, rule: &Rule, _id: &str) -> Result<RuleTargetConfig> {
        let max_event_age = self
            .max_event_age
            .map(lambda_spec::whole_seconds)
            .transpose()
            .map_err(|e| Error::spec(e, rule.node().path()))?;
        add_lambda_permission(rule, self.handler)?;
        if let Some(queue) = &self.dead_letter_queue {
            allow_rule_to_send(rule, queue)?;
        }
        warn_if_environment_unresolved(rule, self.handler);
        let mut config = RuleTargetConfig::new(self.handler.function_arn());
        config.dead_letter_queue_arn = self.dead_letter_queue.as_ref().map(Queue::queue_arn);
        if self.retry_attempts.is_some() || max_event_age.is_some() {
            config.retry_policy = Some(RetryPolicy {
                maximum_retry_attempts: self.retry_attempts,
                maximum_event_age_in_seconds: max_event_age,
            });
        }
        Ok(config)
    }
}

/// Warning id of aws-cdk-lib for a rule and target of which only one has a concrete account
/// or region.
pub const RULE_UNRESOLVED_ENVIRONMENT: &str = "@aws-cdk/aws-events:ruleUnresolvedEnvironment";

/// aws-cdk-lib's `Rule.addTarget` compares the rule's stack account and region with the
/// target's (a function imported by ARN has the ARN's): when one side is a literal and the
/// other only known at deployment, it cannot tell whether the setup crosses environments and
/// warns on the rule, once.
fn warn_if_environment_unresolved(rule: &Rule, handler: &dyn Invocable) {
    let target = handler.permission_target();
    let Some(stack) = rule.node().stack() else {
        return;
    };
    let one_unresolved = |a: &crate::Value, b: &crate::Value| {
        a.as_literal_str().is_some() != b.as_literal_str().is_some()
    };
    if one_unresolved(&stack.account_value(), &target.account)
        || one_unresolved(&stack.region_value(), &target.region)
    {
        rule.node().add_warning_v2(
            RULE_UNRESOLVED_ENVIRONMENT,
            "Either the Event Rule or target has an unresolved environment. \n           \
             If they are being used in a cross-environment setup you need to specify the \
             environment for both.",
        );
    }
}

/// aws-cdk-lib's `addLambdaPermission`: once per rule and function, a permission under the
/// rule (so it lives in the rule's stack) named after the function's unique id.
fn add_lambda_permission(rule: &Rule, handler: &dyn Invocable) -> Result<()> {
    let path = handler.node().path();
    let components: Vec<&str> = path.split('/').collect();
    let unique = make_unique_id(&components).map_err(Error::Synth)?;
    let id = format!("AllowEventRule{unique}");
    if rule.node().try_find_child(&id).is_some() {
        return Ok(());
    }
    handler.add_permission(
        &id,
        Permission {
            action: Some("lambda:InvokeFunction".to_owned()),
            source_arn: Some(rule.rule_arn()),
            scope: Some(rule.node()),
            ..Permission::new(Principal::service("events.amazonaws.com"))
        },
    )
}

/// Warning id of aws-cdk-lib for a dead-letter queue in another account than its rule.
pub const MANUALLY_ADD_DLQ_RESOURCE_POLICY: &str =
    "@aws-cdk/aws-events-targets:manuallyAddDLQResourcePolicy";

/// aws-cdk-lib's `addToDeadLetterQueueResourcePolicy`: a queue in another region than its rule
/// is an error; in the same account (or one side only known at deployment) the queue's policy
/// gets a statement letting this rule send to it; in another account, a warning (the policy
/// must be added there by hand).
fn allow_rule_to_send(rule: &Rule, queue: &Queue) -> Result<()> {
    let (Some(rule_stack), Some(queue_stack)) = (rule.node().stack(), queue.node().stack()) else {
        return Ok(());
    };
    let rule_id = unique_id(&rule.node().path())?;
    let differ = |a: &crate::Value, b: &crate::Value| match (a.as_literal_str(), b.as_literal_str())
    {
        (Some(a), Some(b)) => a != b,
        _ => false,
    };
    let (rule_region, queue_region) = (rule_stack.region_value(), queue_stack.region_value());
    if differ(&rule_region, &queue_region) {
        return Err(Error::validation(
            "CannotAssignDeadLetterQueueInDifferentRegion",
            format!(
                "Cannot assign Dead Letter Queue in region {} to the rule {rule_id} in region {}. \
                 Both the queue and the rule must be in the same region.",
                queue_region.as_literal_str().unwrap_or_default(),
                rule_region.as_literal_str().unwrap_or_default(),
            ),
            rule.node().path(),
        ));
    }
    let queue_account = queue_stack.account_value();
    if differ(&rule_stack.account_value(), &queue_account) {
        rule.node().add_warning_v2(
            MANUALLY_ADD_DLQ_RESOURCE_POLICY,
            &format!(
                "Cannot add a resource policy to your dead letter queue associated with rule {} \
                 because the queue is in a different account. You must add the resource policy \
                 manually to the dead letter queue in account {}.",
                // aws-cdk-lib prints the unresolved ARN as a numbered token.
                rule.rule_arn()
                    .as_literal_str()
                    .unwrap_or("${Token[TOKEN]}"),
                queue_account.as_literal_str().unwrap_or_default(),
            ),
        );
        return Ok(());
    }
    queue.add_to_resource_policy(
        PolicyStatement::new()
            .sid(format!("AllowEventRule{rule_id}"))
            .principal(Principal::service("events.amazonaws.com"))
            .actions(["sqs:SendMessage"])
            .resources([queue.queue_arn()])
            .condition("ArnEquals", "aws:SourceArn", rule.rule_arn()),
    )
}

/// aws-cdk-lib's `Names.nodeUniqueId` of the construct at `path`.
fn unique_id(path: &str) -> Result<String> {
    let components: Vec<&str> = path.split('/').collect();
    make_unique_id(&components).map_err(Error::Synth)
}
