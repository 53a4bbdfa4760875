//! A resource's properties: kept sorted by name, as CloudFormation's codegen writes them.

use std::borrow::Cow;

use super::value::Value;

/// A property name: our constructs' names are literals, kept without a copy.
pub(crate) type Name = Cow<'static, str>;

/// Properties sorted by name (byte order), each name once. A sorted vector rather than a
/// `BTreeMap`: resources have a handful of properties, and every resource of a large app holds
/// one of these for the whole program.
#[derive(Clone, Default)]
pub(crate) struct Properties(Vec<(Name, Value)>);

impl Properties {
    fn position(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| (**k).cmp(name))
    }

    /// Sets `name`, returning the value it replaces.
    pub(crate) fn insert(&mut self, name: Name, value: Value) -> Option<Value> {
        match self.position(&name) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (name, value));
                None
            }
        }
    }

    pub(crate) fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.position(name).ok()?;
        Some(self.0.remove(i).1)
    }

    pub(crate) fn get(&self, name: &str) -> Option<&Value> {
        let i = self.position(name).ok()?;
        Some(&self.0[i].1)
    }

    pub(crate) fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_ok()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Name and value, in name order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }

    /// The entries in name order, as an object value's members.
    pub(crate) fn into_entries(self) -> Vec<(String, Value)> {
        self.0
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v))
            .collect()
    }
}

impl FromIterator<(Name, Value)> for Properties {
    /// Later entries win over earlier ones of the same name, as inserting one by one does.
    fn from_iter<T: IntoIterator<Item = (Name, Value)>>(iter: T) -> Self {
        let mut entries: Vec<(Name, Value)> = iter.into_iter().collect();
        // Our constructs list their properties in order, each once: nothing to do.
        if entries.windows(2).all(|w| w[0].0 < w[1].0) {
            return Properties(entries);
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.reverse();
        // Stable sort then reversal: the last given of equal names comes first and is kept.
        entries.dedup_by(|later, kept| later.0 == kept.0);
        entries.reverse();
        Properties(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(p: &Properties) -> Vec<(&str, Option<&str>)> {
        p.iter().map(|(k, v)| (k, v.as_literal_str())).collect()
    }

    #[test]
    fn sorted_and_last_wins() {
        let p: Properties = [
            ("b".into(), Value::from("1")),
            ("a".into(), Value::from("2")),
            ("b".into(), Value::from("3")),
            ("B".to_owned().into(), Value::from("4")),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            names(&p),
            [("B", Some("4")), ("a", Some("2")), ("b", Some("3"))]
        );
    }

    #[test]
    fn insert_and_remove_keep_order() {
        let mut p = Properties::default();
        assert!(p.insert("m".into(), "1".into()).is_none());
        assert!(p.insert("c".into(), "2".into()).is_none());
        assert_eq!(
            p.insert("m".into(), "3".into())
                .and_then(|v| v.as_literal_str().map(str::to_owned)),
            Some("1".to_owned())
        );
        assert!(p.contains_key("c") && !p.contains_key("x"));
        assert_eq!(names(&p), [("c", Some("2")), ("m", Some("3"))]);
        assert!(p.remove("c").is_some() && p.remove("c").is_none());
        assert_eq!(p.get("m").and_then(Value::as_literal_str), Some("3"));
    }
}
