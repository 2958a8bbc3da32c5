//! Properties: arbitrary bytes through decoding and parsing never panic, and every span
//! is a valid range of character boundaries of the text it points into.

use parse::input::{InputConfig, InputFile, decode};
use parse::{Document, Format, Span, parse};
use proptest::prelude::*;
use std::path::PathBuf;

fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    let parsed = parse(doc);
    let text = parsed.text();
    for &p in &parsed.paragraphs {
        prop_assert!(valid(text, p), "paragraph {p:?}");
    }
    for s in &parsed.sentences {
        prop_assert!(valid(text, s.span), "sentence {:?}", s.span);
        prop_assert!(parsed.paragraphs.get(s.paragraph).is_some_and(|p| p.contains(s.span)));
    }
    for q in &parsed.quotes {
        prop_assert!(valid(text, q.span), "quote {:?}", q.span);
    }
    let all = Span::new(0, text.len());
    for q in parse::number::quantities(text, all) {
        prop_assert!(valid(text, q.span), "quantity {:?}", q.span);
    }
    for d in parse::date::dates(text, all, parse::Date::new(2017, 4, 13)) {
        prop_assert!(valid(text, d.span), "date {:?}", d.span);
    }
    for t in parse::token::tokens(text, all) {
        prop_assert!(valid(text, t.span), "token {:?}", t.span);
    }
    for &p in &parsed.paragraphs {
        let original = parsed.original_span(p);
        prop_assert!(valid(&doc.text, original), "original {original:?} of {p:?}");
        let _ = parsed.location(p.end);
    }
    Ok(())
}

/// Text made of the characters parsing cares about, so that properties reach deep paths.
fn newsy() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        " ",
        "\n",
        "\n\n",
        ".",
        "..",
        "...",
        "?",
        "!",
        "\"",
        "'",
        "\u{201C}",
        "\u{201D}",
        "\u{2019}",
        "\u{00B4}",
        "\u{2014}",
        "\u{00A0}",
        "\u{2026}",
        "U.S.",
        "Mr.",
        "Jan.",
        "a.m.",
        "3.5",
        "1,200",
        "74",
        "2017",
        "11:30",
        "MiG-23",
        "-",
        "seventy",
        "-two",
        "at least",
        "between",
        "and",
        "to",
        "dozens",
        "April",
        "4",
        "Tuesday",
        "said",
        "Russia",
        "é",
        "\u{1F600}",
        "\r\n",
        "\t",
        "---",
        ":",
        ",",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

proptest! {
    // 512 cases by default; `PROPTEST_CASES=100000` for a long fuzzing run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_strings_parse(text in any::<String>()) {
        check_document(&Document::from_text("p", text))?;
    }

    #[test]
    fn newsy_strings_parse(text in newsy()) {
        check_document(&Document::from_text("p", text))?;
    }

    #[test]
    fn arbitrary_bytes_decode_and_parse(bytes in prop::collection::vec(any::<u8>(), 0..400), format in 0..4u8, lossy: bool) {
        let format = [Format::Text, Format::Markdown, Format::Jsonl, Format::Csv][usize::from(format)];
        let file = InputFile { path: PathBuf::from("p"), display: "p".into(), format, index: 0 };
        let config = InputConfig { lossy, ..InputConfig::default() };
        let (docs, _diagnostics) = decode(&bytes, &file, &config);
        for doc in &docs {
            check_document(doc)?;
        }
    }

    #[test]
    fn newsy_files_decode_and_parse(text in newsy(), format in 0..4u8) {
        let format = [Format::Text, Format::Markdown, Format::Jsonl, Format::Csv][usize::from(format)];
        let file = InputFile { path: PathBuf::from("p"), display: "p".into(), format, index: 0 };
        let (docs, _diagnostics) = decode(text.as_bytes(), &file, &InputConfig::default());
        for doc in &docs {
            check_document(doc)?;
        }
    }
}
