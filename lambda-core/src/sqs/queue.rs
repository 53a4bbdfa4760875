//! `Queue`: an `AWS::SQS::Queue` with aws-cdk-lib's defaults (deleted on removal), checks and
//! grants.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use super::key_grant::grant_on_key;
use super::queue_policy::QueuePolicy;
use crate::core::construct::Construct;
use crate::core::element::RemovalPolicy;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::iam::{grant_on_resource, Grant, Grantable};
use crate::iam::{Effect, PolicyStatement, Principal};
use crate::kms::Key;
use crate::{Error, Result};

/// How a queue's messages are encrypted at rest (aws-cdk-lib's `QueueEncryption`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueEncryption {
    /// Not encrypted (`SqsManagedSseEnabled: false`).
    Unencrypted,
    /// With the AWS managed key `alias/aws/sqs`.
    KmsManaged,
    /// With a customer managed KMS key: `encryption_master_key`, or a new one.
    Kms,
    /// With keys SQS manages (SSE-SQS, `SqsManagedSseEnabled: true`).
    SqsManaged,
}

/// Where a queue sends messages it failed to deliver `max_receive_count` times
/// (`RedrivePolicy`).
#[derive(Clone)]
pub struct DeadLetterQueue {
    /// The dead-letter queue.
    pub queue: Queue,
    /// Receives before a message moves to the dead-letter queue (1 or more).
    pub max_receive_count: u32,
}

/// An Amazon SQS queue. Cheap to clone; clones share the queue.
#[derive(Clone)]
pub struct Queue {
    base: ResourceBase,
    fifo: bool,
    encryption_master_key: Option<Key>,
    policy: Rc<RefCell<Option<QueuePolicy>>>,
}

resource_construct! {
    Queue {
        /// `{"Ref": <queue>}`: the queue URL.
        fn queue_url = Ref;
        /// `{"Fn::GetAtt": [<queue>, "Arn"]}`.
        fn queue_arn = GetAtt("Arn");
        /// `{"Fn::GetAtt": [<queue>, "QueueName"]}`.
        fn queue_name = GetAtt("QueueName");
    }
}

