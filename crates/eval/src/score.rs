//! Matching the tool's claims, values and conflicts against the gold, and the figures.

use crate::gold::{Gold, GoldClaim, Subject, read_value, value_kind};
use claim::{Claim, ConflictKind, Stance, ValueKind};
use compare::{Comparison, Conflict};
use parse::{Bound, Interval};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// True positives, false positives and misses, with the figures they give.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Found by the tool and in the gold.
    pub true_positives: usize,
    /// Found by the tool, not in the gold.
    pub false_positives: usize,
    /// In the gold, not found by the tool.
    pub misses: usize,
    /// `tp / (tp + fp)`; 0 when the tool found nothing.
    pub precision: f64,
    /// `tp / (tp + misses)`; 0 when the gold holds nothing.
    pub recall: f64,
    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub f1: f64,
}

impl Figures {
    pub(crate) fn from_counts(tp: usize, fp: usize, misses: usize) -> Figures {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + misses);
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Figures { true_positives: tp, false_positives: fp, misses, precision, recall, f1 }
    }
}

/// What is scored: claims (principal, stance, proposition), values (principal, frame,
/// interval) or conflicts (kind, subject, actor or reading pair).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// Stances on propositions.
    Claims,
    /// Values for frames.
    Values,
    /// Conflicts between positions or values.
    Conflicts,
}

impl Area {
    /// The name used in tables and floors.
    pub const fn name(self) -> &'static str {
        match self {
            Area::Claims => "claims",
            Area::Values => "values",
            Area::Conflicts => "conflicts",
        }
    }
}

/// The figures for one slice of one area (`claims` by stance `deny`, `values` by frame…).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The area.
    pub area: Area,
    /// What the slice is by (`stance`, `story`, `frame`, `kind`).
    pub by: String,
    /// The slice (`deny`, `syria-2017`, `opposed-stance`).
    pub kind: String,
    /// Its figures.
    pub figures: Figures,
}

/// One miss or false positive, with what a person needs to judge it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    /// The area.
    pub area: Area,
    /// Document path relative to the corpus root, when the item has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// 1-based line in the file, for the tool's claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The key that was not matched (`USA assert syria-2017/ks-attack-by-government`).
    pub what: String,
    /// The sentence (the gold's piece of it for misses), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    /// How the tool decided, for false positives: attribution and stance reasons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The error class of a claim miss or false claim, read off what the other side holds
    /// in the same sentence (`miss: other speaker`, `false: no gold claim in the sentence`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<&'static str>,
}

/// Everything `claimcheck eval` reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    /// The slice scored, as the gold names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slice: Option<String>,
    /// Documents scored (those the gold lists).
    pub documents: usize,
    /// Claims on propositions.
    pub claims: Figures,
    /// Values for frames.
    pub values: Figures,
    /// Conflicts.
    pub conflicts: Figures,
    /// Figures per slice, in a fixed order.
    pub rows: Vec<Row>,
    /// Gold items the tool did not find, in gold order.
    pub misses: Vec<Item>,
    /// Tool items the gold does not hold, in document order.
    pub false_positives: Vec<Item>,
    /// Documents with claims from the tool that the gold does not list; not scored.
    pub unscored_documents: Vec<String>,
    /// Frames of tool values and conflicts that the gold annotates nowhere (a pack newer
    /// than the gold, such as the generic casualty frames over the bundled corpus); not
    /// scored, since the gold says nothing either way about them.
    #[serde(default)]
    pub unscored_frames: Vec<String>,
    /// Claim misses and false claims counted by error class, largest first.
    pub classes: Vec<(String, usize)>,
}

