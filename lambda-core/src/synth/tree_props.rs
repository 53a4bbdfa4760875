//! How `tree.json` writes a resource's `aws:cdk:cloudformation:props`: the L1's properties with
//! aws-cdk-lib's camelCase names.
//!
//! aws-cdk-lib writes each L1's `cfnProperties`, resolved: the properties as the L1 construct
//! took them, so struct keys are the L1's camelCase names (`Code.ZipFile` is `code.zipFile`,
//! `Tags[].Key` is `tags[].key`), while the keys of JSON-typed properties (policy documents) and of
//! map-typed ones (`Environment.Variables`) are the user's and stay as they are, and so do
//! intrinsics (`Ref`, `Fn::*`). Constructs here hold CloudFormation names, so the writer turns
//! them back: [`camel_case`] is the rule aws-cdk-lib's code generator names L1 properties with,
//! and a [`TreeProps`] says, per resource type, where that rule stops.
//!
//! The types of this crate's constructs are in [`KNOWN`]; a construct of another type may
//! declare its own with `CfnResource::set_tree_props`. A type with neither gets the default:
//! struct keys camelCased everywhere. In every type, what is below a property named in
//! [`DEFAULT_JSON`] (policy documents) is written as it is.

use super::emit::Emitter;
use crate::core::element::Element;
use crate::core::tags::ResourceTags;
use crate::core::value::Value;
use crate::Result;

/// Where one resource type's properties are not plain structs, as property paths of
/// CloudFormation names joined with `.` (`Environment.Variables`); list items share their list's
/// path.
#[derive(Debug)]
pub struct TreeProps {
    /// JSON-typed properties: everything below is written as is.
    pub json: &'static [&'static str],
    /// Map-typed properties: their keys are written as is, their values by the usual rule.
    pub maps: &'static [&'static str],
    /// Structs that aws-cdk-lib's higher-level construct fills in its own order (not the
    /// alphabetical one of the template): the keys in that order. Keys not listed follow, as stored.
    /// The path `""` names the properties themselves (an L1 whose `cfnProperties` put its tags
    /// last).
    pub orders: &'static [(&'static str, &'static [&'static str])],
    /// aws-cdk-lib's literal objects (constants of its constructs, in their own key order): a
    /// struct at the literal's path whose members are exactly the literal's is written in the
    /// literal's order, before [`orders`](Self::orders) are looked at.
    pub literals: &'static [LiteralOrder],
    /// A resource aws-cdk-lib creates as a plain `CfnResource` (custom resources): `tree.json`
    /// gives it no attributes and the `aws-cdk-lib.CfnResource` construct info.
    pub generic: bool,
    /// Where the L1's `cfnProperties` put the tags from `Tags.of`.
    pub tags_at: TagsAt,
}

/// Where an L1's `cfnProperties` (what `tree.json` shows) hold its tags: for most types in the
/// alphabetical place the template gives them, for some first, last or after another property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagsAt {
    /// In alphabetical order among the properties, as in the template.
    Sorted,
    /// Before every other property.
    First,
    /// After every other property.
    Last,
    /// Right after this property (CloudFormation name); last without it.
    After(&'static str),
}

impl TreeProps {
    /// Struct keys camelCased everywhere (but below [`DEFAULT_JSON`] names, as in every type).
    pub const DEFAULT: TreeProps = TreeProps {
        json: &[],
        maps: &[],
        orders: &[],
        literals: &[],
        generic: false,
        tags_at: TagsAt::Sorted,
    };
    /// A plain `CfnResource` in aws-cdk-lib: no attributes in `tree.json`.
    pub const GENERIC: TreeProps = TreeProps {
        generic: true,
        ..TreeProps::DEFAULT
    };
}

