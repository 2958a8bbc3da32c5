//! Attribution scored on PolNeAR (Newell, Margolin, Ruths, LREC 2018): real news in which
//! every attribution is annotated as brat standoff, a Source, a Cue and a Content.
//!
//! A split folder holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`; one annotator
//! per article is scored (the first in name order). A gold attribution is found when one of
//! the tool's attributions has a cue span overlapping the gold Cue and a speaker span
//! overlapping the gold Source (the cue alone when the gold has no Source); each tool
//! attribution matches one gold at most. The strict variant asks both pairs of spans to share
//! at least half the words of each. Figures are given per source type (named, description,
//! pronoun, none), read from the gold Source's words.

use crate::EvalError;
use crate::score::Figures;
use parse::Span;
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// What kind of phrase names the speaker in the gold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    /// A name ("Hillary Clinton", "The New York Post").
    Named,
    /// A description without a name at its head ("officials", "a senior US official").
    Description,
    /// A pronoun ("he", "they").
    Pronoun,
    /// No source annotated ("it is believed that …").
    None,
}

impl SourceType {
    /// All types, in report order.
    pub const ALL: [SourceType; 4] =
        [SourceType::Named, SourceType::Description, SourceType::Pronoun, SourceType::None];

    /// The name used in reports.
    pub const fn name(self) -> &'static str {
        match self {
            SourceType::Named => "named",
            SourceType::Description => "description",
            SourceType::Pronoun => "pronoun",
            SourceType::None => "none",
        }
    }

    /// The type of a source phrase: a pronoun alone; named when the head of its first noun
    /// phrase (the last word before `of`, `at`, `,`, `who`, …) is capitalised; else a
    /// description.
    pub fn of(source: Option<&str>) -> SourceType {
        let Some(source) = source else { return SourceType::None };
        let words: Vec<&str> =
            source.split(|c: char| c.is_whitespace() || c == ',' || c == '(').filter(|w| !w.is_empty()).collect();
        if let [one] = words.as_slice()
            && is_pronoun(one)
        {
            return SourceType::Pronoun;
        }
        let stop = ["of", "at", "from", "with", "who", "which", "that", "for", "in", "on", "and"];
        let first_np: Vec<&str> =
            words.iter().take_while(|w| !stop.contains(&w.to_lowercase().as_str())).copied().collect();
        let head = first_np.last().or(words.first()).copied().unwrap_or("");
        let head = head.trim_end_matches(['\'', '’', 's']).trim_end_matches(['\'', '’']);
        if head.chars().next().is_some_and(char::is_uppercase) { SourceType::Named } else { SourceType::Description }
    }
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "his"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "who"
            | "which"
            | "that"
            | "this"
            | "these"
            | "those"
            | "one"
            | "some"
            | "others"
            | "many"
    )
}

/// One gold attribution: spans in bytes of the article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldAttribution {
    /// The cue's pieces.
    pub cue: Vec<Span>,
    /// The source's pieces, when annotated.
    pub source: Option<Vec<Span>>,
    /// The content's pieces, when annotated.
    pub content: Option<Vec<Span>>,
    /// What kind of phrase the source is.
    pub source_type: SourceType,
}

/// One article with the attributions of one annotator.
#[derive(Clone, Debug)]
pub struct Article {
    /// The file stem (`breitbart_2016-09-12_…`).
    pub name: String,
    /// The annotator whose file is scored.
    pub annotator: String,
    /// The article as read.
    pub text: String,
    /// The gold attributions.
    pub attributions: Vec<GoldAttribution>,
}

impl Article {
    /// The article as a document: outlet and publication date from the file name
    /// (`PUBLISHER_YYYY-MM-DD_slug`).
    pub fn document(&self, ordinal: usize) -> parse::Document {
        let mut doc = parse::Document::from_text(self.name.clone(), self.text.clone());
        let mut parts = self.name.split('_');
        if let Some(publisher) = parts.next() {
            publisher.clone_into(&mut doc.source);
        }
        doc.published = parts.next().and_then(parse::Date::parse_published);
        doc.path = format!("{}.txt", self.name);
        doc.ordinal = parse::DocOrdinal { file: u32::try_from(ordinal).unwrap_or(u32::MAX), record: 0 };
        doc
    }
}

