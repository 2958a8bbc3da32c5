//! The gold file: the claims, values and conflicts a careful reader finds in the corpus,
//! read from YAML with located errors.

use crate::EvalError;
use claim::text::parse_value;
use claim::{ConflictKind, Stance, ValueKind};
use parse::Interval;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The gold standard for a corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    /// The name of the slice this file scores (`corpus`, `fakes`, `polnear-dnc`), shown in
    /// the report; optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slice: Option<String>,
    /// Every scored document with the claims read in it. Documents the gold does not list
    /// are not scored.
    pub documents: Vec<GoldDocument>,
    /// The conflicts the comparator must report across the corpus.
    #[serde(default)]
    pub conflicts: Vec<GoldConflict>,
}

/// One document and its claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDocument {
    /// Path relative to the corpus root, with `/` separators (`syria-2017/01-wire.md`), or
    /// the id the reader gives the document (a CSV row's `id` column, a JSON line's `id`).
    pub document: String,
    /// The claims in it; empty for a document that holds none.
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
}

/// A claim or a value a reader finds in one sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawClaim")]
pub struct GoldClaim {
    /// A piece of the sentence, enough to find it (whitespace and quote styles are ignored).
    pub sentence: String,
    /// The principal (`USA`), or `outlet:<source>` for the outlet's own voice.
    pub actor: String,
    /// The person who spoke, when one did (`rex-tillerson`); informative, not scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The stance; required with a proposition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// What is claimed: a proposition with a stance, or a frame with a value.
    pub subject: Subject,
}

/// What a gold claim is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    /// A proposition id.
    Proposition(String),
    /// A frame id and the value given, as written in the gold (`74`, `[70, inf)`, `2017-04-12`).
    Frame {
        /// The frame id.
        frame: String,
        /// The value as written.
        value: String,
        /// The value read as an interval (days since 1970-01-01 for dates).
        #[serde(skip)]
        interval: Option<Interval>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    sentence: String,
    actor: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    stance: Option<Stance>,
    #[serde(default)]
    proposition: Option<String>,
    #[serde(default)]
    frame: Option<String>,
    #[serde(default)]
    value: Option<Scalar>,
}

/// A value written as a string or a bare number.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Number(f64),
}

impl Scalar {
    fn into_text(self) -> String {
        match self {
            Scalar::Text(text) => text,
            Scalar::Number(n) => format!("{n}"),
        }
    }
}

/// Reads a gold value: a count or interval first, then a date.
pub fn read_value(text: &str) -> Option<Interval> {
    parse_value(text, ValueKind::Count).or_else(|| parse_value(text, ValueKind::Date))
}

/// Whether a gold value is written as a count (or interval) or as a date.
pub fn value_kind(text: &str) -> ValueKind {
    if parse_value(text, ValueKind::Count).is_some() { ValueKind::Count } else { ValueKind::Date }
}

impl TryFrom<RawClaim> for GoldClaim {
    type Error = String;

    fn try_from(raw: RawClaim) -> Result<GoldClaim, String> {
        if raw.sentence.trim().is_empty() {
            return Err("`sentence` is empty; give a piece of the sentence the claim is read in".into());
        }
        if raw.actor.trim().is_empty() {
            return Err("`actor` is empty; give a principal id such as `USA` or `outlet:<source>`".into());
        }
        let subject = match (raw.proposition, raw.frame, raw.value) {
            (Some(p), None, None) => {
                if raw.stance.is_none() {
                    return Err(format!("claim on `{p}` has no `stance`; expected assert, deny or hedge"));
                }
                Subject::Proposition(p)
            }
            (None, Some(frame), Some(value)) => {
                let value = value.into_text();
                let Some(interval) = read_value(&value) else {
                    return Err(format!(
                        "value `{value}` for `{frame}` is not a number, an interval like `[70, inf)` or a date YYYY-MM-DD"
                    ));
                };
                Subject::Frame { frame, value, interval: Some(interval) }
            }
            (None, Some(frame), None) => return Err(format!("frame `{frame}` has no `value`")),
            (Some(_), Some(_), _) => {
                return Err("a claim has either a `proposition` or a `frame`, not both; split it in two".into());
            }
            (Some(_), None, Some(_)) => return Err("`value` goes with a `frame`, not a `proposition`".into()),
            (None, None, _) => {
                return Err("a claim needs a `proposition` (with `stance`) or a `frame` (with `value`)".into());
            }
        };
        Ok(GoldClaim { sentence: raw.sentence, actor: raw.actor, speaker: raw.speaker, stance: raw.stance, subject })
    }
}

/// A conflict the comparator must report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawConflict")]
pub struct GoldConflict {
    /// Its kind.
    pub kind: ConflictKind,
    /// The proposition, for stance conflicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposition: Option<String>,
    /// The frame, for value conflicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<String>,
    /// Principals asserting (opposed stance).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assert: Vec<String>,
    /// Principals denying (opposed stance).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deny: Vec<String>,
    /// Readings in dispute (value conflicts), as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The actors concerned (self-contradiction, report conflict, unlisted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// Documents involved, for people reading the gold; not scored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConflict {
    kind: String,
    #[serde(default)]
    proposition: Option<String>,
    #[serde(default)]
    frame: Option<String>,
    #[serde(default)]
    assert: Vec<String>,
    #[serde(default)]
    deny: Vec<String>,
    #[serde(default)]
    values: Vec<Scalar>,
    #[serde(default)]
    actors: Vec<String>,
    #[serde(default)]
    documents: Vec<String>,
}