/// One literal object of aws-cdk-lib, for [`TreeProps::literals`].
#[derive(Debug)]
pub struct LiteralOrder {
    /// The property path of the struct (CloudFormation names joined with `.`).
    pub path: &'static str,
    /// Its members in aws-cdk-lib's order: the CloudFormation name and the value as the template
    /// writes it, compact (`"\"icmp\""`, `"252"`).
    pub members: &'static [(&'static str, &'static str)],
}

/// Property names that are JSON-typed (IAM and resource policies) in every resource type that
/// has them, at any depth (`Policies[].PolicyDocument` of a role).
pub const DEFAULT_JSON: &[&str] = &[
    "AssumeRolePolicyDocument",
    "FileSystemPolicy",
    "KeyPolicy",
    "PolicyDocument",
    "RepositoryPolicyText",
];

/// The resource types of this crate's constructs whose properties are not all plain structs.
/// (IAM roles and policies, bucket policies and KMS keys are covered by [`DEFAULT_JSON`]; log
/// groups, versions, aliases, layers and their permissions, event invoke configs and buckets
/// hold structs only.)
pub const KNOWN: &[(&str, TreeProps)] = &[
    (
        "AWS::Lambda::Function",
        TreeProps {
            json: &[],
            maps: &["Environment.Variables"],
            // Function's `new CfnFunction({ code: {...}, loggingConfig: {...} })`. The goldens fix
            // S3ObjectVersion before S3ObjectStorageMode and before SourceKMSKeyArn; the order of
            // those two against each other is aws-cdk-lib's field order as read, not golden-tested.
            orders: &[
                (
                    "Code",
                    &[
                        "S3Bucket",
                        "S3Key",
                        "S3ObjectVersion",
                        "S3ObjectStorageMode",
                        "SourceKMSKeyArn",
                        "ZipFile",
                        "ImageUri",
                    ],
                ),
                (
                    "LoggingConfig",
                    &[
                        "LogFormat",
                        "SystemLogLevel",
                        "ApplicationLogLevel",
                        "LogGroup",
                    ],
                ),
                // `configureVpc`'s `{ ipv6AllowedForDualStack, subnetIds, securityGroupIds }`.
                (
                    "VpcConfig",
                    &["Ipv6AllowedForDualStack", "SubnetIds", "SecurityGroupIds"],
                ),
            ],
            ..TreeProps::DEFAULT
        },
    ),
    (
        "AWS::EC2::SecurityGroup",
        TreeProps {
            json: &[],
            maps: &[],
            // A rule from `addIngressRule`/`addEgressRule`: `{...peer, ...port.toRuleJson(),
            // description}`.
            orders: &[
                ("SecurityGroupIngress", SECURITY_GROUP_RULE),
                ("SecurityGroupEgress", SECURITY_GROUP_RULE),
            ],
            // The default egress rules, constants of aws-cdk-lib's `SecurityGroup`.
            literals: &[
                LiteralOrder {
                    path: "SecurityGroupEgress",
                    members: &[
                        ("CidrIp", "\"0.0.0.0/0\""),
                        ("Description", "\"Allow all outbound traffic by default\""),
                        ("IpProtocol", "\"-1\""),
                    ],
                },
                LiteralOrder {
                    path: "SecurityGroupEgress",
                    members: &[
                        ("CidrIp", "\"255.255.255.255/32\""),
                        ("Description", "\"Disallow all traffic\""),
                        ("IpProtocol", "\"icmp\""),
                        ("FromPort", "252"),
                        ("ToPort", "86"),
                    ],
                },
                LiteralOrder {
                    path: "SecurityGroupEgress",
                    members: &[
                        ("IpProtocol", "\"-1\""),
                        ("CidrIpv6", "\"::/0\""),
                        (
                            "Description",
                            "\"Allow all outbound ipv6 traffic by default\"",
                        ),
                    ],
                },
            ],
            ..TreeProps::DEFAULT
        },
    ),
    // Where tags sit in these L1s' `cfnProperties` (oracle app `tags-everywhere`).
    (
        "AWS::EFS::AccessPoint",
        TreeProps {
            orders: &[("PosixUser", &["Uid", "Gid", "SecondaryGids"])],
            tags_at: TagsAt::Last,
            ..TreeProps::DEFAULT
        },
    ),
    (
        "AWS::Lambda::CodeSigningConfig",
        TreeProps {
            tags_at: TagsAt::After("AllowedPublishers"),
            ..TreeProps::DEFAULT
        },
    ),
    (
        "AWS::Lambda::EventSourceMapping",
        TreeProps {
            tags_at: TagsAt::First,
            ..TreeProps::DEFAULT
        },
    ),
    // A map: its keys are the user's tag keys.
    (
        "AWS::SSM::Parameter",
        TreeProps {
            maps: &["Tags"],
            ..TreeProps::DEFAULT
        },
    ),
];

