//! The veto on listed cues' attributions (`engine::veto`): a listed cue in a use that reports
//! nobody's words is judged and left out; a report is kept.

use super::common::{attributions, ruleset};

/// The cues of `text` the veto judges (before it), as written.
fn judged(text: &str) -> Vec<String> {
    let doc = parse::Document::from_text("a", text.to_owned());
    let parsed = parse::parse(&doc);
    ruleset().judged_attributions(&parsed).into_iter().filter(|(_, f)| f.is_some()).map(|(a, _)| a.cue.text).collect()
}

#[test]
fn a_listed_cue_that_reports_nothing_is_vetoed() {
    for text in [
        "The new timetable proved the most devastating change for the island's farmers.",
        "The island council proved unable to keep the ferry running.",
    ] {
        assert_eq!(judged(text), ["proved"], "{text}");
        assert!(attributions(ruleset(), text).is_empty(), "{text}: {:?}", attributions(ruleset(), text));
    }
}

#[test]
fn a_listed_cue_that_reports_is_kept() {
    for (text, cue, speaker) in [
        ("Ada Holm said the ferry would keep running through the winter.", "said", "Ada Holm"),
        ("Ada Holm found that the fees had doubled since May.", "found", "Ada Holm"),
    ] {
        assert_eq!(judged(text), [cue], "{text}");
        assert_eq!(attributions(ruleset(), text), [(cue.to_owned(), speaker.to_owned())], "{text}");
    }
}
