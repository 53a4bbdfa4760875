//! The stack's one handler of `Custom::S3BucketNotifications` resources: an inline Python
//! function (this project's own code, `notifications_handler.py`) and its role, with aws-cdk-lib's
//! construct id, so logical IDs match.

use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::tree::{NodeId, NodeKind};
use crate::core::value::Value;
use crate::iam::{ManagedPolicy, Principal, Role};
use crate::synth::tree_props::TreeProps;
use crate::{Error, Result};

/// aws-cdk-lib's construct id of the handler, at the top of the stack.
const HANDLER_ID: &str = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

/// The handler's source: put the bucket's notification configuration, keep notifications this
/// resource did not create on buckets it does not manage, answer CloudFormation.
pub const NOTIFICATIONS_HANDLER_SOURCE: &str = include_str!("notifications_handler.py");

/// The handler function of a stack.
#[derive(Clone)]
pub(crate) struct NotificationsHandler {
    pub(crate) role: Role,
    pub(crate) function_arn: Value,
}

/// The stack's handler, made on first use (aws-cdk-lib's `NotificationsResourceHandler.singleton`).
pub(crate) fn singleton(context: &dyn Construct) -> Result<NotificationsHandler> {
    let stack = context
        .node()
        .stack()
        .ok_or_else(|| Error::Synth(format!("{} is not in a stack", context.node().path())))?;
    let stack_node = stack.node();
    if let Some(handler) = registered(&stack_node) {
        return Ok(handler);
    }
    let node = stack_node.add_child(HANDLER_ID, NodeKind::Construct, "constructs.Construct")?;
    let role = Role::builder()
        .assumed_by(Principal::service("lambda.amazonaws.com"))
        .managed_policies(vec![ManagedPolicy::from_aws_managed_policy_name(
            "service-role/AWSLambdaBasicExecutionRole",
        )])
        .build(&node, "Role")?;
    // Written in aws-cdk-lib's key order (Description first): the first property is set, the
    // others follow as overrides, which keep the order given.
    let resource = CfnResource::create(
        &node,
        "Resource",
        "AWS::Lambda::Function",
        [(
            "Description",
            Value::from(
                "AWS CloudFormation handler for \"Custom::S3BucketNotifications\" resources \
                 (@aws-cdk/aws-s3)",
            ),
        )],
    )?;
    resource.add_property_override(
        "Code",
        Value::object([("ZipFile", Value::from(NOTIFICATIONS_HANDLER_SOURCE))]),
    );
    resource.add_property_override("Handler", "index.handler");
    resource.add_property_override("Role", role.role_arn());
    resource.add_property_override("Runtime", "python3.13");
    resource.add_property_override("Timeout", 300);
    resource.set_tree_props(&TreeProps::GENERIC);
    resource.node().add_dependency(&role);
    let handler = NotificationsHandler {
        role,
        function_arn: resource.get_att("Arn"),
    };
    register(&stack_node, &handler);
    Ok(handler)
}

/// The handlers made so far, by stack node (the construct tree keeps them for the app).
#[derive(Default)]
struct Handlers(Vec<(NodeId, NotificationsHandler)>);

fn registered(stack: &ConstructNode) -> Option<NotificationsHandler> {
    let tree = stack.app().tree();
    let handlers = tree.extension::<Handlers>()?;
    handlers
        .0
        .iter()
        .find(|(id, _)| *id == stack.id)
        .map(|(_, h)| h.clone())
}

fn register(stack: &ConstructNode, handler: &NotificationsHandler) {
    let mut tree = stack.app().tree_mut();
    tree.extension_mut::<Handlers>()
        .0
        .push((stack.id, handler.clone()));
}
