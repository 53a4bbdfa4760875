//! Rule targets (aws-cdk-lib's `aws-events-targets`).

use std::time::Duration;

use super::rule::{RetryPolicy, Rule, RuleTarget, RuleTargetConfig};
use crate::core::construct::Construct;
use crate::core::logical_id::make_unique_id;
use crate::iam::Principal;
use crate::lambda::{Invocable, Permission};
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
}

#[bon::bon]
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
    ) -> Self {
        LambdaFunction {
            handler,
            retry_attempts,
            max_event_age,
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
        warn_if_environment_unresolved(rule, self.handler);
        let mut config = RuleTargetConfig::new(self.handler.function_arn());
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
