//! Which rule packs a run loads and where each comes from: the default packs built into the
//! binary (unless `default-rules: false` or `--no-default-rules`), then packs on disk from the
//! config's `rules:` and from `--rules`. Nothing is searched for upward: a `rules/` folder
//! that happens to lie above the current folder is not a pack unless named.

use crate::output::Located;
use anyhow::{Result, bail};
use extract::RuleSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));
}

/// How built-in files are named in messages and listings: `<built-in>/cues.yaml`.
pub const BUILTIN: &str = "<built-in>";

/// Where a pack was named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    /// Compiled into the binary.
    BuiltIn,
    /// The config file's `rules:`.
    Config,
    /// `--rules`.
    Flag,
    /// A path given to a `rules` command.
    Argument,
}

impl From {
    /// A short label for listings.
    pub fn label(self) -> &'static str {
        match self {
            From::BuiltIn => "built-in",
            From::Config => "config",
            From::Flag => "--rules",
            From::Argument => "argument",
        }
    }
}

/// A pack file or folder on disk and where it was named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackRoot {
    /// The file or folder.
    pub path: PathBuf,
    /// Who named it.
    pub from: From,
}

/// The packs of a run: whether the built-in ones are in, and the files and folders on disk.
#[derive(Clone, Debug, Default)]
pub struct PackPlan {
    /// Load the packs built into the binary.
    pub builtin: bool,
    /// Packs on disk, in the order they are loaded (after the built-in ones).
    pub roots: Vec<PackRoot>,
}

/// Whether a file is a rule fixture (`*.test.yaml`) rather than a pack.
pub fn is_fixture(name: &str) -> bool {
    name.ends_with(".test.yaml") || name.ends_with(".test.yml")
}

/// The built-in pack files (fixtures left out), named `<built-in>/…`.
fn builtin_packs() -> impl Iterator<Item = (PathBuf, &'static [u8])> {
    builtin::FILES.iter().filter(|(name, _)| !is_fixture(name)).map(|(name, bytes)| (builtin_path(name), *bytes))
}

/// The built-in fixtures, named `<built-in>/tests/…`.
pub fn builtin_fixtures() -> impl Iterator<Item = (PathBuf, &'static [u8])> {
    builtin::FILES.iter().filter(|(name, _)| is_fixture(name)).map(|(name, bytes)| (builtin_path(name), *bytes))
}

fn builtin_path(name: &str) -> PathBuf {
    Path::new(BUILTIN).join(name)
}

impl PackPlan {
    /// Every pack file of the plan with where it was named: the built-in ones first, then
    /// the files under each root on disk in sorted order. A root that does not exist is an
    /// error naming it.
    pub fn files(&self) -> Result<Vec<(PathBuf, From)>> {
        let mut files: Vec<(PathBuf, From)> = Vec::new();
        if self.builtin {
            files.extend(builtin_packs().map(|(path, _)| (path, From::BuiltIn)));
        }
        for root in &self.roots {
            if !root.path.exists() {
                bail!("{}: no such rule pack file or folder (named by {})", root.path.display(), root.from.label());
            }
            let found = pack::pack_files(std::slice::from_ref(&root.path));
            if found.is_empty() {
                bail!(
                    "{}: no rule pack files (*.yaml other than *.test.yaml) here (named by {})",
                    root.path.display(),
                    root.from.label()
                );
            }
            for file in found {
                if !files.iter().any(|(f, _)| *f == file) {
                    files.push((file, root.from));
                }
            }
        }
        Ok(files)
    }

    /// Loads and compiles every pack of the plan. Every problem is located (file:line:col)
    /// and reported once, as one [`Located`] error.
    pub fn load(&self) -> Result<RuleSet> {
        Ok(self.load_with_packs()?.1)
    }

    /// [`PackPlan::load`], also giving the validated definitions (for checks across packs
    /// and the ids fixtures name).
    pub fn load_with_packs(&self) -> Result<(pack::PackSet, RuleSet)> {
        let files = self.files()?;
        if files.is_empty() {
            bail!(
                "no rule packs: the default packs are off (`default-rules: false` or --no-default-rules) \
                 and no --rules PATH or config `rules:` names any"
            );
        }
        let mut sources: Vec<(PathBuf, Vec<u8>)> =
            builtin_packs().filter(|_| self.builtin).map(|(path, bytes)| (path, bytes.to_vec())).collect();
        for (file, from) in files.iter().filter(|(_, from)| *from != From::BuiltIn) {
            match std::fs::read(file) {
                Ok(bytes) => sources.push((file.clone(), bytes)),
                Err(err) => bail!("{}: cannot read the rule pack (named by {}): {err}", file.display(), from.label()),
            }
        }
        let packs = pack::load_sources(&sources).map_err(|e| located(&e.errors))?;
        let rules = RuleSet::compile(&packs).map_err(|errors| located(&errors))?;
        Ok((packs, rules))
    }
}

/// One error holding every pack error, each printed once with its place and help.
pub fn located(errors: &[pack::PackError]) -> Located {
    let mut text = String::new();
    for error in errors {
        let _ = writeln!(text, "{error}");
    }
    let count = errors.len();
    let _ = write!(text, "{count} error{} in rule packs", if count == 1 { "" } else { "s" });
    Located(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_packs_are_built_in_and_compile() -> Result<()> {
        let plan = PackPlan { builtin: true, roots: Vec::new() };
        let files = plan.files()?;
        assert!(files.iter().any(|(f, _)| f.ends_with("cues.yaml")), "{files:?}");
        assert!(files.iter().all(|(f, from)| f.starts_with(BUILTIN) && *from == From::BuiltIn));
        assert!(!files.iter().any(|(f, _)| is_fixture(&f.to_string_lossy())), "fixtures are not packs");
        let rules = plan.load()?;
        assert!(rules.propositions().count() > 0);
        assert!(builtin_fixtures().count() > 0);
        Ok(())
    }
}
