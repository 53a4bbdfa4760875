//! `tree.json`'s properties written beside the template: while a template writer writes a
//! resource's `Properties`, a [`TreeShadow`] attached to it writes the same values compactly
//! with the L1's camelCase keys (by the rule of [`tree_props`](super::tree_props)). Values are
//! resolved once, and strings are escaped once: the shadow copies the template's text.

use super::tree_json::PropsSink;
use super::tree_props::{camel_case, LiteralOrder, TagsAt, TreeProps, DEFAULT_JSON};
use super::writer::is_plain;
use crate::core::tree::NodeId;

/// How the value being written is written: as a struct of the L1 (keys camelCased), as is
/// (JSON-typed, intrinsics), or as a map (keys as they are, values structs).
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Struct,
    AsIs,
    Map,
}

/// An open object or array of the shadowed value.
struct Frame {
    /// The mode of the container itself.
    mode: Mode,
    /// The property path's length when it was opened.
    path_len: usize,
    empty: bool,
    /// aws-cdk-lib's key order for this struct, if its construct has one.
    order: Option<Ordered>,
}

/// A struct written in aws-cdk-lib's key order.
struct Ordered {
    keys: &'static [&'static str],
    /// Each member's rank in that order and where its text starts.
    members: Vec<(usize, usize)>,
    /// In the top-level object: the tags property from `Tags.of` and where the rule puts it.
    tags: Option<(&'static str, TagsAt)>,
    /// An `After(name)` placement met `name`: the members after it rank after the tags.
    past_anchor: bool,
    /// aws-cdk-lib's literal objects at this path: one whose members are exactly these gives
    /// its own order.
    literals: Vec<&'static LiteralOrder>,
    /// The members' CloudFormation names, kept when there are literals to match.
    names: Vec<String>,
}

impl Ordered {
    /// The rank of member `key`: its place in `keys`; at the top level, members rank 1 and the
    /// tags 0 (first), 2 (last), or 1 between the members up to the anchor (0) and the rest (2).
    fn rank(&mut self, key: &str) -> usize {
        let Some((property, at)) = self.tags else {
            return self
                .keys
                .iter()
                .position(|k| *k == key)
                .unwrap_or(self.keys.len());
        };
        match at {
            _ if key == property => match at {
                TagsAt::First => 0,
                TagsAt::Last => 2,
                _ => 1,
            },
            TagsAt::After(anchor) => {
                let rank = if self.past_anchor { 2 } else { 0 };
                self.past_anchor |= key == anchor;
                rank
            }
            _ => 1,
        }
    }
}

/// The shadow a template writer carries while it writes templates for `tree.json`.
pub(crate) struct TreeShadow {
    pub(crate) sink: PropsSink,
    /// Whether a resource's properties are being written.
    active: bool,
    rule: &'static TreeProps,
    /// The tags property the resource being written gets from `Tags.of`, if any.
    tags_property: Option<&'static str>,
    out: String,
    frames: Vec<Frame>,
    /// The property path: CloudFormation names joined with `.`.
    path: String,
    /// The mode of the next value.
    next: Mode,
    key: String,
    /// Struct keys met before: resources repeat the same few names.
    struct_keys: Vec<StructKey>,
}

/// Struct keys kept in [`TreeShadow::struct_keys`] (more are camelCased each time).
const STRUCT_KEYS_KEPT: usize = 64;

/// A struct key as the shadow writes it.
struct StructKey {
    name: Box<str>,
    /// `"camelName":`.
    written: Box<str>,
    /// Whether it names a policy document ([`DEFAULT_JSON`]).
    default_json: bool,
}

impl TreeShadow {
    pub(crate) fn new(sink: PropsSink) -> Self {
        TreeShadow {
            sink,
            active: false,
            rule: &TreeProps::DEFAULT,
            tags_property: None,
            out: String::new(),
            frames: Vec::new(),
            path: String::new(),
            next: Mode::Struct,
            key: String::new(),
            struct_keys: Vec::new(),
        }
    }

    pub(crate) fn is_active(&self) -> bool {
        self.active
    }

    /// The next value written is a resource's `Properties`, written by `rule`.
    pub(crate) fn begin(&mut self, rule: &'static TreeProps, tags_property: Option<&'static str>) {
        self.active = true;
        self.rule = rule;
        self.tags_property = tags_property;
        self.out.clear();
        self.frames.clear();
        self.path.clear();
        self.next = Mode::Struct;
    }

    /// The resource `n` is written: its properties (`{}` if none were) go to the sink.
    pub(crate) fn end(&mut self, n: NodeId) {
        self.active = false;
        if self.out.is_empty() {
            self.out.push_str("{}");
        }
        self.sink.push(n, &self.out);
        // A resource without `Properties` never calls `begin`: it must not get these.
        self.out.clear();
    }