/// Scores `claims` and `comparison` (from the documents under `corpus_root`) against `gold`.
pub fn score(gold: &Gold, corpus_root: &Path, claims: &[Claim], comparison: &Comparison) -> Scores {
    let mut tally = Tally::default();
    let annotated: BTreeSet<&str> = gold
        .documents
        .iter()
        .flat_map(|d| &d.claims)
        .filter_map(|c| match &c.subject {
            Subject::Frame { frame, .. } => Some(frame.as_str()),
            Subject::Proposition(_) => None,
        })
        .chain(gold.conflicts.iter().filter_map(|c| c.frame.as_deref()))
        .collect();
    let mut unscored = BTreeSet::new();
    // Tool claims per gold document, deduplicated on what is scored: two speakers of one
    // principal in one sentence make one claim for the gold. A claim's document is the gold
    // entry its id names (CSV rows, JSON lines), else the one its path is under the root
    // (spelt either way, absolute or relative).
    let mut by_doc: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for claim in claims {
        let evidence = &claim.evidence;
        if let Some(doc) = gold.key_of(corpus_root, &evidence.document, &evidence.path) {
            by_doc.entry(doc.to_owned()).or_default().push(claim);
        } else if claim.proposition.is_some() || claim.value.is_some() {
            unscored.insert(relative(corpus_root, &evidence.path));
        }
    }
    for doc in &gold.documents {
        let found = by_doc.get(&doc.document).map_or(&[][..], Vec::as_slice);
        score_document(&doc.document, &doc.claims, found, &annotated, &mut tally);
    }
    score_conflicts(gold, corpus_root, claims, &comparison.conflicts, &annotated, &mut tally);
    let mut scores = tally.into_scores(gold.documents.len(), unscored.into_iter().collect());
    scores.slice = gold.slice.clone();
    scores
}

/// Path of a tool claim's document relative to the corpus root, `/`-separated.
pub(crate) fn relative(root: &Path, path: &str) -> String {
    let p = Path::new(path);
    let rel = p.strip_prefix(root).unwrap_or(p);
    let text = rel.to_string_lossy().replace('\\', "/");
    text.trim_start_matches("./").to_owned()
}

