//! Cloud assembly files besides templates: asset manifests, `manifest.json`, `tree.json`.

use serde_json::{json, Map, Value as Json};
use sha2::{Digest, Sha256};

use super::json::to_compact;
use crate::core::flags;
use crate::core::stack::{Environment, FileAsset};
use crate::core::tree::{NodeId, NodeKind, Tree};

/// Cloud assembly schema version aws-cdk-lib 2.276.0 writes.
pub const SCHEMA_VERSION: &str = "55.0.0";
/// The oldest CDK CLI aws-cdk-lib 2.276.0 asks for.
pub const MINIMUM_CLI_VERSION: &str = "2.1148.2";
const BOOTSTRAP_SSM: &str = "/cdk-bootstrap/hnb659fds/version";

fn role_arn(kind: &str) -> String {
    format!("arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:role/cdk-hnb659fds-{kind}-role-${{AWS::AccountId}}-${{AWS::Region}}")
}

/// Replaces `${AWS::AccountId}` / `${AWS::Region}` with the stack's concrete values, as the
/// default synthesizer does (`${AWS::Partition}` stays).
fn specialize(s: &str, env: &Environment) -> String {
    let mut s = s.to_owned();
    if let Some(account) = &env.account {
        s = s.replace("${AWS::AccountId}", account);
    }
    if let Some(region) = &env.region {
        s = s.replace("${AWS::Region}", region);
    }
    s
}

