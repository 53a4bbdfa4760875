//! Docker image assets (aws-cdk-lib's `DockerImageAsset`): a build context directory,
//! fingerprinted and staged like a directory asset (the `.dockerignore`, the Dockerfile and the
//! build options decide the hash, as aws-cdk-lib's rules do), and listed under `dockerImages` in
//! `<stack>.assets.json` for the CDK CLI to build and push at deploy time. No Docker engine is
//! needed to synthesize.

use std::path::Path;

use serde_json::{json, Map, Value as Json};

use super::jspath;
use super::options::{FingerprintOptions, IgnoreMode};
use super::StagedAsset;
use crate::{Error, Result};

/// The version aws-cdk-lib 2.276.0 mixes into every Docker image asset hash.
const DOCKER_ASSET_HASH_VERSION: &str = "1.21.0";

/// How a Docker image asset is built (aws-cdk-lib's `DockerImageAssetOptions`, the subset
/// Lambda image functions use).
#[derive(Clone, Debug, Default)]
pub struct DockerImageAssetOptions {
    /// `--build-arg` values, in the order given.
    pub build_args: Vec<(String, String)>,
    /// The Dockerfile stage to build (`--target`).
    pub target: Option<String>,
    /// The Dockerfile, relative to the directory; `Dockerfile` when unset.
    pub file: Option<String>,
    /// The platform to build for (`linux/arm64`); a function's architecture sets it when unset.
    pub platform: Option<String>,
    /// Paths left out of the build context (read according to `ignore_mode`).
    pub exclude: Vec<String>,
    /// How `exclude` and `.dockerignore` are read; `.dockerignore` semantics when unset.
    pub ignore_mode: Option<IgnoreMode>,
    /// Extra text mixed into the hash.
    pub extra_hash: Option<String>,
}

/// What the CDK CLI needs to build the image (the `source` of its `dockerImages` entry).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DockerImageSource {
    pub(crate) build_args: Vec<(String, String)>,
    pub(crate) target: Option<String>,
    pub(crate) file: Option<String>,
    pub(crate) platform: Option<String>,
}

/// A planned Docker image asset: its staging plan, the options to stage it with, and its
/// build options.
pub(crate) struct PlannedDockerImage {
    pub(crate) staged: StagedAsset,
    pub(crate) fingerprint: FingerprintOptions,
    pub(crate) source: DockerImageSource,
}

/// Checks the directory and its Dockerfile, and fingerprints the build context as aws-cdk-lib
/// does: `.dockerignore` lines, then `exclude`, then `!.dockerignore` and `!<Dockerfile>` (both
/// always in the context), with the build options as JSON in the extra hash. Errors carry
/// aws-cdk-lib's codes and messages and `construct_path` (the asset's).
pub(crate) fn plan_docker_image(
    directory: &Path,
    options: &DockerImageAssetOptions,
    outdir: &Path,
    construct_path: &str,
) -> Result<PlannedDockerImage> {
    let dir = jspath::resolve(directory).map_err(|source| Error::Read {
        path: directory.to_path_buf(),
        source,
    })?;
    if !dir.exists() {
        return Err(Error::validation(
            "CannotFindImageDirectory",
            format!("Cannot find image directory at {}", dir.display()),
            construct_path,
        ));
    }
    let dockerfile = options.file.as_deref().unwrap_or("Dockerfile");
    let file = dir.join(dockerfile);
    if !file.exists() {
        return Err(Error::validation(
            "CannotFindFile",
            format!("Cannot find file at {}", file.display()),
            construct_path,
        ));
    }
    let mut exclude = options.exclude.clone();
    let ignore = dir.join(".dockerignore");
    if ignore.exists() {
        let text = std::fs::read_to_string(&ignore).map_err(|source| Error::Read {
            path: ignore.clone(),
            source,
        })?;
        let mut from_file: Vec<String> = text
            .split('\n')
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        from_file.append(&mut exclude);
        from_file.push("!.dockerignore".into());
        exclude = from_file;
    }
    let base = Path::new(dockerfile).file_name().map_or_else(
        || dockerfile.to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    exclude.push(format!("!{base}"));
    // aws-cdk-lib also excludes the outdir; only one inside the context can match anything.
    if let Ok(inside) = jspath::resolve(outdir)
        .map_err(drop)
        .and_then(|o| o.strip_prefix(&dir).map(Path::to_path_buf).map_err(drop))
    {
        exclude.push(inside.to_string_lossy().into_owned());
    }

    let fingerprint = FingerprintOptions {
        exclude,
        ignore_mode: options.ignore_mode.unwrap_or(IgnoreMode::Docker),
        extra_hash: Some(extra_hash(options)),
        ..FingerprintOptions::default()
    };
    let staged = super::plan_in(&dir, &fingerprint, outdir)?;
    Ok(PlannedDockerImage {
        staged,
        fingerprint,
        source: DockerImageSource {
            build_args: options.build_args.clone(),
            target: options.target.clone(),
            file: options.file.clone(),
            platform: options.platform.clone(),
        },
    })
}

/// The extra hash aws-cdk-lib gives a Docker image asset: the build options that change the
/// image, as compact JSON in its key order, and its version.
fn extra_hash(options: &DockerImageAssetOptions) -> String {
    let mut hash = Map::new();
    if let Some(user) = &options.extra_hash {
        hash.insert("user".into(), user.clone().into());
    }
    if !options.build_args.is_empty() {
        hash.insert("buildArgs".into(), string_map(&options.build_args));
    }
    if let Some(target) = &options.target {
        hash.insert("target".into(), target.clone().into());
    }
    if let Some(file) = &options.file {
        hash.insert("file".into(), file.clone().into());
    }
    if let Some(platform) = &options.platform {
        hash.insert("platform".into(), json!({ "platform": platform }));
    }
    hash.insert("version".into(), DOCKER_ASSET_HASH_VERSION.into());
    Json::Object(hash).to_string()
}

fn string_map(entries: &[(String, String)]) -> Json {
    Json::Object(
        entries
            .iter()
            .map(|(k, v)| (k.clone(), Json::from(v.as_str())))
            .collect(),
    )
}

/// The `source` of the asset's `dockerImages` entry, in aws-cdk-lib's key order.
pub(crate) fn manifest_source(directory: &str, source: &DockerImageSource) -> Json {
    let mut s = Map::new();
    s.insert("directory".into(), directory.into());
    if !source.build_args.is_empty() {
        s.insert("dockerBuildArgs".into(), string_map(&source.build_args));
    }
    if let Some(target) = &source.target {
        s.insert("dockerBuildTarget".into(), target.clone().into());
    }
    if let Some(file) = &source.file {
        s.insert("dockerFile".into(), file.clone().into());
    }
    if let Some(platform) = &source.platform {
        s.insert("platform".into(), platform.clone().into());
    }
    Json::Object(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_hash_in_aws_cdk_libs_order() {
        let options = DockerImageAssetOptions {
            build_args: vec![("PY".into(), "3.13".into())],
            platform: Some("linux/arm64".into()),
            target: Some("prod".into()),
            ..DockerImageAssetOptions::default()
        };
        assert_eq!(
            extra_hash(&options),
            r#"{"buildArgs":{"PY":"3.13"},"target":"prod","platform":{"platform":"linux/arm64"},"version":"1.21.0"}"#
        );
        assert_eq!(
            extra_hash(&DockerImageAssetOptions::default()),
            r#"{"version":"1.21.0"}"#
        );
    }
}
