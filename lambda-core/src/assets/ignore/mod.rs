//! Exclude patterns: which paths of a directory asset are left out, in each of CDK's three
//! ignore modes. Every question is asked with the path relative to the asset root, `/`-separated,
//! as aws-cdk-lib's `IgnoreStrategy` receives it.

mod braces;
mod class;
mod dockerignore;
mod gitignore;
mod jsregex;
mod minimatch;
mod segment;

use self::dockerignore::DockerIgnore;
use self::gitignore::GitIgnore;
use self::minimatch::Minimatch;
use super::{AssetError, IgnoreMode};

/// The compiled exclude patterns of one asset.
#[derive(Debug, Clone)]
pub(crate) enum IgnoreStrategy {
    /// minimatch per pattern, in order, the last matching pattern deciding; `!` re-includes.
    Glob(Vec<(bool, Minimatch)>),
    /// npm `ignore`'s `.gitignore` semantics, case-insensitive (see [`IgnoreMode::Git`]).
    Git(GitIgnore),
    /// `.dockerignore` semantics; `complete` also holds every parent directory of each
    /// exception, so that a directory is only skipped when nothing below it can come back.
    Docker {
        ignore: DockerIgnore,
        complete: DockerIgnore,
    },
}

impl IgnoreStrategy {
    /// Compiles `patterns` for `mode`.
    pub(crate) fn new(mode: IgnoreMode, patterns: &[String]) -> Result<IgnoreStrategy, AssetError> {
        Ok(match mode {
            IgnoreMode::Glob => IgnoreStrategy::Glob(
                patterns
                    .iter()
                    .map(|p| Ok((p.starts_with('!'), Minimatch::new(p)?)))
                    .collect::<Result<_, AssetError>>()?,
            ),
            IgnoreMode::Git => IgnoreStrategy::Git(GitIgnore::new(patterns)?),
            IgnoreMode::Docker => {
                let mut ignore = DockerIgnore::default();
                let mut complete = DockerIgnore::default();
                for pattern in patterns {
                    ignore.add(pattern)?;
                    complete.add(pattern)?;
                    for parent in exception_parents(pattern) {
                        complete.add(&parent)?;
                    }
                }
                IgnoreStrategy::Docker { ignore, complete }
            }
        })
    }

    /// Whether the file (or directory, for staging's "create it?" question) at `rel` is excluded.
    pub(crate) fn ignores(&self, rel: &str) -> bool {
        match self {
            IgnoreStrategy::Glob(patterns) => {
                let mut excluded = false;
                for (negated, pattern) in patterns {
                    if pattern.matches(rel) {
                        excluded = !negated;
                    }
                }
                excluded
            }
            IgnoreStrategy::Git(gitignore) => gitignore.ignores(rel),
            IgnoreStrategy::Docker { ignore, .. } => ignore.ignores(rel),
        }
    }

    /// Whether the directory at `rel` is excluded together with everything below it, so the
    /// walk does not enter it.
    pub(crate) fn completely_ignores(&self, rel: &str) -> bool {
        match self {
            IgnoreStrategy::Glob(_) => self.ignores(rel),
            // CDK asks `ignore` about `rel + "/"`, i.e. as a directory.
            IgnoreStrategy::Git(gitignore) => gitignore.ignores(&format!("{rel}/")),
            IgnoreStrategy::Docker { ignore, complete } => {
                ignore.ignores(rel) && complete.ignores(rel)
            }
        }
    }
}

/// For an exception `!a/b/c` (or `/!a/b/c`), the exceptions `!a/b` and `!a` that CDK adds to
/// its "complete" docker matcher.
fn exception_parents(pattern: &str) -> Vec<String> {
    let trimmed = pattern.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let (marker, rest) = if let Some(rest) = trimmed.strip_prefix('!') {
        ("!", rest)
    } else if let Some(rest) = trimmed.strip_prefix("/!") {
        ("/!", rest)
    } else {
        return Vec::new();
    };
    // `(.*)` stops at a line break.
    let rest = rest
        .split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .next()
        .unwrap_or("");
    let mut parents = Vec::new();
    let mut dir = rest.to_string();
    loop {
        dir = crate::assets::jspath::dirname(&dir);
        if dir == "/" || dir == "." {
            break;
        }
        parents.push(format!("{marker}{dir}"));
    }
    parents
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strategy(mode: IgnoreMode, patterns: &[&str]) -> IgnoreStrategy {
        let patterns: Vec<String> = patterns.iter().map(|s| s.to_string()).collect();
        IgnoreStrategy::new(mode, &patterns).unwrap()
    }

    #[test]
    fn glob_last_match_wins_and_negation_reincludes() {
        let s = strategy(IgnoreMode::Glob, &["*", "!index.py"]);
        assert!(s.ignores("README.md"));
        assert!(!s.ignores("index.py"));
        assert!(!s.ignores(".hidden"));
        assert!(s.completely_ignores("sub"));
    }

    #[test]
    fn git_directory_patterns() {
        let s = strategy(IgnoreMode::Git, &["build/", "*.log", "!keep.log"]);
        assert!(s.completely_ignores("build"));
        assert!(!s.ignores("build"));
        assert!(s.ignores("a/x.log"));
        assert!(!s.ignores("a/keep.log"));
    }

    #[test]
    fn docker_keeps_directories_an_exception_needs() {
        let s = strategy(IgnoreMode::Docker, &["*", "!sub/keep.py"]);
        assert!(s.ignores("sub"));
        assert!(!s.completely_ignores("sub"));
        assert!(!s.ignores("sub/keep.py"));
        assert!(s.ignores("sub/other.py"));
        assert!(s.completely_ignores("other"));
        assert_eq!(exception_parents("!a/b/c"), ["!a/b", "!a"]);
        assert_eq!(exception_parents("  /!a/b"), ["/!a"]);
    }
}
