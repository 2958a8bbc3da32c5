//! Relations attribution reads, in sentences written for these tests (tokenised as
//! claimcheck tokenises: possessives and "n't" stay inside their word).

use syntax::{Dep, Parse};

fn parse(sentence: &str) -> (Vec<&str>, Parse) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let parse = syntax::parser().parse(&words);
    (words, parse)
}

fn index(words: &[&str], word: &str) -> usize {
    words.iter().position(|w| *w == word).unwrap_or_else(|| panic!("no `{word}` in {words:?}"))
}

/// Asserts that `dependent` is the `dep` of `head`.
fn check(sentence: &str, dependent: &str, rel: Dep, head: &str) {
    let (words, parse) = parse(sentence);
    let (d, h) = (index(&words, dependent), index(&words, head));
    let shown: Vec<String> = (0..words.len())
        .map(|i| format!("{}/{}<-{}:{:?}", words[i], parse.tag(i), parse.dep(i), parse.head(i)))
        .collect();
    assert_eq!((parse.head(d), parse.dep(d)), (Some(h), rel), "{dependent} in {shown:?}");
}

#[test]
fn subject_of_a_reporting_verb() {
    check("The foreign minister said the convoy had been attacked .", "minister", Dep::Nsubj, "said");
    check("Western officials believe the regime used chemical weapons .", "officials", Dep::Nsubj, "believe");
}

#[test]
fn content_clause_of_a_reporting_verb() {
    check("The ministry said that the report was false .", "was", Dep::Ccomp, "said");
    check("Officials claimed the missile came from a brigade in Kursk .", "came", Dep::Ccomp, "claimed");
}

#[test]
fn passive_agent() {
    check("The attack was condemned by the United Nations .", "by", Dep::Agent, "condemned");
    check("The attack was condemned by the United Nations .", "Nations", Dep::Pobj, "by");
    check("The attack was condemned by the United Nations .", "attack", Dep::Nsubjpass, "condemned");
}

#[test]
fn according_to_takes_its_object() {
    check("According to the ministry , the strike hit a weapons depot .", "ministry", Dep::Pobj, "to");
    check("According to the ministry , the strike hit a weapons depot .", "to", Dep::Prep, "According");
}

#[test]
fn possessor_of_a_noun_cue() {
    check("Lavrov's remarks angered officials in London .", "Lavrov's", Dep::Poss, "remarks");
    check("The agency rejected the president's claims on Friday .", "president's", Dep::Poss, "claims");
}

#[test]
fn negation_of_a_verb() {
    check("The Kremlin did not confirm the strike .", "not", Dep::Neg, "confirm");
    check("The ministry didn't confirm the report .", "didn't", Dep::Neg, "confirm");
}

#[test]
fn inverted_quotation_speaker() {
    check("\" We will respond , \" the spokesman told reporters .", "spokesman", Dep::Nsubj, "told");
    check("\" We will respond , \" the spokesman told reporters .", "respond", Dep::Ccomp, "told");
}