/// The key order of a security group rule made from a peer and a port.
const SECURITY_GROUP_RULE: &[&str] = &[
    "CidrIp",
    "CidrIpv6",
    "SourcePrefixListId",
    "DestinationPrefixListId",
    "IpProtocol",
    "FromPort",
    "ToPort",
    "Description",
];

/// The rule for `element`: its own declaration, else [`KNOWN`]'s entry for its type, else the
/// default (custom resources are [`TreeProps::GENERIC`]).
pub(crate) fn for_element(element: &Element) -> &'static TreeProps {
    if let Some(own) = element.extra().and_then(|x| x.tree_props) {
        return own;
    }
    let type_name = &*element.type_name;
    if let Some((_, props)) = KNOWN.iter().find(|(t, _)| *t == type_name) {
        return props;
    }
    if type_name.starts_with("Custom::") || type_name == "AWS::CloudFormation::CustomResource" {
        return &TreeProps::GENERIC;
    }
    &TreeProps::DEFAULT
}

/// The construct info aws-cdk-lib gives the L1 of `type_name`: `AWS::Lambda::Function` is
/// `aws-cdk-lib.aws_lambda.CfnFunction`.
pub(crate) fn l1_fqn(type_name: &str, out: &mut String) {
    out.clear();
    let mut parts = type_name.split("::");
    let (_, service, resource) = (parts.next(), parts.next(), parts.next());
    match (service, resource) {
        (Some(service), Some(resource)) => {
            out.push_str("aws-cdk-lib.aws_");
            out.extend(service.chars().flat_map(char::to_lowercase));
            out.push_str(".Cfn");
            out.push_str(resource);
        }
        _ => out.push_str("aws-cdk-lib.CfnResource"),
    }
}

/// The L1 property name aws-cdk-lib's code generator gives a CloudFormation name, into `out`:
/// the `camelcase` package's rule (a run of capitals is one word: `SourceKMSKeyArn` is
/// `sourceKmsKeyArn`, `IPv6AllowedForDualStack` is `ipv6AllowedForDualStack`, a letter after
/// digits starts a word: `S3bucket` is `s3Bucket`) with the generator's fix-ups (`...ARNs` is
/// `...Arns`, `VPCs` is `vpcs`).
pub fn camel_case(name: &str, out: &mut String) {
    out.clear();
    let name = match name {
        "VPCs" => {
            out.push_str("vpcs");
            return;
        }
        "GetObject" => "objectAccess",
        "Equals" => "equalTo",
        n => n,
    };
    if is_simple(name) {
        // ASCII only: the first byte lowercased, the rest as it is.
        out.push(char::from(name.as_bytes()[0].to_ascii_lowercase()));
        out.push_str(&name[1..]);
        return;
    }
    camelcase_package(name, out);
    for (suffix, fixed) in [("ARNs", "Arns"), ("MBs", "MBs"), ("AZs", "AZs")] {
        if name.ends_with(suffix) && out.len() >= suffix.len() {
            // The package lowercased the suffix's ASCII letters: same length.
            out.truncate(out.len() - suffix.len());
            out.push_str(fixed);
            break;
        }
    }
}