/// Reads a PolNeAR split folder (`text/`, `attributions/`), articles in name order.
pub fn load(dir: &Path) -> Result<Vec<Article>, EvalError> {
    let io = |path: &Path, err: io::Error| EvalError::Io { path: path.display().to_string(), message: err.to_string() };
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut names: Vec<String> = std::fs::read_dir(&text_dir)
        .map_err(|e| io(&text_dir, e))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".txt")).map(str::to_owned))
        .collect();
    names.sort();
    let mut anns: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(|e| io(&ann_dir, e))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".ann")).map(str::to_owned))
        .collect();
    anns.sort();
    let mut articles = Vec::with_capacity(names.len());
    for name in names {
        let path = text_dir.join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let prefix = format!("{name}_");
        let Some(ann) = anns.iter().find(|a| a.strip_prefix(&prefix).is_some_and(|rest| !rest.contains('_'))) else {
            return Err(EvalError::Invalid {
                origin: path.display().to_string(),
                line: 1,
                column: 1,
                message: format!("no annotation file `{name}_ANNOTATOR.ann` in {}", ann_dir.display()),
            });
        };
        let ann_path = ann_dir.join(format!("{ann}.ann"));
        let standoff = std::fs::read_to_string(&ann_path).map_err(|e| io(&ann_path, e))?;
        let attributions = parse_standoff(&standoff, &text, &ann_path.display().to_string())?;
        articles.push(Article { annotator: ann[prefix.len()..].to_owned(), name, text, attributions });
    }
    Ok(articles)
}

/// Reads brat standoff: `T` lines are typed spans in character offsets, `E` lines tie a
/// Cue to its Source and Content. Other lines (notes, relations) are ignored.
pub fn parse_standoff(standoff: &str, text: &str, origin: &str) -> Result<Vec<GoldAttribution>, EvalError> {
    // Byte offset of every character offset, and one past the end.
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let invalid = |line: usize, column: usize, message: String| EvalError::Invalid {
        origin: origin.to_owned(),
        line,
        column,
        message,
    };
    let mut spans: std::collections::HashMap<&str, Vec<Span>> = std::collections::HashMap::new();
    let mut events: Vec<(usize, &str)> = Vec::new();
    for (n, line) in standoff.lines().enumerate() {
        let n = n + 1;
        // A line that opens with no annotation id continues the previous span's text (brat
        // copies the covered text, newlines included).
        let id = line.split('\t').next().unwrap_or("");
        let is_id = id.len() >= 2 && id[1..].bytes().all(|b| b.is_ascii_digit()) && line.contains('\t');
        if !is_id {
            continue;
        }
        if line.starts_with('T') {
            let mut fields = line.splitn(3, '\t');
            let id = fields.next().unwrap_or("");
            let Some(kind_and_offsets) = fields.next() else {
                return Err(invalid(n, 1, format!("`{id}`: expected `ID<TAB>TYPE START END<TAB>TEXT`")));
            };
            let mut pieces = Vec::new();
            let offsets = kind_and_offsets.split_once(' ').map_or("", |(_, o)| o);
            for piece in offsets.split(';') {
                let mut ends = piece.split(' ').map(str::parse::<usize>);
                let (Some(Ok(start)), Some(Ok(end)), None) = (ends.next(), ends.next(), ends.next()) else {
                    return Err(invalid(n, id.len() + 2, format!("`{piece}`: expected `START END` character offsets")));
                };
                let (Some(&s), Some(&e)) = (bytes.get(start), bytes.get(end)) else {
                    return Err(invalid(
                        n,
                        id.len() + 2,
                        format!("offsets {start}..{end} lie past the text's end ({} characters)", bytes.len() - 1),
                    ));
                };
                if s > e {
                    return Err(invalid(n, id.len() + 2, format!("offsets {start}..{end}: start after end")));
                }
                pieces.push(Span::new(s, e));
            }
            spans.insert(id, pieces);
        } else if line.starts_with('E') {
            events.push((n, line));
        }
    }
    let mut out = Vec::new();
    for (n, line) in events {
        let mut cue = None;
        let mut source = None;
        let mut content = None;
        for arg in line.split(['\t', ' ']).skip(1) {
            let Some((role, id)) = arg.split_once(':') else { continue };
            let target = match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Cue" => &mut cue,
                "Source" => &mut source,
                "Content" => &mut content,
                _ => continue,
            };
            let Some(pieces) = spans.get(id) else {
                return Err(invalid(n, 1, format!("`{arg}` names `{id}`, which no `T` line defines")));
            };
            *target = Some(pieces.clone());
        }
        // An event without a cue is not an attribution the metric can score.
        let Some(cue) = cue else { continue };
        let source_text =
            source.as_ref().map(|p: &Vec<Span>| p.iter().map(|s| s.text(text)).collect::<Vec<_>>().join(" "));
        let source_type = SourceType::of(source_text.as_deref());
        out.push(GoldAttribution { cue, source, content, source_type });
    }
    Ok(out)
}

