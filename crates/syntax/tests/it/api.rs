//! The API contract on any input.

use proptest::prelude::*;
use syntax::{Dep, Parse, Tag};

/// Checks that `parse` is a well-formed forest over `len` words.
fn well_formed(parse: &Parse, len: usize) {
    assert_eq!(parse.len(), len);
    let mut child_count = 0;
    for i in 0..len {
        let head = parse.head(i);
        assert_eq!(head.is_none(), parse.dep(i) == Dep::Root, "word {i}: root iff no head");
        if let Some(h) = head {
            assert!(h < len && h != i, "word {i}: head {h} out of range");
            assert!(parse.children(h).any(|c| c == i), "word {i} missing from its head's children");
        }
        // Following heads ends at a root: no cycles.
        let mut at = i;
        for _ in 0..=len {
            match parse.head(at) {
                Some(h) => at = h,
                None => break,
            }
        }
        assert!(parse.head(at).is_none(), "word {i}: cycle");
        let children: Vec<usize> = parse.children(i).collect();
        assert!(children.windows(2).all(|w| w[0] < w[1]), "children of {i} out of order");
        child_count += children.len();
        let span = parse.subtree(i);
        assert!(span.contains(&i));
        for c in children {
            let inner = parse.subtree(c);
            assert!(span.start <= inner.start && inner.end <= span.end, "subtree of {c} outside {i}'s");
        }
    }
    assert_eq!(child_count, (0..len).filter(|&i| parse.head(i).is_some()).count());
    // Out of range asks get neutral answers, not panics.
    assert_eq!(parse.head(len), None);
    assert_eq!(parse.dep(len + 5), Dep::Root);
    assert_eq!(parse.tag(len), Tag::XX);
    assert_eq!(parse.children(len).count(), 0);
    assert_eq!(parse.subtree(len + 1), 0..0);
}

#[test]
fn empty_input_gives_an_empty_parse() {
    let parse = syntax::parser().parse(&[]);
    assert!(parse.is_empty());
    well_formed(&parse, 0);
}

#[test]
fn ten_thousand_words_parse() {
    let words: Vec<&str> =
        ["The", "officials", "said", "it", "was", "n't", "true", ",", "and", "they", "'re", "right", "."]
            .iter()
            .copied()
            .cycle()
            .take(10_000)
            .collect();
    let parse = syntax::parser().parse(&words);
    well_formed(&parse, words.len());
}

#[test]
fn odd_words_parse() {
    let words = ["", " ", "\u{0}", "'s", "n't", "'", "\u{1F600}", "é'S", "x\u{301}n't", "---", "\t", "''s"];
    let parse = syntax::parser().parse(&words);
    well_formed(&parse, words.len());
}

#[test]
fn tags_agree_with_the_parse() {
    let words = ["Moscow", "denied", "the", "claims", "on", "Tuesday", "."];
    let parser = syntax::parser();
    let parse = parser.parse(&words);
    let tags: Vec<Tag> = (0..words.len()).map(|i| parse.tag(i)).collect();
    assert_eq!(parser.tag(&words), tags);
}

#[test]
fn embedded_model_decodes() {
    let (tagger, parser) = syntax::parser().feature_counts();
    assert!(tagger > 1000 && parser > 1000, "{tagger} tagger and {parser} parser features");
    assert!(syntax::Parser::from_bytes(b"CCSYNTX1").is_err());
    assert!(syntax::Parser::from_bytes(b"").is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_words_give_a_well_formed_deterministic_parse(words in prop::collection::vec(".{0,12}", 0..60)) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let first = syntax::parser().parse(&words);
        well_formed(&first, words.len());
        prop_assert_eq!(&first, &syntax::parser().parse(&words));
    }

    #[test]
    fn english_like_words_give_a_well_formed_parse(
        words in prop::collection::vec(prop::sample::select(vec![
            "the", "minister", "said", "that", "Russia", "'s", "didn't", "was", "by", "according",
            "to", ",", ".", "\"", "not", "who", "and", "officials", "claimed", "Lavrov's", "(", ")",
        ]), 0..80)
    ) {
        let parse = syntax::parser().parse(&words);
        well_formed(&parse, words.len());
    }
}
