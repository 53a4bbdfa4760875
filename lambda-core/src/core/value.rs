//! Values of CloudFormation properties: literals and intrinsic functions, resolved at synthesis.

use std::fmt;
use std::rc::Rc;

use serde_json::{Number, Value as Json};

use super::resolve::Resolver;
use super::tree::NodeId;
use crate::Result;

/// A property value: a literal, a reference to another element, or an intrinsic function.
///
/// References name constructs, not logical IDs; IDs are assigned at synthesis, so a value can be
/// built before the element it points at has its final name (as CDK tokens do).
#[derive(Clone)]
#[non_exhaustive]
pub enum Value {
    /// A boolean literal.
    Bool(bool),
    /// A number literal.
    Number(Number),
    /// A string literal.
    String(String),
    /// A list; elements that resolve to nothing are dropped.
    List(Vec<Value>),
    /// An object whose keys keep their insertion order.
    Object(Vec<(String, Value)>),
    /// `{"Ref": ...}`.
    Ref(Target),
    /// `{"Fn::GetAtt": [logicalId, attribute]}`.
    GetAtt(Target, String),
    /// `{"Fn::Join": [delimiter, parts]}`; build it with [`Value::join`] to get CDK's folding.
    Join(String, Vec<Value>),
    /// `{"Fn::Sub": template}`.
    Sub(String),
    /// `{"Fn::Select": [index, list]}`.
    Select(usize, Box<Value>),
    /// `{"Fn::Split": [delimiter, source]}`.
    Split(String, Box<Value>),
    /// `{"Fn::FindInMap": [mapping, top-level key, second-level key]}`.
    FindInMap(Target, Box<Value>, String),
    /// Computed at synthesis from the tree's final state.
    Lazy(Lazy),
    /// A value used in many places and stored once (an AWS managed policy ARN, a service's
    /// trust policy); it resolves to what the inner value resolves to.
    Shared(Rc<Value>),
}

/// What a `Ref` or `Fn::GetAtt` points at.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Target {
    /// A CloudFormation element of this app (resource, parameter, mapping...).
    Element(ElementRef),
    /// A pseudo parameter such as `AWS::Region`.
    Pseudo(Pseudo),
}

/// An element of the construct tree that a value refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ElementRef(pub(crate) NodeId);

/// CloudFormation pseudo parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Pseudo {
    AccountId,
    Region,
    Partition,
    UrlSuffix,
    StackName,
    StackId,
    NotificationArns,
    NoValue,
}

impl Pseudo {
    /// The name CloudFormation knows it by.
    pub fn name(self) -> &'static str {
        match self {
            Pseudo::AccountId => "AWS::AccountId",
            Pseudo::Region => "AWS::Region",
            Pseudo::Partition => "AWS::Partition",
            Pseudo::UrlSuffix => "AWS::URLSuffix",
            Pseudo::StackName => "AWS::StackName",
            Pseudo::StackId => "AWS::StackId",
            Pseudo::NotificationArns => "AWS::NotificationARNs",
            Pseudo::NoValue => "AWS::NoValue",
        }
    }

    /// `{"Ref": "AWS::..."}` as a value.
    pub fn value(self) -> Value {
        Value::Ref(Target::Pseudo(self))
    }
}

type LazyFn = dyn Fn(&Resolver<'_>) -> Result<Option<Value>>;

/// A value computed at synthesis from the tree's final state (aws-cdk-lib's `Lazy`), for
/// construct authors whose property depends on what is added later or on logical IDs.
///
/// The closure runs each time the value is resolved, with a [`Resolver`] that knows every logical
/// ID of the stack being written; it returns `None` to leave the property (or list slot) out.
/// What it returns is resolved in turn, so it may hold references and other lazy values.
///
/// ```
/// use lambda_core::{App, CfnResource, Lazy, Stack, Value};
///
/// # fn main() -> Result<(), lambda_core::Error> {
/// let app = App::new();
/// let stack = Stack::builder().build(&app, "Shop")?;
/// let queue = CfnResource::builder()
///     .type_name("AWS::SQS::Queue")
///     .properties(vec![("DelaySeconds".into(), 5.into())])
///     .build(&stack, "Orders")?;
/// let orders = queue.element_ref();
/// // The topic's display name names the queue's logical ID, known only at synthesis.
/// let display_name = Lazy::new(move |r| {
///     let id = r.element_logical_id(&orders)?;
///     Ok(Some(Value::from(format!("fed by {id}"))))
/// });
/// CfnResource::builder()
///     .type_name("AWS::SNS::Topic")
///     .properties(vec![("DisplayName".into(), display_name.into())])
///     .build(&stack, "Topic")?;
/// # let dir = tempfile::tempdir().unwrap();
/// let assembly = app.synth_to(dir.path())?;
/// let template = assembly.template("Shop").expect("the stack's template");
/// assert_eq!(template["Resources"]["Topic"]["Properties"]["DisplayName"], "fed by Orders");
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Lazy(pub(crate) Rc<LazyFn>);

impl Lazy {
    /// Wraps a closure that computes the value from the tree's final state; `Ok(None)` leaves
    /// the value out, an error stops synthesis.
    pub fn new(f: impl Fn(&Resolver<'_>) -> Result<Option<Value>> + 'static) -> Self {
        Lazy(Rc::new(f))
    }
}

impl fmt::Debug for Lazy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Lazy(..)")
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::List(items) => f.debug_list().entries(items).finish(),
            Value::Object(entries) => f
                .debug_map()
                .entries(entries.iter().map(|(k, v)| (k, v)))
                .finish(),
            Value::Ref(t) => write!(f, "Ref({t:?})"),
            Value::GetAtt(t, a) => write!(f, "GetAtt({t:?}, {a})"),
            Value::Join(d, parts) => write!(f, "Join({d:?}, {parts:?})"),
            Value::Sub(s) => write!(f, "Sub({s:?})"),
            Value::Select(i, v) => write!(f, "Select({i}, {v:?})"),
            Value::Split(d, v) => write!(f, "Split({d:?}, {v:?})"),
            Value::FindInMap(m, k1, k2) => write!(f, "FindInMap({m:?}, {k1:?}, {k2})"),
            Value::Lazy(l) => l.fmt(f),
            Value::Shared(v) => v.fmt(f),
        }
    }
}

