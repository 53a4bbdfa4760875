//! `Table`: an `AWS::DynamoDB::Table` (aws-cdk-lib's `dynamodb.Table`).

use crate::core::construct::Construct;
use crate::core::element::RemovalPolicy;
use crate::core::flags::MINIMIZE_POLICIES;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::tree::NodeKind;
use crate::core::value::{Lazy, Value};
use crate::iam::{add_to_principal, Grant, Grantable};
use crate::{Error, Result};

/// The type of a key attribute (aws-cdk-lib's `AttributeType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributeType {
    /// `S`.
    String,
    /// `N`.
    Number,
    /// `B`.
    Binary,
}

impl AttributeType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributeType::String => "S",
            AttributeType::Number => "N",
            AttributeType::Binary => "B",
        }
    }
}

/// A key attribute: its name and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    /// The attribute's name.
    pub name: String,
    /// The attribute's type.
    pub attribute_type: AttributeType,
}

impl Attribute {
    /// `name` of type `attribute_type`.
    pub fn new(name: impl Into<String>, attribute_type: AttributeType) -> Self {
        Attribute {
            name: name.into(),
            attribute_type,
        }
    }
}

/// How reads and writes are paid for (aws-cdk-lib's `BillingMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BillingMode {
    /// On demand (`PAY_PER_REQUEST`).
    PayPerRequest,
    /// Provisioned capacity (5 read and 5 write units unless set).
    Provisioned,
}

/// What a table's stream records hold (aws-cdk-lib's `StreamViewType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamViewType {
    /// The item after the change.
    NewImage,
    /// The item before the change.
    OldImage,
    /// Both.
    NewAndOldImages,
    /// The key attributes only.
    KeysOnly,
}

impl StreamViewType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamViewType::NewImage => "NEW_IMAGE",
            StreamViewType::OldImage => "OLD_IMAGE",
            StreamViewType::NewAndOldImages => "NEW_AND_OLD_IMAGES",
            StreamViewType::KeysOnly => "KEYS_ONLY",
        }
    }
}

/// A DynamoDB table. Cheap to clone; clones share the table.
#[derive(Clone)]
pub struct Table {
    base: ResourceBase,
    stream: bool,
}

resource_construct! {
    Table {
        /// `{"Ref": <table>}`: the table name.
        fn table_name = Ref;
        /// `{"Fn::GetAtt": [<table>, "Arn"]}`.
        fn table_arn = GetAtt("Arn");
    }
}

#[lambda_builder::builders]
impl Table {
    /// A table under `scope`.
    ///
    /// ```
    /// use lambda_core::dynamodb::{Attribute, AttributeType, StreamViewType, Table};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let table = Table::builder()
    ///     .partition_key(Attribute::new("id", AttributeType::String))
    ///     .stream(StreamViewType::NewImage)
    ///     .build(&stack, "Orders")?;
    /// assert!(table.table_stream_arn().is_some());
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The partition (hash) key.
        partition_key: Attribute,
        /// The sort (range) key.
        sort_key: Option<Attribute>,
        /// A fixed name (CloudFormation generates one when unset).
        #[builder(into)]
        table_name: Option<String>,
        /// Provisioned when unset, as in aws-cdk-lib.
        billing_mode: Option<BillingMode>,
        /// Provisioned read capacity units (5 when unset).
        read_capacity: Option<u32>,
        /// Provisioned write capacity units (5 when unset).
        write_capacity: Option<u32>,
        /// Turn on the table's stream with records of this kind.
        stream: Option<StreamViewType>,
        /// An attribute holding each item's expiry time (time to live).
        #[builder(into)]
        time_to_live_attribute: Option<String>,
        /// Retained when unset, as in aws-cdk-lib.
        #[builder(default = RemovalPolicy::Retain)]
        removal_policy: RemovalPolicy,
    ) -> Result<Self> {
        let billing_mode = billing_mode.unwrap_or(BillingMode::Provisioned);
        if billing_mode == BillingMode::PayPerRequest
            && (read_capacity.is_some() || write_capacity.is_some())
        {
            return Err(Error::validation(
                "CannotProvisionCapacityPayPerRequest",
                "you cannot provision read and write capacity for a table with PAY_PER_REQUEST \
                 billing mode",
                format!("{}/{id}", scope.node().path()),
            ));
        }
        let mut key_schema = vec![key(&partition_key.name, "HASH")];
        let mut definitions = vec![definition(&partition_key)];
        if let Some(sort) = &sort_key {
            key_schema.push(key(&sort.name, "RANGE"));
            definitions.push(definition(sort));
        }
        let mut properties: Vec<(&'static str, Value)> = vec![
            ("AttributeDefinitions", Value::List(definitions)),
            ("KeySchema", Value::List(key_schema)),
        ];
        match billing_mode {
            BillingMode::PayPerRequest => {
                properties.push(("BillingMode", "PAY_PER_REQUEST".into()));
            }
            BillingMode::Provisioned => properties.push((
                "ProvisionedThroughput",
                Value::object([
                    ("ReadCapacityUnits", read_capacity.unwrap_or(5).into()),
                    ("WriteCapacityUnits", write_capacity.unwrap_or(5).into()),
                ]),
            )),
        }
        if let Some(view) = stream {
            properties.push((
                "StreamSpecification",
                Value::object([("StreamViewType", view.as_str().into())]),
            ));
        }
        if let Some(n) = table_name {
            properties.push(("TableName", n.into()));
        }
        if let Some(attribute) = time_to_live_attribute {
            properties.push((
                "TimeToLiveSpecification",
                Value::object([
                    ("AttributeName", attribute.into()),
                    ("Enabled", true.into()),
                ]),
            ));
        }
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let base = ResourceBase::create(
                scope,
                id,
                "aws-cdk-lib.aws_dynamodb.Table",
                "AWS::DynamoDB::Table",
                properties,
            )?;
            base.resource.apply_removal_policy(removal_policy);
            // aws-cdk-lib imports the auto-scaling role as a construct of the table.
            base.node
                .add_child("ScalingRole", NodeKind::Construct, "aws-cdk-lib.Resource")?;
            Ok(Table {
                base,
                stream: stream.is_some(),
            })
        })
    }
}

