//! Bucket event notifications (aws-cdk-lib's `bucket.addEventNotification`): a
//! `Custom::S3BucketNotifications` resource under the bucket (`Notifications`), written by the
//! stack's handler function, that puts the bucket's notification configuration.

use std::cell::RefCell;
use std::rc::Rc;

use super::notifications_handler::singleton;
use super::Bucket;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::logical_id::make_unique_id;
use crate::core::tree::NodeKind;
use crate::core::value::{Lazy, Value};
use crate::iam::{PolicyDocument, PolicyStatement, Principal};
use crate::lambda::{Invocable, Permission};
use crate::synth::tree_props::TreeProps;
use crate::{Error, Result};

/// What happened to an object (aws-cdk-lib's `s3.EventType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventType {
    /// Any object creation (`s3:ObjectCreated:*`).
    ObjectCreated,
    /// `s3:ObjectCreated:Put`.
    ObjectCreatedPut,
    /// `s3:ObjectCreated:Post`.
    ObjectCreatedPost,
    /// `s3:ObjectCreated:Copy`.
    ObjectCreatedCopy,
    /// `s3:ObjectCreated:CompleteMultipartUpload`.
    ObjectCreatedCompleteMultipartUpload,
    /// Any object removal (`s3:ObjectRemoved:*`).
    ObjectRemoved,
    /// `s3:ObjectRemoved:Delete`.
    ObjectRemovedDelete,
    /// `s3:ObjectRemoved:DeleteMarkerCreated`.
    ObjectRemovedDeleteMarkerCreated,
    /// Any restore event (`s3:ObjectRestore:*`).
    ObjectRestore,
    /// `s3:ObjectTagging:*`.
    ObjectTagging,
    /// `s3:ObjectAcl:Put`.
    ObjectAclPut,
}

impl EventType {
    /// The event name S3 uses.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::ObjectCreated => "s3:ObjectCreated:*",
            EventType::ObjectCreatedPut => "s3:ObjectCreated:Put",
            EventType::ObjectCreatedPost => "s3:ObjectCreated:Post",
            EventType::ObjectCreatedCopy => "s3:ObjectCreated:Copy",
            EventType::ObjectCreatedCompleteMultipartUpload => {
                "s3:ObjectCreated:CompleteMultipartUpload"
            }
            EventType::ObjectRemoved => "s3:ObjectRemoved:*",
            EventType::ObjectRemovedDelete => "s3:ObjectRemoved:Delete",
            EventType::ObjectRemovedDeleteMarkerCreated => "s3:ObjectRemoved:DeleteMarkerCreated",
            EventType::ObjectRestore => "s3:ObjectRestore:*",
            EventType::ObjectTagging => "s3:ObjectTagging:*",
            EventType::ObjectAclPut => "s3:ObjectAcl:Put",
        }
    }
}

/// Which object keys a notification is for: a prefix, a suffix, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotificationKeyFilter {
    /// Keys starting with this.
    pub prefix: Option<String>,
    /// Keys ending with this.
    pub suffix: Option<String>,
}

impl NotificationKeyFilter {
    /// Keys starting with `prefix`.
    pub fn prefix(prefix: impl Into<String>) -> Self {
        NotificationKeyFilter {
            prefix: Some(prefix.into()),
            suffix: None,
        }
    }

    /// Keys ending with `suffix`.
    pub fn suffix(suffix: impl Into<String>) -> Self {
        NotificationKeyFilter {
            prefix: None,
            suffix: Some(suffix.into()),
        }
    }
}

/// The bucket's notifications resource and the configurations added to it.
#[derive(Clone)]
pub(crate) struct BucketNotifications {
    resource: Option<CfnResource>,
    lambda: Rc<RefCell<Vec<Value>>>,
}

impl Bucket {
    /// Invokes `function` when `event` happens to an object whose key matches `filters` (all
    /// objects when empty): the function's permission for `s3.amazonaws.com` (under the bucket),
    /// and an entry in the bucket's `Custom::S3BucketNotifications`.
    pub fn add_event_notification(
        &self,
        event: EventType,
        function: &dyn Invocable,
        filters: &[NotificationKeyFilter],
    ) -> Result<()> {
        // Filters first: bad ones fail before anything is added to the tree.
        let filter = render_filters(filters, &format!("{}/Notifications", self.base.node.path()))?;
        let notifications = self.notifications()?;
        let permission = self.allow_notifications_to(function)?;
        if let Some(resource) = &notifications.resource {
            resource.node().add_dependency(&permission);
        }
        let mut config: Vec<(&str, Value)> = vec![("Events", Value::list([event.as_str().into()]))];
        if let Some(filter) = filter {
            config.push(("Filter", filter));
        }
        config.push(("LambdaFunctionArn", function.function_arn()));
        notifications
            .lambda
            .borrow_mut()
            .push(Value::object(config));
        Ok(())
    }