    pub(crate) fn open(&mut self, object: bool) {
        self.out.push(if object { '{' } else { '[' });
        let mode = self.next;
        let top = self.frames.is_empty();
        let tags = match (top, self.tags_property, self.rule.tags_at) {
            (true, Some(property), at) if at != TagsAt::Sorted => Some((property, at)),
            _ => None,
        };
        let order = match (object, mode) {
            (true, Mode::Struct) if tags.is_some() => Some(Ordered {
                keys: &[],
                members: Vec::new(),
                tags,
                past_anchor: false,
                literals: Vec::new(),
                names: Vec::new(),
            }),
            (true, Mode::Struct) => {
                let keys = self
                    .rule
                    .orders
                    .iter()
                    .find_map(|(p, keys)| (*p == self.path).then_some(*keys));
                let literals: Vec<&'static LiteralOrder> = self
                    .rule
                    .literals
                    .iter()
                    .filter(|l| l.path == self.path)
                    .collect();
                (keys.is_some() || !literals.is_empty()).then(|| Ordered {
                    keys: keys.unwrap_or(&[]),
                    members: Vec::new(),
                    tags: None,
                    past_anchor: false,
                    literals,
                    names: Vec::new(),
                })
            }
            _ => None,
        };
        self.frames.push(Frame {
            mode,
            path_len: self.path.len(),
            empty: true,
            order,
        });
    }

    pub(crate) fn close(&mut self, object: bool) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if let Some(mut ordered) = frame.order {
            if let Some(ranks) = literal_ranks(&ordered, &self.out) {
                for (member, rank) in ordered.members.iter_mut().zip(ranks) {
                    member.0 = rank;
                }
            }
            if ordered.members.len() > 1 {
                reorder(&mut self.out, &ordered.members);
            }
        }
        self.path.truncate(frame.path_len);
        self.out.push(if object { '}' } else { ']' });
    }

    /// An object member's key: camelCased in a struct (and the mode of its value chosen by the
    /// rule for its path), as it is otherwise.
    pub(crate) fn key(&mut self, key: &str) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        if !frame.empty {
            self.out.push(',');
        }
        frame.empty = false;
        self.path.truncate(frame.path_len);
        let top = frame.path_len == 0;
        let struct_key = frame.mode == Mode::Struct && key != "Ref" && !key.starts_with("Fn::");
        if let Some(ordered) = &mut frame.order {
            let rank = ordered.rank(key);
            ordered.members.push((rank, self.out.len()));
            if !ordered.literals.is_empty() {
                ordered.names.push(key.to_owned());
            }
        }
        let mode = frame.mode;
        if !struct_key {
            push_key(&mut self.out, key);
            self.next = if mode == Mode::Map {
                Mode::Struct
            } else {
                Mode::AsIs
            };
            return;
        }
        let default_json = match self.struct_keys.iter().find(|k| *k.name == *key) {
            Some(known) => {
                self.out.push_str(&known.written);
                known.default_json
            }
            None => {
                camel_case(key, &mut self.key);
                let from = self.out.len();
                push_key(&mut self.out, &self.key);
                let default_json = DEFAULT_JSON.contains(&key);
                if self.struct_keys.len() < STRUCT_KEYS_KEPT {
                    self.struct_keys.push(StructKey {
                        name: key.into(),
                        written: self.out[from..].into(),
                        default_json,
                    });
                }
                default_json
            }
        };
        if !top {
            self.path.push('.');
        }
        self.path.push_str(key);
        let rule = self.rule;
        self.next = if default_json || rule.json.contains(&self.path.as_str()) {
            Mode::AsIs
        } else if rule.maps.contains(&self.path.as_str()) {
            Mode::Map
        } else {
            Mode::Struct
        };
    }

    /// An array element: it shares the array's path and mode.
    pub(crate) fn item(&mut self) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        if !frame.empty {
            self.out.push(',');
        }
        frame.empty = false;
        self.next = if frame.mode == Mode::Map {
            Mode::Struct
        } else {
            frame.mode
        };
    }

    /// A scalar, as the template writer wrote it.
    pub(crate) fn scalar(&mut self, text: &str) {
        self.out.push_str(text);
    }
}

fn push_key(out: &mut String, key: &str) {
    if is_plain(key) {
        out.push('"');
        out.push_str(key);
        out.push('"');
    } else {
        // Keys that need escaping are rare: serde_json escapes as JSON.stringify does.
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
    }
    out.push(':');
}

/// The ranks of the members of `ordered` (their text in `out`, up to its end) in the order of the
/// literal whose members they are exactly, if one is: each member's name and value text (after
/// its key) equal one of the literal's.
fn literal_ranks(ordered: &Ordered, out: &str) -> Option<Vec<usize>> {
    let members = &ordered.members;
    ordered.literals.iter().find_map(|literal| {
        if literal.members.len() != members.len() {
            return None;
        }
        members
            .iter()
            .enumerate()
            .map(|(i, &(_, start))| {
                let end = members.get(i + 1).map_or(out.len(), |next| next.1 - 1);
                // `"key":value`: the key is a plain identifier, so the value follows the first `:`.
                let text = &out[start..end];
                let value = &text[text.find(':')? + 1..];
                literal
                    .members
                    .iter()
                    .position(|(k, v)| *k == ordered.names[i] && *v == value)
            })
            .collect()
    })
}

/// Puts the members of the object whose members start at `members` (offsets into `out`, up to
/// its end) in the order of their ranks (a stable sort: unlisted keys keep their places last).
fn reorder(out: &mut String, members: &[(usize, usize)]) {
    let body = members[0].1;
    let mut texts: Vec<(usize, String)> = members
        .iter()
        .enumerate()
        .map(|(i, &(rank, start))| {
            // A member ends where the comma before the next one is.
            let end = members.get(i + 1).map_or(out.len(), |next| next.1 - 1);
            (rank, out[start..end].to_owned())
        })
        .collect();
    texts.sort_by_key(|(rank, _)| *rank);
    out.truncate(body);
    for (i, (_, text)) in texts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(text);
    }
}