/// A tool attribution reduced to what the metric reads.
#[derive(Clone, Debug)]
pub struct Found {
    /// The cue span.
    pub cue: Span,
    /// The speaker span, when there is one.
    pub speaker: Option<Span>,
    /// The content span, when there is one.
    pub content: Option<Span>,
}

impl Found {
    /// From the engine's record.
    pub fn from_record(a: &claim::Attribution) -> Found {
        Found {
            cue: a.cue.span,
            speaker: a.speaker.as_ref().map(|s| s.span),
            content: a.content.as_ref().map(|c| c.span),
        }
    }
}

/// Precision, recall and F1 per source type, lenient and strict.
#[derive(Clone, Debug, Serialize)]
pub struct PolnearScores {
    /// Articles scored.
    pub articles: usize,
    /// Gold attributions.
    pub gold: usize,
    /// Tool attributions.
    pub found: usize,
    /// Cue and source overlap.
    pub overlap: Figures,
    /// Cue and source share half their words each way.
    pub strict: Figures,
    /// Overlap figures per source type.
    pub by_type: Vec<(SourceType, Figures)>,
    /// Strict figures per source type.
    pub strict_by_type: Vec<(SourceType, Figures)>,
    /// Of the matched attributions, how many have a content overlapping the gold Content.
    pub content_overlap: usize,
    /// Each miss and false positive, for error analysis.
    pub errors: Vec<PolnearError>,
    /// Misses and false positives counted per class, then per source type (report order).
    pub classes: Vec<(ErrorClass, [usize; 4])>,
}

/// Why a gold attribution was missed or a tool attribution is false (overlap match).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorClass {
    /// Miss: no word of the gold cue is a cue the rules list.
    CueNotListed,
    /// Miss: the cue is listed, but the tool gave no attribution on it (no speaker found, or
    /// the reading dropped it).
    ListedNoSpeaker,
    /// Miss: the tool has an attribution on the cue whose speaker is not the gold source.
    WrongSpeaker,
    /// Miss: the tool's attribution on the cue was matched to another gold attribution.
    CueTaken,
    /// False positive: a gold attribution has this cue, but another speaker.
    FpWrongSpeaker,
    /// False positive: the gold attribution on this cue was matched by another of the tool's.
    FpDuplicate,
    /// False positive: no gold cue there (not an attribution, or a cue the gold does not
    /// annotate, as one inside quoted content).
    FpNotACue,
}

impl ErrorClass {
    /// All classes, in report order.
    pub const ALL: [ErrorClass; 7] = [
        ErrorClass::CueNotListed,
        ErrorClass::ListedNoSpeaker,
        ErrorClass::WrongSpeaker,
        ErrorClass::CueTaken,
        ErrorClass::FpWrongSpeaker,
        ErrorClass::FpDuplicate,
        ErrorClass::FpNotACue,
    ];

    /// The name used in reports.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorClass::CueNotListed => "miss: cue not listed",
            ErrorClass::ListedNoSpeaker => "miss: listed cue, no attribution",
            ErrorClass::WrongSpeaker => "miss: cue found, other speaker",
            ErrorClass::CueTaken => "miss: cue's attribution used by another",
            ErrorClass::FpWrongSpeaker => "fp: gold cue, other source",
            ErrorClass::FpDuplicate => "fp: gold cue already matched",
            ErrorClass::FpNotACue => "fp: no gold cue there",
        }
    }

    /// The class of a gold attribution not found. `m` is the overlap matching of the
    /// article's gold attributions; `listed` the spans of the cues the rules list.
    fn of_miss(g: &GoldAttribution, found: &[Found], m: &[Option<usize>], listed: &[Span]) -> ErrorClass {
        let on_cue: Vec<usize> = (0..found.len()).filter(|&k| any_overlap(&g.cue, found[k].cue)).collect();
        if on_cue.is_empty() {
            return match listed.iter().any(|&l| any_overlap(&g.cue, l)) {
                true => ErrorClass::ListedNoSpeaker,
                false => ErrorClass::CueNotListed,
            };
        }
        match on_cue.iter().all(|k| m.contains(&Some(*k))) {
            true => ErrorClass::CueTaken,
            false => ErrorClass::WrongSpeaker,
        }
    }

    /// The class of a tool attribution matched to no gold.
    fn of_false_positive(f: &Found, gold: &[GoldAttribution], m: &[Option<usize>]) -> ErrorClass {
        let on_cue: Vec<usize> = (0..gold.len()).filter(|&g| any_overlap(&gold[g].cue, f.cue)).collect();
        if on_cue.is_empty() {
            ErrorClass::FpNotACue
        } else if on_cue.iter().all(|&g| m[g].is_some()) {
            ErrorClass::FpDuplicate
        } else {
            ErrorClass::FpWrongSpeaker
        }
    }
}

