//! Death tolls the default packs read from the FA-KES articles (real news text on the
//! Syrian war, with the casualty counts annotators read from each article), against those
//! counts, and how the comparator groups the articles' values into events. The data is not
//! part of the project:
//!
//! `cargo run --release -p eval --example fakes -- ../shared/data/fa-kes/articles.csv
//!   [--list N] [--groups N [--seed S]] [--jsonl FILE] [--floor SHARE] [--rules DIR] [--repeat N]
//!   [--syntax-model FILE] [--veto-model FILE]`
//!
//! `--syntax-model FILE` and `--veto-model FILE` read those models in place of the embedded
//! ones (as the trainers do), so that a retrained parser's toll is measured without a rebuild.
//!
//! **Toll accuracy.** Only articles with an annotated total (`nb_civilians +
//! nb_noncivilians`) above zero are scored. An article's *main event* is the event of the
//! first death toll it gives (its headline or lead): a value of `casualties/killed` (or of its
//! civilians or fighters part) with its event key, or a named-event frame (`…deaths`) for its
//! named event. The article's toll is its first toll for that event in text order; when that
//! is a part (civilians, fighters), plus the other part given in the same sentence
//! (annotators count civilians plus non-civilians). The article is correct when that reading
//! holds the annotated total, or when the total is the figure written in a one-sided hedge
//! ("more than 120" is read `(120, ∞)`; annotators write 120): both counts are printed.
//! Misses are classified: no toll read; a part taken as the total (the reading holds the
//! children, women or civilians count); an older or other toll of the same event (another
//! reading of the main event holds the total); a different event (a reading of another event
//! holds the total); the total read nowhere.
//!
//! **Grouping.** The `casualties/killed` values of all articles split into events as
//! `claimcheck compare` splits them ([`compare::event::event_groups`]); events reported by two
//! or more outlets are counted, with how many of those disagree (two outlets' readings that
//! cannot both hold), and `--groups N` prints N of them for reading by hand, each value with
//! its sentence: evenly spread, or with `--seed S` drawn at random by a seeded shuffle (the
//! same seed draws the same sample from the same groups).
//!
//! `--floor SHARE` exits 1 when the toll accuracy is below SHARE (0 to 1), for CI.

mod common;

use claim::{Claim, Event};
use common::arg;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// What the annotators read from one article.
struct Annotation {
    title: String,
    source: String,
    total: f64,
    /// Civilians, non-civilians, children, women.
    parts: [f64; 4],
}

fn number(record: &csv::StringRecord, index: Option<usize>) -> f64 {
    index.and_then(|i| record.get(i)).and_then(|v| v.trim().parse::<f64>().ok()).unwrap_or(0.0)
}

fn annotations(path: &PathBuf) -> Result<BTreeMap<String, Annotation>, String> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (id, title, source) = (col("unit_id"), col("article_title"), col("source"));
    let (children, civilians, others, women) =
        (col("nb_children"), col("nb_civilians"), col("nb_noncivilians"), col("nb_women"));
    let mut out = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let text = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").to_owned();
        let parts =
            [number(&record, civilians), number(&record, others), number(&record, children), number(&record, women)];
        out.insert(
            text(id),
            Annotation { title: text(title), source: text(source), total: parts[0] + parts[1], parts },
        );
    }
    Ok(out)
}

/// Whose event a toll is: a generic frame's event key, or a named-event frame.
#[derive(Clone, Debug, PartialEq)]
enum Subject {
    Generic(Event),
    Named(String),
}

impl Subject {
    fn same(&self, other: &Subject) -> bool {
        match (self, other) {
            (Subject::Generic(a), Subject::Generic(b)) => a == b || a.same_as(b),
            (Subject::Named(a), Subject::Named(b)) => a == b,
            _ => false,
        }
    }
}

/// What a toll counts: the total, or the civilians or fighters among it (the two parts
/// whose sum is the annotated total; children and women are among the civilians).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Count {
    Total,
    Civilians,
    Fighters,
}

/// One death toll read in an article.
struct Toll {
    subject: Subject,
    count: Count,
    interval: parse::Interval,
    raw: String,
    sentence: String,
}

