//! A plural pronoun in the words of coordinated speakers: "Security researchers and British
//! officials said they believed …" — "they" is all of them, so each holds the inner report,
//! not only the one the pronoun resolved to.

use super::attribution::{Attribution, SpeakerRef};
use super::sentence::Reference;
use super::{Run, Speaker};
use crate::lexicon::Pronoun;

impl Run<'_> {
    /// The reports a plural pronoun makes for the other speakers of its outer cue.
    /// `attributions` holds the sentence's own attributions first (`own` of them, in which
    /// `embedded_in` indexes), then those of coordinated speakers, each a copy of its
    /// cue's attribution with a speaker of its own.
    pub(super) fn plural_in_coordinated(
        &self,
        attributions: &[(Attribution, Option<Speaker>)],
        own: usize,
    ) -> Vec<(Attribution, Option<Speaker>)> {
        let mut out = Vec::new();
        for (inner, speaker) in &attributions[..own.min(attributions.len())] {
            let Some(SpeakerRef::Ref(r)) = inner.speaker else { continue };
            let (Reference::Pronoun(Pronoun::They), Some(resolved)) = (r.kind, speaker) else { continue };
            let Some((outer, Some(outer_speaker))) = inner.embedded_in.and_then(|k| attributions.get(k)) else {
                continue;
            };
            // The pronoun stands for the outer speakers only when it resolved to one of them.
            if outer_speaker.who != resolved.who {
                continue;
            }
            let partners = attributions[own..].iter().filter(|(a, _)| a.cue.span == outer.cue.span);
            for (partner, partner_speaker) in partners {
                let Some(partner_speaker) = partner_speaker.as_ref().filter(|s| s.who != resolved.who) else {
                    continue;
                };
                let mut also = inner.clone();
                also.speaker = partner.speaker;
                let mut who = partner_speaker.clone();
                who.how = format!(
                    "`{}`, coordinated speakers of `{}`: {}",
                    self.words_of(r.span),
                    self.words_of(outer.cue.span),
                    who.how
                );
                out.push((also, Some(who)));
            }
        }
        out
    }
}
