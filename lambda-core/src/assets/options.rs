//! What a caller can say about an asset: excludes, how to read them, how to treat symlinks.

/// How exclude patterns are read (aws-cdk-lib `IgnoreMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IgnoreMode {
    /// minimatch globs (the default): each pattern in order with `matchBase` (a pattern
    /// without `/` matches the file name at any depth), `!` re-includes, the last matching
    /// pattern decides, a matched directory is skipped with everything in it, and wildcards do
    /// not match a leading dot (`*` leaves `.hidden` in).
    #[default]
    Glob,
    /// `.gitignore` semantics as npm `ignore` 5.3.2 (which CDK uses) reads them, quirks
    /// included (`[!a]`/`[^a]` are classes containing `!`/`^`, not negations): matched
    /// case-insensitively, a path excluded whenever a parent directory is. A port of that
    /// library, checked against it on every case of `data/gitignore-cases.json`.
    Git,
    /// `.dockerignore` semantics: patterns anchored at the root, `**` for any depth, `!`
    /// exceptions, case-insensitive; a directory is skipped only if no exception could bring
    /// back something below it. One difference from CDK's `@balena/dockerignore`: it passes
    /// `+ ( ) | { } ^` and escapes like `\d` to a JavaScript regex (so `c++` throws there),
    /// while here they are literal characters, as in Docker itself.
    Docker,
}

impl IgnoreMode {
    /// The value CDK writes into the fingerprint (`glob`, `git`, `docker`).
    pub fn as_str(self) -> &'static str {
        match self {
            IgnoreMode::Glob => "glob",
            IgnoreMode::Git => "git",
            IgnoreMode::Docker => "docker",
        }
    }
}

/// Which symbolic links inside a directory asset are followed (aws-cdk-lib
/// `SymlinkFollowMode`). A followed link is hashed, copied and zipped as the file or
/// directory it points to, under the link's own path; a link that is not followed is hashed
/// as a `link:` entry holding its target and copied as a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SymlinkFollow {
    /// Never follow: every link stays a link.
    Never,
    /// Follow every link whose target exists.
    Always,
    /// Follow links that point outside the asset folder (the default); links inside it stay
    /// links, so the asset does not depend on where it sits.
    #[default]
    External,
    /// Follow only links that stay inside the asset folder (CDK `BLOCK_EXTERNAL`,
    /// `internal-only`); staging fails on a link that leaves it.
    BlockExternal,
}

impl SymlinkFollow {
    /// The value CDK writes into the fingerprint (`never`, `always`, `external`, `internal-only`).
    pub fn as_str(self) -> &'static str {
        match self {
            SymlinkFollow::Never => "never",
            SymlinkFollow::Always => "always",
            SymlinkFollow::External => "external",
            SymlinkFollow::BlockExternal => "internal-only",
        }
    }
}

/// Options of a source fingerprint (aws-cdk-lib `FingerprintOptions`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FingerprintOptions {
    /// Exclude patterns, read according to `ignore_mode`. Only their effect is hashed, not the
    /// patterns themselves.
    pub exclude: Vec<String>,
    /// How `exclude` is read.
    pub ignore_mode: IgnoreMode,
    /// Which symlinks are followed.
    pub follow: SymlinkFollow,
    /// Extra text mixed into the hash (CDK `extraHash`, with `@aws-cdk/core:assetHashSalt`
    /// appended by the caller); `None` and `Some("")` hash the same.
    pub extra_hash: Option<String>,
}

impl FingerprintOptions {
    /// The options staging fingerprints and copies with: CDK always puts `.is_custom_resource`
    /// first in the exclude list.
    pub(crate) fn for_staging(&self) -> FingerprintOptions {
        let mut exclude = Vec::with_capacity(self.exclude.len() + 1);
        exclude.push(".is_custom_resource".to_string());
        exclude.extend(self.exclude.iter().cloned());
        FingerprintOptions {
            exclude,
            ..self.clone()
        }
    }
}
