//! Cloud assembly files besides templates: asset manifests, `manifest.json`, `tree.json`.

use serde_json::{json, Map, Value as Json};
use sha2::{Digest, Sha256};

use super::ids::LogicalIds;
use super::json::to_compact;
use super::writer::{is_plain, JsonWriter};
use crate::core::element::Section;
use crate::core::flags;
use crate::core::stack::{Environment, FileAsset};
use crate::core::tree::{path_of, Node, NodeId, Shape, ROOT};

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
    stack_dependencies: &[String],
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
    // The stacks this one depends on, then its asset manifest.
    let mut dependencies: Vec<Json> = stack_dependencies
        .iter()
        .map(|d| d.as_str().into())
        .collect();
    dependencies.push(assets_id.as_str().into());
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
            "dependencies": dependencies,
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
/// attributes and construct info, written from the tree straight into the text.
pub(crate) fn tree_json(w: &mut JsonWriter<'_>, nodes: &[Node], ids: &LogicalIds) {
    w.begin_object();
    w.key("version");
    w.string("tree-0.1");
    w.key("tree");
    let mut path = String::new();
    tree_node(w, nodes, ids, ROOT, &mut path, true);
    w.end_object();
}

/// One node of `tree.json`; `path` is the node's path, and is left as it was given. Most ids,
/// and so most paths, need no escaping: `path_is_plain` says whether this one does not.
fn tree_node(
    w: &mut JsonWriter<'_>,
    nodes: &[Node],
    ids: &LogicalIds,
    n: NodeId,
    path: &mut String,
    path_is_plain: bool,
) {
    let node = &nodes[n.0];
    w.begin_object();
    w.plain_key("id");
    w.string(if n == ROOT { "App" } else { &node.id });
    w.plain_key("path");
    if path_is_plain {
        w.plain_string(path);
    } else {
        w.string(path);
    }
    if !node.children.is_empty() {
        w.plain_key("children");
        w.begin_object();
        let len = path.len();
        for &c in &node.children {
            let id = &nodes[c.0].id;
            let id_is_plain = is_plain(id);
            if len > 0 {
                path.push('/');
            }
            path.push_str(id);
            if id_is_plain {
                w.plain_key(id);
            } else {
                w.key(id);
            }
            tree_node(w, nodes, ids, c, path, path_is_plain && id_is_plain);
            path.truncate(len);
        }
        w.end_object();
    }
    if node.shape == Shape::Element(Section::Resources) {
        w.plain_key("attributes");
        w.begin_object();
        w.plain_key("aws:cdk:cloudformation:type");
        w.string(&node.cfn_type);
        if let Some(id) = ids.get(n) {
            w.plain_key("aws:cdk:cloudformation:logicalId");
            // Logical IDs are letters and digits (checked when assigned).
            w.plain_string(id);
        }
        w.end_object();
    }
    w.plain_key("constructInfo");
    w.begin_object();
    w.plain_key("fqn");
    w.plain_string(node.fqn);
    w.plain_key("version");
    w.plain_string("2.276.0");
    w.end_object();
    w.end_object();
}

/// `<Stack>.metadata.json`: construct path -> metadata entries (logical IDs, warnings), in
/// breadth-first tree order as aws-cdk-lib lists them. The CLI maps logical IDs back to
/// construct paths with it and prints the warnings; aws-cdk-lib's `aws:cdk:creationStack`
/// traces are left out (they hold this machine's paths).
pub(crate) fn stack_metadata(
    w: &mut JsonWriter<'_>,
    nodes: &[Node],
    stack: NodeId,
    ids: &LogicalIds,
) {
    fn entry(w: &mut JsonWriter<'_>, kind: &str, data: &str) {
        w.item();
        w.begin_object();
        w.plain_key("type");
        w.plain_string(kind);
        w.plain_key("data");
        w.string(data);
        w.end_object();
    }
    /// The synthesizer adds these as the stack's last children.
    const BOOTSTRAP: [&str; 2] = ["BootstrapVersion", "CheckBootstrapVersion"];

    let name = &nodes[stack.0].id;
    let stack_path = format!("/{}", path_of(nodes, stack));
    w.begin_object();
    // A breadth-first level: nodes with their paths, kept in one buffer per level.
    let mut level: Vec<(NodeId, std::ops::Range<usize>)> = vec![(stack, 0..stack_path.len())];
    let mut paths = stack_path.clone();
    let mut depth = 0;
    while !level.is_empty() {
        let mut next = Vec::new();
        let mut next_paths = String::new();
        let mut bootstrap_written = [false; 2];
        for (n, range) in &level {
            let node = &nodes[n.0];
            let path = &paths[range.clone()];
            let logical_id = ids.get(*n);
            let bootstrap = (depth == 1)
                .then(|| BOOTSTRAP.iter().position(|b| *b == node.id))
                .flatten();
            if *n == stack || logical_id.is_some() || !node.annotations().is_empty() {
                w.key(path);
                w.begin_array();
                if let Some(b) = bootstrap {
                    // A construct of the same path keeps its place and gets the synthesizer's entry.
                    entry(w, "aws:cdk:logicalId", BOOTSTRAP[b]);
                    bootstrap_written[b] = true;
                } else {
                    if *n == stack {
                        entry(w, "aws:cdk:templateFile", &format!("{name}.template.json"));
                    }
                    if let Some(id) = logical_id {
                        entry(w, "aws:cdk:logicalId", id);
                    }
                    for (kind, data) in node.annotations() {
                        entry(w, kind, data);
                    }
                }
                w.end_array();
            }
            for &c in &node.children {
                let child = &nodes[c.0];
                if child.is_stack() {
                    continue;
                }
                let start = next_paths.len();
                next_paths.push_str(path);
                next_paths.push('/');
                next_paths.push_str(&child.id);
                next.push((c, start..next_paths.len()));
            }
        }
        if depth == 1 || (depth == 0 && next.is_empty()) {
            for (b, id) in BOOTSTRAP.iter().enumerate() {
                if !bootstrap_written[b] {
                    w.key(&format!("{stack_path}/{id}"));
                    w.begin_array();
                    entry(w, "aws:cdk:logicalId", id);
                    w.end_array();
                }
            }
        }
        level = next;
        paths = next_paths;
        depth += 1;
    }
    w.end_object();
}
