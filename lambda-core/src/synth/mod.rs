//! Synthesis: prepare the tree, assign logical IDs, resolve, and write the cloud assembly.

pub(crate) mod collate;
pub(crate) mod emit;
pub(crate) mod ids;
pub(crate) mod json;
pub(crate) mod manifest;
pub mod resolve;
pub(crate) mod template;
pub(crate) mod writer;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::{Map, Value as Json};
use sha2::{Digest, Sha256};

use crate::core::stack::{Environment, FileAsset};
use crate::core::tree::{NodeKind, ROOT};
use crate::{App, Error, Result};

/// What `synth()` wrote.
#[derive(Clone, Debug)]
pub struct CloudAssembly {
    /// The assembly folder (`cdk.out` unless configured otherwise).
    pub directory: PathBuf,
    /// The stacks, in the order they were defined.
    pub stacks: Vec<StackArtifact>,
}

/// One synthesized stack.
#[derive(Clone, Debug)]
pub struct StackArtifact {
    /// The stack (and artifact) name.
    pub name: String,
    /// The template file name inside the assembly folder.
    pub template_file: String,
    template_text: String,
    /// Parsed on first use: synthesis writes text and most programs never look at it again.
    template: OnceLock<Json>,
}

impl StackArtifact {
    /// The template as written, parsed.
    pub fn template(&self) -> &Json {
        self.template.get_or_init(|| {
            serde_json::from_str(&self.template_text).expect("synthesis writes valid JSON")
        })
    }

    /// The template file's text, byte for byte.
    pub fn template_text(&self) -> &str {
        &self.template_text
    }
}

impl CloudAssembly {
    /// The template of the stack called `name`.
    pub fn template(&self, name: &str) -> Option<&Json> {
        self.stacks
            .iter()
            .find(|s| s.name == name)
            .map(StackArtifact::template)
    }
}

struct StackOutput {
    name: String,
    env: Environment,
    assets: Vec<FileAsset>,
    template_text: String,
    metadata: String,
}

pub(crate) fn synthesize(app: &App, outdir: &Path) -> Result<CloudAssembly> {
    prepare(app)?;
    let (stacks, tree_json, root_context) = {
        let tree = app.tree();
        let mut stacks = Vec::new();
        let mut ids = ids::LogicalIds::with_nodes(tree.nodes.len());
        for &n in &tree.node(ROOT).children {
            let NodeKind::Stack(data) = &tree.node(n).kind else {
                continue;
            };
            let elements = template::elements_of(&tree, n);
            template::logical_ids(&tree, n, &elements, &mut ids)?;
            let template_text = template::render(&tree, n, &elements, &ids)?;
            let metadata = manifest::stack_metadata(&tree, n, &ids);
            stacks.push(StackOutput {
                name: tree.node(n).id.clone(),
                env: data.env.clone(),
                assets: data.assets.clone(),
                template_text,
                metadata,
            });
        }
        let tree_json = manifest::tree_json(&tree, &ids);
        (stacks, tree_json, tree.root_context())
    };
    write_assembly(outdir, &stacks, &tree_json, &root_context)?;
    Ok(CloudAssembly {
        directory: outdir.to_path_buf(),
        stacks: stacks
            .into_iter()
            .map(|s| StackArtifact {
                template_file: format!("{}.template.json", s.name),
                name: s.name,
                template_text: s.template_text,
                template: OnceLock::new(),
            })
            .collect(),
    })
}

/// Runs every construct's prepare hook, including hooks that other hooks register.
fn prepare(app: &App) -> Result<()> {
    let mut next = 0;
    loop {
        let hook = {
            let tree = app.tree();
            match tree.prepare_hooks.get(next) {
                Some(h) => h.clone(),
                None => break,
            }
        };
        hook(app)?;
        next += 1;
    }
    // Hooks run once per synthesis: a second synth() renders from the same final state.
    app.tree_mut().prepare_hooks.drain(..next);
    Ok(())
}