fn toll(claim: &Claim) -> Option<Toll> {
    let v = claim.value.as_ref()?;
    if claim.stance == claim::Stance::Deny {
        return None;
    }
    let (subject, count) = match (&v.event, v.frame.id.as_str()) {
        (Some(event), "casualties/killed") => (Subject::Generic(event.clone()), Count::Total),
        (Some(event), "casualties/killed-civilians") => (Subject::Generic(event.clone()), Count::Civilians),
        (Some(event), "casualties/killed-fighters") => (Subject::Generic(event.clone()), Count::Fighters),
        (None, id) if id.ends_with("deaths") => (Subject::Named(id.to_owned()), Count::Total),
        _ => return None,
    };
    Some(Toll { subject, count, interval: v.interval, raw: v.raw.clone(), sentence: claim.evidence.sentence.clone() })
}

/// The sum of two intervals (a bound is unbounded when either is).
fn sum(a: &parse::Interval, b: &parse::Interval) -> parse::Interval {
    use parse::Bound::{Exclusive, Inclusive, Unbounded};
    let add = |x: parse::Bound, y: parse::Bound| match (x, y) {
        (Inclusive(p), Inclusive(q)) => Inclusive(p + q),
        (Inclusive(p) | Exclusive(p), Inclusive(q) | Exclusive(q)) => Exclusive(p + q),
        _ => Unbounded,
    };
    parse::Interval { low: add(a.low, b.low), high: add(a.high, b.high) }
}

/// The article's toll for its main event: its first toll for the event in text order (the
/// headline or the lead gives a report's toll; later paragraphs give earlier tolls, other
/// counts and background). When that first toll is a part (civilians or fighters), the
/// other part given in the same sentence is added ("killed 14 jihadists and five
/// civilians"): annotators count civilians plus non-civilians. With the raw words and the
/// sentence, for examples.
fn article_toll(main: &[&Toll]) -> Option<(parse::Interval, String, String)> {
    let first = main.first()?;
    let other = match first.count {
        Count::Total => None,
        Count::Civilians => Some(Count::Fighters),
        Count::Fighters => Some(Count::Civilians),
    };
    let partner = other.and_then(|o| main.iter().find(|t| t.count == o && t.sentence == first.sentence));
    Some(match partner {
        Some(p) => (sum(&first.interval, &p.interval), format!("{} + {}", first.raw, p.raw), first.sentence.clone()),
        None => (first.interval, first.raw.clone(), first.sentence.clone()),
    })
}

fn holds(i: &parse::Interval, x: f64) -> bool {
    i.overlaps(&parse::Interval::exact(x))
}

/// Whether `x` is the figure written in a one-sided hedge read as `(x, ∞)`: "more than 120",
/// "over 40". The reading is right not to hold 120, but annotators transcribe the figure
/// written, so the article's toll equals theirs.
fn written_figure(i: &parse::Interval, x: f64) -> bool {
    matches!((i.low, i.high), (parse::Bound::Exclusive(low), parse::Bound::Unbounded) if low == x)
}

/// The class of articles whose toll equals the annotated total by [`written_figure`].
const FIGURE: &str = "correct: the figure of \"more than N\"";

/// The command line.
struct Options {
    csv: PathBuf,
    /// Misses to print.
    list: usize,
    /// Shared events to print for reading by hand.
    groups: usize,
    /// Draws the shared events to print at random with this seed, rather than evenly spread.
    seed: Option<u64>,
    floor: Option<f64>,
    rules: PathBuf,
    jsonl: Option<String>,
    repeat: usize,
}

