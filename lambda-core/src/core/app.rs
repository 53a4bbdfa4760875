//! The app: root of the construct tree, owner of the context and the output folder.

use std::cell::{Ref, RefCell, RefMut};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde_json::{Map, Value as Json};

use super::construct::{Construct, ConstructNode};
use super::tree::{Tree, ROOT};
use crate::{Error, Result};

/// Environment variable the CDK CLI sets to the output folder.
pub const OUTDIR_ENV: &str = "CDK_OUTDIR";
/// Environment variable the CDK CLI sets to the context, as JSON.
pub const CONTEXT_ENV: &str = "CDK_CONTEXT_JSON";
/// Environment variable naming a file holding the context when it is too large for the env.
pub const CONTEXT_OVERFLOW_ENV: &str = "CONTEXT_OVERFLOW_LOCATION_ENV";
/// Where the assembly goes when nothing says otherwise.
pub const DEFAULT_OUTDIR: &str = "cdk.out";

/// The root of a CDK app. Cheap to clone: clones share the same tree.
///
/// Like aws-cdk-lib's `App`, it reads `CDK_OUTDIR` and `CDK_CONTEXT_JSON` (or the CLI's
/// overflow file), so `cdk synth` / `cdk deploy` can run it with `"app": "cargo run ..."`.
#[derive(Clone)]
pub struct App {
    inner: Rc<AppInner>,
}

struct AppInner {
    tree: RefCell<Tree>,
    outdir: RefCell<PathBuf>,
    context: RefCell<ContextLayers>,
}

/// The app's context, by precedence (lowest first), as aws-cdk-lib's `App` merges it.
#[derive(Default)]
struct ContextLayers {
    in_code: Map<String, Json>,
    from_env: Map<String, Json>,
    post_cli: Map<String, Json>,
    env_error: Option<String>,
}

impl ContextLayers {
    fn merged(&self) -> Map<String, Json> {
        let mut merged = self.in_code.clone();
        for layer in [&self.from_env, &self.post_cli] {
            for (k, v) in layer {
                merged.insert(k.clone(), v.clone());
            }
        }
        merged
    }
}

impl Default for App {
    fn default() -> Self {
        Self::from_env()
    }
}

impl App {
    /// An app configured from the environment, as the CDK CLI runs it.
    pub fn from_env() -> Self {
        let outdir = std::env::var_os(OUTDIR_ENV)
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_OUTDIR));
        let mut layers = ContextLayers::default();
        match read_env_context() {
            Ok(ctx) => layers.from_env = ctx,
            Err(e) => layers.env_error = Some(e),
        }
        let app = App {
            inner: Rc::new(AppInner {
                tree: RefCell::new(Tree::new()),
                outdir: RefCell::new(outdir),
                context: RefCell::new(layers),
            }),
        };
        app.refresh_root_context();
        app
    }

    /// Same as [`App::from_env`]: a new app always honours the CLI's environment.
    pub fn new() -> Self {
        Self::from_env()
    }

    /// Sets the output folder (instead of `CDK_OUTDIR` / `cdk.out`).
    pub fn with_outdir(self, outdir: impl Into<PathBuf>) -> Self {
        *self.inner.outdir.borrow_mut() = outdir.into();
        self
    }

    /// The folder `synth()` writes the assembly to.
    pub fn outdir(&self) -> PathBuf {
        self.inner.outdir.borrow().clone()
    }

    /// Context given in code: the CLI's context (`CDK_CONTEXT_JSON`) wins over it, as the
    /// `context` prop of aws-cdk-lib's `App` does.
    pub fn set_context(&self, key: impl Into<String>, value: impl Into<Json>) {
        self.inner
            .context
            .borrow_mut()
            .in_code
            .insert(key.into(), value.into());
        self.refresh_root_context();
    }

    /// Context that wins over the CLI's (aws-cdk-lib's `postCliContext`).
    pub fn set_post_cli_context(&self, key: impl Into<String>, value: impl Into<Json>) {
        self.inner
            .context
            .borrow_mut()
            .post_cli
            .insert(key.into(), value.into());
        self.refresh_root_context();
    }

    fn refresh_root_context(&self) {
        let merged = self.inner.context.borrow().merged();
        self.tree_mut().set_root_context(merged);
    }

    /// The error reading the CLI's context gave, if any: synthesis reports it (`App::synth`
    /// lives with the synthesis code).
    pub(crate) fn context_error(&self) -> Result<()> {
        match &self.inner.context.borrow().env_error {
            Some(e) => Err(Error::Context(e.clone())),
            None => Ok(()),
        }
    }

    pub(crate) fn tree(&self) -> Ref<'_, Tree> {
        self.inner.tree.borrow()
    }

    pub(crate) fn tree_mut(&self) -> RefMut<'_, Tree> {
        self.inner.tree.borrow_mut()
    }
}

impl Construct for App {
    fn node(&self) -> ConstructNode {
        ConstructNode::new(self, ROOT)
    }
}

fn read_env_context() -> std::result::Result<Map<String, Json>, String> {
    let mut context = Map::new();
    let mut merge = |text: &str, source: &str| -> std::result::Result<(), String> {
        match serde_json::from_str::<Json>(text) {
            Ok(Json::Object(map)) => {
                context.extend(map);
                Ok(())
            }
            Ok(_) => Err(format!("{source} must hold a JSON object")),
            Err(e) => Err(format!("{source} is not valid JSON: {e}")),
        }
    };
    if let Ok(text) = std::env::var(CONTEXT_ENV) {
        if !text.trim().is_empty() {
            merge(&text, CONTEXT_ENV)?;
        }
    }
    if let Some(file) = std::env::var_os(CONTEXT_OVERFLOW_ENV) {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", Path::new(&file).display()))?;
        merge(&text, CONTEXT_OVERFLOW_ENV)?;
    }
    Ok(context)
}
