//! Hostile text (issue 8, parse's share): huge lines, deep or unbalanced quote marks, runs
//! of punctuation. Each must parse in linear time; the test binary would stall otherwise.

use parse::{Document, LineIndex, Span, parse};

fn parse_all(text: String) -> (usize, usize, usize) {
    let doc = Document::from_text("hostile", text);
    let parsed = parse(&doc);
    let t = parsed.text();
    let whole = Span::new(0, t.len());
    let quantities = parse::number::quantities(t, whole).len();
    let dates = parse::date::dates(t, whole, None).len();
    // Locations deep inside one huge line cost no more than near its start.
    for k in 0..200 {
        let at = t.len() / 200 * k;
        let _ = parsed.location(at);
    }
    (parsed.sentences.len(), parsed.quotes.len(), quantities + dates)
}

#[test]
fn one_line_of_several_megabytes() {
    let text = "The toll rose to 74 on April 4 \u{2014} Russia\u{2019}s envoy said so ".repeat(60_000);
    let (sentences, quotes, values) = parse_all(text);
    assert_eq!((sentences, quotes), (1, 0));
    assert_eq!(values, 120_000);
}

#[test]
fn a_hundred_thousand_nested_quote_marks() {
    let text = format!("{}deep{}", "\"'".repeat(100_000), "'\"".repeat(100_000));
    let (sentences, quotes, _) = parse_all(text);
    assert_eq!(sentences, 1);
    assert!(quotes <= 200_000, "{quotes}");
}

#[test]
fn unbalanced_quotes_everywhere() {
    let text = "He said \"no. She said \u{201C}yes. \u{201D}They\" \"left\n\n".repeat(50_000);
    let (sentences, quotes, _) = parse_all(text);
    assert_eq!(sentences, 150_000);
    assert!(quotes >= 50_000, "{quotes}");
}

#[test]
fn runs_of_punctuation_and_dots() {
    let text = format!("{} {} {}", ".".repeat(1_000_000), "a.".repeat(500_000), "?! ".repeat(300_000));
    let (sentences, _, _) = parse_all(text);
    assert!(sentences >= 2, "{sentences}");
}

#[test]
fn a_line_index_column_far_into_a_long_line_counts_characters() {
    let text = format!("{}\u{e9}x", "\u{e9}".repeat(100_000));
    let index = LineIndex::new(&text);
    let at = text.len() - 1;
    assert_eq!(index.line_col(&text, at), parse::LineCol { line: 1, column: 100_002 });
    let second = format!("ab\n{text}");
    let index = LineIndex::new(&second);
    assert_eq!(index.line_col(&second, second.len() - 1), parse::LineCol { line: 2, column: 100_002 });
}