#[lambda_builder::builders]
impl Queue {
    /// A queue under `scope`; every prop is checked as aws-cdk-lib checks it.
    ///
    /// ```
    /// use lambda_core::sqs::Queue;
    /// use lambda_core::{App, Stack};
    /// use std::time::Duration;
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let queue = Queue::builder()
    ///     .visibility_timeout(Duration::from_secs(60))
    ///     .build(&stack, "Queue")?;
    /// assert!(!queue.fifo());
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// A fixed name (CloudFormation generates one when unset); FIFO names end in `.fifo`.
        #[builder(into)]
        queue_name: Option<String>,
        /// How long SQS keeps a message (1 minute to 14 days; SQS's default is 4 days).
        retention_period: Option<Duration>,
        /// How long each new message stays invisible (0 to 15 minutes).
        delivery_delay: Option<Duration>,
        /// Largest message accepted, 1024 to 1048576 bytes.
        max_message_size_bytes: Option<u64>,
        /// Default long-poll wait of `ReceiveMessage` (0 to 20 seconds).
        receive_message_wait_time: Option<Duration>,
        /// How long a received message stays hidden from other consumers (0 to 12 hours; 30 s
        /// when unset).
        visibility_timeout: Option<Duration>,
        /// Where messages go after too many failed receives.
        dead_letter_queue: Option<DeadLetterQueue>,
        /// Encryption at rest; SQS's own (SSE-SQS) when unset, and then not written.
        encryption: Option<QueueEncryption>,
        /// A customer managed key; implies [`QueueEncryption::Kms`].
        encryption_master_key: Option<Key>,
        /// How long SQS reuses a data key before asking KMS again (1 minute to 24 hours).
        data_key_reuse: Option<Duration>,
        /// A first-in-first-out queue (also when the name ends in `.fifo` or content-based
        /// deduplication is on).
        fifo: Option<bool>,
        /// FIFO only: deduplicate messages by a hash of their body.
        #[builder(default)]
        content_based_deduplication: bool,
        /// Deny every request not made over TLS (a statement in the queue policy).
        #[builder(default)]
        enforce_ssl: bool,
        /// Deleted when unset, as in aws-cdk-lib (messages are transient).
        #[builder(default = RemovalPolicy::Destroy)]
        removal_policy: RemovalPolicy,
    ) -> Result<Self> {
        let path = format!("{}/{id}", scope.node().path());
        let seconds = |d: Option<Duration>| -> Result<Option<u64>> {
            d.map(lambda_spec::whole_seconds)
                .transpose()
                .map_err(|e| Error::spec(e, path.clone()))
        };
        let delivery_delay = seconds(delivery_delay)?;
        let retention_period = seconds(retention_period)?;
        let receive_message_wait_time = seconds(receive_message_wait_time)?;
        let visibility_timeout = seconds(visibility_timeout)?;
        let data_key_reuse = seconds(data_key_reuse)?;
        lambda_spec::validate_queue_limits(&lambda_spec::QueueLimits {
            delivery_delay,
            max_message_size_bytes,
            retention_period,
            receive_message_wait_time,
            visibility_timeout,
            max_receive_count: dead_letter_queue
                .as_ref()
                .map(|d| u64::from(d.max_receive_count)),
        })
        .map_err(|e| Error::spec(e, path.clone()))?;
        if encryption == Some(QueueEncryption::SqsManaged) && encryption_master_key.is_some() {
            return Err(Error::validation(
                "EncryptionMasterKeySupportedEncryption",
                "'encryptionMasterKey' is not supported if encryption type 'SQS_MANAGED' is used",
                path,
            ));
        }
        let fifo =
            lambda_spec::queue_fifo(fifo, queue_name.as_deref(), content_based_deduplication)
                .map_err(|e| Error::spec(e, path.clone()))?;
        let encryption = match (&encryption_master_key, encryption) {
            (Some(_), _) => Some(QueueEncryption::Kms),
            (None, e) => e,
        };

        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node = ResourceBase::scope(scope, id, "aws-cdk-lib.aws_sqs.Queue")?;
            let mut properties: Vec<(&'static str, Value)> = Vec::new();
            let mut key = None;
            match encryption {
                None => {}
                Some(QueueEncryption::Unencrypted) => {
                    properties.push((prop::SQS_MANAGED_SSE_ENABLED, false.into()));
                }
                Some(QueueEncryption::SqsManaged) => {
                    properties.push((prop::SQS_MANAGED_SSE_ENABLED, true.into()));
                }
                Some(QueueEncryption::KmsManaged) => {
                    properties.push((prop::KMS_MASTER_KEY_ID, "alias/aws/sqs".into()));
                }
                Some(QueueEncryption::Kms) => {
                    let k = match encryption_master_key {
                        Some(k) => k,
                        None => Key::builder()
                            .description(format!("Created by {}", node.path()))
                            .build(&node, "Key")?,
                    };
                    properties.push((prop::KMS_MASTER_KEY_ID, k.key_arn()));
                    key = Some(k);
                }
            }
            if matches!(
                encryption,
                Some(QueueEncryption::Kms | QueueEncryption::KmsManaged)
            ) {
                if let Some(s) = data_key_reuse {
                    properties.push((prop::KMS_DATA_KEY_REUSE_PERIOD_SECONDS, s.into()));
                }
            }
            if let Some(n) = queue_name {
                properties.push((prop::QUEUE_NAME, n.into()));
            }
            if content_based_deduplication {
                properties.push((prop::CONTENT_BASED_DEDUPLICATION, true.into()));
            }
            if fifo {
                properties.push((prop::FIFO_QUEUE, true.into()));
            }
            if let Some(dlq) = dead_letter_queue {
                properties.push((
                    prop::REDRIVE_POLICY,
                    Value::object([
                        ("deadLetterTargetArn", dlq.queue.queue_arn()),
                        ("maxReceiveCount", dlq.max_receive_count.into()),
                    ]),
                ));
            }
            for (name, v) in [
                (prop::DELAY_SECONDS, delivery_delay),
                (prop::MAXIMUM_MESSAGE_SIZE, max_message_size_bytes),
                (prop::MESSAGE_RETENTION_PERIOD, retention_period),
                (
                    prop::RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
                    receive_message_wait_time,
                ),
                (prop::VISIBILITY_TIMEOUT, visibility_timeout),
            ] {
                if let Some(v) = v {
                    properties.push((name, v.into()));
                }
            }
            let base = ResourceBase::new(node, "AWS::SQS::Queue", properties)?;
            base.resource.apply_removal_policy(removal_policy);
            let queue = Queue {
                base,
                fifo,
                encryption_master_key: key,
                policy: Rc::default(),
            };
            if enforce_ssl {
                queue.add_to_resource_policy(
                    PolicyStatement::new()
                        .effect(Effect::Deny)
                        .actions(["sqs:*"])
                        .condition("Bool", "aws:SecureTransport", "false")
                        .principal(Principal::arn("*"))
                        .resources([queue.queue_arn()]),
                )?;
            }
            Ok(queue)
        })
    }
}