/// One miss or false positive, with its sentence.
#[derive(Clone, Debug, Serialize)]
pub struct PolnearError {
    /// `miss` or `false positive`.
    pub kind: &'static str,
    /// Why, as one of [`ErrorClass`]'s names.
    pub class: ErrorClass,
    /// The article.
    pub article: String,
    /// The source type (the gold's for a miss, the tool's speaker's for a false positive).
    pub source_type: SourceType,
    /// The cue as written.
    pub cue: String,
    /// The source or speaker as written.
    pub source: String,
    /// The speaker the tool gave on the same cue, for a miss whose cue it found.
    pub tool_source: Option<String>,
    /// The line of text around the cue.
    pub context: String,
}

fn words_of(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let slice = span.text(text);
    let mut start = None;
    for (i, c) in slice.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Span::new(span.start + s, span.start + i));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(span.start + s, span.end));
    }
    out
}

fn any_overlap(gold: &[Span], tool: Span) -> bool {
    gold.iter().any(|g| g.overlaps(tool))
}

/// Whether gold and tool share at least half the words of each.
fn half_overlap(text: &str, gold: &[Span], tool: Span) -> bool {
    let g: Vec<Span> = gold.iter().flat_map(|s| words_of(text, *s)).collect();
    let t = words_of(text, tool);
    if g.is_empty() || t.is_empty() {
        return any_overlap(gold, tool);
    }
    let shared = g.iter().filter(|w| t.contains(w)).count();
    2 * shared >= g.len() && 2 * shared >= t.len()
}

/// Matches tool attributions to gold ones, first gold first, each used once. Returns, per
/// gold, the index of the tool attribution matched.
fn matching(text: &str, gold: &[GoldAttribution], found: &[Found], strict: bool) -> Vec<Option<usize>> {
    let mut used = vec![false; found.len()];
    let mut out = Vec::with_capacity(gold.len());
    for g in gold {
        let fits = |f: &Found| {
            let cue = if strict { half_overlap(text, &g.cue, f.cue) } else { any_overlap(&g.cue, f.cue) };
            let source = match (&g.source, f.speaker) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(s), Some(sp)) => {
                    if strict {
                        half_overlap(text, s, sp)
                    } else {
                        any_overlap(s, sp)
                    }
                }
            };
            cue && source
        };
        let k = (0..found.len()).find(|&k| !used[k] && fits(&found[k]));
        if let Some(k) = k {
            used[k] = true;
        }
        out.push(k);
    }
    out
}

/// The line of `text` around `span`, at most 300 bytes.
fn context(text: &str, span: Span) -> String {
    let start = text[..span.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end.min(text.len())..].find('\n').map_or(text.len(), |i| span.end + i);
    let mut from = start.max(span.start.saturating_sub(150));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = end.min(span.end + 150);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text[from..to].to_owned()
}