/// Whether the package's rule reduces to lowercasing the first letter: ASCII letters and digits,
/// no capital after a capital, no lowercase letter after a digit.
fn is_simple(name: &str) -> bool {
    let b = name.as_bytes();
    if b.is_empty() {
        return false;
    }
    let mut previous = 0u8;
    for &c in b {
        let simple = match c {
            b'A'..=b'Z' => !previous.is_ascii_uppercase(),
            b'a'..=b'z' => !previous.is_ascii_digit(),
            b'0'..=b'9' => true,
            _ => false,
        };
        if !simple {
            return false;
        }
        previous = c;
    }
    true
}

/// `camelcase(name)` of the npm package (v8, no options), for any name.
fn camelcase_package(name: &str, out: &mut String) {
    let is_upper = |c: char| c.is_uppercase() && c.to_lowercase().ne(std::iter::once(c));
    let is_lower = |c: char| c.is_lowercase() && c.to_uppercase().ne(std::iter::once(c));
    let is_separator = |c: char| matches!(c, '_' | '.' | '-' | ' ');
    let chars: Vec<char> = name.chars().collect();
    if chars.len() == 1 {
        if !is_separator(chars[0]) {
            out.extend(chars[0].to_lowercase());
        }
        return;
    }
    // preserveCamelCase: a dash before a capital that follows a lowercase letter, and before
    // the last capital of a run that a lowercase letter follows.
    let mut s: Vec<char> = chars;
    if name != name.to_lowercase() {
        let (mut last_lower, mut last_upper, mut last_last_upper) = (false, false, false);
        let mut i = 0;
        while i < s.len() {
            let c = s[i];
            let last_last_preserved = if i > 2 { s[i - 3] == '-' } else { true };
            if last_lower && is_upper(c) {
                s.insert(i, '-');
                last_lower = false;
                last_last_upper = last_upper;
                last_upper = true;
                i += 1;
            } else if last_upper && last_last_upper && is_lower(c) && !last_last_preserved {
                s.insert(i - 1, '-');
                last_last_upper = last_upper;
                last_upper = false;
                last_lower = true;
            } else {
                last_lower = is_lower(c);
                last_last_upper = last_upper;
                last_upper = is_upper(c);
            }
            i += 1;
        }
    }
    // Leading separators go, then everything is lowercased.
    let start = s.iter().position(|&c| !is_separator(c)).unwrap_or(s.len());
    let lowered: Vec<char> = s[start..].iter().flat_map(|c| c.to_lowercase()).collect();
    // postProcess: digits then an identifier character: that character uppercased (unless a
    // `_` or `-` follows); then separators and the identifier character after them: that
    // character uppercased, the separators dropped.
    let is_ident = |c: char| c.is_alphabetic() || c.is_numeric() || c == '_';
    let mut digits_done: Vec<char> = Vec::with_capacity(lowered.len());
    let mut i = 0;
    while i < lowered.len() {
        let c = lowered[i];
        if c.is_ascii_digit() {
            let mut j = i;
            while j < lowered.len() && lowered[j].is_ascii_digit() {
                j += 1;
            }
            digits_done.extend(&lowered[i..j]);
            if j < lowered.len() && is_ident(lowered[j]) {
                let keep = matches!(lowered.get(j + 1), Some('_' | '-'));
                if keep {
                    digits_done.push(lowered[j]);
                } else {
                    digits_done.extend(lowered[j].to_uppercase());
                }
                j += 1;
            }
            i = j;
        } else {
            digits_done.push(c);
            i += 1;
        }
    }
    let mut i = 0;
    while i < digits_done.len() {
        let c = digits_done[i];
        if is_separator(c) {
            let mut j = i;
            while j < digits_done.len() && is_separator(digits_done[j]) {
                j += 1;
            }
            if j < digits_done.len() && is_ident(digits_done[j]) {
                out.extend(digits_done[j].to_uppercase());
                j += 1;
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
}

/// `element`'s properties for `tree.json`, rendered on their own (for resources whose template
/// is rendered whole, with overrides, which aws-cdk-lib's `cfnProperties` do not have).
pub(crate) fn render_apart(
    r: &super::resolve::Resolver<'_>,
    element: &Element,
    rule: &'static TreeProps,
    tags: Option<&ResourceTags>,
) -> Result<String> {
    let mut w = super::writer::JsonWriter::appending(String::new(), "");
    let mut scratch = Scratch::default();
    let mut e = Emitter::new(r, &mut w);
    PropsWriter::new(&mut e, rule, &mut scratch).properties(element, tags)?;
    Ok(w.finish())
}

/// Writes one resource's `aws:cdk:cloudformation:props` (compact), resolving its values as the
/// template does: what resolves to nothing is left out, a repeated key keeps its first place and
/// its last value.
pub(crate) struct PropsWriter<'e, 'r, 'a, 'w, 's> {
    e: &'e mut Emitter<'r, 'a, 'w, 's>,
    rule: &'static TreeProps,
    /// The property path being written: CloudFormation names joined with `.`.
    path: &'e mut String,
    /// The camelCased key being written.
    key: &'e mut String,
}

/// The buffers a [`PropsWriter`] works in, kept from one resource to the next.
#[derive(Default)]
pub(crate) struct Scratch {
    path: String,
    key: String,
}

impl<'e, 'r, 'a, 'w, 's> PropsWriter<'e, 'r, 'a, 'w, 's> {
    pub(crate) fn new(
        e: &'e mut Emitter<'r, 'a, 'w, 's>,
        rule: &'static TreeProps,
        scratch: &'e mut Scratch,
    ) -> Self {
        PropsWriter {
            e,
            rule,
            path: &mut scratch.path,
            key: &mut scratch.key,
        }
    }

    /// The properties of `element`, with `tags` (from `Tags.of`) where the template puts them.
    pub(crate) fn properties(
        &mut self,
        element: &Element,
        tags: Option<&ResourceTags>,
    ) -> Result<()> {
        self.path.clear();
        let mut tags = tags.filter(|t| !element.properties.contains_key(t.property));
        if order_of(self.rule, "").is_some() {
            // The L1 orders its properties itself: as a struct of that order.
            let mut entries: Vec<(String, Value)> = Vec::new();
            for (k, v) in element.properties.iter() {
                if let Some(t) = tags.filter(|t| k > t.property) {
                    entries.push((t.property.to_owned(), t.value.clone()));
                    tags = None;
                }
                entries.push((k.to_owned(), v.clone()));
            }
            if let Some(t) = tags {
                entries.push((t.property.to_owned(), t.value.clone()));
            }
            return self.object(&entries);
        }
        self.e.w.begin_object();
        let at = self.rule.tags_at;
        let after = match at {
            TagsAt::After(name) => Some(name),
            _ => None,
        };
        if let Some(t) = tags.filter(|_| at == TagsAt::First) {
            self.member(t.property, &t.value)?;
            tags = None;
        }
        for (k, v) in element.properties.iter() {
            if let Some(t) = tags.filter(|t| at == TagsAt::Sorted && k > t.property) {
                self.member(t.property, &t.value)?;
                tags = None;
            }
            self.member(k, v)?;
            if let Some(t) = tags.filter(|_| after == Some(k)) {
                self.member(t.property, &t.value)?;
                tags = None;
            }
        }
        if let Some(t) = tags {
            self.member(t.property, &t.value)?;
        }
        self.e.w.end_object();
        Ok(())
    }

    /// A struct member, left out when its value resolves to nothing.
    fn member(&mut self, key: &str, value: &Value) -> Result<()> {
        match self.e.force(value)? {
            Some(v) => self.present_member(key, &v),
            None => Ok(()),
        }
    }

    /// A struct member whose value is there: its key camelCased, its value by the rule for its
    /// path.
    fn present_member(&mut self, key: &str, value: &Value) -> Result<()> {
        camel_case(key, self.key);
        self.e.w.key(self.key);
        let len = self.path.len();
        if len > 0 {
            self.path.push('.');
        }
        self.path.push_str(key);
        let rule = self.rule;
        let result = if rule.json.contains(&self.path.as_str()) || DEFAULT_JSON.contains(&key) {
            self.e.concrete(value)
        } else if rule.maps.contains(&self.path.as_str()) {
            self.map(value)
        } else {
            self.value(value)
        };
        self.path.truncate(len);
        result
    }

    /// A value below a struct key: objects are structs, unless they are intrinsics.
    fn value(&mut self, value: &Value) -> Result<()> {
        match value {
            Value::Object(entries) if !is_intrinsic(entries) => self.object(entries),
            Value::List(items) => {
                self.e.w.begin_array();
                for item in items {
                    if let Some(item) = self.e.force(item)? {
                        self.e.w.item();
                        self.value(&item)?;
                    }
                }
                self.e.w.end_array();
                Ok(())
            }
            Value::Lazy(_) | Value::Shared(_) => match self.e.force(value)? {
                Some(inner) => self.value(&inner),
                None => {
                    self.e.w.null();
                    Ok(())
                }
            },
            _ => self.e.concrete(value),
        }
    }

    /// A struct: its members in aws-cdk-lib's order for its path, if it has one.
    fn object(&mut self, entries: &[(String, Value)]) -> Result<()> {
        self.e.w.begin_object();
        let order = order_of(self.rule, self.path);
        let literals = self.rule.literals.iter().filter(|l| l.path == *self.path);
        if order.is_none() && literals.clone().next().is_none() && !has_repeated_key(entries) {
            for (k, v) in entries {
                self.member(k, v)?;
            }
        } else {
            let mut merged: Vec<(&str, std::borrow::Cow<'_, Value>)> =
                Vec::with_capacity(entries.len());
            for (k, v) in entries {
                if let Some(v) = self.e.force(v)? {
                    match merged.iter_mut().find(|(key, _)| key == k) {
                        Some(slot) => slot.1 = v,
                        None => merged.push((k.as_str(), v)),
                    }
                }
            }
            let mut literal_order = None;
            for literal in literals {
                if let Some(ranks) = self.literal_ranks(literal, &merged)? {
                    literal_order = Some(ranks);
                    break;
                }
            }
            if let Some(ranks) = literal_order {
                let mut ranked: Vec<_> = ranks.into_iter().zip(merged).collect();
                ranked.sort_by_key(|(rank, _)| *rank);
                merged = ranked.into_iter().map(|(_, m)| m).collect();
            } else if let Some(order) = order {
                // A stable sort: keys the order does not name keep their places after it.
                merged
                    .sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(order.len()));
            }
            for (k, v) in &merged {
                self.present_member(k, v)?;
            }
        }
        self.e.w.end_object();
        Ok(())
    }

    /// The rank of each of `merged`'s members in `literal`, if they are exactly its members (as
    /// the template writes their values).
    fn literal_ranks(
        &self,
        literal: &LiteralOrder,
        merged: &[(&str, std::borrow::Cow<'_, Value>)],
    ) -> Result<Option<Vec<usize>>> {
        if literal.members.len() != merged.len() {
            return Ok(None);
        }
        let mut ranks = Vec::with_capacity(merged.len());
        for (k, v) in merged {
            let text = self.e.compact_text(v)?;
            match literal
                .members
                .iter()
                .position(|(name, value)| name == k && *value == text)
            {
                Some(rank) => ranks.push(rank),
                None => return Ok(None),
            }
        }
        Ok(Some(ranks))
    }

    /// A map-typed value: its keys as they are, its values by the usual rule.
    fn map(&mut self, value: &Value) -> Result<()> {
        match value {
            Value::Object(entries) => {
                self.e.w.begin_object();
                let mut merged: Vec<(&str, std::borrow::Cow<'_, Value>)> =
                    Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    if let Some(v) = self.e.force(v)? {
                        match merged.iter_mut().find(|(key, _)| key == k) {
                            Some(slot) => slot.1 = v,
                            None => merged.push((k.as_str(), v)),
                        }
                    }
                }
                for (k, v) in &merged {
                    self.e.w.key(k);
                    self.value(v)?;
                }
                self.e.w.end_object();
                Ok(())
            }
            Value::Lazy(_) | Value::Shared(_) => match self.e.force(value)? {
                Some(inner) => self.map(&inner),
                None => {
                    self.e.w.null();
                    Ok(())
                }
            },
            _ => self.value(value),
        }
    }
}

/// An object written out as an intrinsic (`{"Ref": ...}`, `{"Fn::Join": ...}`): kept as it is.
fn is_intrinsic(entries: &[(String, Value)]) -> bool {
    matches!(entries, [(k, _)] if k == "Ref" || k.starts_with("Fn::"))
}

fn has_repeated_key(entries: &[(String, Value)]) -> bool {
    entries
        .iter()
        .enumerate()
        .any(|(i, (k, _))| entries[i + 1..].iter().any(|(other, _)| other == k))
}

/// The keys of the struct at `path` in aws-cdk-lib's order, if its construct has one.
fn order_of(rule: &TreeProps, path: &str) -> Option<&'static [&'static str]> {
    rule.orders
        .iter()
        .find_map(|(p, order)| (*p == path).then_some(*order))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camel(name: &str) -> String {
        let mut out = String::new();
        camel_case(name, &mut out);
        out
    }

    /// Names aws-cdk-lib's L1s use for these CloudFormation names (from the goldens' tree.json
    /// and the L1 classes).
    #[test]
    fn camel_case_as_the_l1s_name_properties() {
        for (cfn, l1) in [
            ("Code", "code"),
            ("ZipFile", "zipFile"),
            ("S3Bucket", "s3Bucket"),
            ("S3ObjectVersion", "s3ObjectVersion"),
            ("SourceKMSKeyArn", "sourceKmsKeyArn"),
            ("PrincipalOrgID", "principalOrgId"),
            ("RoleARN", "roleArn"),
            ("IPv6AllowedForDualStack", "ipv6AllowedForDualStack"),
            ("Ipv6CidrBlock", "ipv6CidrBlock"),
            ("CidrIp", "cidrIp"),
            ("ManagedPolicyArns", "managedPolicyArns"),
            ("ProviderARNs", "providerArns"),
            (
                "MaximumBatchingWindowInSeconds",
                "maximumBatchingWindowInSeconds",
            ),
            ("VPCs", "vpcs"),
            ("KMSKeyArn", "kmsKeyArn"),
            ("EC2", "ec2"),
            ("S3bucket", "s3Bucket"),
            ("Key", "key"),
            ("A", "a"),
            ("TTL", "ttl"),
            ("snake_case_name", "snakeCaseName"),
        ] {
            assert_eq!(camel(cfn), l1, "{cfn}");
        }
    }

    #[test]
    fn l1_construct_info() {
        let mut out = String::new();
        l1_fqn("AWS::Lambda::Function", &mut out);
        assert_eq!(out, "aws-cdk-lib.aws_lambda.CfnFunction");
        l1_fqn("AWS::ApplicationAutoScaling::ScalableTarget", &mut out);
        assert_eq!(
            out,
            "aws-cdk-lib.aws_applicationautoscaling.CfnScalableTarget"
        );
        l1_fqn("nonsense", &mut out);
        assert_eq!(out, "aws-cdk-lib.CfnResource");
    }
}
