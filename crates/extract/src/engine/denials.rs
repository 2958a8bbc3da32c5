//! Owned denials: a denial noun with an owner and no content of its own ("contradicting
//! repeated denials by Syrian President Bashar al-Assad", "backed up Syrian government
//! denials") is the owner denying what the sentence accuses it of.

use super::sentence::{CueHit, Mention, Words};
use super::{Run, Speaker, Support, Unit, Who, words};
use claim::trace::{Step, StepKind};
use claim::{PropositionRef, Stance, Voice};
use pack::schema::CueKind;

/// Words that may stand between an owner and its denial noun ("Assad's repeated denials").
fn qualifies_denial(word: &str) -> bool {
    matches!(
        word,
        "'s" | "'" | "repeated" | "earlier" | "previous" | "flat" | "categorical" | "official" | "vehement" | "strong"
    )
}

impl Run<'_> {
    /// Claims of sentence `i` from its owned denials: the owner denies each proposition that
    /// another principal asserts or hedges in the claims made from `from` on, when the owner
    /// is among the proposition's doers (a denial answers an accusation of one's own deed).
    pub(super) fn owned_denials(&mut self, i: usize, from: usize, steps: &mut Vec<Step>) {
        let a = &self.analysed[i];
        let denials: Vec<(CueHit, Mention)> = a
            .found
            .cues
            .iter()
            .filter(|c| {
                self.rules.cues.get(c.cue as usize).is_some_and(|d| d.kind == CueKind::Noun && d.stance == Stance::Deny)
            })
            .filter(|c| !a.attributions.iter().any(|(attr, _)| attr.cue.span == c.span && !attr.content.is_empty()))
            .filter_map(|c| self.denial_owner(&a.words, &a.found.mentions, c).map(|m| (*c, m)))
            .collect();
        for (cue, owner) in denials {
            let accused: Vec<u32> = self.claims[from..]
                .iter()
                .filter(|c| matches!(c.stance, Stance::Assert | Stance::Hedge) && c.voice == Voice::Actor)
                .filter_map(|c| c.proposition.as_ref())
                .filter_map(|p| self.rules.propositions.iter().position(|x| x.id == p.id))
                .map(|k| k as u32)
                .filter(|&k| self.is_one_of(owner.actor, &self.rules.propositions[k as usize].agent))
                .collect();
            let mut speaker = self.mention_speaker(&owner);
            speaker.how = format!("{}, owner of the denial `{}`", speaker.how, self.words_of(cue.span));
            let unit = Unit {
                speaker: Speaker { who: Who::Actor(owner.actor), ..speaker },
                voice: Voice::Actor,
                content: cue.span,
                cue: Some(cue),
                agent: None,
                values_only: false,
                attribution: None,
            };
            let mut done = Vec::new();
            for k in accused {
                if done.contains(&k) {
                    continue;
                }
                done.push(k);
                let prop = &self.rules.propositions[k as usize];
                let reason = format!("its denial `{}` answers the accusation of the sentence", self.words_of(cue.span));
                if self.explain {
                    let detail = format!("deny {} — {reason}", prop.id);
                    steps.push(Step { kind: StepKind::Proposition, text: self.words_of(cue.span), detail });
                }
                let r = PropositionRef { id: prop.id.clone(), statement: prop.statement.clone() };
                let claim = self.claim(i, &unit, Stance::Deny, Some(r), None, vec![reason]);
                self.push_claim(claim, Support::ReferBack);
            }
        }
    }

    /// Who owns a denial noun: a mention right after its `by` or `from` ("denials by Assad",
    /// "denials from the Assad administration"), or one right before it, as possessor or
    /// modifier ("Assad's repeated denials", "Syrian government denials").
    fn denial_owner(&self, words: &Words, mentions: &[Mention], cue: &CueHit) -> Option<Mention> {
        let after = words.at(cue.span.end);
        if matches!(words.word(after), "by" | "from") {
            // The first mention after it, with nothing but an article or titles before it
            // ("by the Syrian government", "by President Bashar al-Assad").
            let from = words.toks.get(after + 1)?.span.start;
            let m = mentions.iter().find(|m| m.span.start >= from)?;
            let gap = after + 1..words.at(m.span.start);
            let plain = gap.clone().all(|k| words.word(k) == "the" || words::is_honorific(words.word(k)));
            return (gap.len() <= 3 && plain).then_some(*m);
        }
        let before = mentions.iter().rev().find(|m| m.span.end <= cue.span.start)?;
        let gap = words.at(before.span.end)..words.at(cue.span.start);
        (gap.len() <= 3 && gap.clone().all(|k| qualifies_denial(words.word(k)))).then_some(*before)
    }
}