fn write_assembly(
    outdir: &Path,
    stacks: &[StackOutput],
    tree_json: &str,
    root_context: &Map<String, Json>,
) -> Result<()> {
    let parent = match outdir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".lambda-cdk-synth-")
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?;
    let dir = staging.path();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755))
            .map_err(|e| Error::io(dir, e))?;
    }

    // Assets were fingerprinted when the code was bound; staging places them without hashing
    // again, reusing (hard-linking) a whole `asset.<hash>` of the assembly being replaced.
    let previous = outdir.is_dir().then_some(outdir);
    let mut artifacts = Map::new();
    for stack in stacks {
        for asset in &stack.assets {
            let planned = crate::assets::StagedAsset {
                hash: asset.hash.clone(),
                file_name: asset.file_name.clone(),
                packaging: asset.packaging,
                source_is_dir: asset.packaging == crate::assets::Packaging::Zip,
            };
            crate::assets::stage_planned(&asset.source, &asset.options, &planned, dir, previous)?;
        }
        let template_hash = manifest::hex(&Sha256::digest(stack.template_text.as_bytes()));
        write(
            dir,
            &format!("{}.template.json", stack.name),
            &stack.template_text,
        )?;
        let assets =
            manifest::asset_manifest(&stack.name, &stack.env, &stack.assets, &template_hash);
        write(
            dir,
            &format!("{}.assets.json", stack.name),
            &json::to_string_indented(&assets, 2),
        )?;
        write(
            dir,
            &format!("{}.metadata.json", stack.name),
            &stack.metadata,
        )?;
        manifest::stack_artifacts(&mut artifacts, &stack.name, &stack.env, &template_hash);
    }
    let manifest = manifest::manifest(artifacts, root_context);
    write(
        dir,
        "manifest.json",
        &json::to_string_indented(&manifest, 2),
    )?;
    write(dir, "tree.json", tree_json)?;
    write(
        dir,
        "cdk.out",
        &format!("{{\"version\":\"{}\"}}", manifest::SCHEMA_VERSION),
    )?;
    carry_over_locks(outdir, dir)?;
    swap_into_place(staging, outdir)
}

fn write(dir: &Path, name: &str, text: &str) -> Result<()> {
    let path = dir.join(name);
    fs::write(&path, text).map_err(|e| Error::io(path, e))
}

/// The CDK CLI keeps `*.lock` files in the outdir while it runs the app; they must survive.
fn carry_over_locks(outdir: &Path, dir: &Path) -> Result<()> {
    let Ok(entries) = fs::read_dir(outdir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().ends_with(".lock") {
            let to = dir.join(&name);
            fs::copy(entry.path(), &to).map_err(|e| Error::io(to, e))?;
        }
    }
    Ok(())
}

/// Replaces `outdir` by the finished assembly: old folder aside, new one in, old one removed.
fn swap_into_place(staging: tempfile::TempDir, outdir: &Path) -> Result<()> {
    let new_dir = staging.keep();
    if outdir.exists() {
        let parent = new_dir.parent().unwrap_or(Path::new("."));
        let trash = tempfile::Builder::new()
            .prefix(".lambda-cdk-old-")
            .tempdir_in(parent)
            .map_err(|e| Error::io(parent, e))?
            .keep();
        let aside = trash.join("assembly");
        fs::rename(outdir, &aside).map_err(|e| Error::io(outdir, e))?;
        if let Err(e) = fs::rename(&new_dir, outdir) {
            let _ = fs::rename(&aside, outdir);
            let _ = fs::remove_dir_all(&new_dir);
            let _ = fs::remove_dir_all(&trash);
            return Err(Error::io(outdir, e));
        }
        fs::remove_dir_all(&trash).map_err(|e| Error::io(trash, e))?;
    } else {
        fs::rename(&new_dir, outdir).map_err(|e| Error::io(outdir, e))?;
    }
    Ok(())
}