fn destination(object_key: &str, env: &Environment) -> (String, Json) {
    let mut dest = Map::new();
    dest.insert(
        "bucketName".into(),
        specialize(crate::core::stack::ASSETS_BUCKET, env).into(),
    );
    dest.insert("objectKey".into(), object_key.into());
    if let Some(region) = &env.region {
        dest.insert("region".into(), region.clone().into());
    }
    dest.insert(
        "assumeRoleArn".into(),
        specialize(&role_arn("file-publishing"), env).into(),
    );
    let dest = Json::Object(dest);
    let digest = hex(&Sha256::digest(to_compact(&dest).as_bytes()));
    let id = format!(
        "{}-{}-{}",
        env.account.as_deref().unwrap_or("current_account"),
        env.region.as_deref().unwrap_or("current_region"),
        &digest[..8]
    );
    (id, dest)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn file_entry(
    display_name: &str,
    path: &str,
    packaging: &str,
    key: &str,
    env: &Environment,
) -> Json {
    let (dest_id, dest) = destination(key, env);
    let mut destinations = Map::new();
    destinations.insert(dest_id, dest);
    json!({
        "displayName": display_name,
        "source": {"path": path, "packaging": packaging},
        "destinations": destinations,
    })
}

/// `<Stack>.assets.json`: the stack's file assets, then its template.
pub(crate) fn asset_manifest(
    stack_name: &str,
    env: &Environment,
    assets: &[FileAsset],
    template_hash: &str,
) -> Json {
    let mut files = Map::new();
    for asset in assets {
        let packaging = asset.packaging.as_str();
        let key = asset.object_key();
        files.insert(
            asset.hash.clone(),
            file_entry(&asset.display_name, &asset.file_name, packaging, &key, env),
        );
    }
    files.insert(
        template_hash.to_owned(),
        file_entry(
            &format!("{stack_name} Template"),
            &format!("{stack_name}.template.json"),
            "file",
            &format!("{template_hash}.json"),
            env,
        ),
    );
    json!({"version": SCHEMA_VERSION, "files": files, "dockerImages": {}})
}

/// The two artifacts of a stack: its asset manifest and the stack itself.
pub(crate) fn stack_artifacts(
    artifacts: &mut Map<String, Json>,
    stack_name: &str,
    env: &Environment,
    template_hash: &str,
) {
    let assets_id = format!("{stack_name}.assets");
    artifacts.insert(
        assets_id.clone(),
        json!({
            "type": "cdk:asset-manifest",
            "properties": {
                "file": format!("{stack_name}.assets.json"),
                "requiresBootstrapStackVersion": 6,
                "bootstrapStackVersionSsmParameter": BOOTSTRAP_SSM,
            }
        }),
    );
    let environment = format!(
        "aws://{}/{}",
        env.account.as_deref().unwrap_or("unknown-account"),
        env.region.as_deref().unwrap_or("unknown-region")
    );
    let bucket = specialize(crate::core::stack::ASSETS_BUCKET, env);
    artifacts.insert(
        stack_name.to_owned(),
        json!({
            "type": "aws:cloudformation:stack",
            "environment": environment,
            "properties": {
                "templateFile": format!("{stack_name}.template.json"),
                "terminationProtection": false,
                "validateOnSynth": false,
                "assumeRoleArn": specialize(&role_arn("deploy"), env),
                "cloudFormationExecutionRoleArn": specialize(&role_arn("cfn-exec"), env),
                "stackTemplateAssetObjectUrl": format!("s3://{bucket}/{template_hash}.json"),
                "requiresBootstrapStackVersion": 6,
                "bootstrapStackVersionSsmParameter": BOOTSTRAP_SSM,
                "additionalDependencies": [assets_id],
                "lookupRole": {
                    "arn": specialize(&role_arn("lookup"), env),
                    "requiresBootstrapStackVersion": 8,
                    "bootstrapStackVersionSsmParameter": BOOTSTRAP_SSM,
                }
            },
            "dependencies": [assets_id],
            "additionalMetadataFile": format!("{stack_name}.metadata.json"),
            "displayName": stack_name,
        }),
    );
}

/// `manifest.json`: the stacks' artifacts, the tree, and the feature-flag report (with the
/// value the user set, if any, first in each flag's entry).
pub(crate) fn manifest(mut artifacts: Map<String, Json>, root_context: &Map<String, Json>) -> Json {
    artifacts.insert(
        "Tree".into(),
        json!({"type": "cdk:tree", "properties": {"file": "tree.json"}}),
    );
    let mut report = Map::new();
    for (flag, info) in flags::report() {
        let mut entry = Map::new();
        if let Some(user) = root_context.get(flag) {
            entry.insert("userValue".into(), user.clone());
        }
        if let Json::Object(info) = info {
            entry.extend(info.clone());
        }
        report.insert(flag.clone(), Json::Object(entry));
    }
    artifacts.insert(
        "aws-cdk-lib/feature-flag-report".into(),
        json!({
            "type": "cdk:feature-flag-report",
            "properties": {"module": "aws-cdk-lib", "flags": report}
        }),
    );
    json!({
        "version": SCHEMA_VERSION,
        "artifacts": artifacts,
        "minimumCliVersion": MINIMUM_CLI_VERSION,
    })
}

/// `tree.json`, compactly written: every construct with its id, path, children, CloudFormation
/// attributes and construct info. Streamed from the tree straight into the text (no JSON value
/// tree in between), each node's path extended from its parent's.
pub(crate) fn tree_json(
    tree: &Tree,
    logical_ids: &std::collections::HashMap<NodeId, String>,
) -> String {
    use serde::ser::{Serialize, SerializeMap, Serializer};

    struct Node<'a> {
        tree: &'a Tree,
        ids: &'a std::collections::HashMap<NodeId, String>,
        n: NodeId,
        path: &'a str,
    }
    impl Serialize for Node<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let node = self.tree.node(self.n);
            let mut out = s.serialize_map(None)?;
            let id = if self.n == crate::core::tree::ROOT {
                "App"
            } else {
                node.id.as_str()
            };
            out.serialize_entry("id", id)?;
            out.serialize_entry("path", self.path)?;
            if !node.children.is_empty() {
                out.serialize_entry("children", &Children { parent: self })?;
            }
            if let NodeKind::Element(e) = &node.kind {
                if e.section == crate::core::element::Section::Resources {
                    out.serialize_entry(
                        "attributes",
                        &Attributes {
                            type_name: &e.type_name,
                            logical_id: self.ids.get(&self.n).map(String::as_str),
                        },
                    )?;
                }
            }
            out.serialize_entry(
                "constructInfo",
                &ConstructInfo {
                    fqn: node.fqn,
                    version: "2.276.0",
                },
            )?;
            out.end()
        }
    }
    struct Children<'a> {
        parent: &'a Node<'a>,
    }
    impl Serialize for Children<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let parent = self.parent;
            let children = &parent.tree.node(parent.n).children;
            let mut out = s.serialize_map(Some(children.len()))?;
            let mut path = String::new();
            for &c in children {
                let id = &parent.tree.node(c).id;
                path.clear();
                if !parent.path.is_empty() {
                    path.push_str(parent.path);
                    path.push('/');
                }
                path.push_str(id);
                let child = Node {
                    tree: parent.tree,
                    ids: parent.ids,
                    n: c,
                    path: &path,
                };
                out.serialize_entry(id, &child)?;
            }
            out.end()
        }
    }
    #[derive(serde::Serialize)]
    struct Attributes<'a> {
        #[serde(rename = "aws:cdk:cloudformation:type")]
        type_name: &'a str,
        #[serde(
            rename = "aws:cdk:cloudformation:logicalId",
            skip_serializing_if = "Option::is_none"
        )]
        logical_id: Option<&'a str>,
    }
    #[derive(serde::Serialize)]
    struct ConstructInfo {
        fqn: &'static str,
        version: &'static str,
    }
    #[derive(serde::Serialize)]
    struct TreeFile<'a> {
        version: &'static str,
        tree: Node<'a>,
    }

    let root = crate::core::tree::ROOT;
    let file = TreeFile {
        version: "tree-0.1",
        tree: Node {
            tree,
            ids: logical_ids,
            n: root,
            path: "",
        },
    };
    serde_json::to_string(&file).expect("serializing to memory cannot fail")
}

