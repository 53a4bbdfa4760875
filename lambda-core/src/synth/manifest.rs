//! Cloud assembly files besides templates: asset manifests, `manifest.json`, stack metadata
//! (`tree.json` is [`tree_json`](super::tree_json)'s).

use serde_json::{json, Map, Value as Json};
use sha2::{Digest, Sha256};

use super::ids::LogicalIds;
use super::json::to_compact;
use super::writer::JsonWriter;
use crate::core::flags;
use crate::core::stack::{Environment, FileAsset};
use crate::core::tree::{path_of, Node, NodeId};

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
    publishing_destination(
        [
            (
                "bucketName",
                specialize(crate::core::stack::ASSETS_BUCKET, env),
            ),
            ("objectKey", object_key.to_owned()),
        ],
        "file-publishing",
        env,
    )
}

/// A destination as the default synthesizer writes it: where (`location`), then the region
/// and the publishing role, named `<account>-<region>-<first 8 hex of its sha256>`.
fn publishing_destination(
    location: [(&str, String); 2],
    role: &str,
    env: &Environment,
) -> (String, Json) {
    let mut dest = Map::new();
    for (key, value) in location {
        dest.insert(key.into(), value.into());
    }
    if let Some(region) = &env.region {
        dest.insert("region".into(), region.clone().into());
    }
    dest.insert(
        "assumeRoleArn".into(),
        specialize(&role_arn(role), env).into(),
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
    let mut docker_images = Map::new();
    for asset in assets {
        if let Some(docker) = &asset.docker {
            docker_images.insert(asset.hash.clone(), docker_image_entry(asset, docker, env));
            continue;
        }
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
    json!({"version": SCHEMA_VERSION, "files": files, "dockerImages": docker_images})
}

/// A `dockerImages` entry: the staged build context, pushed to the bootstrap's
/// container-assets repository with the asset hash as tag.
fn docker_image_entry(
    asset: &FileAsset,
    docker: &crate::assets::docker::DockerImageSource,
    env: &Environment,
) -> Json {
    let (id, dest) = publishing_destination(
        [
            (
                "repositoryName",
                specialize(crate::core::stack::CONTAINER_ASSETS_REPOSITORY, env),
            ),
            ("imageTag", asset.hash.clone()),
        ],
        "image-publishing",
        env,
    );
    let mut destinations = Map::new();
    destinations.insert(id, dest);
    json!({
        "displayName": asset.display_name,
        "source": crate::assets::docker::manifest_source(&asset.file_name, docker),
        "destinations": destinations,
    })
}

/// The two artifacts of a stack: its asset manifest and the stack itself.
pub(crate) fn stack_artifacts(
    artifacts: &mut Map<String, Json>,
    stack_name: &str,
    env: &Environment,
    template_hash: &str,
    stack_dependencies: &[String],
    tags: &[(String, String)],
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
    let mut properties = Map::new();
    properties.insert(
        "templateFile".into(),
        format!("{stack_name}.template.json").into(),
    );
    properties.insert("terminationProtection".into(), false.into());
    if !tags.is_empty() {
        // CloudFormation applies a stack's tags to every resource it creates.
        let tags: Map<String, Json> = tags
            .iter()
            .map(|(k, v)| (k.clone(), Json::from(v.as_str())))
            .collect();
        properties.insert("tags".into(), tags.into());
    }
    if let Json::Object(rest) = json!({
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
    }) {
        properties.extend(rest);
    }
    artifacts.insert(
        stack_name.to_owned(),
        json!({
            "type": "aws:cloudformation:stack",
            "environment": environment,
            "properties": properties,
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
            if *n == stack
                || logical_id.is_some()
                || !node.annotations().is_empty()
                || !node.acknowledged().is_empty()
            {
                w.key(path);
                w.begin_array();
                if let Some(b) = bootstrap {
                    // A construct of the same path keeps its place and gets the synthesizer's entry.
                    entry(w, "aws:cdk:logicalId", BOOTSTRAP[b]);
                    bootstrap_written[b] = true;
                } else {
                    if !node.acknowledged().is_empty() {
                        w.item();
                        w.begin_object();
                        w.plain_key("type");
                        w.plain_string("aws:cdk:acknowledged-rules");
                        w.plain_key("data");
                        w.begin_object();
                        for (rule, reason) in node.acknowledged() {
                            w.key(rule);
                            w.string(reason);
                        }
                        w.end_object();
                        w.end_object();
                    }
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
