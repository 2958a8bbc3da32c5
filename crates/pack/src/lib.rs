//! Loading rule packs: YAML files into validated definitions, every problem located.
//!
//! Loading has two layers, as in ast-grep's config crate: `yaml` reads each file into a
//! tree whose every node knows its line and column (yaml-rust2), on which `shape` checks
//! every key and type and `validate` what the values mean across all files; only when all
//! of that is clean does serde_yaml turn each file into the plain structs of
//! [`crate::schema`]. Every problem is collected, never just the first, and each names
//! file:line:column, what was expected, and a fix where one exists. No input panics.

pub mod fixture;
pub mod frame;
pub mod schema;
mod shape;
mod validate;
mod yaml;

use crate::schema::{
    ActorDef, ChecksDef, CueDef, EventKindDef, FrameDef, LexiconDef, PackFile, PackMeta, PlaceDef, PropositionDef,
};
use std::fmt;
use std::path::{Path, PathBuf};
use yaml::{Node, Pos};

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

impl Origin {
    fn at(file: &Path, pos: Pos) -> Origin {
        Origin { file: file.to_path_buf(), line: pos.line, column: pos.column }
    }
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
    /// All places.
    pub places: Vec<Located<PlaceDef>>,
    /// All event kinds.
    pub event_kinds: Vec<Located<EventKindDef>>,
    /// Words that start another event in a sentence, from every pack.
    pub event_breaks: Vec<String>,
    /// References resolved and value patterns compiled, while the packs were checked.
    resolved: Resolved,
}

impl PackSet {
    /// What the `i`th actor's references name (empty past the end).
    pub fn actor_refs(&self, i: usize) -> &ActorRefs {
        static NONE: ActorRefs = ActorRefs { member_of: Vec::new(), roles_of: Vec::new() };
        self.resolved.actors.get(i).unwrap_or(&NONE)
    }

    /// What the `i`th proposition's references name (empty past the end).
    pub fn proposition_refs(&self, i: usize) -> &PropositionRefs {
        static NONE: PropositionRefs =
            PropositionRefs { agent: Vec::new(), rivals: Vec::new(), contradicts: Vec::new() };
        self.resolved.propositions.get(i).unwrap_or(&NONE)
    }

    /// The `i`th frame's compiled patterns and total (empty past the end).
    pub fn frame_refs(&self, i: usize) -> &FrameRefs {
        static NONE: FrameRefs = FrameRefs { patterns: Vec::new(), part_of: None };
        self.resolved.frames.get(i).unwrap_or(&NONE)
    }
}

/// The references between definitions, each resolved to a position in its [`PackSet`]
/// list, and the value patterns, compiled: done once, while the packs are checked (where a
/// reference that names nothing is an error with its place and a suggestion), for the
/// compiler to take as they are. In the order of the set's lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct Resolved {
    pub(crate) actors: Vec<ActorRefs>,
    pub(crate) propositions: Vec<PropositionRefs>,
    pub(crate) frames: Vec<FrameRefs>,
}

/// An actor's references, as positions in [`PackSet::actors`].
#[derive(Clone, Debug, Default)]
pub struct ActorRefs {
    /// The actor of each `member_of` entry, in order.
    pub member_of: Vec<usize>,
    /// The actor of each role's `of`, in order; `None` for a role that names none.
    pub roles_of: Vec<Option<usize>>,
}

/// A proposition's references: actors as positions in [`PackSet::actors`], propositions in
/// [`PackSet::propositions`].
#[derive(Clone, Debug, Default)]
pub struct PropositionRefs {
    /// The `agent` actors.
    pub agent: Vec<usize>,
    /// The `rivals` actors.
    pub rivals: Vec<usize>,
    /// The propositions it `contradicts`.
    pub contradicts: Vec<usize>,
}

/// A frame's compiled value patterns and its total.
#[derive(Clone, Debug, Default)]
pub struct FrameRefs {
    /// Its `patterns`, compiled, in order.
    pub patterns: Vec<frame::ValuePattern>,
    /// The frame of its `part_of`, as a position in [`PackSet::frames`].
    pub part_of: Option<usize>,
}

