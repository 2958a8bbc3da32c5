//! Data-driven fixtures: `tests/fixtures/*.yaml`, one list of cases per area. Each case gives
//! a text and what must come out of it, written as the covered text (so the span is exact:
//! every item is searched for after the previous one and must start exactly there).

use parse::{DateValue, Document, Span, parse};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    /// Input format for `inputs.yaml`: txt, md, jsonl or csv.
    #[serde(default)]
    format: Option<String>,
    /// Read invalid UTF-8 lossily (`inputs.yaml`).
    #[serde(default)]
    lossy: bool,
    /// Expected items, rendered as the area's `render` does.
    expect: Vec<String>,
}

fn load(file: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Renders each span as its text plus `suffix`, checking that spans appear in order and that
/// each is the first occurrence of its text after the previous one: so a text assertion is
/// a span assertion.
fn render(text: &str, items: impl IntoIterator<Item = (Span, String)>) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    for (span, suffix) in items {
        let covered = span.text(text);
        let first = text.get(from..).and_then(|rest| rest.find(covered)).map(|i| i + from);
        let mark = if first == Some(span.start) { "" } else { " (not at its first occurrence)" };
        out.push(format!("{covered}{suffix}{mark}"));
        from = span.end;
    }
    out
}

/// Runs every case of `file` through `area`, collecting all failures into one report.
fn check(file: &str, area: impl Fn(&Case) -> Vec<String>) -> usize {
    let cases = load(file);
    let mut failures = Vec::new();
    for case in &cases {
        let got = area(case);
        if got != case.expect {
            failures.push(format!(
                "{file} :: {}\n  text: {:?}\n  want: {:?}\n  got:  {:?}",
                case.name, case.text, case.expect, got
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
    cases.len()
}

#[test]
fn numbers() {
    check("numbers.yaml", |case| {
        let q = parse::number::quantities(&case.text, Span::new(0, case.text.len()));
        render(&case.text, q.into_iter().map(|q| (q.span, format!(" = {}", q.interval))))
    });
}

#[test]
fn sentences() {
    check("sentences.yaml", |case| {
        let doc = Document::from_text("case", case.text.clone());
        let parsed = parse(&doc);
        let text = parsed.text().to_owned();
        render(&text, parsed.sentences.iter().map(|s| (s.span, format!(" #{}", s.paragraph))))
    });
}

#[test]
fn quotes() {
    check("quotes.yaml", |case| {
        let doc = Document::from_text("case", case.text.clone());
        let parsed = parse(&doc);
        let text = parsed.text().to_owned();
        render(&text, parsed.quotes.iter().map(|q| (q.span, if q.closed { String::new() } else { " (open)".into() })))
    });
}

#[test]
fn dates() {
    check("dates.yaml", |case| {
        let published = case.published.as_deref().and_then(parse::Date::parse_published);
        let found = parse::date::dates(&case.text, Span::new(0, case.text.len()), published);
        render(
            &case.text,
            found.into_iter().map(|d| {
                let value = match d.value {
                    DateValue::Day(day) => day.to_string(),
                    DateValue::Range { from, until } => format!("{from}..{until}"),
                    DateValue::Unresolved => "unresolved".into(),
                };
                (d.span, format!(" = {value}"))
            }),
        )
    });
}

#[test]
fn published_dates() {
    check("published.yaml", |case| {
        vec![parse::Date::parse_published(&case.text).map_or_else(|| "none".into(), |d| d.to_string())]
    });
}

/// `\xHH` in a fixture text stands for the raw byte, so that YAML can hold invalid UTF-8.
fn raw_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\'
            && bytes.get(i + 1) == Some(&b'x')
            && let Some(b) = text.get(i + 2..i + 4).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 4;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn inputs() {
    use parse::Format;
    use parse::input::{CsvMapping, InputConfig, InputFile, decode};
    check("inputs.yaml", |case| {
        let (format, name) = match case.format.as_deref().unwrap_or("txt") {
            "md" => (Format::Markdown, "case.md"),
            "jsonl" => (Format::Jsonl, "case.jsonl"),
            "csv" => (Format::Csv, "case.csv"),
            _ => (Format::Text, "case.txt"),
        };
        let file = InputFile { path: name.into(), display: name.into(), format, index: 0 };
        let csv = CsvMapping {
            text: "article_content".into(),
            source: Some("source".into()),
            published: Some("date".into()),
            title: Some("article_title".into()),
            id: Some("unit_id".into()),
            url: None,
        };
        let config = InputConfig { lossy: case.lossy, csv, ..InputConfig::default() };
        let (docs, diags) = decode(&raw_bytes(&case.text), &file, &config);
        let mut out: Vec<String> = docs
            .iter()
            .map(|d| {
                let published = d.published.map_or_else(|| "-".into(), |p| p.to_string());
                let title = d.title.as_deref().unwrap_or("-");
                format!("doc {} | {} | {published} | {title} | line {} | {:?}", d.id, d.source, d.line_offset, d.text)
            })
            .collect();
        out.extend(diags.iter().map(|d| {
            let shown = d.to_string();
            shown.split(';').next().unwrap_or("").to_owned()
        }));
        out
    });
}

/// The fixture files together hold at least the 150 cases issue 2 asks for.
#[test]
fn enough_cases() {
    let total: usize = ["numbers.yaml", "sentences.yaml", "quotes.yaml", "dates.yaml", "published.yaml", "inputs.yaml"]
        .iter()
        .map(|f| load_len(f))
        .sum();
    assert!(total >= 150, "only {total} fixture cases");
}

fn load_len(file: &str) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cases: Vec<serde_yaml::Value> =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    cases.len()
}
