//! A title written as the owner of a body that acts ("the president's forces", "the
//! presidents forces" with the apostrophe lost): the person holding that title whom the text
//! names before it, else the holder of that title of the state it names before it.

use super::super::sentence::Words;
use super::super::{REACH, Run, words};
use crate::lexicon::{ActorIdx, Via};
use pack::schema::ActorKind;

impl Run<'_> {
    /// The person word `k` of `content` (in sentence `i`) names as the owner of a body that
    /// acts right after it: "the president's" or "the presidents" before "forces", when a
    /// person holding a title of that word at the document's date is named before it, in the
    /// sentence or within a pronoun's reach ("Opponents of Bashar al-Assad said the presidents
    /// forces killed 1300"). A title no one named holds refers to no one.
    pub(super) fn titled_owner(&self, i: usize, content: &Words, k: usize) -> Option<ActorIdx> {
        let word = content.word(k);
        let title = word.strip_suffix("'s").or_else(|| word.strip_suffix('s'))?;
        if k == 0 || content.word(k - 1) != "the" || title.is_empty() {
            return None;
        }
        let body = (k + 1..(k + 3).min(content.len())).any(|j| words::is_acting_body(content.word(j)));
        if !body {
            return None;
        }
        self.title_holder(i, title, content.toks[k].span.start)
    }

    /// The person last named before byte `before` of sentence `i`, or in the sentences within
    /// reach before it, who holds a title ending in `title` ("president", "minister") at the
    /// document's date; else the holder of that title of the state last named there by a name
    /// of its own ("Syria's government … the presidents forces"), not by a city that may be
    /// only a place ("on a visit to Ramallah").
    fn title_holder(&self, i: usize, title: &str, before: usize) -> Option<ActorIdx> {
        let directory = &self.rules.directory;
        let date = self.published();
        let titles =
            || directory.titles.iter().filter(|t| t.period.covers(date) && t.title.rsplit(' ').next() == Some(title));
        let holds = |a: ActorIdx| directory.get(a).kind == ActorKind::Person && titles().any(|t| t.person == a);
        // Nearest first: (actor, named by a name of its own). A sentence read only for its
        // names (no cue) keeps them without how they were named.
        let named: Vec<(ActorIdx, bool)> = (i.saturating_sub(REACH)..=i)
            .rev()
            .flat_map(|j| {
                let a = &self.analysed[j];
                let mentions: Vec<(ActorIdx, bool)> = if a.full {
                    let here = a.found.mentions.iter().filter(|m| j < i || m.span.end <= before);
                    here.rev().map(|m| (m.actor, m.via == Via::Alias)).collect()
                } else {
                    a.persons.iter().chain(&a.groups).rev().map(|&actor| (actor, true)).collect()
                };
                mentions
            })
            .collect();
        if let Some(&(person, _)) = named.iter().find(|(a, _)| holds(*a)) {
            return Some(person);
        }
        let mut states =
            named.iter().filter(|(a, own)| *own && directory.get(*a).kind == ActorKind::State).map(|(a, _)| *a);
        states.find_map(|state| titles().find(|t| t.of == Some(state)).map(|t| t.person))
    }
}