/// Scores the tool's attributions for each article (`found[i]` for `articles[i]`);
/// `listed[i]`, when given, holds where the rules list a cue in article `i`, to tell the
/// misses whose cue no list holds.
pub fn score(articles: &[Article], found: &[Vec<Found>], listed: &[Vec<Span>]) -> PolnearScores {
    let mut counts = [[0usize; 3]; 4]; // per type: tp, fp, miss
    let mut strict_counts = [[0usize; 3]; 4];
    let mut content_overlap = 0;
    let mut errors = Vec::new();
    let idx = |t: SourceType| SourceType::ALL.iter().position(|x| *x == t).unwrap_or(0);
    let mut gold_total = 0;
    let mut found_total = 0;
    let mut classes = [[0usize; 4]; ErrorClass::ALL.len()];
    let class_idx = |c: ErrorClass| ErrorClass::ALL.iter().position(|x| *x == c).unwrap_or(0);
    for (i, (article, found)) in articles.iter().zip(found).enumerate() {
        let listed = listed.get(i).map_or(&[][..], Vec::as_slice);
        let text = &article.text;
        gold_total += article.attributions.len();
        found_total += found.len();
        for (strict, counts) in [(false, &mut counts), (true, &mut strict_counts)] {
            let m = matching(text, &article.attributions, found, strict);
            let mut used = vec![false; found.len()];
            for (g, k) in article.attributions.iter().zip(&m) {
                let t = idx(g.source_type);
                match k {
                    Some(k) => {
                        used[*k] = true;
                        counts[t][0] += 1;
                        if !strict
                            && let (Some(gc), Some(fc)) = (&g.content, found[*k].content)
                            && any_overlap(gc, fc)
                        {
                            content_overlap += 1;
                        }
                    }
                    None => {
                        counts[t][2] += 1;
                        if !strict {
                            let class = ErrorClass::of_miss(g, found, &m, listed);
                            classes[class_idx(class)][t] += 1;
                            let tool = found.iter().find(|f| any_overlap(&g.cue, f.cue));
                            let join = |p: &[Span]| p.iter().map(|s| s.text(text)).collect::<Vec<_>>().join(" ");
                            errors.push(PolnearError {
                                kind: "miss",
                                class,
                                article: article.name.clone(),
                                source_type: g.source_type,
                                cue: join(&g.cue),
                                source: g.source.as_deref().map(join).unwrap_or_default(),
                                tool_source: tool.map(|f| f.speaker.map_or("", |s| s.text(text)).to_owned()),
                                context: context(text, g.cue[0]),
                            });
                        }
                    }
                }
            }
            for (k, f) in found.iter().enumerate().filter(|(k, _)| !used[*k]) {
                let speaker = f.speaker.map_or("", |s| s.text(text));
                // A false positive counts under the type of the gold it would have been, if
                // a gold shares its cue, else under its own speaker's words.
                let t = article
                    .attributions
                    .iter()
                    .find(|g| any_overlap(&g.cue, f.cue))
                    .map_or_else(|| SourceType::of(f.speaker.map(|s| s.text(text))), |g| g.source_type);
                counts[idx(t)][1] += 1;
                if !strict {
                    let class = ErrorClass::of_false_positive(&found[k], &article.attributions, &m);
                    classes[class_idx(class)][idx(t)] += 1;
                    errors.push(PolnearError {
                        kind: "false positive",
                        class,
                        article: article.name.clone(),
                        source_type: t,
                        cue: f.cue.text(text).to_owned(),
                        source: speaker.to_owned(),
                        tool_source: None,
                        context: context(text, f.cue),
                    });
                }
            }
        }
    }
    let total = |c: &[[usize; 3]; 4]| {
        let s = c.iter().fold([0; 3], |a, x| [a[0] + x[0], a[1] + x[1], a[2] + x[2]]);
        Figures::from_counts(s[0], s[1], s[2])
    };
    let per = |c: &[[usize; 3]; 4]| {
        SourceType::ALL.iter().map(|&t| (t, Figures::from_counts(c[idx(t)][0], c[idx(t)][1], c[idx(t)][2]))).collect()
    };
    PolnearScores {
        articles: articles.len(),
        gold: gold_total,
        found: found_total,
        overlap: total(&counts),
        strict: total(&strict_counts),
        by_type: per(&counts),
        strict_by_type: per(&strict_counts),
        content_overlap,
        errors,
        classes: ErrorClass::ALL.iter().map(|&c| (c, classes[class_idx(c)])).collect(),
    }
}

