//! Amazon DynamoDB: a [`Table`] with aws-cdk-lib's defaults (retained on removal, provisioned
//! 5/5 capacity), its stream, and grants (aws-cdk-lib's `aws-dynamodb`), as far as Lambda
//! functions read and write tables and consume their streams.

mod table;

pub use table::{Attribute, AttributeType, BillingMode, StreamViewType, Table};