/// Text for substring matching: curly quotes and dashes made plain, whitespace collapsed.
fn normalise(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A tool claim reduced to what the gold scores.
struct Found<'a> {
    claim: &'a Claim,
    sentence: String,
    key: String,
    labels: Vec<(&'static str, String)>,
    matched: bool,
}

fn claim_key(actor: &str, stance: Stance, proposition: &str) -> String {
    format!("{actor} {stance} {proposition}")
}

fn value_key(actor: &str, frame: &str, interval: &Interval, kind: ValueKind) -> String {
    format!("{actor} {frame} = {}", show_value(interval, kind))
}

fn story(id: &str) -> String {
    id.split('/').next().unwrap_or(id).to_owned()
}

fn score_document(doc: &str, gold: &[GoldClaim], tool: &[&Claim], annotated: &BTreeSet<&str>, tally: &mut Tally) {
    let mut claims: Vec<Found<'_>> = Vec::new();
    let mut values: Vec<Found<'_>> = Vec::new();
    let mut seen = BTreeSet::new();
    for claim in tool.iter().filter(|c| c.voice.claims()) {
        let sentence = normalise(&claim.evidence.sentence);
        let actor = claim.principal.id.as_str();
        if let Some(p) = &claim.proposition {
            let key = claim_key(actor, claim.stance, &p.id);
            if seen.insert((claim.evidence.span.start, key.clone())) {
                let labels = vec![("stance", claim.stance.name().to_owned()), ("story", story(&p.id))];
                claims.push(Found { claim, sentence: sentence.clone(), key, labels, matched: false });
            }
        }
        if let Some(v) = &claim.value {
            if !annotated.contains(v.frame.id.as_str()) {
                tally.unscored_frames.insert(v.frame.id.clone());
                continue;
            }
            let key = value_key(actor, &v.frame.id, &v.interval, v.kind);
            if seen.insert((claim.evidence.span.start, key.clone())) {
                let labels = vec![("frame", v.frame.id.clone())];
                values.push(Found { claim, sentence, key, labels, matched: false });
            }
        }
    }
    for g in gold {
        let piece = normalise(&g.sentence);
        let key_by = |actor: &str| match &g.subject {
            Subject::Proposition(p) => Some(claim_key(actor, g.stance.unwrap_or(Stance::Assert), p)),
            Subject::Frame { frame, value, interval } => {
                let interval = interval.or_else(|| read_value(value))?;
                Some(value_key(actor, frame, &interval, value_kind(value)))
            }
        };
        let Some(key) = key_by(&g.actor) else { continue };
        let (area, labels, pool) = match &g.subject {
            Subject::Proposition(p) => {
                let stance = g.stance.unwrap_or(Stance::Assert);
                let labels = vec![("stance", stance.name().to_owned()), ("story", story(p))];
                (Area::Claims, labels, &mut claims)
            }
            Subject::Frame { frame, .. } => (Area::Values, vec![("frame", frame.clone())], &mut values),
        };
        let same = |f: &Found<'_>| {
            f.key == key
                || (unlisted_speaker(&g.actor, &f.claim.principal.id)
                    && key_by(&f.claim.principal.id).is_some_and(|k| k == f.key))
        };
        let hit = pool.iter_mut().find(|f| !f.matched && same(f) && f.sentence.contains(&piece));
        let outcome = if let Some(f) = hit {
            f.matched = true;
            Outcome::Hit
        } else {
            tally.misses.push(Item {
                area,
                document: Some(doc.to_owned()),
                line: None,
                what: key,
                sentence: Some(g.sentence.clone()),
                detail: None,
                class: (area == Area::Claims).then(|| miss_class(g, &piece, pool)),
            });
            Outcome::Miss
        };
        tally.count(area, &labels, outcome);
    }
    let gold_pieces: Vec<(&GoldClaim, String)> = gold
        .iter()
        .filter(|g| matches!(g.subject, Subject::Proposition(_)))
        .map(|g| (g, normalise(&g.sentence)))
        .collect();
    for (area, pool) in [(Area::Claims, claims), (Area::Values, values)] {
        for f in pool.into_iter().filter(|f| !f.matched) {
            let class = (area == Area::Claims).then(|| false_class(f.claim, &f.sentence, &gold_pieces));
            tally.count(area, &f.labels, Outcome::FalsePositive);
            let mut detail = vec![f.claim.attribution.clone()];
            detail.extend(f.claim.reasons.iter().cloned());
            tally.false_positives.push(Item {
                area,
                document: Some(doc.to_owned()),
                line: Some(f.claim.evidence.line),
                what: f.key,
                sentence: Some(f.claim.evidence.sentence.clone()),
                detail: Some(detail.join("; ")),
                class,
            });
        }
    }
}

/// Whether a gold speaker no pack lists (`unlisted:<who>`, "unlisted:local-sources") is the
/// tool's open-world speaker (`name:…`, `description:…`, a phrase no pack holds) written with
/// every word of `<who>` ("description:local-sources", "description:other-local-sources"),
/// a compound either way ("unlisted:cybersecurity-experts" is "description:cyber-security-experts").
fn unlisted_speaker(gold: &str, tool: &str) -> bool {
    let Some(who) = gold.strip_prefix("unlisted:") else { return false };
    let Some((kind, open)) = tool.split_once(':') else { return false };
    if !matches!(kind, "name" | "description") {
        return false;
    }
    let words: Vec<&str> = open.split('-').collect();
    // A compound written open or closed is one word: "cyber security" is "cybersecurity".
    let closed = |w: &str| {
        words.windows(2).any(|p| w.len() == p[0].len() + p[1].len() && w.starts_with(p[0]) && w.ends_with(p[1]))
    };
    who.split('-').all(|w| words.contains(&w) || closed(w))
}