    /// `Notifications` (made on first use) with its handler policy and custom resource.
    fn notifications(&self) -> Result<BucketNotifications> {
        if let Some(n) = self.notifications.borrow().as_ref() {
            return Ok(n.clone());
        }
        let node = self.base.node.add_child(
            "Notifications",
            NodeKind::Construct,
            "constructs.Construct",
        )?;
        let handler = singleton(&node)?;
        let policy = handler_policy(&node, self, handler.role.role_name())?;
        let lambda: Rc<RefCell<Vec<Value>>> = Rc::default();
        let configurations = lambda.clone();
        let resource = CfnResource::create(
            &node,
            "Resource",
            "Custom::S3BucketNotifications",
            [("ServiceToken", handler.function_arn.clone())],
        )?;
        // aws-cdk-lib's key order: ServiceToken, BucketName, NotificationConfiguration, Managed,
        // SkipDestinationValidation (overrides keep the order given).
        resource.add_property_override("BucketName", self.bucket_name());
        resource.add_property_override(
            "NotificationConfiguration",
            Value::Lazy(Lazy::new(move |_| {
                let lambda = configurations.borrow();
                let mut config: Vec<(&str, Value)> = Vec::new();
                if !lambda.is_empty() {
                    config.push(("LambdaFunctionConfigurations", Value::List(lambda.clone())));
                }
                Ok(Some(Value::object(config)))
            })),
        );
        resource.add_property_override("Managed", true);
        resource.add_property_override("SkipDestinationValidation", false);
        resource.set_tree_props(&TreeProps::GENERIC);
        resource.node().add_dependency(&policy);
        let notifications = BucketNotifications {
            resource: Some(resource),
            lambda,
        };
        *self.notifications.borrow_mut() = Some(notifications.clone());
        Ok(notifications)
    }

    /// The permission `AllowBucketNotificationsTo<function's unique id>` under the bucket
    /// (once per function), for `s3.amazonaws.com` from this bucket and account.
    fn allow_notifications_to(&self, function: &dyn Invocable) -> Result<ConstructNode> {
        let path = function.permissions_node().path();
        let components: Vec<&str> = path.split('/').collect();
        let id = format!(
            "AllowBucketNotificationsTo{}",
            make_unique_id(&components).map_err(Error::Synth)?
        );
        if let Some(existing) = self.base.node.try_find_child(&id) {
            return Ok(existing);
        }
        let account = self
            .base
            .node
            .stack()
            .map_or_else(|| crate::Pseudo::AccountId.value(), |s| s.account_value());
        function.add_permission(
            &id,
            Permission {
                source_account: Some(account),
                source_arn: Some(self.bucket_arn()),
                scope: Some(self.base.node.clone()),
                ..Permission::new(Principal::service("s3.amazonaws.com"))
            },
        )?;
        self.base
            .node
            .try_find_child(&id)
            .ok_or_else(|| Error::Synth(format!("no permission {id} under the bucket")))
    }
}

/// `HandlerPolicy`: the handler role may put this bucket's notification configuration (an
/// `AWS::IAM::Policy` attached to the role, named by its own logical ID).
fn handler_policy(
    notifications: &ConstructNode,
    bucket: &Bucket,
    role_name: Value,
) -> Result<ConstructNode> {
    let node = notifications.add_child(
        "HandlerPolicy",
        NodeKind::Construct,
        "aws-cdk-lib.aws_iam.Policy",
    )?;
    let document = PolicyDocument::new();
    document.add_statements([PolicyStatement::new()
        .actions(["s3:PutBucketNotification"])
        .resources([bucket.bucket_arn()])]);
    let resource_node: Rc<RefCell<Option<crate::core::tree::NodeId>>> = Rc::default();
    let name_node = resource_node.clone();
    let resource = CfnResource::create(
        &node,
        "Resource",
        "AWS::IAM::Policy",
        [
            ("PolicyDocument", document.to_value(&node)),
            (
                "PolicyName",
                Value::Lazy(Lazy::new(move |r| {
                    let id = name_node
                        .borrow()
                        .ok_or_else(|| Error::Synth("handler policy without a resource".into()))?;
                    Ok(Some(Value::String(r.logical_id(id)?)))
                })),
            ),
            ("Roles", Value::List(vec![role_name])),
        ],
    )?;
    *resource_node.borrow_mut() = Some(resource.node().id);
    Ok(node)
}

/// aws-cdk-lib's `renderFilters`: `{"Key": {"FilterRules": [...]}}`, each filter's suffix before
/// its prefix; at most one of each.
fn render_filters(filters: &[NotificationKeyFilter], scope: &str) -> Result<Option<Value>> {
    if filters.is_empty() {
        return Ok(None);
    }
    let mut rules = Vec::new();
    let (mut prefix_seen, mut suffix_seen) = (false, false);
    for filter in filters {
        if filter.prefix.is_none() && filter.suffix.is_none() {
            return Err(Error::validation(
                "NotificationKeyFilterMustSpecifyPrefixOrSuffix",
                "NotificationKeyFilter must specify `prefix` and/or `suffix`",
                scope,
            ));
        }
        if let Some(suffix) = &filter.suffix {
            if suffix_seen {
                return Err(Error::validation(
                    "CannotSpecifyMultipleSuffixRules",
                    "Cannot specify more than one suffix rule in a filter.",
                    scope,
                ));
            }
            rules.push(rule("suffix", suffix));
            suffix_seen = true;
        }
        if let Some(prefix) = &filter.prefix {
            if prefix_seen {
                return Err(Error::validation(
                    "CannotSpecifyMultiplePrefixRules",
                    "Cannot specify more than one prefix rule in a filter.",
                    scope,
                ));
            }
            rules.push(rule("prefix", prefix));
            prefix_seen = true;
        }
    }
    Ok(Some(Value::object([(
        "Key",
        Value::object([("FilterRules", Value::List(rules))]),
    )])))
}

fn rule(name: &str, value: &str) -> Value {
    Value::object([("Name", Value::from(name)), ("Value", Value::from(value))])
}
