//! IAM policy statements and documents, rendered as aws-cdk-lib renders them.

pub(super) use super::principal::Principal;
use crate::core::value::Value;
use crate::Result;

/// Allow or deny.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Effect {
    /// Grants the actions.
    #[default]
    Allow,
    /// Refuses the actions, whatever else allows them.
    Deny,
}

/// One statement of an IAM policy.
#[derive(Clone, Debug, Default)]
pub struct PolicyStatement {
    effect: Effect,
    actions: Vec<String>,
    resources: Vec<Value>,
    principals: Vec<Principal>,
    /// Operator -> (key -> value), in the order given.
    conditions: Vec<(String, Vec<(String, Value)>)>,
    /// The statement id (`Sid`), written last.
    sid: Option<String>,
}

impl PolicyStatement {
    /// An empty `Allow` statement.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the statement id (`Sid`), which names the statement in the policy.
    pub fn sid(mut self, sid: impl Into<String>) -> Self {
        self.sid = Some(sid.into());
        self
    }

    /// Sets the effect.
    pub fn effect(mut self, effect: Effect) -> Self {
        self.effect = effect;
        self
    }

    /// Adds actions (`s3:GetObject`...).
    pub fn actions<S: Into<String>>(mut self, actions: impl IntoIterator<Item = S>) -> Self {
        self.actions.extend(actions.into_iter().map(Into::into));
        self
    }

    /// Adds resources (ARNs, or `*`).
    pub fn resources<V: Into<Value>>(mut self, resources: impl IntoIterator<Item = V>) -> Self {
        self.resources.extend(resources.into_iter().map(Into::into));
        self
    }

    /// Adds a principal (resource and trust policies only); its conditions (an organization's
    /// `aws:PrincipalOrgID`, those of [`Principal::with_conditions`]) become the statement's.
    pub fn principal(mut self, principal: Principal) -> Self {
        for (op, entries) in principal.conditions().0 {
            for (key, value) in entries {
                self = self.condition(&op, &key, value);
            }
        }
        self.principals.push(principal);
        self
    }

    /// Adds a condition `operator: {key: value}`.
    pub fn condition(mut self, operator: &str, key: &str, value: impl Into<Value>) -> Self {
        let value = value.into();
        match self.conditions.iter_mut().find(|(op, _)| op == operator) {
            Some((_, entries)) => entries.push((key.to_owned(), value)),
            None => self
                .conditions
                .push((operator.to_owned(), vec![(key.to_owned(), value)])),
        }
        self
    }

    /// The statement JSON: keys `Action, Condition, Effect, Principal, Resource`, a single
    /// action or resource as a scalar, several as a list (as aws-cdk-lib writes them).
    pub(crate) fn render(&self) -> Value {
        let mut entries: Vec<(String, Value)> = Vec::new();
        if !self.actions.is_empty() {
            entries.push((
                "Action".into(),
                scalar_or_list(self.actions.iter().map(|a| a.as_str().into()).collect()),
            ));
        }
        if !self.conditions.is_empty() {
            entries.push((
                "Condition".into(),
                Value::Object(
                    self.conditions
                        .iter()
                        .map(|(op, kv)| (op.clone(), Value::Object(kv.clone())))
                        .collect(),
                ),
            ));
        }
        let effect = match self.effect {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        };
        entries.push(("Effect".into(), effect.into()));
        if let Some(p) = self.principals.first() {
            entries.push(("Principal".into(), p.render()));
        }
        if !self.resources.is_empty() {
            entries.push(("Resource".into(), scalar_or_list(self.resources.clone())));
        }
        if let Some(sid) = &self.sid {
            entries.push(("Sid".into(), sid.as_str().into()));
        }
        Value::Object(entries)
    }
}

fn scalar_or_list(mut items: Vec<Value>) -> Value {
    if items.len() == 1 {
        items.pop().expect("one item")
    } else {
        Value::List(items)
    }
}