fn options(args: &[String]) -> Result<Options, String> {
    let csv = args
        .iter()
        .find(|a| !a.starts_with("--") && a.ends_with(".csv"))
        .map(PathBuf::from)
        .ok_or("usage: fakes ARTICLES.csv [--list N] [--groups N] [--jsonl FILE] [--floor SHARE]")?;
    let floor = match arg(args, "--floor").map(|f| f.parse::<f64>()) {
        None => None,
        Some(Ok(f)) => Some(f),
        Some(Err(e)) => return Err(format!("error: --floor wants a share from 0 to 1: {e}")),
    };
    // `--rules DIR` loads other packs than the default ones (to time the run without some).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    Ok(Options {
        csv,
        list: arg(args, "--list").and_then(|n| n.parse().ok()).unwrap_or(10),
        groups: arg(args, "--groups").and_then(|n| n.parse().ok()).unwrap_or(0),
        seed: arg(args, "--seed").and_then(|n| n.parse().ok()),
        floor,
        rules: arg(args, "--rules").map_or_else(|| root.join("rules"), PathBuf::from),
        jsonl: arg(args, "--jsonl").cloned(),
        // `--repeat N` reads and extracts N times and keeps the fastest run, for timing on a
        // loaded machine; the claims of the last run are scored.
        repeat: arg(args, "--repeat").and_then(|n| n.parse().ok()).unwrap_or(1).max(1),
    })
}

/// The claims of every article, how many articles, and the fastest extraction in seconds.
struct Extracted {
    claims: Vec<Claim>,
    documents: usize,
    elapsed: f64,
}

fn extract_all(opts: &Options, err: &mut impl Write) -> Result<Extracted, String> {
    let packs = pack::load_packs(std::slice::from_ref(&opts.rules)).map_err(|_| "error: the packs do not load")?;
    let rules = extract::RuleSet::compile(&packs).map_err(|_| "error: the packs do not compile")?;
    let config = parse::input::InputConfig {
        csv: parse::input::CsvMapping {
            text: "article_content".into(),
            source: Some("source".into()),
            published: Some("date".into()),
            title: Some("article_title".into()),
            id: Some("unit_id".into()),
            url: None,
        },
        ..parse::input::InputConfig::default()
    };
    let mut out = Extracted { claims: Vec::new(), documents: 0, elapsed: f64::INFINITY };
    for _ in 0..opts.repeat {
        let started = std::time::Instant::now();
        let (files, _) = parse::input::discover(std::slice::from_ref(&opts.csv));
        out.claims.clear();
        out.documents = 0;
        for file in &files {
            let (docs, diagnostics) = parse::input::read_file(file, &config);
            for d in diagnostics {
                let _ = writeln!(err, "{d:?}");
            }
            for doc in &docs {
                out.documents += 1;
                out.claims.extend(rules.extract(&parse::parse(doc)));
            }
        }
        out.elapsed = out.elapsed.min(started.elapsed().as_secs_f64());
    }
    Ok(out)
}

/// `--jsonl FILE`: every claim as `claimcheck claims --format jsonl` would write it, for
/// scripts/fakes-accuracy.py --claims-jsonl.
fn write_jsonl(path: &str, claims: &[Claim]) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("error: {path}: {e}"))?;
    let mut w = std::io::BufWriter::new(file);
    for c in claims {
        if serde_json::to_writer(&mut w, c).is_err() || writeln!(w).is_err() {
            return Err("error: cannot write the claims".into());
        }
    }
    w.flush().map_err(|e| format!("error: {path}: {e}"))
}

/// The toll accuracy: classes of articles and examples of misses.
struct Accuracy {
    scored: usize,
    tally: BTreeMap<&'static str, usize>,
    examples: Vec<String>,
}

impl Accuracy {
    /// Articles whose toll holds the annotated total, or gives it as its written figure.
    fn correct(&self) -> usize {
        self.strict() + self.tally.get(FIGURE).copied().unwrap_or(0)
    }

    /// Articles whose toll holds the annotated total.
    fn strict(&self) -> usize {
        self.tally.get("correct").copied().unwrap_or(0)
    }

    fn share(&self) -> f64 {
        if self.scored == 0 { 0.0 } else { self.correct() as f64 / self.scored as f64 }
    }
}