/// A problem in a pack, located.
///
/// Displays as `path:line:col: error: message`, then `help: …` on a second line when there
/// is a suggested fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    /// Where.
    pub origin: Origin,
    /// What is wrong and what was expected.
    pub message: String,
    /// How to fix it, when there is a likely fix ("did you mean `RUS`?").
    pub help: Option<String>,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error: {}", self.origin, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\nhelp: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found while loading packs (never just the first), in file order.
///
/// Displays as its errors, one after the other, each as [`PackError`] displays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadErrors {
    /// The problems, in file order, then line and column.
    pub errors: Vec<PackError>,
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// A problem inside one file, before the file is named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Issue {
    at: Pos,
    message: String,
    help: Option<String>,
}

impl Issue {
    fn new(at: Pos, message: impl Into<String>) -> Issue {
        Issue { at, message: message.into(), help: None }
    }

    fn help(mut self, help: impl Into<String>) -> Issue {
        self.help = Some(help.into());
        self
    }

    fn located(self, file: &Path) -> PackError {
        PackError { origin: Origin::at(file, self.at), message: self.message, help: self.help }
    }
}

/// The closest of `candidates` to `word`, when one is close enough to be a likely typo: the
/// same word in another case; else the fewest edits (insertions, deletions, substitutions,
/// and swaps of two neighbouring letters, as `RSU` for `RUS`), at most one per three letters
/// and at least one; else a candidate that `word` begins (`warn` for `warning`) or that
/// begins `word`, the shorter holding at least three letters and half the longer. At equal
/// edits, a candidate with the same letters wins (`URS` is `RUS` with two letters swapped
/// rather than `URY` with one changed); then the earlier candidate, so suggestions are
/// deterministic.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    if word.is_empty() {
        return None;
    }
    let limit = (word.chars().count() / 3).max(1);
    let letters = sorted_letters(&word);
    let mut best: Option<((u8, usize, bool), &str)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        let rank = if lower == word {
            (0, 0, false)
        } else {
            let edits = strsim::osa_distance(&word, &lower);
            let other_letters = sorted_letters(&lower) != letters;
            if edits <= limit {
                (1, edits, other_letters)
            } else if is_stem(&word, &lower) {
                (2, edits, other_letters)
            } else {
                continue;
            }
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, candidate));
        }
    }
    best.map(|(_, c)| c)
}

fn sorted_letters(word: &str) -> Vec<char> {
    let mut letters: Vec<char> = word.chars().collect();
    letters.sort_unstable();
    letters
}

/// Whether one of `a` and `b` begins the other, the shorter long enough to mean something.
fn is_stem(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let (s, l) = (short.chars().count(), long.chars().count());
    long.starts_with(short) && s >= 3 && 2 * s >= l
}

/// A pack file read into a tree.
struct ParsedFile {
    path: PathBuf,
    text: String,
    root: Node,
}

/// Loads every pack under `paths` (files, or directories walked for `*.yaml` / `*.yml`
/// other than fixtures `*.test.yaml`).
pub fn load_packs(paths: &[PathBuf]) -> Result<PackSet, LoadErrors> {
    let mut errors = Vec::new();
    let top = Pos { line: 1, column: 1 };
    for path in paths.iter().filter(|p| !p.exists()) {
        errors.push(Issue::new(top, "no such file or directory").located(path));
    }
    let files = pack_files(paths);
    if files.is_empty() && errors.is_empty() {
        for path in paths {
            errors.push(
                Issue::new(top, "no rule packs here")
                    .help("packs are files ending in `.yaml` or `.yml` (fixtures, `*.test.yaml`, are not packs)")
                    .located(path),
            );
        }
    }
    let mut sources = Vec::new();
    for file in files {
        match std::fs::read(&file) {
            Ok(bytes) => sources.push((file, bytes)),
            Err(err) => errors.push(Issue::new(top, format!("cannot read the file: {err}")).located(&file)),
        }
    }
    match load_sources(&sources) {
        Ok(set) if errors.is_empty() => Ok(set),
        Ok(_) => Err(LoadErrors { errors }),
        Err(more) => {
            errors.extend(more.errors);
            Err(LoadErrors { errors })
        }
    }
}