/// Why a gold claim was missed, from the tool's claims on propositions in its sentence.
fn miss_class(g: &GoldClaim, piece: &str, pool: &[Found<'_>]) -> &'static str {
    let Subject::Proposition(prop) = &g.subject else { return "miss" };
    let stance = g.stance.unwrap_or(Stance::Assert);
    let here: Vec<&Claim> = pool.iter().filter(|f| f.sentence.contains(piece)).map(|f| f.claim).collect();
    let on = |c: &&Claim| c.proposition.as_ref().is_some_and(|p| &p.id == prop);
    let by = |c: &&Claim| c.principal.id == g.actor;
    if here.is_empty() {
        "miss: no claim in the sentence"
    } else if here.iter().any(|c| on(c) && by(c)) {
        "miss: same speaker, other stance"
    } else if here.iter().any(|c| on(c) && c.stance == stance) {
        "miss: other speaker"
    } else if here.iter().any(by) {
        "miss: same speaker, other proposition"
    } else {
        "miss: other claims only"
    }
}

/// Why a tool claim is false, from the gold's claims whose piece lies in its sentence.
fn false_class(claim: &Claim, sentence: &str, gold: &[(&GoldClaim, String)]) -> &'static str {
    let here: Vec<&GoldClaim> = gold.iter().filter(|(_, p)| sentence.contains(p.as_str())).map(|(g, _)| *g).collect();
    let prop = claim.proposition.as_ref().map_or("", |p| p.id.as_str());
    let on = |g: &&GoldClaim| matches!(&g.subject, Subject::Proposition(p) if p == prop);
    let by = |g: &&GoldClaim| g.actor == claim.principal.id;
    if here.is_empty() {
        "false: no gold claim in the sentence"
    } else if here.iter().any(|g| on(g) && by(g)) {
        "false: other stance"
    } else if here.iter().any(|g| on(g) && g.stance.unwrap_or(Stance::Assert) == claim.stance) {
        "false: other speaker"
    } else if here.iter().any(by) {
        "false: other proposition"
    } else {
        "false: other claims only"
    }
}

/// The blocs each principal belongs to, as the claims give them.
fn blocs_of(claims: &[Claim]) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut blocs: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in claims {
        blocs.entry(c.principal.id.as_str()).or_default().extend(c.blocs.iter().map(String::as_str));
    }
    blocs
}

fn same_bloc(blocs: &BTreeMap<&str, BTreeSet<&str>>, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let empty = BTreeSet::new();
    let (ba, bb) = (blocs.get(a).unwrap_or(&empty), blocs.get(b).unwrap_or(&empty));
    ba.contains(b) || bb.contains(a) || ba.intersection(bb).next().is_some()
}

fn pair(a: &str, b: &str) -> String {
    if a <= b { format!("{a} ~ {b}") } else { format!("{b} ~ {a}") }
}

/// Readings that cannot both hold, as unordered pairs of shown values.
fn value_pairs(readings: &[(Interval, ValueKind)]) -> Vec<String> {
    let mut out = BTreeSet::new();
    for (i, (a, ka)) in readings.iter().enumerate() {
        for (b, kb) in &readings[i + 1..] {
            if !a.overlaps(b) {
                out.insert(pair(&show_value(a, *ka), &show_value(b, *kb)));
            }
        }
    }
    out.into_iter().collect()
}

/// The scored units of one conflict: (kind, subject, pair or actor).
fn units(kind: ConflictKind, subject: &str, parts: Vec<String>) -> Vec<(ConflictKind, String)> {
    parts.into_iter().map(|p| (kind, format!("{} {subject} {p}", kind.name()))).collect()
}

