//! The one directory traversal behind fingerprinting, staging and zipping, so that all three
//! agree on what an asset contains (aws-cdk-lib's `walkDirectory`).
//!
//! Order: each directory's entries sorted by name in UTF-16 code-unit order (JavaScript's `<`),
//! a subdirectory walked at its sorted position (`a/b` before `a.txt`). Names that are not
//! UTF-8 are compared and reported in their lossy UTF-8 form (U+FFFD), as Node.js reads them;
//! their content is still read through the real name.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::ignore::IgnoreStrategy;
use super::jspath::{cmp_utf16, normalize_lexically};
use super::{AssetError, SymlinkFollow};

/// What the walk found, in order. Excluded entries are not reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A directory (or a followed link to one) whose contents come next. `ignored`: the
    /// directory itself is excluded, but something below it may not be (docker/git modes).
    Directory {
        rel: String,
        /// `rel` byte for byte (names that are not UTF-8 kept as they are), for staging.
        os_rel: PathBuf,
        ignored: bool,
    },
    /// A regular file, or a followed link to one; `real` is where to read it (for a followed
    /// link, the canonical path of the file it ends at).
    File {
        rel: String,
        /// `rel` byte for byte, for staging.
        os_rel: PathBuf,
        real: PathBuf,
    },
    /// A link that is kept as a link (not followed, or its target does not exist).
    Symlink {
        rel: String,
        /// `rel` byte for byte, for staging.
        os_rel: PathBuf,
        /// The target exactly as stored in the link.
        link_target: PathBuf,
        /// The target resolved against the link's directory, its parent directories canonical.
        resolved: PathBuf,
        /// Whether `resolved` lies inside the walk root.
        internal: bool,
    },
    /// A followed link to something that is neither a file nor a directory.
    Unsupported { rel: String },
}

/// Walks the directory `root` (already canonical) with the given follow mode and excludes.
pub(crate) fn walk(
    root: &Path,
    follow: SymlinkFollow,
    strategy: &IgnoreStrategy,
) -> Result<Vec<Entry>, AssetError> {
    let mut walker = Walker {
        root,
        follow,
        strategy,
        ancestors: HashSet::new(),
        entries: Vec::new(),
        excluded: excluded_dirs(),
    };
    walker.walk("", Path::new(""), root, root.to_path_buf())?;
    Ok(walker.entries)
}

struct Walker<'a> {
    root: &'a Path,
    follow: SymlinkFollow,
    strategy: &'a IgnoreStrategy,
    /// Canonical paths of the directories being walked: a link back to one of them is a cycle.
    ancestors: HashSet<PathBuf>,
    entries: Vec<Entry>,
    /// Outdirs (canonical): never walked into.
    excluded: Vec<PathBuf>,
}

fn join_rel(rel: &str, name: &str) -> String {
    if rel.is_empty() {
        name.to_string()
    } else {
        format!("{rel}/{name}")
    }
}

