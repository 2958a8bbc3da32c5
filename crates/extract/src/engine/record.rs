//! Claim records: a unit of speech written as a [`Claim`], and the claims of one sentence
//! made consistent.

use super::{Run, Support, Unit, Who};
use claim::trace::{Step, StepKind};
use claim::{ActorRef, Claim, Evidence, Marked, PropositionRef, Stance, Value};
use parse::{Date, DateValue, Span};

impl Run<'_> {
    pub(super) fn actor_ref(&self, who: Who) -> ActorRef {
        match who {
            Who::Actor(a) => {
                let actor = self.rules.directory.get(a);
                ActorRef { id: actor.id.clone(), name: actor.name.clone() }
            }
            Who::Outlet => match self.rules.outlets.get(&self.document.source.to_lowercase()) {
                Some(&a) => {
                    let actor = self.rules.directory.get(a);
                    ActorRef { id: actor.id.clone(), name: actor.name.clone() }
                }
                None => ActorRef { id: format!("outlet:{}", self.document.source), name: self.document.source.clone() },
            },
            Who::Open(k) => match self.open.get(k as usize) {
                Some(o) => ActorRef { id: o.id.clone(), name: o.name.clone() },
                None => ActorRef { id: "unresolved".into(), name: String::new() },
            },
        }
    }

    /// The date a claim was made: a day the sentence names before the cue, else publication.
    pub(super) fn claim_date(&self, i: usize, unit: &Unit) -> Option<Date> {
        let s = self.parsed.sentences[i];
        let limit = unit.cue.map_or(s.span.end, |c| c.span.start);
        let published = self.published()?;
        let dates = self.sentence_dates(i);
        let said = dates.iter().rev().filter(|d| d.span.end <= limit).find_map(|d| match d.value {
            DateValue::Day(day) if day <= published => Some(day),
            _ => None,
        });
        Some(said.unwrap_or(published))
    }

    /// Whom the outlet heard a unit's speaker through: the speaker of the report whose
    /// words hold the unit's cue ("…, according to a Turkish diplomat"), or of the report
    /// whose cue names the unit's speaker as its object ("Russian media, quoting Lavrov as
    /// saying …"), when that report has one.
    fn relay(&self, i: usize, unit: &Unit) -> Option<ActorRef> {
        let attributions = &self.analysed[i].attributions;
        let (attr, _) = attributions.get(unit.attribution?)?;
        let cites = |outer: &super::attribution::Attribution| {
            let speaker = attr.speaker.as_ref().and_then(super::attribution::span_of);
            speaker.is_some_and(|s| {
                outer.cue.span.end <= s.start
                    && self.text.get(outer.cue.span.end..s.start).is_some_and(|gap| gap.trim().is_empty())
            })
        };
        let outer = attr.embedded_in.or_else(|| attributions.iter().position(|(o, _)| cites(o)))?;
        let speaker = attributions.get(outer)?.1.as_ref()?;
        Some(self.actor_ref(speaker.who)).filter(|r| r.id != "unresolved")
    }

    pub(super) fn marked(&self, span: Span) -> Marked {
        let original = self.parsed.original_span(span);
        Marked { text: original.text(&self.document.text).to_owned(), span: original }
    }

    pub(super) fn claim(
        &self,
        i: usize,
        unit: &Unit,
        stance: Stance,
        proposition: Option<PropositionRef>,
        value: Option<Value>,
        reasons: Vec<String>,
    ) -> Claim {
        let s = self.parsed.sentences[i];
        let date = self.claim_date(i, unit);
        let actor = self.actor_ref(unit.speaker.who);
        let (principal, blocs) = match unit.speaker.who {
            Who::Actor(a) => {
                let p = self.rules.directory.principal(a, date);
                (self.actor_ref(Who::Actor(p)), self.rules.directory.blocs(p, date))
            }
            Who::Outlet | Who::Open(_) => (actor.clone(), Vec::new()),
        };
        let original = self.parsed.original_span(s.span);
        let at = self.parsed.location(s.span.start);
        let d = self.document;
        Claim {
            actor,
            principal,
            blocs,
            voice: unit.voice,
            relay: self.relay(i, unit),
            stance,
            proposition,
            value,
            content: normalise_content(unit.content.text(self.text)),
            date,
            attribution: unit.speaker.how.clone(),
            reasons,
            evidence: Evidence {
                document: d.id.clone(),
                source: d.source.clone(),
                path: d.path.clone(),
                published: d.published,
                ordinal: d.ordinal,
                span: original,
                line: at.line,
                column: at.column,
                sentence: original.text(&d.text).to_owned(),
                cue: unit.cue.map(|c| self.marked(c.span)),
                speaker: unit.speaker.span.map(|sp| self.marked(sp)),
            },
        }
    }
}