impl TryFrom<RawConflict> for GoldConflict {
    type Error = String;

    fn try_from(raw: RawConflict) -> Result<GoldConflict, String> {
        let Some(kind) = ConflictKind::ALL.into_iter().find(|k| k.name() == raw.kind) else {
            let names: Vec<&str> = ConflictKind::ALL.iter().map(|k| k.name()).collect();
            return Err(format!("unknown conflict kind `{}`; expected one of {}", raw.kind, names.join(", ")));
        };
        let values: Vec<String> = raw.values.into_iter().map(Scalar::into_text).collect();
        match kind {
            ConflictKind::OpposedStance => {
                if raw.proposition.is_none() || raw.assert.is_empty() || raw.deny.is_empty() {
                    return Err("an opposed-stance conflict needs `proposition`, `assert` and `deny`".into());
                }
            }
            ConflictKind::ValueMismatch | ConflictKind::ValueRevised => {
                if raw.frame.is_none() || values.len() < 2 {
                    return Err(format!("a {} conflict needs `frame` and at least two `values`", kind.name()));
                }
                if let Some(bad) = values.iter().find(|v| read_value(v).is_none()) {
                    return Err(format!("value `{bad}` is not a number, an interval like `[70, inf)` or a date"));
                }
            }
            ConflictKind::SelfContradiction | ConflictKind::ReportConflict | ConflictKind::Unlisted => {
                if raw.actors.is_empty() {
                    return Err(format!("a {} conflict needs `actors`", kind.name()));
                }
                if kind != ConflictKind::Unlisted && raw.proposition.is_none() {
                    return Err(format!("a {} conflict needs `proposition`", kind.name()));
                }
            }
        }
        Ok(GoldConflict {
            kind,
            proposition: raw.proposition,
            frame: raw.frame,
            assert: raw.assert,
            deny: raw.deny,
            values,
            actors: raw.actors,
            documents: raw.documents,
        })
    }
}

impl Gold {
    /// Reads a gold file. Errors name the file, line and column and say what was expected.
    pub fn load(path: &Path) -> Result<Gold, EvalError> {
        let text = std::fs::read_to_string(path)
            .map_err(|err| EvalError::Io { path: path.display().to_string(), message: err.to_string() })?;
        Gold::parse(&text, &path.display().to_string())
    }

    /// Reads gold YAML from a string; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Gold, EvalError> {
        let gold: Gold = serde_yaml::from_str(text).map_err(|err| EvalError::located(origin, &err))?;
        let mut seen = std::collections::BTreeSet::new();
        for doc in &gold.documents {
            if !seen.insert(doc.document.as_str()) {
                return Err(EvalError::Invalid {
                    origin: origin.to_owned(),
                    line: line_of(text, &doc.document),
                    column: 1,
                    message: format!("document `{}` is listed twice; merge its claims into one entry", doc.document),
                });
            }
        }
        Ok(gold)
    }

    /// Whether the gold lists the document a claim was read in (`path` as in its evidence,
    /// under `corpus_root`). Claims from other documents are not scored; filter them out
    /// before comparing, so that a README beside the articles adds no conflicts.
    pub fn lists(&self, corpus_root: &Path, path: &str) -> bool {
        self.key_of(corpus_root, "", path).is_some()
    }

    /// The gold entry a document stands for: the entry named by its `id` (as the reader gave
    /// it), else the one its path (under `corpus_root`) is, else the one its path ends with.
    pub fn key_of(&self, corpus_root: &Path, id: &str, path: &str) -> Option<&str> {
        let rel = crate::score::relative(corpus_root, path);
        let named = |key: &str| self.documents.iter().find(|d| d.document == key);
        named(id)
            .or_else(|| named(&rel))
            .or_else(|| self.documents.iter().find(|d| Path::new(path).ends_with(&d.document)))
            .map(|d| d.document.as_str())
    }

    /// The files of the documents the gold lists, under `corpus_root`, in gold order.
    pub fn document_paths(&self, corpus_root: &Path) -> Vec<std::path::PathBuf> {
        self.documents.iter().map(|d| corpus_root.join(&d.document)).collect()
    }

    /// Number of claims (with a proposition) and values (with a frame) in the gold.
    pub fn counts(&self) -> (usize, usize) {
        let all = self.documents.iter().flat_map(|d| &d.claims);
        let claims = all.clone().filter(|c| matches!(c.subject, Subject::Proposition(_))).count();
        let values = all.filter(|c| matches!(c.subject, Subject::Frame { .. })).count();
        (claims, values)
    }
}

/// 1-based line of the second occurrence of `needle`, for duplicate entries; 1 when absent.
fn line_of(text: &str, needle: &str) -> usize {
    let mut found = text.match_indices(needle).map(|(at, _)| at);
    let at = found.nth(1).unwrap_or(0);
    text[..at].matches('\n').count() + 1
}
