//! `PolicyDocument`: the statements of an IAM policy, added to until synthesis.

use std::cell::RefCell;
use std::rc::Rc;

use super::statement::{render_document, sort_document_lists, PolicyStatement};
use crate::core::construct::Construct;
use crate::core::flags::MINIMIZE_POLICIES;
use crate::core::value::{Lazy, Value};

/// An IAM policy document whose statements may be added after it is placed in a resource
/// (aws-cdk-lib's `PolicyDocument`): a role's DefaultPolicy, a bucket policy, a key policy.
/// It is rendered at synthesis with every statement added by then, merged as
/// `@aws-cdk/aws-iam:minimizePolicies` merges them when that flag is on. Cheap to clone;
/// clones share the statements.
///
/// ```
/// use lambda_core::iam::{PolicyDocument, PolicyStatement};
///
/// let doc = PolicyDocument::new();
/// assert!(doc.is_empty());
/// doc.add_statements([PolicyStatement::new().actions(["s3:GetObject"]).resources(["*"])]);
/// assert_eq!(doc.statement_count(), 1);
/// ```
#[derive(Clone, Default)]
pub struct PolicyDocument {
    statements: Rc<RefCell<Vec<PolicyStatement>>>,
}

impl PolicyDocument {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends statements, in order.
    pub fn add_statements(&self, statements: impl IntoIterator<Item = PolicyStatement>) {
        self.statements.borrow_mut().extend(statements);
    }

    /// How many statements were added.
    pub fn statement_count(&self) -> usize {
        self.statements.borrow().len()
    }

    /// Whether no statement was added yet.
    pub fn is_empty(&self) -> bool {
        self.statements.borrow().is_empty()
    }

    /// The document as a property value, rendered at synthesis from the statements added by
    /// then; `scope` decides whether `minimizePolicies` applies (the nearest context wins).
    pub fn to_value(&self, scope: &dyn Construct) -> Value {
        let statements = self.statements.clone();
        let node = scope.node().id;
        Value::Lazy(Lazy::new(move |r| {
            let minimize = r.feature_flag(node, MINIMIZE_POLICIES);
            let document = render_document(&statements.borrow(), minimize);
            if !minimize {
                return Ok(Some(document));
            }
            let json = |v: &Value| -> crate::Result<String> {
                Ok(r.resolve(v)?
                    .map_or_else(|| "null".to_owned(), |j| j.to_string()))
            };
            sort_document_lists(document, &json).map(Some)
        }))
    }
}