impl Queue {
    /// Whether this is a FIFO queue.
    pub fn fifo(&self) -> bool {
        self.fifo
    }

    /// The customer managed key that encrypts the queue, if any.
    pub fn encryption_master_key(&self) -> Option<&Key> {
        self.encryption_master_key.as_ref()
    }

    /// Adds a statement to the queue's resource policy, creating its `AWS::SQS::QueuePolicy`
    /// (construct `Policy`) on first use.
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) -> Result<()> {
        if self.policy.borrow().is_none() {
            let policy = QueuePolicy::create(self, self.queue_url())?;
            *self.policy.borrow_mut() = Some(policy);
        }
        if let Some(policy) = self.policy.borrow().as_ref() {
            policy.document.add_statements([statement]);
        }
        Ok(())
    }

    /// Gives `grantee` `actions` on this queue: in its identity policy, or in the queue policy
    /// when it has none or is in another account (aws-cdk-lib's `queue.grant`).
    pub fn grant(&self, grantee: &dyn Grantable, actions: &[&str]) -> Result<Grant> {
        grant_on_resource(
            &self.base.node,
            grantee,
            actions,
            vec![self.queue_arn()],
            |statement| self.add_to_resource_policy(statement),
        )
    }

    /// Receive, change visibility, get URL, delete and get attributes (and decrypt with the
    /// queue's key): what a consumer needs.
    pub fn grant_consume_messages(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let grant = self.grant(grantee, CONSUME_ACTIONS)?;
        if let Some(key) = &self.encryption_master_key {
            grant_on_key(key, grantee, &["kms:Decrypt"])?;
        }
        Ok(grant)
    }

    /// Send, get attributes and get URL (and encrypt/decrypt with the queue's key): what a
    /// producer needs.
    pub fn grant_send_messages(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let grant = self.grant(grantee, SEND_ACTIONS)?;
        if let Some(key) = &self.encryption_master_key {
            grant_on_key(
                key,
                grantee,
                &[
                    "kms:Decrypt",
                    "kms:Encrypt",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                ],
            )?;
        }
        Ok(grant)
    }

    /// Purge, get attributes and get URL.
    pub fn grant_purge(&self, grantee: &dyn Grantable) -> Result<Grant> {
        self.grant(
            grantee,
            &[
                "sqs:PurgeQueue",
                "sqs:GetQueueAttributes",
                "sqs:GetQueueUrl",
            ],
        )
    }
}

/// aws-cdk-lib's `grantConsumeMessages` actions, in its order.
const CONSUME_ACTIONS: &[&str] = &[
    "sqs:ReceiveMessage",
    "sqs:ChangeMessageVisibility",
    "sqs:GetQueueUrl",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
];

/// aws-cdk-lib's `grantSendMessages` actions, in its order.
const SEND_ACTIONS: &[&str] = &[
    "sqs:SendMessage",
    "sqs:GetQueueAttributes",
    "sqs:GetQueueUrl",
];

/// The `AWS::SQS::Queue` property names, written once.
mod prop {
    pub(super) const CONTENT_BASED_DEDUPLICATION: &str = "ContentBasedDeduplication";
    pub(super) const DELAY_SECONDS: &str = "DelaySeconds";
    pub(super) const FIFO_QUEUE: &str = "FifoQueue";
    pub(super) const KMS_DATA_KEY_REUSE_PERIOD_SECONDS: &str = "KmsDataKeyReusePeriodSeconds";
    pub(super) const KMS_MASTER_KEY_ID: &str = "KmsMasterKeyId";
    pub(super) const MAXIMUM_MESSAGE_SIZE: &str = "MaximumMessageSize";
    pub(super) const MESSAGE_RETENTION_PERIOD: &str = "MessageRetentionPeriod";
    pub(super) const QUEUE_NAME: &str = "QueueName";
    pub(super) const RECEIVE_MESSAGE_WAIT_TIME_SECONDS: &str = "ReceiveMessageWaitTimeSeconds";
    pub(super) const REDRIVE_POLICY: &str = "RedrivePolicy";
    pub(super) const SQS_MANAGED_SSE_ENABLED: &str = "SqsManagedSseEnabled";
    pub(super) const VISIBILITY_TIMEOUT: &str = "VisibilityTimeout";
}
