//! CloudWatch Logs log groups.

use crate::core::construct::Construct;
use crate::core::element::RemovalPolicy;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::Result;

/// How long log events are kept, in CloudWatch Logs' allowed steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum RetentionDays {
    OneDay = 1,
    ThreeDays = 3,
    FiveDays = 5,
    OneWeek = 7,
    TwoWeeks = 14,
    OneMonth = 30,
    TwoMonths = 60,
    ThreeMonths = 90,
    FourMonths = 120,
    FiveMonths = 150,
    SixMonths = 180,
    OneYear = 365,
    ThirteenMonths = 400,
    EighteenMonths = 545,
    TwoYears = 731,
    ThreeYears = 1096,
    FiveYears = 1827,
    SixYears = 2192,
    SevenYears = 2557,
    EightYears = 2922,
    NineYears = 3288,
    TenYears = 3653,
    /// Keep forever (no `RetentionInDays`).
    Infinite = 9999,
}

/// An `AWS::Logs::LogGroup`.
#[derive(Clone)]
pub struct LogGroup {
    base: ResourceBase,
}

resource_construct! {
    LogGroup {
        /// `{"Ref": <log group>}`: the log group name.
        fn log_group_name = Ref;
        /// `{"Fn::GetAtt": [<log group>, "Arn"]}`.
        fn log_group_arn = GetAtt("Arn");
    }
}

#[lambda_builder::builders]
impl LogGroup {
    /// A log group under `scope`, kept two years and retained on removal unless told
    /// otherwise, as aws-cdk-lib's.
    ///
    /// ```
    /// use lambda_core::logs::{LogGroup, RetentionDays};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let logs = LogGroup::builder()
    ///     .log_group_name("my-logs")
    ///     .retention(RetentionDays::OneWeek)
    ///     .build(&stack, "Logs")?;
    /// # let _ = logs;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// A fixed name (CloudFormation generates one when unset).
        #[builder(into)]
        log_group_name: Option<Value>,
        /// Retention; two years when unset, as in aws-cdk-lib.
        #[builder(default = RetentionDays::TwoYears)]
        retention: RetentionDays,
        /// Retained when unset, as in aws-cdk-lib.
        #[builder(default = RemovalPolicy::Retain)]
        removal_policy: RemovalPolicy,
    ) -> Result<Self> {
        let mut properties = Vec::new();
        if let Some(name) = log_group_name {
            properties.push(("LogGroupName", name));
        }
        if retention != RetentionDays::Infinite {
            properties.push(("RetentionInDays", Value::from(retention as u32)));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_logs.LogGroup",
            "AWS::Logs::LogGroup",
            properties,
        )?;
        base.resource.apply_removal_policy(removal_policy);
        Ok(LogGroup { base })
    }
}