impl Walker<'_> {
    fn walk(
        &mut self,
        rel: &str,
        os_rel: &Path,
        real: &Path,
        canonical: PathBuf,
    ) -> Result<(), AssetError> {
        if !self.ancestors.insert(canonical.clone()) {
            return Ok(());
        }
        let mut children = Vec::new();
        for entry in fs::read_dir(real).map_err(|e| AssetError::io(real, e))? {
            let entry = entry.map_err(|e| AssetError::io(real, e))?;
            let file_type = entry
                .file_type()
                .map_err(|e| AssetError::io(entry.path(), e))?;
            let os_name = entry.file_name();
            children.push((os_name.to_string_lossy().into_owned(), os_name, file_type));
        }
        children.sort_by(|a, b| cmp_utf16(&a.0, &b.0));
        // aws-cdk-lib reads names as UTF-8 (U+FFFD for what is not): two names that read the
        // same cannot be told apart by its fingerprint, nor by the asset's file list.
        for pair in children.windows(2) {
            if pair[0].0 == pair[1].0 {
                return Err(AssetError::IndistinguishableNames {
                    first: real.join(&pair[0].1),
                    second: real.join(&pair[1].1),
                });
            }
        }
        for (name, os_name, file_type) in children {
            let child_rel = join_rel(rel, &name);
            let child_os_rel = os_rel.join(&os_name);
            let child_real = real.join(&os_name);
            if file_type.is_symlink() {
                self.visit_symlink(child_rel, child_os_rel, child_real)?;
            } else if file_type.is_dir() {
                if self.excluded.contains(&canonical.join(&os_name)) {
                    continue;
                }
                self.visit_directory(
                    child_rel,
                    child_os_rel,
                    &child_real,
                    canonical.join(&os_name),
                )?;
            } else if file_type.is_file() {
                self.visit_file(child_rel, child_os_rel, child_real);
            }
            // Sockets, FIFOs and devices met directly are skipped, as CDK does.
        }
        self.ancestors.remove(&canonical);
        Ok(())
    }

    fn visit_directory(
        &mut self,
        rel: String,
        os_rel: PathBuf,
        real: &Path,
        canonical: PathBuf,
    ) -> Result<(), AssetError> {
        if self.strategy.completely_ignores(&rel) {
            return Ok(());
        }
        let ignored = self.strategy.ignores(&rel);
        self.entries.push(Entry::Directory {
            rel: rel.clone(),
            os_rel: os_rel.clone(),
            ignored,
        });
        self.walk(&rel, &os_rel, real, canonical)
    }

    fn visit_file(&mut self, rel: String, os_rel: PathBuf, real: PathBuf) {
        if !self.strategy.ignores(&rel) {
            self.entries.push(Entry::File { rel, os_rel, real });
        }
    }

    fn visit_symlink(
        &mut self,
        rel: String,
        os_rel: PathBuf,
        real: PathBuf,
    ) -> Result<(), AssetError> {
        let link_target = fs::read_link(&real).map_err(|e| AssetError::io(&real, e))?;
        let resolved = canonical_link_target(&resolve_link_target(&real, &link_target));
        let internal = resolved.starts_with(self.root);
        let follow = match self.follow {
            SymlinkFollow::Always => true,
            SymlinkFollow::External => !internal,
            SymlinkFollow::BlockExternal => internal,
            SymlinkFollow::Never => false,
        };
        // A target that cannot be reached is kept as a link rather than failing the walk.
        let target = if follow {
            fs::metadata(&resolved).ok()
        } else {
            None
        };
        match target {
            Some(meta) if meta.is_dir() => {
                let canonical = realpath_or_self(&resolved);
                if self.excluded.contains(&canonical) {
                    return Ok(());
                }
                self.visit_directory(rel, os_rel, &resolved, canonical)
            }
            Some(meta) if meta.is_file() => {
                // Where the file really is (through any chain of links).
                self.visit_file(rel, os_rel, realpath_or_self(&resolved));
                Ok(())
            }
            Some(_) => {
                if !self.strategy.ignores(&rel) {
                    self.entries.push(Entry::Unsupported { rel });
                }
                Ok(())
            }
            None => {
                if !self.strategy.ignores(&rel) {
                    self.entries.push(Entry::Symlink {
                        rel,
                        os_rel,
                        link_target,
                        resolved,
                        internal,
                    });
                }
                Ok(())
            }
        }
    }
}

/// A link's target as an absolute, lexically normalized path (`path.resolve`).
fn resolve_link_target(link: &Path, target: &Path) -> PathBuf {
    if target.is_absolute() {
        normalize_lexically(target)
    } else {
        let dir = link.parent().unwrap_or(Path::new("/"));
        normalize_lexically(&dir.join(target))
    }
}

/// Resolves symlinks in the directories leading to `target`, not in `target` itself: for a
/// link to a link we want to know where the second link is, not where it points.
fn canonical_link_target(target: &Path) -> PathBuf {
    match (target.parent(), target.file_name()) {
        (Some(dir), Some(name)) => realpath_or_self(dir).join(name),
        _ => target.to_path_buf(),
    }
}

fn realpath_or_self(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Output folders being (or about to be) written: never part of an asset, so an asset folder
/// that contains the outdir (`Code::from_asset(".")` with `cdk.out` inside) neither stages the
/// assembly nor grows with every run. Canonical paths.
static EXCLUDED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Keeps the folder `outdir` out of every asset from now on (synthesis calls it for its outdir;
/// the default outdir, `$CDK_OUTDIR` or `cdk.out`, is always kept out).
pub(crate) fn exclude_from_assets(outdir: &Path) {
    if let Ok(canonical) = fs::canonicalize(outdir) {
        let mut excluded = EXCLUDED.lock().unwrap_or_else(|e| e.into_inner());
        if !excluded.contains(&canonical) {
            excluded.push(canonical);
        }
    }
}

/// The outdirs (canonical) a walk leaves out (see [`exclude_from_assets`]).
fn excluded_dirs() -> Vec<PathBuf> {
    let mut dirs = EXCLUDED.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let default = std::env::var_os("CDK_OUTDIR").unwrap_or_else(|| "cdk.out".into());
    if let Ok(d) = fs::canonicalize(&default) {
        dirs.push(d);
    }
    dirs
}