/// Why an article's toll `interval` misses its annotation, given every toll read in it
/// (`found`) and those of its main event (`main`); `"correct"` when it does not.
fn classify(a: &Annotation, interval: &parse::Interval, main: &[&Toll], found: &[Toll]) -> &'static str {
    if holds(interval, a.total) {
        "correct"
    } else if written_figure(interval, a.total) {
        FIGURE
    } else if a.parts[..1].iter().chain(&a.parts[2..]).any(|&p| p > 0.0 && holds(interval, p)) {
        "a part taken as the total"
    } else if main.iter().any(|t| holds(&t.interval, a.total)) {
        "an older or other toll of the main event"
    } else if found.iter().any(|t| holds(&t.interval, a.total)) {
        "a different event"
    } else {
        "the total read nowhere"
    }
}

fn accuracy(gold: &BTreeMap<String, Annotation>, claims: &[Claim], list: usize) -> Accuracy {
    let mut tolls: BTreeMap<&str, Vec<Toll>> = BTreeMap::new();
    for c in claims {
        if let Some(t) = toll(c) {
            tolls.entry(c.evidence.document.as_str()).or_default().push(t);
        }
    }
    let mut out = Accuracy { scored: 0, tally: BTreeMap::new(), examples: Vec::new() };
    for (id, a) in gold.iter().filter(|(_, a)| a.total > 0.0) {
        out.scored += 1;
        let found = tolls.get(id.as_str()).map_or(&[][..], Vec::as_slice);
        let main: Vec<&Toll> = found
            .first()
            .map_or_else(Vec::new, |first| found.iter().filter(|t| t.subject.same(&first.subject)).collect());
        let class = match article_toll(&main) {
            None => "no toll read",
            Some((interval, raw, sentence)) => {
                let class = classify(a, &interval, &main, found);
                if !class.starts_with("correct") && out.examples.len() < list {
                    let shown: Vec<String> = found.iter().map(shown).collect();
                    out.examples.push(format!(
                        "{id} [{}] {class}: annotated {} | chose {raw} | read {}\n    title: {}\n    sentence: {}",
                        a.source,
                        a.total,
                        shown.join(", "),
                        a.title,
                        sentence.chars().take(240).collect::<String>()
                    ));
                }
                class
            }
        };
        *out.tally.entry(class).or_default() += 1;
    }
    out
}

/// A toll as listed with a miss: its reading, words, count and event.
fn shown(t: &Toll) -> String {
    let count = match t.count {
        Count::Total => "",
        Count::Civilians => " civilians",
        Count::Fighters => " fighters",
    };
    let event = match &t.subject {
        Subject::Generic(e) => {
            let place = e.place.as_ref().map_or("?", |p| p.name.as_str());
            let day = e.date.map(|d| d.to_string()).unwrap_or_default();
            let kind = e.kind.as_ref().map_or("", |k| k.id.as_str());
            format!("{place} {day} {kind}")
        }
        Subject::Named(id) => id.clone(),
    };
    format!("{} ({}{count} @ {})", eval::show_interval(&t.interval), t.raw, event.trim_end())
}

fn print_accuracy(out: &mut impl Write, acc: &Accuracy) {
    let pct = |n: usize| if acc.scored == 0 { 0.0 } else { 100.0 * n as f64 / acc.scored as f64 };
    let _ = writeln!(out, "toll of the main event, {} articles with an annotated total above 0:", acc.scored);
    for (class, n) in &acc.tally {
        let _ = writeln!(out, "  {class:<45} {n:>4}  {:>5.1}%", pct(*n));
    }
    let _ = writeln!(
        out,
        "accuracy: {:.1}% ({}/{}); holding the total: {:.1}% ({})",
        100.0 * acc.share(),
        acc.correct(),
        acc.scored,
        pct(acc.strict()),
        acc.strict()
    );
    for e in &acc.examples {
        let _ = writeln!(out, "{e}");
    }
}

/// Events across articles, as the comparator groups them: counts, and `sample` of the
/// events two or more outlets report, evenly spread, for reading by hand.
/// `sample` of `0..len`, ascending: a Fisher–Yates shuffle driven by splitmix64 from `seed`,
/// its first `sample` drawn.
fn drawn(len: usize, sample: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut all: Vec<usize> = (0..len).collect();
    for i in 0..sample.min(len) {
        let j = i + (next() % (len - i) as u64) as usize;
        all.swap(i, j);
    }
    let mut picked = all[..sample.min(len)].to_vec();
    picked.sort_unstable();
    picked
}