fn gold_units(gold: &Gold, blocs: &BTreeMap<&str, BTreeSet<&str>>) -> Vec<(ConflictKind, String, String)> {
    let mut out = Vec::new();
    for c in &gold.conflicts {
        let subject = c.proposition.as_deref().or(c.frame.as_deref()).unwrap_or("-");
        let parts = match c.kind {
            ConflictKind::OpposedStance => {
                let mut parts = BTreeSet::new();
                for a in &c.assert {
                    for d in &c.deny {
                        if !same_bloc(blocs, a, d) {
                            parts.insert(pair(a, d));
                        }
                    }
                }
                parts.into_iter().collect()
            }
            ConflictKind::ValueMismatch | ConflictKind::ValueRevised => {
                let readings: Vec<(Interval, ValueKind)> =
                    c.values.iter().filter_map(|v| read_value(v).map(|i| (i, value_kind(v)))).collect();
                value_pairs(&readings)
            }
            ConflictKind::SelfContradiction | ConflictKind::ReportConflict => c.actors.clone(),
            ConflictKind::Unlisted => vec![c.actors.join(" ~ ")],
        };
        let docs = c.documents.join(", ");
        out.extend(units(c.kind, subject, parts).into_iter().map(|(k, u)| (k, u, docs.clone())));
    }
    out
}

/// The scored units of a tool's conflict, its actors written as the gold writes them
/// (`as_gold`: an open-world speaker under the gold's `unlisted:<who>`).
fn tool_units(conflict: &Conflict, as_gold: &impl Fn(&str) -> String) -> Vec<(ConflictKind, String)> {
    let subject = conflict
        .proposition
        .as_ref()
        .map(|p| p.id.as_str())
        .or(conflict.frame.as_ref().map(|f| f.id.as_str()))
        .unwrap_or("-");
    let parts = match conflict.kind {
        ConflictKind::OpposedStance => {
            let mut parts = BTreeSet::new();
            for a in conflict.sides.iter().filter(|s| s.stance == Stance::Assert) {
                for d in conflict.sides.iter().filter(|s| s.stance == Stance::Deny) {
                    if a.actor != d.actor {
                        parts.insert(pair(&as_gold(&a.actor), &as_gold(&d.actor)));
                    }
                }
            }
            if parts.is_empty() {
                for (i, a) in conflict.actors.iter().enumerate() {
                    for b in &conflict.actors[i + 1..] {
                        parts.insert(pair(&as_gold(a), &as_gold(b)));
                    }
                }
            }
            parts.into_iter().collect()
        }
        ConflictKind::ValueMismatch | ConflictKind::ValueRevised => {
            let readings: Vec<(Interval, ValueKind)> =
                conflict.sides.iter().filter_map(|s| s.value.as_ref().map(|v| (v.interval, v.kind))).collect();
            value_pairs(&readings)
        }
        ConflictKind::SelfContradiction | ConflictKind::ReportConflict => conflict.actors.clone(),
        ConflictKind::Unlisted => vec![conflict.actors.join(" ~ ")],
    };
    units(conflict.kind, subject, parts)
}