/// Lower case, words only, one space between: the form unlisted claims are compared in.
pub(crate) fn normalise_content(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        // Byte by byte: the same words as below (an ASCII character is a word character
        // when it is alphanumeric), without decoding every character.
        let mut apart = false;
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() || b == b'\'' {
                if apart && !out.is_empty() {
                    out.push(' ');
                }
                apart = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                apart = true;
            }
        }
        return out;
    }
    normalise_characters(text, out)
}

/// [`normalise_content`] character by character, appended to `out`.
fn normalise_characters(text: &str, mut out: String) -> String {
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// What a claim is about, for settling one sentence's claims: a proposition, a frame's value,
/// or unlisted content.
fn subject_of(c: &Claim) -> String {
    match (&c.proposition, &c.value) {
        (Some(p), _) => p.id.clone(),
        (None, Some(v)) => format!("{}={}", v.frame.id, v.interval),
        (None, None) => format!("unlisted:{}", c.content),
    }
}

impl Run<'_> {
    /// Records a claim with the support it rests on.
    pub(super) fn push_claim(&mut self, claim: Claim, support: Support) {
        self.claims.push(claim);
        self.support.push(support);
    }

    /// Makes the claims of one sentence (from `from` on) consistent: one claim per
    /// (principal, stance, subject), and one stance per (principal, proposition) — the one
    /// with the stronger support (the earlier on a tie); the others are rejected, and
    /// `explain` shows why.
    pub(super) fn settle_sentence(&mut self, from: usize, steps: &mut Vec<Step>) {
        let mut k = from;
        while k < self.claims.len() {
            let c = &self.claims[k];
            // A headline's figure is no claim: the body's same figure is kept beside it.
            let key = (c.principal.id.as_str(), c.stance, subject_of(c), c.voice.claims());
            let same = (from..k).find(|&j| {
                let d = &self.claims[j];
                (d.principal.id.as_str(), d.stance, subject_of(d), d.voice.claims()) == key
            });
            match same {
                Some(j) => {
                    self.support[j] = self.support[j].max(self.support[k]);
                    self.claims.remove(k);
                    self.support.remove(k);
                }
                None => k += 1,
            }
        }
        let mut k = from;
        while k < self.claims.len() {
            let c = &self.claims[k];
            let Some(p) = &c.proposition else {
                k += 1;
                continue;
            };
            let rival = (from..self.claims.len()).find(|&j| {
                let d = &self.claims[j];
                j != k && d.principal.id == c.principal.id && d.proposition.as_ref().is_some_and(|q| q.id == p.id)
            });
            let Some(j) = rival else {
                k += 1;
                continue;
            };
            // The loser of the two: the weaker support, or the later one on a tie.
            let (keep, lose) = if (self.support[k], std::cmp::Reverse(k)) >= (self.support[j], std::cmp::Reverse(j)) {
                (k, j)
            } else {
                (j, k)
            };
            if self.explain {
                let (w, l) = (&self.claims[keep], &self.claims[lose]);
                let detail = format!(
                    "{} {} by {} ({}) — {} stands on stronger or earlier evidence ({})",
                    l.stance,
                    p.id,
                    l.principal.name,
                    self.support[lose].describe(),
                    w.stance,
                    self.support[keep].describe()
                );
                steps.push(Step { kind: StepKind::Rejected, text: l.content.clone(), detail });
            }
            self.claims.remove(lose);
            self.support.remove(lose);
            if lose < k {
                k -= 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_content_normalised_by_bytes_as_by_characters() {
        let texts = [
            "",
            "  The minister's   denial, (again)!",
            "U.S.-led strikes killed 12 -- 'at least' 40?",
            "...",
            "x",
            "Don't  stop\n\tnow ",
        ];
        for text in texts {
            assert_eq!(normalise_content(text), normalise_characters(text, String::new()), "{text:?}");
        }
        assert_eq!(normalise_content("Köln's Mayor, Said"), "köln's mayor said");
    }
}
