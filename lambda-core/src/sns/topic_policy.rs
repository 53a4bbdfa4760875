//! `TopicPolicy`: the `AWS::SNS::TopicPolicy` a topic makes for its first resource-policy
//! statement.

use crate::core::construct::Construct;
use crate::core::element::CfnResource;
use crate::core::tree::NodeKind;
use crate::core::value::{Lazy, Value};
use crate::iam::PolicyDocument;
use crate::Result;

/// A topic's resource policy (construct `Policy` under the topic).
#[derive(Clone)]
pub(crate) struct TopicPolicy {
    pub(crate) document: PolicyDocument,
}

impl TopicPolicy {
    /// Adds `Policy` under `topic`, naming `topic_arn` in `Topics`.
    pub(crate) fn create(topic: &dyn Construct, topic_arn: Value) -> Result<Self> {
        let node = topic.node().add_child(
            "Policy",
            NodeKind::Construct,
            "aws-cdk-lib.aws_sns.TopicPolicy",
        )?;
        let document = PolicyDocument::new();
        CfnResource::create(
            &node,
            "Resource",
            "AWS::SNS::TopicPolicy",
            [
                ("PolicyDocument", with_sids(document.to_value(&node))),
                ("Topics", Value::List(vec![topic_arn])),
            ],
        )?;
        Ok(TopicPolicy { document })
    }
}

/// The document with `Sid` `"0"`, `"1"`, ... on each statement, as a topic policy's
/// `assignSids` writes them (after statements were merged).
fn with_sids(document: Value) -> Value {
    Value::Lazy(Lazy::new(move |r| {
        let rendered = match &document {
            Value::Lazy(lazy) => (lazy.0)(r)?,
            other => Some(other.clone()),
        };
        Ok(rendered.map(assign_sids))
    }))
}

fn assign_sids(document: Value) -> Value {
    let Value::Object(entries) = document else {
        return document;
    };
    let entries = entries
        .into_iter()
        .map(|(key, value)| match (key.as_str(), value) {
            ("Statement", Value::List(statements)) => {
                let statements = statements
                    .into_iter()
                    .enumerate()
                    .map(|(i, statement)| match statement {
                        Value::Object(mut fields) if !fields.iter().any(|(k, _)| k == "Sid") => {
                            fields.push(("Sid".to_owned(), Value::from(i.to_string())));
                            Value::Object(fields)
                        }
                        other => other,
                    })
                    .collect();
                (key, Value::List(statements))
            }
            (_, value) => (key, value),
        })
        .collect();
    Value::Object(entries)
}