impl PolnearScores {
    /// The figures as a table, then (when `errors`) every miss and false positive.
    pub fn write_text(&self, w: &mut dyn Write, errors: bool) -> io::Result<()> {
        writeln!(
            w,
            "PolNeAR: {} articles, {} gold attributions, {} found by the tool",
            self.articles, self.gold, self.found
        )?;
        writeln!(w)?;
        writeln!(
            w,
            "{:<8} {:<12} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
            "match", "source", "tp", "fp", "miss", "P", "R", "F1"
        )?;
        for (name, all, rows) in
            [("overlap", &self.overlap, &self.by_type), ("strict", &self.strict, &self.strict_by_type)]
        {
            row(w, name, "all", all)?;
            for (t, f) in rows {
                row(w, "", t.name(), f)?;
            }
        }
        writeln!(
            w,
            "\ncontent overlaps the gold Content in {} of {} attributions found",
            self.content_overlap, self.overlap.true_positives
        )?;
        writeln!(w, "\nerrors by class (overlap match)")?;
        write!(w, "{:<40} {:>6}", "class", "all")?;
        for t in SourceType::ALL {
            write!(w, " {:>11}", t.name())?;
        }
        writeln!(w)?;
        for (class, counts) in &self.classes {
            write!(w, "{:<40} {:>6}", class.name(), counts.iter().sum::<usize>())?;
            for n in counts {
                write!(w, " {n:>11}")?;
            }
            writeln!(w)?;
        }
        if errors {
            for e in &self.errors {
                writeln!(
                    w,
                    "{}\t{}\t{}\t{}\tcue `{}`\tsource `{}`\ttool `{}`\t{}",
                    e.kind,
                    e.class.name(),
                    e.article,
                    e.source_type.name(),
                    e.cue,
                    e.source,
                    e.tool_source.as_deref().unwrap_or("-"),
                    e.context.replace(['\n', '\t'], " ")
                )?;
            }
        }
        Ok(())
    }
}

fn row(w: &mut dyn Write, area: &str, by: &str, f: &Figures) -> io::Result<()> {
    writeln!(
        w,
        "{:<8} {:<12} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}",
        area, by, f.true_positives, f.false_positives, f.misses, f.precision, f.recall, f.f1
    )
}

/// The committed minimums for a PolNeAR split: figures of the overlap and strict matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolnearFloor {
    /// Cue and source overlap.
    #[serde(default)]
    pub overlap: crate::Minimums,
    /// Cue and source share half their words.
    #[serde(default)]
    pub strict: crate::Minimums,
}

