//! Extraction never panics and stays within the text, whatever the text: random bytes read
//! lossily, news vocabulary in random order, broken quotes, huge numbers, odd Unicode.

use crate::common::ruleset;
use proptest::prelude::*;

/// Words the engine reacts to, and junk around them, so random texts reach deep paths.
const VOCAB: &[&str] = &[
    "Russia",
    "denied",
    "said",
    "not",
    "never",
    "the",
    "chemical",
    "attack",
    "Khan",
    "Shaykhun",
    "Sheikhoun",
    "Assad",
    "Assad's",
    "forces",
    "staged",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "´",
    ",",
    ".",
    "?",
    "!",
    ":",
    ";",
    "\n",
    "\n\n",
    " ",
    "74",
    "at least",
    "seventy-four",
    "1,200",
    "99999999999999999999",
    "-",
    "—",
    "…",
    "U.S.",
    "Mr.",
    "April 4",
    "Wednesday",
    "according to",
    "accused",
    "of",
    "blamed",
    "on",
    "He",
    "She",
    "they",
    "killed",
    "dead",
    "Tomahawk",
    "Shayrat",
    "Lavrov",
    "Tillerson",
    "Haley",
    "White House",
    "Kremlin",
    "Moscow",
    "provocation",
    "no",
    "n't",
    "did",
    "deny",
    "é",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "🙂",
    "ß",
    "İ",
    "\t",
    "\r\n",
    "(",
    ")",
    "[",
    "]",
    "{N}",
    "%",
    "$",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..400).prop_map(|words| words.join(" "))
}

fn check(text: &str, published: Option<parse::Date>) -> Result<(), TestCaseError> {
    let mut doc = parse::Document::from_text("fuzz", text.to_owned());
    doc.published = published;
    let claims = ruleset().extract(&parse::parse(&doc));
    for c in &claims {
        let span = c.evidence.span;
        prop_assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} outside text");
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        if let Some(cue) = &c.evidence.cue {
            prop_assert!(cue.span.end <= text.len() && text.is_char_boundary(cue.span.start));
        }
    }
    // Same text, same claims: extraction has no hidden state.
    prop_assert_eq!(ruleset().extract(&parse::parse(&doc)), claims);
    let explained = ruleset().explain(&parse::parse(&doc));
    prop_assert!(explained.sentences.len() <= text.len() + 1);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        check(&text, parse::Date::new(2017, 4, 13))?;
    }

    #[test]
    fn arbitrary_bytes_read_lossily_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&String::from_utf8_lossy(&bytes), None)?;
    }

    #[test]
    fn news_vocabulary_in_any_order_never_panics(text in news_like()) {
        check(&text, parse::Date::new(2017, 4, 13))?;
    }
}

#[test]
fn pathological_texts_give_sane_claims() {
    let long_word = "a".repeat(100_000);
    let many_quotes = "\"".repeat(10_000);
    let one_long_sentence = "Russia denied that the chemical attack was staged and ".repeat(2_000);
    let deep_nesting = "Lavrov said Haley said Putin said Tillerson said ".repeat(500) + "the attack was staged.";
    let many_numbers = (0..5_000).map(|n| format!("{n} killed in Khan Shaykhun. ")).collect::<String>();
    for text in [long_word, many_quotes, one_long_sentence, deep_nesting, many_numbers, String::new()] {
        let mut doc = parse::Document::from_text("hostile", text.clone());
        doc.published = parse::Date::new(2017, 4, 13);
        let claims = ruleset().extract(&parse::parse(&doc));
        assert!(claims.iter().all(|c| c.evidence.span.end <= text.len()));
    }
}
