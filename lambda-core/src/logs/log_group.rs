//! CloudWatch Logs log groups.

use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::{CfnResource, RemovalPolicy};
use crate::core::tree::NodeKind;
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

/// Settings of a [`LogGroup`].
#[derive(Clone, Debug)]
pub struct LogGroupProps {
    /// A fixed name (CloudFormation generates one when unset).
    pub log_group_name: Option<Value>,
    /// Retention; two years when unset, as in aws-cdk-lib.
    pub retention: RetentionDays,
    /// Retained when unset, as in aws-cdk-lib.
    pub removal_policy: RemovalPolicy,
}

impl Default for LogGroupProps {
    fn default() -> Self {
        LogGroupProps {
            log_group_name: None,
            retention: RetentionDays::TwoYears,
            removal_policy: RemovalPolicy::Retain,
        }
    }
}

/// An `AWS::Logs::LogGroup`.
#[derive(Clone)]
pub struct LogGroup {
    node: ConstructNode,
    resource: CfnResource,
}

impl Construct for LogGroup {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl LogGroup {
    /// A log group under `scope`.
    pub fn new(scope: &dyn Construct, id: &str, props: LogGroupProps) -> Result<Self> {
        let node =
            scope
                .node()
                .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_logs.LogGroup")?;
        let mut properties = Vec::new();
        if let Some(name) = props.log_group_name {
            properties.push(("LogGroupName".to_owned(), name));
        }
        if props.retention != RetentionDays::Infinite {
            properties.push((
                "RetentionInDays".to_owned(),
                Value::from(props.retention as u32),
            ));
        }
        let resource = CfnResource::new(&node, "Resource", "AWS::Logs::LogGroup", properties)?;
        resource.apply_removal_policy(props.removal_policy);
        Ok(LogGroup { node, resource })
    }

    /// `{"Ref": <log group>}`: the log group name.
    pub fn log_group_name(&self) -> Value {
        self.resource.ref_value()
    }

    /// `{"Fn::GetAtt": [<log group>, "Arn"]}`.
    pub fn log_group_arn(&self) -> Value {
        self.resource.get_att("Arn")
    }

    /// The L1 `AWS::Logs::LogGroup`.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.resource
    }
}