/// Loads packs from their contents, each named by its path: the whole of [`load_packs`]
/// after the files are read. Bytes need not be UTF-8 or YAML; problems are errors.
pub fn load_sources(sources: &[(PathBuf, Vec<u8>)]) -> Result<PackSet, LoadErrors> {
    let mut errors: Vec<(usize, PackError)> = Vec::new();
    let mut parsed = Vec::new();
    for (index, (path, bytes)) in sources.iter().enumerate() {
        let mut issues = Vec::new();
        if let Some((text, root)) = read_file(bytes, &mut issues) {
            shape::check_struct(&root, shape::pack(), &mut issues);
            parsed.push((index, ParsedFile { path: path.clone(), text, root }));
        }
        errors.extend(issues.into_iter().map(|i| (index, i.located(path))));
    }
    let files: Vec<&ParsedFile> = parsed.iter().map(|(_, f)| f).collect();
    let (checked, resolved) = validate::check(&files);
    for error in checked {
        let index = sources.iter().position(|(p, _)| *p == error.origin.file).unwrap_or(0);
        errors.push((index, error));
    }
    if errors.is_empty() {
        let mut set = PackSet::default();
        for (index, file) in &parsed {
            if let Err(err) = merge(&mut set, file) {
                let error = Issue { at: err.at, message: err.message, help: err.help }.located(&file.path);
                errors.push((*index, error));
            }
        }
        if errors.is_empty() {
            set.resolved = resolved;
            return Ok(set);
        }
    }
    errors.sort_by(|(fa, a), (fb, b)| (fa, a.origin.line, a.origin.column).cmp(&(fb, b.origin.line, b.origin.column)));
    errors.dedup_by(|(_, a), (_, b)| a == b);
    Err(LoadErrors { errors: errors.into_iter().map(|(_, e)| e).collect() })
}

/// Decodes and parses one file, or says why it cannot be read.
fn read_file(bytes: &[u8], issues: &mut Vec<Issue>) -> Option<(String, Node)> {
    let top = Pos { line: 1, column: 1 };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        issues.push(
            Issue::new(byte_pos(bytes, nul), "binary data (a NUL byte); expected a YAML text file")
                .help("rule packs are UTF-8 text; move other files out of the rules directory"),
        );
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = byte_pos(bytes, err.valid_up_to());
            issues.push(
                Issue::new(at, "the file is not valid UTF-8").help("save the file as UTF-8 (Latin-1 is not accepted)"),
            );
            return None;
        }
    };
    match yaml::parse(text) {
        Ok(Some(root)) if matches!(root.value, yaml::NodeValue::Map(_)) => Some((text.to_owned(), root)),
        Ok(Some(root)) => {
            issues.push(
                Issue::new(root.at, format!("expected a mapping at the top of a pack file, found {}", root.describe()))
                    .help(format!("start with one of the keys {}", shape::list(&shape::top_keys()))),
            );
            None
        }
        Ok(None) => {
            issues.push(
                Issue::new(top, "the file is empty; expected a pack").help(format!(
                    "give it at least one of the keys {}, or delete it",
                    shape::list(&shape::top_keys())
                )),
            );
            None
        }
        Err(err) => {
            let mut issue = Issue::new(err.at, err.message);
            issue.help = err.help;
            issues.push(issue);
            None
        }
    }
}

/// The line and column of byte `offset`, counting columns in characters.
fn byte_pos(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Pos { line, column }
}

/// Adds a validated file's definitions to the set.
fn merge(set: &mut PackSet, file: &ParsedFile) -> Result<(), yaml::SyntaxError> {
    let pack: PackFile = yaml::deserialize_tree(&file.root, &file.text)?;
    let origins = |key: &str| -> Vec<Origin> {
        let items = file.root.get(key).map(Node::items).unwrap_or_default();
        items.iter().map(|n| Origin::at(&file.path, n.at)).collect()
    };
    fn locate<T>(values: Vec<T>, origins: Vec<Origin>) -> impl Iterator<Item = Located<T>> {
        values.into_iter().zip(origins).map(|(value, origin)| Located { value, origin })
    }
    set.files.push(PackInfo { path: file.path.clone(), meta: pack.pack });
    set.actors.extend(locate(pack.actors, origins("actors")));
    set.cues.extend(locate(pack.cues, origins("cues")));
    set.propositions.extend(locate(pack.propositions, origins("propositions")));
    set.frames.extend(locate(pack.frames, origins("frames")));
    set.places.extend(locate(pack.places, origins("places")));
    set.event_kinds.extend(locate(pack.event_kinds, origins("event_kinds")));
    set.event_breaks.extend(pack.event_breaks);
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
    Ok(())
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
    let mut visited = Vec::new();
    for path in paths {
        if path.is_file() {
            out.push(path.clone());
            continue;
        }
        collect(path, &mut out, &mut visited);
    }
    out
}