impl Value {
    /// `Fn::Join` folded as aws-cdk-lib folds it: nested joins with the same delimiter are
    /// flattened, adjacent literal strings merged, and an all-literal join becomes one string.
    pub fn join(delimiter: impl Into<String>, parts: impl IntoIterator<Item = Value>) -> Value {
        let delimiter = delimiter.into();
        let mut flat: Vec<Value> = Vec::new();
        for part in parts {
            // A shared join or string folds like its own copy would.
            let part = match part {
                Value::Shared(inner) if matches!(*inner, Value::Join(..) | Value::String(_)) => {
                    (*inner).clone()
                }
                other => other,
            };
            match part {
                Value::Join(d, inner) if d == delimiter => flat.extend(inner),
                other => flat.push(other),
            }
        }
        let mut merged: Vec<Value> = Vec::with_capacity(flat.len());
        for part in flat {
            match (merged.last_mut(), part) {
                (Some(Value::String(prev)), Value::String(next)) => {
                    prev.push_str(&delimiter);
                    prev.push_str(&next);
                }
                (_, part) => merged.push(part),
            }
        }
        if merged.is_empty() {
            return Value::String(String::new());
        }
        if merged.len() == 1 {
            if let Value::String(_) = merged[0] {
                return merged.pop().expect("one element");
            }
        }
        Value::Join(delimiter, merged)
    }

    /// `{"Fn::Sub": template}`.
    pub fn sub(template: impl Into<String>) -> Value {
        Value::Sub(template.into())
    }

    /// An object from `(key, value)` pairs, in the order given.
    pub fn object<K: Into<String>>(entries: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Object(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A list of values.
    pub fn list(items: impl IntoIterator<Item = Value>) -> Value {
        Value::List(items.into_iter().collect())
    }

    /// The literal string, if this value is one.
    pub fn as_literal_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            Value::Shared(v) => v.as_literal_str(),
            _ => None,
        }
    }

    /// `value`, stored once however many places hold it.
    pub fn shared(value: Value) -> Value {
        Value::Shared(Rc::new(value))
    }

    /// A plain JSON value (no intrinsic functions) as a [`Value`].
    pub fn from_json(json: &Json) -> Value {
        match json {
            Json::Null => Value::Object(Vec::new()),
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.clone()),
            Json::String(s) => Value::String(s.clone()),
            Json::Array(items) => Value::List(items.iter().map(Value::from_json).collect()),
            Json::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Value::String(s.clone())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

macro_rules! number_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::Number(Number::from(n))
            }
        }
    )*};
}
number_from!(u8, u16, u32, u64, i8, i16, i32, i64, usize);

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Value::List(items)
    }
}

impl From<Lazy> for Value {
    fn from(l: Lazy) -> Self {
        Value::Lazy(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_folds_literals() {
        let v = Value::join("", ["a".into(), "b".into()]);
        assert_eq!(v.as_literal_str(), Some("ab"));
        let v = Value::join(
            "",
            [
                "arn:".into(),
                Pseudo::Partition.value(),
                ":iam::".into(),
                Value::join("", [":x".into(), "y".into()]),
            ],
        );
        match v {
            Value::Join(_, parts) => assert_eq!(parts.len(), 3),
            other => panic!("{other:?}"),
        }
    }

    /// Shared joins and strings fold into a join as their copies would.
    #[test]
    fn join_folds_shared_values() {
        let arn = Value::shared(Value::join(
            "",
            ["arn:".into(), Pseudo::Partition.value(), ":x".into()],
        ));
        let folded = Value::join("", [arn, Value::shared("/y".into()), "z".into()]);
        let copy = Value::join(
            "",
            ["arn:".into(), Pseudo::Partition.value(), ":x/yz".into()],
        );
        assert_eq!(format!("{folded:?}"), format!("{copy:?}"));
    }
}
