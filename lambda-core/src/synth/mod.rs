//! Synthesis: prepare the tree, assign logical IDs, resolve, and write the cloud assembly.

pub(crate) mod collate;
pub(crate) mod emit;
pub(crate) mod ids;
pub(crate) mod json;
pub(crate) mod lock;
pub(crate) mod manifest;
pub(crate) mod outdir;
pub(crate) mod output;
pub(crate) mod references;
pub mod resolve;
pub(crate) mod template;
pub(crate) mod tree_json;
pub mod tree_props;
pub(crate) mod tree_shadow;
pub(crate) mod writer;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{Map, Value as Json};

use crate::assets::log;
use crate::core::stack::{Environment, FileAsset};
use crate::core::tree::ROOT;
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
    directory: PathBuf,
    /// Read on first use, as aws-cdk-lib's cloud assembly API reads it: synthesis streams
    /// templates to disk, and most programs never look at them again.
    template: OnceLock<Json>,
}

impl StackArtifact {
    /// The template file's path.
    pub fn template_path(&self) -> PathBuf {
        self.directory.join(&self.template_file)
    }

    /// The template as written, read from the assembly folder and parsed on first use. Fails if
    /// the file was removed, or changed into something that is not JSON, after synthesis.
    pub fn template(&self) -> Result<&Json> {
        if let Some(t) = self.template.get() {
            return Ok(t);
        }
        let template = self.read_template()?;
        Ok(self.template.get_or_init(|| template))
    }

    /// Reads and parses the template file again.
    pub fn read_template(&self) -> Result<Json> {
        let path = self.template_path();
        let text = fs::read_to_string(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        serde_json::from_str(&text)
            .map_err(|e| Error::Synth(format!("{} is not JSON: {e}", path.display())))
    }
}

impl CloudAssembly {
    /// The template of the stack called `name`.
    pub fn template(&self, name: &str) -> Result<&Json> {
        self.stacks
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| Error::Synth(format!("the assembly has no stack named {name}")))?
            .template()
    }
}

struct StackOutput {
    node: crate::core::tree::NodeId,
    name: String,
    /// The artifact ids of the stacks this one depends on, in the order added.
    dependencies: Vec<String>,
    env: Environment,
    assets: Vec<FileAsset>,
    /// The stack's own tags (`Tags::of` the stack or the app), deployed with it.
    tags: Vec<(String, String)>,
}

/// Phase timings for `LAMBDA_CDK_LOG=debug`.
struct Phases {
    start: Instant,
    last: Instant,
    done: Vec<(&'static str, Duration)>,
    other: Vec<(&'static str, Duration)>,
}

impl Phases {
    fn new() -> Self {
        let now = Instant::now();
        Phases {
            start: now,
            last: now,
            done: Vec::new(),
            other: Vec::new(),
        }
    }

    /// Ends the phase `name` (phases of the same name add up).
    fn end(&mut self, name: &'static str) {
        let now = Instant::now();
        let took = now - self.last;
        self.last = now;
        match self.done.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 += took,
            None => self.done.push((name, took)),
        }
    }

    /// A phase that ran on another thread, reported apart.
    fn other(&mut self, name: &'static str, took: Duration) {
        self.other.push((name, took));
    }

    fn log(&self, elements: usize) {
        if !log::debug_enabled() {
            return;
        }
        let phases: Vec<String> = self
            .done
            .iter()
            .map(|(name, took)| format!("{name} {}", log::ms(*took)))
            .chain(
                self.other
                    .iter()
                    .map(|(name, took)| format!("[{name} {}]", log::ms(*took))),
            )
            .collect();
        log::debug(format_args!(
            "synth: {elements} elements in {}: {}",
            log::ms(self.start.elapsed()),
            phases.join(", ")
        ));
    }
}

impl App {
    /// Writes the cloud assembly (templates, asset manifests, `manifest.json`, staged assets)
    /// into [`App::outdir`]. The assembly is built in a temporary folder and renamed into place,
    /// so a failed synthesis leaves the previous one intact.
    pub fn synth(&self) -> Result<CloudAssembly> {
        self.context_error()?;
        synthesize(self, &self.outdir())
    }