/// `<Stack>.metadata.json`: construct path -> metadata entries (logical IDs, warnings), in
/// breadth-first tree order as aws-cdk-lib lists them. The CLI maps logical IDs back to
/// construct paths with it and prints the warnings; aws-cdk-lib's `aws:cdk:creationStack`
/// traces are left out (they hold this machine's paths).
pub(crate) fn stack_metadata(
    tree: &Tree,
    stack: NodeId,
    logical_ids: &std::collections::HashMap<NodeId, String>,
) -> String {
    use std::borrow::Cow;

    #[derive(serde::Serialize)]
    struct Entry<'a> {
        #[serde(rename = "type")]
        kind: &'a str,
        data: Cow<'a, str>,
    }
    /// Path -> entries, in insertion order (serialized as a JSON object).
    struct Paths<'a>(Vec<(String, Vec<Entry<'a>>)>);
    impl serde::Serialize for Paths<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    let name = &tree.node(stack).id;
    let mut out: Vec<(String, Vec<Entry<'_>>)> = Vec::new();
    let mut level = vec![stack];
    let mut depth = 0;
    while !level.is_empty() {
        let mut next = Vec::new();
        for n in level {
            let node = tree.node(n);
            let mut entries: Vec<Entry<'_>> = Vec::new();
            if n == stack {
                entries.push(Entry {
                    kind: "aws:cdk:templateFile",
                    data: Cow::Owned(format!("{name}.template.json")),
                });
            }
            if let Some(id) = logical_ids.get(&n) {
                entries.push(Entry {
                    kind: "aws:cdk:logicalId",
                    data: Cow::Borrowed(id),
                });
            }
            for (kind, data) in &node.annotations {
                entries.push(Entry {
                    kind,
                    data: Cow::Borrowed(data),
                });
            }
            if !entries.is_empty() {
                out.push((format!("/{}", tree.path(n)), entries));
            }
            next.extend(
                node.children
                    .iter()
                    .filter(|c| tree.stack_of(**c) == Some(stack)),
            );
        }
        if depth == 1 || (depth == 0 && next.is_empty()) {
            // The synthesizer adds the bootstrap parameter and rule as the stack's last children.
            for id in ["BootstrapVersion", "CheckBootstrapVersion"] {
                let key = format!("/{}/{id}", tree.path(stack));
                let entries = vec![Entry {
                    kind: "aws:cdk:logicalId",
                    data: Cow::Borrowed(id),
                }];
                // A construct of the same path keeps its place and gets these entries.
                match out.iter_mut().find(|(k, _)| *k == key) {
                    Some(slot) => slot.1 = entries,
                    None => out.push((key, entries)),
                }
            }
        }
        level = next;
        depth += 1;
    }
    super::json::to_string_indented(&Paths(out), 2)
}