fn score_conflicts(
    gold: &Gold,
    root: &Path,
    claims: &[Claim],
    conflicts: &[Conflict],
    annotated: &BTreeSet<&str>,
    tally: &mut Tally,
) {
    let blocs = blocs_of(claims);
    let unlisted: BTreeSet<&str> = gold
        .conflicts
        .iter()
        .flat_map(|c| c.assert.iter().chain(&c.deny).chain(&c.actors))
        .map(String::as_str)
        .filter(|a| a.starts_with("unlisted:"))
        .collect();
    let as_gold = |actor: &str| {
        unlisted.iter().find(|g| unlisted_speaker(g, actor)).map_or_else(|| actor.to_owned(), |g| (*g).to_owned())
    };
    let mut tool: BTreeMap<String, (ConflictKind, &Conflict)> = BTreeMap::new();
    for c in conflicts {
        if let Some(frame) = c.frame.as_ref().filter(|f| !annotated.contains(f.id.as_str())) {
            tally.unscored_frames.insert(frame.id.clone());
            continue;
        }
        for (kind, unit) in tool_units(c, &as_gold) {
            tool.entry(unit).or_insert((kind, c));
        }
    }
    let mut matched = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for (kind, unit, docs) in gold_units(gold, &blocs) {
        if !seen.insert(unit.clone()) {
            continue;
        }
        let labels = [("kind", kind.name().to_owned())];
        if tool.contains_key(&unit) {
            matched.insert(unit);
            tally.count(Area::Conflicts, &labels, Outcome::Hit);
        } else {
            tally.count(Area::Conflicts, &labels, Outcome::Miss);
            let document = (!docs.is_empty()).then_some(docs);
            tally.misses.push(Item {
                area: Area::Conflicts,
                document,
                line: None,
                what: unit,
                sentence: None,
                detail: None,
                class: None,
            });
        }
    }
    for (unit, (kind, conflict)) in tool {
        if matched.contains(&unit) {
            continue;
        }
        tally.count(Area::Conflicts, &[("kind", kind.name().to_owned())], Outcome::FalsePositive);
        let first = conflict.sides.iter().flat_map(|s| s.evidence.first()).next();
        tally.false_positives.push(Item {
            area: Area::Conflicts,
            document: first.map(|e| {
                let (id, path) = (&e.evidence.document, &e.evidence.path);
                gold.key_of(root, id, path).map_or_else(|| relative(root, path), str::to_owned)
            }),
            line: first.map(|e| e.evidence.line),
            what: unit,
            sentence: first.map(|e| e.evidence.sentence.clone()),
            detail: Some(conflict.message.clone()),
            class: None,
        });
    }
}

/// A value as the gold writes it: `74`, `[70, inf)`, or a day `2017-04-12` for dates.
pub fn show_value(interval: &Interval, kind: ValueKind) -> String {
    if kind == ValueKind::Date
        && let (Bound::Inclusive(a), Bound::Inclusive(b)) = (interval.low, interval.high)
        && (a - b).abs() < 1e-9
        && let Some(day) = parse::Date::from_days_since_epoch(a as i64)
    {
        return day.to_string();
    }
    show_interval(interval)
}

/// An interval as the gold writes it: `74`, `[70, inf)`.
pub fn show_interval(interval: &Interval) -> String {
    fn num(v: f64) -> String {
        if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
    }
    if let (Bound::Inclusive(a), Bound::Inclusive(b)) = (interval.low, interval.high)
        && (a - b).abs() < 1e-9
    {
        return num(a);
    }
    let low = match interval.low {
        Bound::Inclusive(v) => format!("[{}", num(v)),
        Bound::Exclusive(v) => format!("({}", num(v)),
        Bound::Unbounded => "(-inf".to_owned(),
    };
    let high = match interval.high {
        Bound::Inclusive(v) => format!("{}]", num(v)),
        Bound::Exclusive(v) => format!("{})", num(v)),
        Bound::Unbounded => "inf)".to_owned(),
    };
    format!("{low}, {high}")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Hit,
    Miss,
    FalsePositive,
}

