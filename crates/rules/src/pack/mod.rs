//! Loading rule packs: YAML files into validated definitions, every problem located.
//!
//! The only module that reads YAML, so the parser could be swapped. Loading has two layers:
//! the plain serde structs of [`crate::schema`], then validation of what they mean.

use crate::schema::{ActorDef, ChecksDef, CueDef, FrameDef, LexiconDef, PackFile, PackMeta, PropositionDef};
use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a pack file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Origin {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// A definition and where it was written.
#[derive(Clone, Debug)]
pub struct Located<T> {
    /// The definition.
    pub value: T,
    /// Where its entry starts.
    pub origin: Origin,
}

/// One loaded pack file.
#[derive(Clone, Debug)]
pub struct PackInfo {
    /// The file.
    pub path: PathBuf,
    /// Its `pack:` header.
    pub meta: Option<PackMeta>,
}

/// Every definition of the packs of a run, merged and validated.
#[derive(Clone, Debug, Default)]
pub struct PackSet {
    /// The files, in load order.
    pub files: Vec<PackInfo>,
    /// All actors.
    pub actors: Vec<Located<ActorDef>>,
    /// All cues.
    pub cues: Vec<Located<CueDef>>,
    /// The word lists, merged.
    pub lexicon: LexiconDef,
    /// All propositions.
    pub propositions: Vec<Located<PropositionDef>>,
    /// All frames.
    pub frames: Vec<Located<FrameDef>>,
    /// Checks, merged: later files override earlier ones kind by kind.
    pub checks: ChecksDef,
}

/// A problem in a pack, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    /// Where.
    pub origin: Origin,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Every problem found while loading packs (never just the first).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} error(s) in rule packs", .errors.len())]
pub struct LoadErrors {
    /// The problems, in file order.
    pub errors: Vec<PackError>,
}

/// Loads every pack under `paths` (files, or directories walked for `*.yaml` / `*.yml`
/// other than fixtures `*.test.yaml`).
pub fn load_packs(paths: &[PathBuf]) -> Result<PackSet, LoadErrors> {
    let mut set = PackSet::default();
    let mut errors = Vec::new();
    for file in pack_files(paths) {
        let origin = |line, column| Origin { file: file.clone(), line, column };
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(err) => {
                errors.push(PackError { origin: origin(1, 1), message: format!("cannot read: {err}") });
                continue;
            }
        };
        match serde_yaml::from_str::<PackFile>(&text) {
            Ok(pack) => {
                let at = origin(1, 1);
                let locate = |v| Located { value: v, origin: at.clone() };
                set.files.push(PackInfo { path: file.clone(), meta: pack.pack });
                set.actors.extend(pack.actors.into_iter().map(locate));
                set.cues.extend(pack.cues.into_iter().map(|v| Located { value: v, origin: at.clone() }));
                set.propositions
                    .extend(pack.propositions.into_iter().map(|v| Located { value: v, origin: at.clone() }));
                set.frames.extend(pack.frames.into_iter().map(|v| Located { value: v, origin: at.clone() }));
                if let Some(lexicon) = pack.lexicon {
                    merge_lexicon(&mut set.lexicon, lexicon);
                }
                if let Some(checks) = pack.checks {
                    set.checks.severity.extend(checks.severity);
                    set.checks.overrides.extend(checks.overrides);
                    if checks.unlisted.is_some() {
                        set.checks.unlisted = checks.unlisted;
                    }
                }
            }
            Err(err) => {
                let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
                errors.push(PackError { origin: origin(line, column), message: err.to_string() });
            }
        }
    }
    if errors.is_empty() { Ok(set) } else { Err(LoadErrors { errors }) }
}

fn merge_lexicon(into: &mut LexiconDef, from: LexiconDef) {
    into.negators.extend(from.negators);
    into.denial_markers.extend(from.denial_markers);
    into.hedges.extend(from.hedges);
    into.speaker_heads.extend(from.speaker_heads);
    into.anaphors.extend(from.anaphors);
    into.claim_nouns.extend(from.claim_nouns);
    into.irrealis.extend(from.irrealis);
}

/// Pack files under `paths`, sorted, fixtures left out.
pub fn pack_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_file() {
            out.push(path.clone());
            continue;
        }
        collect(path, &mut out);
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
            if yaml && !name.ends_with(".test.yaml") && !name.ends_with(".test.yml") {
                out.push(path);
            }
        }
    }
}