/// Walks `dir`; `visited` holds the directories already walked, so a symbolic link back up
/// the tree is not followed round forever.
fn collect(dir: &Path, out: &mut Vec<PathBuf>, visited: &mut Vec<PathBuf>) {
    let Ok(real) = std::fs::canonicalize(dir) else { return };
    if visited.contains(&real) {
        return;
    }
    visited.push(real);
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out, visited);
        } else {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
            if yaml && !name.ends_with(".test.yaml") && !name.ends_with(".test.yml") {
                out.push(path);
            }
        }
    }
}

/// Context words that propositions or frames of two pack files share: a document naming
/// only those words is put in both stories (a Skripal pack and a Navalny pack that both
/// list "Novichok").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextOverlap {
    /// The earlier file, in load order.
    pub first: PathBuf,
    /// The later file.
    pub second: PathBuf,
    /// The shared words, lower case, sorted.
    pub words: Vec<String>,
}

/// Every pair of pack files whose contexts share words, in load order.
pub fn context_overlaps(packs: &PackSet) -> Vec<ContextOverlap> {
    let mut by_file: Vec<(PathBuf, std::collections::BTreeSet<String>)> = Vec::new();
    let contexts = packs
        .propositions
        .iter()
        .map(|p| (&p.origin.file, &p.value.context))
        .chain(packs.frames.iter().map(|f| (&f.origin.file, &f.value.context)));
    for (file, context) in contexts {
        let words = context.iter().map(|w| w.trim_start_matches('~').trim().to_lowercase());
        match by_file.iter_mut().find(|(f, _)| f == file) {
            Some((_, set)) => set.extend(words),
            None => by_file.push((file.clone(), words.collect())),
        }
    }
    let mut out = Vec::new();
    for (k, (first, a)) in by_file.iter().enumerate() {
        for (second, b) in &by_file[k + 1..] {
            let words: Vec<String> = a.intersection(b).cloned().collect();
            if !words.is_empty() {
                out.push(ContextOverlap { first: first.clone(), second: second.clone(), words });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn suggestions_catch_swapped_letters_in_short_ids() {
        // Regression: Jaro-Winkler scored `RSU` against `RUS` at 0.6 and suggested nothing.
        assert_eq!(suggest("RSU", ["USA", "RUS"]), Some("RUS"));
        // A swap beats a change of one letter at the same distance, whatever the order.
        assert_eq!(suggest("URS", ["URY", "RUS"]), Some("RUS"));
        assert_eq!(suggest("fial-on", ["format", "fail-on"]), Some("fail-on"));
        assert_eq!(suggest("opposed-stanse", ["opposed-stance", "value-mismatch"]), Some("opposed-stance"));
    }

    #[test]
    fn suggestions_prefer_case_then_fewest_edits_then_stems() {
        assert_eq!(suggest("rus", ["RSU", "RUS"]), Some("RUS"), "the same word in another case wins");
        assert_eq!(suggest("MRKL", ["MRK", "MARKL"]), Some("MRK"), "ties go to the earlier candidate");
        assert_eq!(suggest("warn", ["note", "warning", "error"]), Some("warning"), "a stem");
        assert_eq!(suggest("actor", ["cues", "actors"]), Some("actors"));
        assert_eq!(suggest("defaultrules", ["rules", "default-rules"]), Some("default-rules"));
    }

    #[test]
    fn far_words_get_no_suggestion() {
        assert_eq!(suggest("zzz", ["actors", "cues", "RUS"]), None);
        assert_eq!(suggest("war", ["warning"]), None, "a stem under half the word is no suggestion");
        assert_eq!(suggest("abcdef", ["ghijkl"]), None);
        assert_eq!(suggest("", ["a"]), None, "nothing written, nothing to correct");
    }
}
