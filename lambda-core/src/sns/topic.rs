//! `Topic`: an `AWS::SNS::Topic` with aws-cdk-lib's checks and grants.

use std::cell::RefCell;
use std::rc::Rc;

use super::topic_policy::TopicPolicy;
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::iam::PolicyStatement;
use crate::iam::{grant_on_resource, Grant, Grantable};
use crate::kms::Key;
use crate::sqs::grant_on_key;
use crate::{Error, Result};

/// An Amazon SNS topic. Cheap to clone; clones share the topic.
#[derive(Clone)]
pub struct Topic {
    base: ResourceBase,
    fifo: bool,
    master_key: Option<Key>,
    policy: Rc<RefCell<Option<TopicPolicy>>>,
}

resource_construct! {
    Topic {
        /// `{"Ref": <topic>}`: the topic ARN.
        fn topic_arn = Ref;
        /// `{"Fn::GetAtt": [<topic>, "TopicName"]}`.
        fn topic_name = GetAtt("TopicName");
    }
}

#[lambda_builder::builders]
impl Topic {
    /// A topic under `scope`.
    ///
    /// ```
    /// use lambda_core::sns::Topic;
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let topic = Topic::builder().display_name("Orders").build(&stack, "Orders")?;
    /// assert!(!topic.fifo());
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// A fixed name (CloudFormation generates one when unset); `.fifo` is appended for a
        /// FIFO topic.
        #[builder(into)]
        topic_name: Option<String>,
        /// The name shown in SMS and e-mail `From` fields (at most 100 characters).
        #[builder(into)]
        display_name: Option<String>,
        /// A customer managed key that encrypts the messages.
        master_key: Option<Key>,
        /// A first-in-first-out topic (here a FIFO topic needs a `topic_name`).
        #[builder(default)]
        fifo: bool,
        /// FIFO only: deduplicate messages by a hash of their body.
        #[builder(default)]
        content_based_deduplication: bool,
    ) -> Result<Self> {
        let path = format!("{}/{id}", scope.node().path());
        if content_based_deduplication && !fifo {
            return Err(Error::validation(
                "ContentBasedDeduplicationEnabledTopics",
                "Content based deduplication can only be enabled for FIFO SNS topics.",
                path,
            ));
        }
        let topic_name = match (fifo, topic_name) {
            (true, Some(n)) if !n.ends_with(".fifo") => Some(format!("{n}.fifo")),
            (true, None) => {
                return Err(Error::validation(
                    "FifoTopicNameRequired",
                    "A FIFO topic needs a topicName here (aws-cdk-lib would generate one)",
                    path,
                ))
            }
            (_, n) => n,
        };
        if let Some(d) = display_name.as_deref() {
            let length = lambda_spec::js_length(d);
            if length > 100 {
                return Err(Error::validation(
                    "DisplayNameLessEqualCharacters",
                    format!(
                        "displayName must be less than or equal to 100 characters, got {length}"
                    ),
                    path,
                ));
            }
        }
        let mut properties: Vec<(&'static str, Value)> = Vec::new();
        if content_based_deduplication {
            properties.push(("ContentBasedDeduplication", true.into()));
        }
        if let Some(d) = display_name {
            properties.push(("DisplayName", d.into()));
        }
        if fifo {
            properties.push(("FifoTopic", true.into()));
        }
        if let Some(k) = &master_key {
            properties.push(("KmsMasterKeyId", k.key_arn()));
        }
        if let Some(n) = topic_name {
            properties.push(("TopicName", n.into()));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_sns.Topic",
            "AWS::SNS::Topic",
            properties,
        )?;
        Ok(Topic {
            base,
            fifo,
            master_key,
            policy: Rc::default(),
        })
    }
}

impl Topic {
    /// Whether this is a FIFO topic.
    pub fn fifo(&self) -> bool {
        self.fifo
    }

    /// Adds a statement to the topic's resource policy, creating its `AWS::SNS::TopicPolicy`
    /// (construct `Policy`) on first use.
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) -> Result<()> {
        if self.policy.borrow().is_none() {
            let policy = TopicPolicy::create(self, self.topic_arn())?;
            *self.policy.borrow_mut() = Some(policy);
        }
        if let Some(policy) = self.policy.borrow().as_ref() {
            policy.document.add_statements([statement]);
        }
        Ok(())
    }

    /// Gives `grantee` `actions` on this topic: in its identity policy, or in the topic policy
    /// when it has none or is in another account.
    pub fn grant(&self, grantee: &dyn Grantable, actions: &[&str]) -> Result<Grant> {
        grant_on_resource(
            &self.base.node,
            grantee,
            actions,
            vec![self.topic_arn()],
            |statement| self.add_to_resource_policy(statement),
        )
    }

    /// `sns:Publish` (and decrypt / generate data keys with the topic's key).
    pub fn grant_publish(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let grant = self.grant(grantee, &["sns:Publish"])?;
        if let Some(key) = &self.master_key {
            grant_on_key(key, grantee, &["kms:Decrypt", "kms:GenerateDataKey*"])?;
        }
        Ok(grant)
    }

    /// `sns:Subscribe`.
    pub fn grant_subscribe(&self, grantee: &dyn Grantable) -> Result<Grant> {
        self.grant(grantee, &["sns:Subscribe"])
    }
}
