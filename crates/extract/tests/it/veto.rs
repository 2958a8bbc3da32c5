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

/// The speakerless attributions the veto may take in `text`: (cue, features).
fn speakerless(text: &str) -> Vec<(String, Vec<String>)> {
    let doc = parse::Document::from_text("a", text.to_owned());
    let parsed = parse::parse(&doc);
    ruleset()
        .veto_candidates(&parsed)
        .into_iter()
        .filter(|j| j.speakerless)
        .map(|j| (j.attribution.cue.text, j.features.unwrap_or_default()))
        .collect()
}

#[test]
fn a_listed_cue_with_no_speaker_stands_when_the_veto_takes_it() {
    // A noun cue with no owner, an agentless passive with no clause: what the text reports
    // with no source.
    for (text, cue) in [
        ("Questions about the ferry fees have grown louder since May.", "Questions"),
        ("The harbour master was asked about the fees on Tuesday.", "was asked"),
    ] {
        let judged = speakerless(text);
        assert_eq!(judged.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(), [cue], "{text}");
        assert!(judged[0].1.iter().all(|f| f.starts_with("ns|")), "{judged:?}");
        assert_eq!(attributions(ruleset(), text), [(cue.to_owned(), String::new())], "{text}");
    }
    // The other sense of a listed cue, with no speaker either, is judged and left out.
    let text = "The harbour gala was held in the old customs hall.";
    assert_eq!(speakerless(text).iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(), ["was held"]);
    assert!(attributions(ruleset(), text).is_empty());
    // A cue whose speaker was read is no speakerless candidate.
    assert!(speakerless("Ada Holm said the ferry would keep running.").is_empty());
}

/// The veto's features of the one attribution of `text` with a speaker.
fn features(text: &str) -> Vec<String> {
    let doc = parse::Document::from_text("a", text.to_owned());
    let parsed = parse::parse(&doc);
    ruleset().judged_attributions(&parsed).into_iter().find_map(|(_, f)| f).unwrap_or_default()
}

#[test]
fn the_veto_reads_how_the_speaker_was_resolved() {
    let f = features("Ada Holm said the ferry would keep running.");
    for want in ["who=named", "gap=before|0", "quoted=false"] {
        assert!(f.iter().any(|x| x == want), "no `{want}` in {f:?}");
    }
    // Quoted words, the speaker after the cue.
    let f = features("\"The ferry will keep running,\" said Ada Holm.");
    for want in ["who=named", "gap=after|0", "quoted=true"] {
        assert!(f.iter().any(|x| x == want), "no `{want}` in {f:?}");
    }
    // A description, words between it and its cue.
    let f = features("The harbour master, who runs the pier, said the ferry would keep running.");
    for want in ["who=description", "gap=before|3-7"] {
        assert!(f.iter().any(|x| x == want), "no `{want}` in {f:?}");
    }
}
