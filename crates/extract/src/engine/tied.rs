//! Speakers tied by a preposition to an actor a pack names inside their phrase: "aides to
//! Clinton", "the administration of President Bashar al-Assad", "a spokeswoman for Ola Berg". The
//! phrase speaks for that actor, its affiliation, unless the tie sets the actor against the
//! phrase's head ("critics of Ola Berg", "protesters against the council"). And an acronym
//! owning the phrase with its apostrophe lost ("SANAs correspondent").

use super::{Run, Speaker, Who, phrase, words};
use crate::lexicon::{ActorIdx, Role, Via};
use pack::schema::ActorKind;

impl Run<'_> {
    /// "SANAs correspondent", "SOHRs director": an acronym a pack holds with a possessive "s"
    /// written on where the apostrophe was lost, owning a description in lower case, is that
    /// actor's speaker, as "SANA's correspondent" is.
    pub(super) fn acronym_owner(&self, p: phrase::Phrase) -> Option<Speaker> {
        let written = self.words_of(p.span);
        let (first, rest) = written.split_once(' ')?;
        let stem = first.strip_suffix('s')?;
        let acronym = stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase());
        if !acronym || !rest.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let actor = self.body_named(stem, false)?;
        let how = format!("`{written}`, of {}", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// "Aides to Clinton said …", "the administration of President Bashar al-Assad said …": a
    /// phrase no pack holds whose head is tied by "of", "for" or "to" (honorifics between) to a
    /// person a pack names speaks for that person. Not a document ("a letter to Ola Berg"): it
    /// speaks for whoever wrote it; nor a head set against the person (`sets_against`).
    pub(super) fn tied_person(&self, p: phrase::Phrase) -> Option<Speaker> {
        let written = self.words_of(p.span);
        if through_clause(&written) {
            return None;
        }
        let directory = &self.rules.directory;
        let inside =
            self.hits.iter().filter(|h| p.span.contains(h.span) && h.span.start > p.span.start).find_map(|h| {
                let actor = self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match r {
                    Role::Actor(a, Via::Alias) if directory.get(*a).kind == ActorKind::Person => Some(*a),
                    _ => None,
                })?;
                // "views of Mrs. Clinton's preparedness": the name owns a noun after it.
                let after = self.text.get(h.span.end..p.span.end)?;
                let owns = |t: &str| t.starts_with(['\'', '\u{2019}']) || t.ends_with("'s") || t.ends_with("\u{2019}s");
                if owns(after) || owns(h.span.text(self.text)) {
                    return None;
                }
                let (head, link) = self.tie(p, h.span.start)?;
                Some((actor, head, link))
            });
        // "Aides to Clinton" after "Hillary Clinton": a surname of a person named in full before.
        let short = || {
            let (actor, start) = self.surname_at_end(p)?;
            let (head, link) = self.tie(p, start)?;
            Some((actor, head, link))
        };
        let (actor, head, link) = inside.or_else(short)?;
        let how = format!("`{written}`, {head} {link} {}", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(p.span), how })
    }

    /// The head and the preposition that tie phrase `p` to the name starting at `start`, with
    /// honorifics between ("administration of President …"), when the head speaks for others
    /// and the words before the name do not set it against the head.
    fn tie(&self, p: phrase::Phrase, start: usize) -> Option<(String, String)> {
        let before = self.text.get(p.span.start..start)?;
        let mut lead: Vec<String> = before.split_whitespace().map(words::lowercase).collect();
        while lead.last().is_some_and(|w| words::is_honorific(w)) {
            lead.pop();
        }
        let link = lead.pop().filter(|w| matches!(w.as_str(), "of" | "for" | "to"))?;
        let head = lead.last()?.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
        let speaks = self.speaks_for_others(&head) && !words::is_evidence_head(&head);
        (speaks && !sets_against(&lead)).then_some((head, link))
    }

    /// The person a capitalised word ending phrase `p` stands for as the last word of a name a
    /// pack holds, named in full earlier in the document (`earlier_person`), and where the
    /// word starts.
    fn surname_at_end(&self, p: phrase::Phrase) -> Option<(ActorIdx, usize)> {
        let text = self.text.get(p.span.start..p.span.end)?;
        let end = text.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        let from = text[..end].rfind(char::is_whitespace)? + 1;
        let name = &text[from..end];
        if !name.starts_with(char::is_uppercase) {
            return None;
        }
        Some((self.earlier_person(name, p.span.start)?, p.span.start + from))
    }

    /// The person a pack holds whose name, written before byte `before`, ends with the words
    /// `name` ("Abdel Rahman" after "Rami Abdel Rahman").
    pub(super) fn earlier_person(&self, name: &str, before: usize) -> Option<ActorIdx> {
        let tail = format!(" {}", name.to_lowercase());
        let directory = &self.rules.directory;
        self.hits.iter().rev().filter(|h| h.span.end <= before).find_map(|h| {
            if !h.span.text(self.text).to_lowercase().ends_with(&tail) {
                return None;
            }
            self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match r {
                Role::Actor(a, Via::Alias) if directory.get(*a).kind == ActorKind::Person => Some(*a),
                _ => None,
            })
        })
    }

    /// Whether `head` (lower case) names people who speak for a person by office, as the
    /// packs' speaker heads tie them to a body ("spokeswoman", "administration", "staff",
    /// "representatives"), or work for the person ("aides", "advisers", "campaign"). Not a
    /// thing ("a review of", "the attraction to"), nor one who acts for the person in law or
    /// stands with them without speaking for them ("a lawyer for", "supporters of").
    fn speaks_for_others(&self, head: &str) -> bool {
        let one = head.strip_suffix('s').unwrap_or(head);
        let staff = matches!(one, "aide" | "adviser" | "advisor" | "staffer" | "campaign");
        staff || self.is_speaker_head(head) || self.is_speaker_head(one)
    }
}

/// Whether the phrase `written` runs through a clause or a coordination ("a doctor who worked
/// with the monitor", "officials and the monitor"): an actor named there is one the speaker
/// knows or stands beside, not one it speaks for.
pub(super) fn through_clause(written: &str) -> bool {
    let clause = |w: &str| matches!(w, "who" | "which" | "that" | "whose" | "with" | "and" | "or");
    written.split_whitespace().any(|w| clause(&w.to_lowercase()))
}

/// Whether the words `lead` (lower case) before an actor inside a phrase set the actor against
/// the phrase's head: "against" ("protesters against"), or a noun of opposition tied on by a
/// preposition ("critics of", "opponents of", "rivals to", "the opposition to"; not "the Syrian
/// opposition High Negotiations Committee", where the noun names the actor's side). Such a
/// phrase speaks against the actor, not for it.
pub(super) fn sets_against(lead: &[String]) -> bool {
    let bare = |w: &String| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let opposing = |w: &str| {
        let one = w.strip_suffix("ies").map(|s| format!("{s}y")).or_else(|| w.strip_suffix('s').map(str::to_owned));
        is_opposing(w) || one.as_deref().is_some_and(is_opposing)
    };
    let against = lead.iter().any(|w| bare(w) == "against");
    against || lead.windows(2).any(|pair| opposing(&bare(&pair[0])) && words::is_preposition(&bare(&pair[1])))
}

/// Whether `word` (lower case, singular) is a noun for one who stands against another.
fn is_opposing(word: &str) -> bool {
    matches!(
        word,
        "critic"
            | "opponent"
            | "rival"
            | "protester"
            | "protestor"
            | "enemy"
            | "foe"
            | "detractor"
            | "adversary"
            | "challenger"
            | "accuser"
            | "victim"
            | "opposition"
    )
}
