//! aws-cdk-lib's `calculateFunctionHash`: the md5 that names `currentVersion`, so a new version
//! is published exactly when a version-locked property changes.

use md5::{Digest, Md5};
use serde_json::{Map, Value as Json};

use super::version_props::{prop, FunctionProperties, VersionProps};
use crate::core::flags::{RECOGNIZE_LAYER_VERSION, RECOGNIZE_VERSION_PROPS};
use crate::core::resolve::Resolver;
use crate::core::tree::NodeId;
use crate::synth::json::to_compact;
use crate::synth::manifest::hex;
use crate::synth::template::depends_on;
use crate::{Error, Result};

/// Computes a function's `currentVersion` hash once logical IDs are known.
pub(crate) type FunctionHasher = std::rc::Rc<dyn Fn(&Resolver<'_>) -> Result<String>>;

/// What the Lambda module keeps for the whole app, in the tree's extension slot.
#[derive(Default)]
pub(crate) struct FunctionRegistry {
    /// `Function::classify_version_property` calls: property -> version-locked.
    pub(crate) version_classifications: Vec<(String, bool)>,
    /// Each function's L1 and how to compute its version hash (no mixins), for
    /// `FunctionVersionUpgrade`.
    pub(crate) function_hashers: Vec<(NodeId, FunctionHasher)>,
}

/// The properties hashed first, in this order; the rest follow sorted.
const FIXED_ORDER: &[&str] = &[
    prop::CODE,
    prop::HANDLER,
    prop::ROLE,
    prop::RUNTIME,
    prop::ARCHITECTURES,
    prop::CODE_SIGNING_CONFIG_ARN,
    prop::DEAD_LETTER_CONFIG,
    prop::DESCRIPTION,
    prop::ENVIRONMENT,
    prop::EPHEMERAL_STORAGE,
    prop::FILE_SYSTEM_CONFIGS,
    prop::FUNCTION_NAME,
    prop::IMAGE_CONFIG,
    prop::KMS_KEY_ARN,
    prop::LAYERS,
    prop::MEMORY_SIZE,
    prop::PACKAGE_TYPE,
    prop::RESERVED_CONCURRENT_EXECUTIONS,
    prop::RUNTIME_MANAGEMENT_CONFIG,
    prop::SNAP_START,
    prop::TAGS,
    prop::TIMEOUT,
    prop::TRACING_CONFIG,
    prop::VPC_CONFIG,
];

/// The md5 (32 lowercase hex digits) of the function whose L1 is `function`, with `additional`
/// (the `invalidate_version_based_on` strings) and `layers_hash` (only under
/// `recognizeLayerVersion`) appended.
pub(crate) fn calculate_function_hash(
    r: &Resolver<'_>,
    function: NodeId,
    additional: &str,
    layers_hash: &dyn Fn(&Resolver<'_>) -> Result<String>,
) -> Result<String> {
    let element = r.tree.element(function).expect("a function L1");
    let deps = depends_on(r.tree, r.stack, function, r.ids);
    let rendered = r
        .resolve(&element.render(&deps, &r.render_metadata(function)))?
        .and_then(|j| j.as_object().cloned())
        .unwrap_or_default();
    let properties = rendered
        .get("Properties")
        .and_then(Json::as_object)
        .cloned()
        .unwrap_or_default();
    let mut stringified = if r.feature_flag(function, RECOGNIZE_VERSION_PROPS) {
        let classes = classification(r);
        let unclassified: Vec<&str> = properties
            .iter()
            .filter(|(k, v)| !v.is_null() && !classes.iter().any(|(n, _)| n == *k))
            .map(|(k, _)| k.as_str())
            .collect();
        if !unclassified.is_empty() {
            // aws-cdk-lib raises this inside two nested token resolutions, each of which wraps
            // the message as `Resolution error: <message>.`; the golden keeps both wrappings.
            return Err(Error::validation(
                "UnrecognizedVersionProperties",
                format!(
                    "Resolution error: Resolution error: The following properties are not recognized as version properties: [{}]. See the README of the aws-lambda module to learn more about this and to fix it...",
                    unclassified.join(",")
                ),
                // Named at the Function (the L1's parent), as aws-cdk-lib names it.
                r.tree
                    .path(r.tree.node(function).parent.unwrap_or(function)),
            ));
        }
        let locked: Map<String, Json> = properties
            .into_iter()
            .filter(|(k, _)| classes.iter().any(|(n, l)| n == k && *l))
            .collect();
        to_compact(&Json::Object(reorder(locked, FIXED_ORDER)))
    } else {
        let id = r.logical_id(function)?;
        let mut resource = rendered;
        if !properties.is_empty() {
            resource.insert(
                "Properties".into(),
                Json::Object(reorder(properties, FIXED_ORDER)),
            );
        }
        let mut resources = Map::new();
        resources.insert(id, Json::Object(resource));
        let mut template = Map::new();
        template.insert("Resources".into(), Json::Object(resources));
        to_compact(&Json::Object(template))
    };
    if r.feature_flag(function, RECOGNIZE_LAYER_VERSION) {
        stringified.push_str(&layers_hash(r)?);
    }
    stringified.push_str(additional);
    Ok(md5_hex(&stringified))
}

/// md5 of the UTF-8 bytes, lowercase hex.
pub(crate) fn md5_hex(text: &str) -> String {
    hex(&Md5::digest(text.as_bytes()))
}

/// aws-cdk-lib's table merged with the app's own classifications (later ones win).
fn classification(r: &Resolver<'_>) -> Vec<(String, bool)> {
    let mut classes: Vec<(String, bool)> = FunctionProperties::VERSION_PROPERTIES
        .iter()
        .map(|(n, l)| ((*n).to_owned(), *l))
        .collect();
    let registered = r.tree.extension::<FunctionRegistry>();
    for (name, locked) in registered.iter().flat_map(|x| &x.version_classifications) {
        match classes.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = *locked,
            None => classes.push((name.clone(), *locked)),
        }
    }
    classes
}

/// `properties` with the `fixed` keys first, in that order, then every other key in
/// JavaScript's default sort order (UTF-16 code units): how aws-cdk-lib orders what it hashes.
pub(crate) fn reorder(mut properties: Map<String, Json>, fixed: &[&str]) -> Map<String, Json> {
    let mut sorted = Map::new();
    for key in fixed {
        if let Some(v) = properties.remove(*key) {
            sorted.insert((*key).to_owned(), v);
        }
    }
    let mut rest: Vec<(String, Json)> = properties.into_iter().collect();
    rest.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    sorted.extend(rest);
    sorted
}

/// Keeps the last `n` characters of `s` (aws-cdk-lib's `trimFromStart`).
pub(crate) fn trim_from_start(s: &str, n: usize) -> &str {
    let len = s.chars().count();
    if len <= n {
        return s;
    }
    let skip = len - n;
    let start = s.char_indices().nth(skip).map_or(s.len(), |(i, _)| i);
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_layer_config_hash() {
        assert_eq!(md5_hex("{}"), "99914b932bd37a50b983c5e7c90ae93b");
    }

    #[test]
    fn trims_from_the_start() {
        assert_eq!(trim_from_start("abcdef", 3), "def");
        assert_eq!(trim_from_start("ab", 3), "ab");
    }
}