#[derive(Default)]
struct Tally {
    /// (area, by, kind) → (tp, fp, misses); `by` empty for the area overall.
    counts: BTreeMap<(Area, &'static str, String), (usize, usize, usize)>,
    misses: Vec<Item>,
    false_positives: Vec<Item>,
    unscored_frames: BTreeSet<String>,
}

impl Tally {
    fn count(&mut self, area: Area, labels: &[(&'static str, String)], outcome: Outcome) {
        let keys = std::iter::once(("", String::new())).chain(labels.iter().cloned());
        for (by, kind) in keys {
            let entry = self.counts.entry((area, by, kind)).or_default();
            match outcome {
                Outcome::Hit => entry.0 += 1,
                Outcome::FalsePositive => entry.1 += 1,
                Outcome::Miss => entry.2 += 1,
            }
        }
    }

    fn into_scores(self, documents: usize, unscored_documents: Vec<String>) -> Scores {
        let overall = |area: Area| {
            let (tp, fp, miss) = self.counts.get(&(area, "", String::new())).copied().unwrap_or_default();
            Figures::from_counts(tp, fp, miss)
        };
        let rows = self
            .counts
            .iter()
            .filter(|((_, by, _), _)| !by.is_empty())
            .map(|((area, by, kind), &(tp, fp, miss))| Row {
                area: *area,
                by: (*by).to_owned(),
                kind: kind.clone(),
                figures: Figures::from_counts(tp, fp, miss),
            })
            .collect();
        let mut counted: BTreeMap<&str, usize> = BTreeMap::new();
        for class in self.misses.iter().chain(&self.false_positives).filter_map(|i| i.class) {
            *counted.entry(class).or_default() += 1;
        }
        let mut classes: Vec<(String, usize)> = counted.into_iter().map(|(c, n)| (c.to_owned(), n)).collect();
        classes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Scores {
            classes,
            slice: None,
            documents,
            claims: overall(Area::Claims),
            values: overall(Area::Values),
            conflicts: overall(Area::Conflicts),
            rows,
            misses: self.misses,
            false_positives: self.false_positives,
            unscored_documents,
            unscored_frames: self.unscored_frames.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claim::{Evidence, FrameRef, PropositionRef, Severity, Value, ValueKind};
    use compare::{Side, SideEvidence};

    fn evidence() -> SideEvidence {
        SideEvidence {
            evidence: Evidence {
                document: "d".into(),
                source: "s".into(),
                path: "story/d.md".into(),
                published: None,
                ordinal: parse::DocOrdinal::default(),
                span: parse::Span { start: 0, end: 1 },
                line: 3,
                column: 1,
                sentence: "x".into(),
                cue: None,
                speaker: None,
            },
            speaker_id: "a".into(),
            speaker_name: "a".into(),
            attribution: String::new(),
            reasons: Vec::new(),
            date: None,
        }
    }

    fn side(actor: &str, stance: Stance, value: Option<Interval>) -> Side {
        let value = value.map(|interval| Value {
            frame: FrameRef { id: "f".into(), quantity: "q".into() },
            kind: ValueKind::Count,
            interval,
            raw: String::new(),
            date: None,
            event: None,
        });
        Side {
            actor: actor.into(),
            actor_name: actor.into(),
            stance,
            value,
            evidence: vec![evidence()],
            evidence_omitted: 0,
        }
    }

    fn conflict(kind: ConflictKind, sides: Vec<Side>) -> Conflict {
        let mut actors: Vec<String> = sides.iter().map(|s| s.actor.clone()).collect();
        actors.sort();
        actors.dedup();
        let stance = matches!(kind, ConflictKind::OpposedStance | ConflictKind::SelfContradiction);
        Conflict {
            kind,
            severity: Severity::Error,
            fingerprint: String::new(),
            proposition: stance.then(|| PropositionRef { id: "p".into(), statement: String::new() }),
            frame: (!stance).then(|| FrameRef { id: "f".into(), quantity: String::new() }),
            event: None,
            actors,
            message: "m".into(),
            confidence: 1.0,
            sides,
        }
    }

    fn gold(text: &str) -> Gold {
        Gold::parse(text, "gold.yaml").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn opposed_camps_expand_to_pairs_and_match_the_comparator() {
        let g = gold(
            "documents: []\nconflicts:\n  - {kind: opposed-stance, proposition: p, assert: [USA, GBR], deny: [RUS]}\n",
        );
        let found = vec![conflict(
            ConflictKind::OpposedStance,
            vec![side("USA", Stance::Assert, None), side("RUS", Stance::Deny, None), side("FRA", Stance::Assert, None)],
        )];
        let comparison = Comparison { positions: Vec::new(), conflicts: found };
        let s = score(&g, Path::new(""), &[], &comparison);
        // USA~RUS found, GBR~RUS missed, FRA~RUS not in the gold.
        assert_eq!((s.conflicts.true_positives, s.conflicts.misses, s.conflicts.false_positives), (1, 1, 1));
        assert_eq!(s.misses[0].what, "opposed-stance p GBR ~ RUS");
        assert_eq!(s.false_positives[0].what, "opposed-stance p FRA ~ RUS");
    }

    #[test]
    fn an_open_world_speaker_is_the_gold_s_unlisted_one_in_conflicts() {
        let g = gold(
            "documents: []\nconflicts:\n  - {kind: opposed-stance, proposition: p, assert: [\"unlisted:researchers\"], deny: [RUS]}\n",
        );
        let sides = vec![side("description:many-researchers", Stance::Assert, None), side("RUS", Stance::Deny, None)];
        let comparison =
            Comparison { positions: Vec::new(), conflicts: vec![conflict(ConflictKind::OpposedStance, sides)] };
        let s = score(&g, Path::new(""), &[], &comparison);
        assert_eq!((s.conflicts.true_positives, s.conflicts.misses, s.conflicts.false_positives), (1, 0, 0));
    }

    #[test]
    fn an_unlisted_speaker_is_its_words_with_compounds_open_or_closed() {
        assert!(unlisted_speaker("unlisted:cybersecurity-experts", "description:cyber-security-experts"));
        assert!(!unlisted_speaker("unlisted:cybersecurity-experts", "description:security-experts"));
    }

    #[test]
    fn pairs_of_one_bloc_are_not_expected() {
        let g = gold(
            "documents: []\nconflicts:\n  - {kind: opposed-stance, proposition: p, assert: [USA], deny: [GBR, RUS]}\n",
        );
        let mut blocs = BTreeMap::new();
        blocs.insert("USA", BTreeSet::from(["WEST"]));
        blocs.insert("GBR", BTreeSet::from(["WEST"]));
        let units: Vec<String> = gold_units(&g, &blocs).into_iter().map(|(_, u, _)| u).collect();
        assert_eq!(units, vec!["opposed-stance p RUS ~ USA".to_owned()]);
    }

    #[test]
    fn value_readings_pair_only_when_they_cannot_both_hold() {
        let g = gold(
            "documents: []\nconflicts:\n  - {kind: value-mismatch, frame: f, values: [\"74\", \"[70, inf)\", \"86\"]}\n",
        );
        let units: Vec<String> = gold_units(&g, &BTreeMap::new()).into_iter().map(|(_, u, _)| u).collect();
        assert_eq!(units, vec!["value-mismatch f 74 ~ 86".to_owned()]);
        let found = vec![conflict(
            ConflictKind::ValueMismatch,
            vec![
                side("SOHR", Stance::Assert, Some(Interval::exact(86.0))),
                side("USA", Stance::Assert, Some(Interval::exact(74.0))),
            ],
        )];
        let s = score(&g, Path::new(""), &[], &Comparison { positions: Vec::new(), conflicts: found });
        assert_eq!((s.conflicts.true_positives, s.conflicts.false_positives), (1, 0));
    }

    #[test]
    fn intervals_show_as_the_gold_writes_them() {
        assert_eq!(show_interval(&Interval::exact(74.0)), "74");
        let open = Interval { low: Bound::Exclusive(200.0), high: Bound::Unbounded };
        assert_eq!(show_interval(&open), "(200, inf)");
        assert_eq!(show_interval(&Interval::closed(18.0, 22.0)), "[18, 22]");
        let day = read_value("2017-04-12").unwrap_or(Interval::exact(0.0));
        assert_eq!(show_value(&day, value_kind("2017-04-12")), "2017-04-12");
        assert_eq!(value_kind("[70, inf)"), ValueKind::Count);
    }

    #[test]
    fn figures_are_zero_without_anything_found() {
        let f = Figures::from_counts(0, 0, 3);
        assert_eq!((f.precision, f.recall, f.f1), (0.0, 0.0, 0.0));
        let f = Figures::from_counts(3, 1, 1);
        assert!((f.f1 - 0.75).abs() < 1e-9);
    }
}