    /// Synthesizes into `outdir` instead of the app's own output folder.
    pub fn synth_to(&self, outdir: &Path) -> Result<CloudAssembly> {
        self.context_error()?;
        synthesize(self, outdir)
    }
}

/// Elements from which synthesis spreads its work over a second thread (below, starting one
/// costs more than it saves).
pub(crate) const THREADS_FROM: usize = 1024;

pub(crate) fn synthesize(app: &App, outdir: &Path) -> Result<CloudAssembly> {
    let result = synthesize_into(app, outdir);
    // Assets staged while they were hashed and not used (or not usable) now.
    crate::assets::discard_staged_early(outdir, result.is_err());
    result
}

fn synthesize_into(app: &App, outdir: &Path) -> Result<CloudAssembly> {
    let mut phases = Phases::new();
    prepare(app)?;
    phases.end("prepare");
    references::wire_references(app)?;
    phases.end("cross-stack references");
    let mut target = outdir::Outdir::open(outdir)?;
    crate::assets::exclude_from_assets(outdir);
    let dir = &target.temp().to_path_buf();
    let tree = app.tree();
    // Every stack's logical IDs first: tree.json names them all.
    let mut ids = ids::LogicalIds::with_nodes(tree.nodes.len());
    let mut stacks = Vec::new();
    let mut stack_elements = Vec::new();
    for &n in &tree.node(ROOT).children {
        let Some(data) = tree.stack_data(n) else {
            continue;
        };
        let elements = template::elements_of(&tree, n);
        crate::core::stack::check_resource_limit(&tree, n, &elements)?;
        template::logical_ids(&tree, n, &elements, &mut ids)?;
        stacks.push(StackOutput {
            node: n,
            name: tree.node(n).id.clone(),
            dependencies: tree
                .cross_stack
                .dependencies_of(n)
                .map(|d| tree.node(d).id.clone())
                .collect(),
            env: data.env.clone(),
            assets: data.assets.clone(),
            tags: crate::core::tags::stack_tags(&tree, n),
        });
        stack_elements.push(elements);
    }
    let element_count: usize = stack_elements.iter().map(Vec::len).sum();
    phases.end("logical IDs");
    let threaded = element_count >= THREADS_FROM;
    // Declared after `target`, so an error drops (joins) it before the folder is removed.
    let mut files = output::FileWriter::start(threaded)?;
    let ids = &ids;
    let nodes = &tree.nodes[..];
    // tree.json's resource properties are written beside the templates, into `props`.
    let write_templates =
        |files: &mut output::FileWriter, props: &mut Option<tree_json::PropsSink>| -> Result<()> {
            for (i, (stack, elements)) in stacks.iter().zip(&stack_elements).enumerate() {
                let path = dir.join(format!("{}.template.json", stack.name));
                files.json(&path, " ", Some(i), |w| {
                    w.attach_tree_props(props.take());
                    let rendered = template::render(w, &tree, stack.node, elements, ids);
                    *props = w.detach_tree_props();
                    rendered
                })?;
            }
            Ok(())
        };
    let (props, props_feed) = tree_json::props_pipe(threaded);
    let mut props = Some(props);
    let write_plain = |props: tree_json::PropsFeed| -> Result<()> {
        for stack in &stacks {
            let path = dir.join(format!("{}.metadata.json", stack.name));
            let render = |w: &mut writer::JsonWriter<'_>| {
                manifest::stack_metadata(w, nodes, stack.node, ids);
                Ok(())
            };
            output::write_json_file(&path, "  ", render, |_| {})?;
        }
        let render = |w: &mut writer::JsonWriter<'_>| {
            tree_json::tree_json(w, nodes, ids, props);
            Ok(())
        };
        output::write_json_file(&dir.join("tree.json"), "", render, |_| {})
    };
    if threaded {
        // Templates and tree.json's resource properties need the constructs' lazy values, so
        // they are rendered here; the stack metadata and the rest of tree.json need only the
        // plain node data, so another thread writes them meanwhile.
        let other_thread = std::thread::scope(|scope| -> Result<Duration> {
            let plain = scope.spawn(move || {
                let start = Instant::now();
                write_plain(props_feed).map(|()| start.elapsed())
            });
            // Moved in: an error drops it, which closes the feed the other thread waits on.
            let mut props = props;
            write_templates(&mut files, &mut props)?;
            if let Some(props) = props {
                props.finish();
            }
            phases.end("templates");
            plain
                .join()
                .unwrap_or_else(|_| Err(Error::Synth("the tree.json writer panicked".into())))
        })?;
        phases.other(
            "tree.json and stack metadata, beside the templates",
            other_thread,
        );
    } else {
        write_templates(&mut files, &mut props)?;
        phases.end("templates");
        let feed = props.map(tree_json::PropsSink::finish);
        write_plain(feed.unwrap_or(props_feed))?;
        phases.end("tree.json and stack metadata");
    }
    let root_context = tree.root_context();
    drop(tree);
    let mut template_hashes = vec![String::new(); stacks.len()];
    for (i, digest) in files.finish()? {
        template_hashes[i] = manifest::hex(&digest);
    }
    phases.end("writing");
    write_assembly(&mut target, &stacks, &template_hashes, &root_context)?;
    target.commit()?;
    phases.end("assets and manifests");
    phases.log(element_count);
    Ok(CloudAssembly {
        directory: outdir.to_path_buf(),
        stacks: stacks
            .into_iter()
            .map(|s| StackArtifact {
                template_file: format!("{}.template.json", s.name),
                name: s.name,
                directory: outdir.to_path_buf(),
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

/// Everything besides the templates, metadata and tree: staged assets, asset manifests,
/// `manifest.json` and the `cdk.out` marker.
fn write_assembly(
    target: &mut outdir::Outdir,
    stacks: &[StackOutput],
    template_hashes: &[String],
    root_context: &Map<String, Json>,
) -> Result<()> {
    let dir = &target.temp().to_path_buf();
    // Assets were fingerprinted when the code was bound; staging copies the files that were
    // hashed, or keeps a whole `asset.<hash>` of the assembly being replaced where it is.
    let previous = target.path().to_path_buf();
    let mut artifacts = Map::new();
    for (stack, template_hash) in stacks.iter().zip(template_hashes) {
        for asset in &stack.assets {
            let planned = crate::assets::StagedAsset {
                hash: asset.hash.clone(),
                file_name: asset.file_name.clone(),
                packaging: asset.packaging,
                source_is_dir: asset.packaging == crate::assets::Packaging::Zip,
            };
            let placed = crate::assets::stage_planned(
                &asset.source,
                &asset.options,
                &planned,
                dir,
                Some(&previous),
            )?;
            if placed == crate::assets::Placed::Kept {
                target.keep(&planned.file_name);
            }
        }
        let assets =
            manifest::asset_manifest(&stack.name, &stack.env, &stack.assets, template_hash);
        write(
            dir,
            &format!("{}.assets.json", stack.name),
            &json::to_string_indented(&assets, 2),
        )?;
        manifest::stack_artifacts(
            &mut artifacts,
            &stack.name,
            &stack.env,
            template_hash,
            &stack.dependencies,
            &stack.tags,
        );
    }
    let manifest = manifest::manifest(artifacts, root_context);
    write(
        dir,
        "manifest.json",
        &json::to_string_indented(&manifest, 2),
    )?;
    write(
        dir,
        "cdk.out",
        &format!("{{\"version\":\"{}\"}}", manifest::SCHEMA_VERSION),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> Result<()> {
    let path = dir.join(name);
    fs::write(&path, text).map_err(|e| Error::io(path, e))
}
