//! A speaker phrase that names an actor a pack holds in other words: a name at the end of a
//! title ("Observatory director Rami Abdel Rahman"), a description whose only extra word is
//! where the body sits ("a Britain-based monitoring group"), and a name written with the
//! indefinite article, which no name takes ("an NGO"); an acronym whose apostrophe was lost
//! ("SANAs correspondent").

use crate::common::ruleset;

/// The actor ids of the claims whose cue is `cue` in `text`, values included.
fn actors(text: &str, cue: &str) -> Vec<String> {
    let doc = parse::Document::from_text("named", text.to_owned());
    let claims = ruleset().extract(&parse::parse(&doc));
    let mut ids: Vec<String> = claims
        .into_iter()
        .filter(|c| c.evidence.cue.as_ref().is_some_and(|m| m.text == cue))
        .map(|c| c.actor.id)
        .collect();
    ids.dedup();
    ids
}

#[test]
fn a_name_after_its_title_is_the_person() {
    let text = "\"Six people were killed in the shelling of Douma,\" said Observatory director Rami Abdel Rahman.";
    assert_eq!(actors(text, "said"), vec!["rami-abdel-rahman".to_owned()]);
    // Someone who works for the person is not the person.
    let text = "\"Six people were killed in the shelling of Douma,\" said a driver for Rami Abdel Rahman.";
    assert!(actors(text, "said").iter().all(|a| a != "rami-abdel-rahman"), "{:?}", actors(text, "said"));
}

#[test]
fn where_a_body_sits_is_no_part_of_its_description() {
    let text = "The Syrian Observatory for Human Rights counted the dead in Douma on Monday. \
A Britain-based monitoring group said at least ten people were killed.";
    assert_eq!(actors(text, "said"), vec!["SOHR".to_owned()]);
    // A charity based in Britain is no monitor the document named.
    let text = "The Syrian Observatory for Human Rights counted the dead in Douma on Monday. \
A Britain-based charity said at least ten people were killed.";
    assert!(actors(text, "said").iter().all(|a| a != "SOHR"), "{:?}", actors(text, "said"));
}

#[test]
fn a_name_with_the_indefinite_article_is_a_description() {
    let text = "At least fifteen people were killed in a car bomb blast in Homs on Thursday, an NGO said.";
    assert_eq!(actors(text, "said"), vec!["description:an-ngo".to_owned()]);
    let text = "At least fifteen people were killed in a car bomb blast in Homs on Thursday, Karim Haddad said.";
    assert_eq!(actors(text, "said"), vec!["name:karim-haddad".to_owned()]);
}

#[test]
fn an_acronym_with_its_apostrophe_lost_owns_the_description() {
    // "SANAs correspondent" is "SANA's correspondent" with the apostrophe lost.
    let text = "SANAs correspondent in Hama said that four people were killed in the shelling.";
    assert_eq!(actors(text, "said"), vec!["SANA".to_owned()]);
    // A plural acronym no pack holds is no owner.
    let text = "NGOs working in Hama said that four people were killed in the shelling.";
    assert!(actors(text, "said").iter().all(|a| !a.starts_with(char::is_uppercase)), "{:?}", actors(text, "said"));
}
