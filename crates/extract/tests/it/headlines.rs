//! A headline written again at the head of the text is no claim, but its figures are kept in
//! the headline's voice: they name what the article is about (the FA-KES toll measure reads
//! the main event from them), and neither eval nor compare counts them.

use crate::common::ruleset;
use claim::Voice;

/// (voice, frame, raw figure) of every value claim.
fn values(title: Option<&str>, text: &str) -> Vec<(Voice, String, String)> {
    let mut doc = parse::Document::from_text("a", text.to_owned());
    doc.title = title.map(str::to_owned);
    doc.published = parse::Date::parse_published("2016-09-04");
    ruleset()
        .extract(&parse::parse(&doc))
        .into_iter()
        .filter_map(|c| c.value.map(|v| (c.voice, v.frame.id, v.raw)))
        .collect()
}

#[test]
fn the_title_written_again_keeps_its_figure_in_the_headline_voice() {
    let text = "4 September 2016 Four killed in rocket fire on Hama. Rockets hit a bakery in Hama on \
                Saturday, killing five people, a police source said.";
    let found = values(Some("Four killed in rocket fire on Hama"), text);
    assert!(found.contains(&(Voice::Headline, "casualties/killed".into(), "Four".into())), "{found:?}");
    assert!(!found.iter().any(|(voice, _, raw)| *voice != Voice::Headline && raw == "Four"), "{found:?}");
    assert!(found.iter().any(|(voice, _, raw)| *voice == Voice::Actor && raw == "five"), "{found:?}");
}

#[test]
fn a_first_sentence_that_is_no_title_is_the_outlets_voice() {
    let text = "4 September 2016 Four killed in rocket fire on Hama. Rockets hit a bakery in Hama on Saturday.";
    let found = values(Some("Bakery hit in Hama"), text);
    assert!(found.contains(&(Voice::Outlet, "casualties/killed".into(), "Four".into())), "{found:?}");
    assert!(!found.iter().any(|(voice, _, _)| *voice == Voice::Headline), "{found:?}");
}