fn print_groups(
    out: &mut impl Write,
    claims: &[Claim],
    gold: &BTreeMap<String, Annotation>,
    sample: usize,
    seed: Option<u64>,
) {
    let killed: Vec<&Claim> = claims
        .iter()
        .filter(|c| {
            c.stance != claim::Stance::Deny
                && c.value.as_ref().is_some_and(|v| v.frame.id == "casualties/killed" && v.event.is_some())
        })
        .collect();
    let groups = compare::event::event_groups(&killed);
    let outlets = |g: &compare::event::EventGroup<'_>| -> BTreeSet<String> {
        g.claims.iter().map(|c| c.evidence.source.to_lowercase()).collect()
    };
    let shared: Vec<&compare::event::EventGroup<'_>> = groups.iter().filter(|g| outlets(g).len() >= 2).collect();
    // Two outlets disagree when one's reading and another's cannot both hold.
    let disagree = |g: &compare::event::EventGroup<'_>| {
        g.claims.iter().any(|a| {
            g.claims.iter().any(|b| {
                a.evidence.source != b.evidence.source
                    && matches!((&a.value, &b.value), (Some(x), Some(y)) if !x.interval.overlaps(&y.interval))
            })
        })
    };
    let disagreeing = shared.iter().filter(|g| disagree(g)).count();
    let _ = writeln!(
        out,
        "events: {} from {} `casualties/killed` values; {} reported by two or more outlets, {} of those disagree",
        groups.len(),
        killed.len(),
        shared.len(),
        disagreeing
    );
    if sample == 0 || shared.is_empty() {
        return;
    }
    let step = (shared.len() as f64 / sample as f64).max(1.0);
    let picks: Vec<usize> = match seed {
        Some(seed) => drawn(shared.len(), sample, seed),
        None => (0..sample.min(shared.len())).map(|k| (k as f64 * step) as usize).collect(),
    };
    for (k, &pick) in picks.iter().enumerate() {
        let g = shared[pick];
        let _ = writeln!(out, "\n[{}] {}", k + 1, g.event.describe());
        let mut seen = BTreeSet::new();
        for c in &g.claims {
            let Some(v) = &c.value else { continue };
            if !seen.insert((c.evidence.document.as_str(), v.raw.as_str())) {
                continue;
            }
            let title = gold.get(&c.evidence.document).map_or("", |a| a.title.as_str());
            let e = v.event.as_ref().map(Event::describe).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {} {}: {} | {} | {}",
                c.evidence.source,
                c.evidence.published.map(|d| d.to_string()).unwrap_or_default(),
                c.evidence.document,
                v.raw,
                e,
                title.chars().take(90).collect::<String>()
            );
            let _ = writeln!(out, "      | {}", c.evidence.sentence.chars().take(220).collect::<String>());
        }
    }
}

fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> Result<ExitCode, String> {
    let opts = options(args)?;
    let gold = annotations(&opts.csv).map_err(|e| format!("error: {e}"))?;
    let extracted = extract_all(&opts, err)?;
    if let Some(path) = &opts.jsonl {
        write_jsonl(path, &extracted.claims)?;
    }
    let _ = writeln!(
        out,
        "read {} articles, {} claims in {:.3} s (fastest of {})",
        extracted.documents,
        extracted.claims.len(),
        extracted.elapsed,
        opts.repeat
    );
    let acc = accuracy(&gold, &extracted.claims, opts.list);
    print_accuracy(out, &acc);
    print_groups(out, &extracted.claims, &gold, opts.groups, opts.seed);
    match opts.floor {
        Some(f) if acc.share() < f => {
            let _ = writeln!(err, "error: toll accuracy {:.3} is below the floor {f}", acc.share());
            Ok(ExitCode::from(1))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn main() -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = common::install_models(&args) {
        let _ = writeln!(err, "{e}");
        return ExitCode::from(2);
    }
    match run(&args, &mut out, &mut err) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            ExitCode::from(2)
        }
    }
}