/// Statements of a policy document, merged as `@aws-cdk/aws-iam:minimizePolicies` merges
/// them when `minimize` is set: actions of one statement sorted and de-duplicated, and
/// statements that differ only in their actions (or only in their resources) combined.
pub(crate) fn render_document(statements: &[PolicyStatement], minimize: bool) -> Value {
    let minimized;
    let statements = if minimize {
        minimized = minimize_statements(statements);
        &minimized[..]
    } else {
        statements
    };
    Value::object([
        (
            "Statement",
            Value::List(statements.iter().map(PolicyStatement::render).collect()),
        ),
        ("Version", Value::from("2012-10-17")),
    ])
}

/// What `@aws-cdk/aws-iam:minimizePolicies` does to a resolved document after merging
/// (aws-cdk-lib's policy post-processor): in every statement, the `Action` and `Resource`
/// lists and each list of `Principal` (whose keys are sorted too) are sorted by the JSON text
/// of their resolved items and de-duplicated by it; a list left with one item becomes that item.
/// `json` gives the JSON text of an item as it will be written (`{"Fn::Join":...}` sorts after
/// any literal ARN, whose text starts with a quote).
pub(crate) fn sort_document_lists(
    document: Value,
    json: &dyn Fn(&Value) -> Result<String>,
) -> Result<Value> {
    let Value::Object(mut entries) = document else {
        return Ok(document);
    };
    for (key, value) in &mut entries {
        if key != "Statement" {
            continue;
        }
        if let Value::List(statements) = value {
            for statement in statements.iter_mut() {
                let Value::Object(fields) = statement else {
                    continue;
                };
                for (field, v) in fields.iter_mut() {
                    match field.as_str() {
                        "Action" | "Resource" => sort_by_json(v, json)?,
                        "Principal" => {
                            if let Value::Object(kinds) = v {
                                kinds.sort_by(|a, b| a.0.cmp(&b.0));
                                for (_, ids) in kinds.iter_mut() {
                                    sort_by_json(ids, json)?;
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(Value::Object(entries))
}

/// A list sorted and de-duplicated by the JSON text of its items (JavaScript's default sort
/// of those strings: by UTF-16 code units, which orders these ASCII texts as bytes do).
fn sort_by_json(value: &mut Value, json: &dyn Fn(&Value) -> Result<String>) -> Result<()> {
    let Value::List(items) = value else {
        return Ok(());
    };
    let mut keyed: Vec<(String, Value)> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        let key = json(&item)?;
        match keyed.iter_mut().find(|(k, _)| *k == key) {
            // A later item of the same JSON replaces the earlier one, as a JavaScript Map does.
            Some(slot) => slot.1 = item,
            None => keyed.push((key, item)),
        }
    }
    keyed.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    *value = scalar_or_list(keyed.into_iter().map(|(_, v)| v).collect());
    Ok(())
}

fn minimize_statements(statements: &[PolicyStatement]) -> Vec<PolicyStatement> {
    // A statement with an id stays as it is (its id names exactly it).
    let key = |s: &PolicyStatement| {
        format!(
            "{:?}|{:?}|{:?}|{:?}",
            s.effect, s.principals, s.conditions, s.sid
        )
    };
    let mut merged: Vec<PolicyStatement> = Vec::new();
    for s in statements {
        let mut s = s.clone();
        s.actions.sort();
        s.actions.dedup();
        if s.sid.is_some() {
            merged.push(s);
            continue;
        }
        let same_resources = merged.iter_mut().find(|m| {
            key(m) == key(&s) && format!("{:?}", m.resources) == format!("{:?}", s.resources)
        });
        if let Some(m) = same_resources {
            m.actions.extend(s.actions);
            m.actions.sort();
            m.actions.dedup();
            continue;
        }
        let same_actions = merged
            .iter_mut()
            .find(|m| key(m) == key(&s) && m.actions == s.actions);
        if let Some(m) = same_actions {
            m.resources.extend(s.resources);
            continue;
        }
        merged.push(s);
    }
    merged
}