fn key(name: &str, key_type: &str) -> Value {
    Value::object([
        ("AttributeName", Value::from(name)),
        ("KeyType", key_type.into()),
    ])
}

fn definition(attribute: &Attribute) -> Value {
    Value::object([
        ("AttributeName", Value::from(attribute.name.as_str())),
        ("AttributeType", attribute.attribute_type.as_str().into()),
    ])
}

/// aws-cdk-lib's read actions that a table policy may also grant, in its order.
const RESOURCE_READ_DATA_ACTIONS: &[&str] = &[
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:GetItem",
    "dynamodb:Scan",
    "dynamodb:ConditionCheckItem",
];
/// aws-cdk-lib's read actions granted to identities only.
const PRINCIPAL_ONLY_READ_DATA_ACTIONS: &[&str] =
    &["dynamodb:GetRecords", "dynamodb:GetShardIterator"];
/// aws-cdk-lib's write actions, in its order.
const WRITE_DATA_ACTIONS: &[&str] = &[
    "dynamodb:BatchWriteItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
];
const DESCRIBE_TABLE: &str = "dynamodb:DescribeTable";
/// aws-cdk-lib's stream read actions, in its order.
const READ_STREAM_DATA_ACTIONS: &[&str] = &[
    "dynamodb:DescribeStream",
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
];

impl Table {
    /// `{"Fn::GetAtt": [<table>, "StreamArn"]}`, when the table has a stream.
    pub fn table_stream_arn(&self) -> Option<Value> {
        self.stream.then(|| self.base.resource.get_att("StreamArn"))
    }

    /// The ARNs table grants name: the table's (and its indexes', none here). aws-cdk-lib's list
    /// ends in a value that resolves to nothing, so a lone table ARN is still written as a
    /// one-item list; under `minimizePolicies` statements are resolved first and it is not.
    fn arns(&self) -> Vec<Value> {
        let mut arns = vec![self.table_arn()];
        if !self.base.node.feature_flag(MINIMIZE_POLICIES) {
            arns.push(Value::Lazy(Lazy::new(|_| Ok(None))));
        }
        arns
    }

    /// Adds `actions` on the table to `grantee`'s identity policy.
    pub fn grant(&self, grantee: &dyn Grantable, actions: &[&str]) -> Result<Grant> {
        add_to_principal(grantee, actions, self.arns())
    }

    /// Get, query, scan, batch get, condition check and describe; stream records too.
    pub fn grant_read_data(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let mut actions = RESOURCE_READ_DATA_ACTIONS.to_vec();
        actions.push(DESCRIBE_TABLE);
        let grant = self.grant(grantee, &actions)?;
        add_to_principal(grantee, PRINCIPAL_ONLY_READ_DATA_ACTIONS, self.arns())?;
        Ok(grant)
    }

    /// Put, update, delete, batch write and describe.
    pub fn grant_write_data(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let mut actions = WRITE_DATA_ACTIONS.to_vec();
        actions.push(DESCRIBE_TABLE);
        self.grant(grantee, &actions)
    }

    /// Both [`Table::grant_read_data`] and [`Table::grant_write_data`], in one statement.
    pub fn grant_read_write_data(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let mut actions = RESOURCE_READ_DATA_ACTIONS.to_vec();
        actions.extend_from_slice(WRITE_DATA_ACTIONS);
        actions.push(DESCRIBE_TABLE);
        let grant = self.grant(grantee, &actions)?;
        add_to_principal(grantee, PRINCIPAL_ONLY_READ_DATA_ACTIONS, self.arns())?;
        Ok(grant)
    }

    /// `dynamodb:ListStreams` on `*`, then describe and read the table's stream: what a stream
    /// consumer needs. Fails (`StreamFoundTable`) on a table without a stream.
    pub fn grant_stream_read(&self, grantee: &dyn Grantable) -> Result<Grant> {
        let Some(stream) = self.table_stream_arn() else {
            return Err(Error::validation(
                "StreamFoundTable",
                format!("No stream ARN found on the table {}", self.base.node.path()),
                self.base.node.path(),
            ));
        };
        add_to_principal(grantee, &["dynamodb:ListStreams"], vec![Value::from("*")])?;
        add_to_principal(grantee, READ_STREAM_DATA_ACTIONS, vec![stream])
    }
}