impl PolnearFloor {
    /// Reads a floor file; errors name the file, line and column.
    pub fn load(path: &Path) -> Result<PolnearFloor, EvalError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|err| EvalError::Io { path: origin.clone(), message: err.to_string() })?;
        serde_yaml::from_str(&text).map_err(|err| EvalError::located(&origin, &err))
    }

    /// Each figure below its floor, as `overlap.f1 0.700 < 0.750`.
    pub fn below(&self, scores: &PolnearScores) -> Vec<String> {
        let mut out = Vec::new();
        for (name, min, got) in [("overlap", self.overlap, &scores.overlap), ("strict", self.strict, &scores.strict)] {
            for (figure, floor, value) in [
                ("precision", min.precision, got.precision),
                ("recall", min.recall, got.recall),
                ("f1", min.f1, got.f1),
            ] {
                if let Some(floor) = floor
                    && value + 1e-9 < floor
                {
                    out.push(format!("{name}.{figure} {value:.3} < {floor:.3}"));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "“We won,” she said. Officials in Ohio denied it, according to Mr. Brown.";

    #[test]
    fn standoff_offsets_are_characters_and_events_tie_spans() -> Result<(), EvalError> {
        // Character offsets: the curly quote is one character, three bytes.
        let ann = "T1\tSource 10 13\tshe\nT2\tCue 14 18\tsaid\nT3\tContent 1 8\tWe won,\n\
                   E1\tAttribution:T9 Cue:T2 Source:T1 Content:T3\n\
                   T4\tCue 38 44\tdenied\nE2\tAttribution:T8 Cue:T4\n";
        let gold = parse_standoff(ann, TEXT, "x.ann")?;
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].source.as_ref().map(|s| s[0].text(TEXT)), Some("she"));
        assert_eq!(gold[0].cue[0].text(TEXT), "said");
        assert_eq!(gold[0].source_type, SourceType::Pronoun);
        assert_eq!(gold[1].cue[0].text(TEXT), "denied");
        assert_eq!(gold[1].source_type, SourceType::None);
        Ok(())
    }

    #[test]
    fn bad_standoff_is_located() -> Result<(), EvalError> {
        let error = |ann: &str| parse_standoff(ann, TEXT, "a.ann").err().map(|e| e.to_string()).unwrap_or_default();
        // A continuation line of a span's text is not an annotation.
        let gold = parse_standoff("T1\tCue 14 18\tsaid\nand more\n", TEXT, "a.ann")?;
        assert!(gold.is_empty());
        let err = error("T1\tCue 5 x\tsaid\n");
        assert_eq!(err, "a.ann:1:4: `5 x`: expected `START END` character offsets");
        let err = error("T1\tCue 5 900\tsaid\n");
        assert!(err.starts_with("a.ann:1:4: offsets 5..900 lie past"), "{err}");
        let err = error("E1\tAttribution:T9 Cue:T2\n");
        assert!(err.contains("no `T` line defines"), "{err}");
        Ok(())
    }

    #[test]
    fn source_types() {
        assert_eq!(SourceType::of(Some("The New York Post")), SourceType::Named);
        assert_eq!(SourceType::of(Some("Edward Alden of the Council")), SourceType::Named);
        assert_eq!(SourceType::of(Some("a senior US official")), SourceType::Description);
        assert_eq!(SourceType::of(Some("Trump's campaign manager")), SourceType::Description);
        assert_eq!(SourceType::of(Some("They")), SourceType::Pronoun);
        assert_eq!(SourceType::of(None), SourceType::None);
    }

    #[test]
    fn overlap_and_strict_matching() {
        let text = "Officials in Ohio said it rained.";
        let gold = vec![GoldAttribution {
            cue: vec![Span::new(18, 22)],
            source: Some(vec![Span::new(0, 17)]),
            content: Some(vec![Span::new(23, 32)]),
            source_type: SourceType::Description,
        }];
        // "Ohio" overlaps the source but holds a third of its words: found, not strictly.
        let found = vec![vec![Found { cue: Span::new(18, 22), speaker: Some(Span::new(13, 17)), content: None }]];
        let articles = vec![Article { name: "a".into(), annotator: "x".into(), text: text.into(), attributions: gold }];
        let s = score(&articles, &found, &[]);
        assert_eq!((s.overlap.true_positives, s.overlap.false_positives, s.overlap.misses), (1, 0, 0));
        assert_eq!((s.strict.true_positives, s.strict.false_positives, s.strict.misses), (0, 1, 1));
        // A speaker that misses the source is a miss and a false positive.
        let wrong = vec![vec![Found { cue: Span::new(18, 22), speaker: Some(Span::new(23, 25)), content: None }]];
        let s = score(&articles, &wrong, &[]);
        assert_eq!((s.overlap.true_positives, s.overlap.false_positives, s.overlap.misses), (0, 1, 1));
        let count = |s: &PolnearScores, c: ErrorClass| s.classes.iter().find(|x| x.0 == c).map_or(0, |x| x.1[1]);
        assert_eq!(count(&s, ErrorClass::WrongSpeaker), 1);
        assert_eq!(count(&s, ErrorClass::FpWrongSpeaker), 1);
    }

    #[test]
    fn misses_are_classed_by_whether_the_cue_is_listed() {
        let text = "Officials in Ohio said it rained. Mr. Brown hopes it stops.";
        let gold = vec![
            GoldAttribution {
                cue: vec![Span::new(18, 22)],
                source: Some(vec![Span::new(0, 17)]),
                content: None,
                source_type: SourceType::Description,
            },
            GoldAttribution {
                cue: vec![Span::new(44, 49)],
                source: Some(vec![Span::new(34, 43)]),
                content: None,
                source_type: SourceType::Named,
            },
        ];
        let articles = vec![Article { name: "a".into(), annotator: "x".into(), text: text.into(), attributions: gold }];
        // The tool found nothing; "said" is listed, "hopes" is not. A cue of its own where
        // the gold has none is a false positive of its own class.
        let found = vec![vec![Found { cue: Span::new(25, 32), speaker: None, content: None }]];
        let s = score(&articles, &found, &[vec![Span::new(18, 22)]]);
        let count = |c: ErrorClass| s.classes.iter().find(|x| x.0 == c).map_or(0, |x| x.1.iter().sum::<usize>());
        assert_eq!(count(ErrorClass::ListedNoSpeaker), 1);
        assert_eq!(count(ErrorClass::CueNotListed), 1);
        assert_eq!(count(ErrorClass::FpNotACue), 1);
        assert_eq!(
            s.errors.iter().filter(|e| e.class == ErrorClass::CueNotListed).map(|e| e.cue.as_str()).next(),
            Some("hopes")
        );
    }
}
