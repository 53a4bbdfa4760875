//! `EventInvokeConfig`: how Lambda handles asynchronous invocations of a function — how long an
//! event may wait, how often a failure is retried, where results go
//! (`AWS::Lambda::EventInvokeConfig`, aws-cdk-lib's `lambda.EventInvokeConfig`).

use std::time::Duration;

use super::destinations::Destination;
use super::function::Function;
use super::invocable::Invocable;
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::{Error, Result};

/// The asynchronous invocation settings of a function (qualifier `$LATEST` unless given).
#[derive(Clone)]
pub struct EventInvokeConfig {
    base: ResourceBase,
}

resource_construct! {
    EventInvokeConfig {
        /// `{"Ref": <config>}`.
        fn event_invoke_config_id = Ref;
    }
}

#[lambda_builder::builders]
impl EventInvokeConfig {
    /// Settings for asynchronous invocations of `function`; most apps set them on the function
    /// ([`Function::configure_async_invoke`] or the `max_event_age`, `retry_attempts`,
    /// `on_success`, `on_failure` props).
    ///
    /// ```
    /// use lambda_core::lambda::{Code, EventInvokeConfig, Function, Runtime};
    /// use lambda_core::{App, Stack};
    /// use std::time::Duration;
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "Fn")?;
    /// EventInvokeConfig::builder()
    ///     .function(&f)
    ///     .retry_attempts(0)
    ///     .max_event_age(Duration::from_secs(3600))
    ///     .build(&stack, "Async")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The function.
        function: &Function,
        /// The version or alias the settings apply to (`$LATEST` when unset).
        #[builder(into)]
        qualifier: Option<Value>,
        /// How long an event may wait before it is dropped (60 seconds to 6 hours).
        max_event_age: Option<Duration>,
        /// Retries of a failed invocation (0 to 2).
        retry_attempts: Option<u32>,
        /// Where the record of a successful invocation goes.
        #[builder(into)]
        on_success: Option<Destination>,
        /// Where the record of a failed invocation goes.
        #[builder(into)]
        on_failure: Option<Destination>,
    ) -> Result<Self> {
        let path = format!("{}/{id}", scope.node().path());
        let max_event_age = max_event_age
            .map(|age| {
                let seconds = lambda_spec::whole_seconds(age)?;
                lambda_spec::validate_max_event_age(seconds).map(|()| seconds)
            })
            .transpose()
            .map_err(|e| Error::spec(e, path.clone()))?;
        if let Some(n) = retry_attempts {
            lambda_spec::validate_async_retry_attempts(n).map_err(|e| Error::spec(e, path))?;
        }
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = ResourceBase::scope(scope, id, "aws-cdk-lib.aws_lambda.EventInvokeConfig")?;
            let mut properties: Vec<(&'static str, Value)> = Vec::new();
            if on_failure.is_some() || on_success.is_some() {
                let mut config: Vec<(&str, Value)> = Vec::new();
                if let Some(d) = &on_failure {
                    let arn = d.bind(&node, function)?;
                    config.push(("OnFailure", Value::object([("Destination", arn)])));
                }
                if let Some(d) = &on_success {
                    let arn = d.bind(&node, function)?;
                    config.push(("OnSuccess", Value::object([("Destination", arn)])));
                }
                properties.push(("DestinationConfig", Value::object(config)));
            }
            properties.push(("FunctionName", Invocable::function_name(function)));
            if let Some(s) = max_event_age {
                properties.push(("MaximumEventAgeInSeconds", s.into()));
            }
            if let Some(n) = retry_attempts {
                properties.push(("MaximumRetryAttempts", n.into()));
            }
            properties.push(("Qualifier", qualifier.unwrap_or_else(|| "$LATEST".into())));
            let base = ResourceBase::new(node, "AWS::Lambda::EventInvokeConfig", properties)?;
            Ok(EventInvokeConfig { base })
        })
    }
}

/// What [`Function::configure_async_invoke`] sets.
#[derive(Clone, Default)]
pub struct EventInvokeConfigOptions {
    /// How long an event may wait before it is dropped (60 seconds to 6 hours).
    pub max_event_age: Option<Duration>,
    /// Retries of a failed invocation (0 to 2).
    pub retry_attempts: Option<u32>,
    /// Where the record of a successful invocation goes.
    pub on_success: Option<Destination>,
    /// Where the record of a failed invocation goes.
    pub on_failure: Option<Destination>,
}

impl EventInvokeConfigOptions {
    /// Whether anything is set (aws-cdk-lib configures nothing otherwise).
    pub(crate) fn is_set(&self) -> bool {
        self.max_event_age.is_some()
            || self.retry_attempts.is_some()
            || self.on_success.is_some()
            || self.on_failure.is_some()
    }
}

impl Function {
    /// Sets how Lambda handles asynchronous invocations of `$LATEST` (construct
    /// `EventInvokeConfig` under the function; once only).
    pub fn configure_async_invoke(
        &self,
        options: EventInvokeConfigOptions,
    ) -> Result<EventInvokeConfig> {
        if self.node().try_find_child("EventInvokeConfig").is_some() {
            return Err(Error::validation(
                lambda_spec::codes::EVENT_INVOKE_CONFIG_ALREADY_CONFIGURED,
                format!(
                    "An EventInvokeConfig has already been configured for the function at {}",
                    self.node().path()
                ),
                self.node().path(),
            ));
        }
        EventInvokeConfig::builder()
            .function(self)
            .maybe_max_event_age(options.max_event_age)
            .maybe_retry_attempts(options.retry_attempts)
            .maybe_on_success(options.on_success)
            .maybe_on_failure(options.on_failure)
            .build(self, "EventInvokeConfig")
    }
}
