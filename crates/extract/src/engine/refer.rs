//! Refer-backs: a content that names no proposition but points at one claimed before
//! ("Russia rejected this", "the accusation", "Washington's claims"), bound to the one
//! antecedent it names.

use super::propose::Content;
use super::sentence::Words;
use super::{Run, Support, Unit, Who};
use crate::lexicon::{ActorIdx, Role, Via};
use claim::Stance;
use claim::trace::Step;
use parse::Span;
use syntax::Dep;

/// How many sentences back "these accusations" may refer.
const TOPIC_REACH: usize = 12;

impl Run<'_> {
    /// A claim for the one proposition a content refers back to ("Russia rejected this",
    /// "the accusation", "Washington's claims"). Returns whether it found one.
    ///
    /// The antecedent is one proposition claimed directly before: when the content names
    /// whose claim it means (a possessor or modifier before the claim noun), the latest that
    /// actor took a stance on; when it names a claim ("the accusation"), the latest asserted
    /// one that named its doer; otherwise ("this", "the same") the first of the latest sentence
    /// that had any.
    pub(super) fn refer_back(
        &mut self,
        i: usize,
        unit: &Unit,
        content: &Content<'_>,
        claim_nouns: &[Span],
        steps: &mut Vec<Step>,
    ) -> bool {
        // "the accusation" may reach back a dozen sentences; a bare "this" or "so" only to
        // the sentence before.
        let accusing = claim_nouns.iter().any(|s| {
            let w = self.words_of(*s).to_lowercase();
            !matches!(w.as_str(), "this" | "these" | "that" | "those")
        });
        // A demonstrative has no owner: "the regime did this" is no claim of the regime's.
        let owner = claim_nouns.first().filter(|_| accusing).and_then(|noun| self.claim_owner(i, unit.content, *noun));
        // "Russia's claim that a depot was hit" is still Russia's claim made before.
        let stated = owner.is_none() && claim_nouns.iter().any(|n| self.stated_up_to(i, *n));
        if stated || claim_nouns.iter().any(|n| self.of_both_sides(*n)) {
            return false;
        }
        // "The regime did this": a doer who did what "this" refers to is accused of it, as
        // a blaming layout's doer is ("held Russia responsible").
        let agent = unit.agent.map(|m| m.actor).or_else(|| self.pro_verb_doer(unit.content, content));
        let limit = self.reach(i, accusing, agent.is_some());
        let reach = |r: &&super::Recent| r.sentence < i && i - r.sentence <= limit;
        let Some(latest) = self.recent.iter().rev().find(reach).map(|r| r.sentence) else {
            return false;
        };
        let accused = claim_nouns.first().and_then(|noun| self.claim_accused(i, unit.content, *noun));
        let has_agent = |r: &super::Recent| !self.rules.propositions[r.proposition as usize].agent.is_empty();
        let accuses = |doer: Option<ActorIdx>, r: &super::Recent| {
            doer.is_some_and(|a| {
                r.stance != Stance::Deny && self.is_one_of(a, &self.rules.propositions[r.proposition as usize].agent)
            })
        };
        // In order of preference: whose claim it names ("Washington's claims"), the
        // accusation against the doer the layout names ("held Russia responsible") or the
        // claim noun names ("the accusations against Damascus"), an accusation ("the
        // accusation", "these claims": put forward against a doer it named, else the one a
        // denial naming its doer answered), else, for a bare "this" or "the same", whatever
        // the latest sentence claimed. A claim noun or a named doer never falls back on what
        // merely came last.
        let named = |r: &super::Recent| accusing && accused.is_none() && r.named_doer;
        let tests: [&dyn Fn(&super::Recent) -> bool; 6] = [
            &|r| owner.as_ref().is_some_and(|o| r.principal == *o),
            &|r| accuses(agent, r),
            &|r| accuses(accused, r),
            &|r| named(r) && r.stance != Stance::Deny,
            &|r| named(r),
            &|r| !accusing && agent.is_none() && r.sentence == latest,
        ];
        // The latest sentence holding a fitting antecedent; in it, an accusation against a
        // doer before other propositions, then the first claimed.
        // "Russia's claim" is Russia's or none: never another's accusation that came last.
        let tried = if owner.is_some() { &tests[..1] } else { &tests[..] };
        let antecedent = tried.iter().find_map(|test| {
            let fits: Vec<&super::Recent> = self.recent.iter().filter(reach).filter(|r| test(r)).collect();
            let last = fits.last()?.sentence;
            let same: Vec<&super::Recent> = fits.into_iter().filter(|r| r.sentence == last).collect();
            same.iter().find(|r| has_agent(r)).or(same.first()).map(|r| (*r).clone())
        });
        let Some(antecedent) = antecedent else { return false };
        let prop = &self.rules.propositions[antecedent.proposition as usize];
        let line = self.parsed.location(self.parsed.sentences[antecedent.sentence].span.start).line;
        let (stance, mut reasons) = self.base_stance(unit, content, Some(prop), &[]);
        let whose = owner.as_ref().map(|o| format!(", {o}'s claim")).unwrap_or_default();
        reasons.push(format!("refers back to {} (line {line}{whose})", prop.id));
        // Saying or confirming "this" takes the antecedent's stance: after "Syria has no
        // chemical weapons", "This was verified by the OPCW" denies, and rejecting another's
        // denial asserts. "The accusations" are always assertions ("Moscow dismissed the
        // accusation"), and a hedge is one.
        let own = match unit.speaker.who {
            Who::Actor(a) => {
                let principal = self.rules.directory.principal(a, self.published());
                self.rules.directory.get(principal).id == antecedent.principal
            }
            _ => false,
        };
        // "Russia's claim that a rebel warehouse was hit is not credible": a claim noun its
        // owner names is that owner's claim, a denial when they denied, not an accusation.
        let accusing = accusing && owner.as_ref().is_none_or(|o| *o != antecedent.principal);
        let stance = match (stance, antecedent.stance) {
            (Stance::Assert, Stance::Deny) if !accusing => {
                reasons.push("confirms a denial: deny".to_owned());
                Stance::Deny
            }
            // "Washington rejected this" after Moscow's denial; not a speaker going on about
            // what their own denial answered ("This is a circus show").
            (Stance::Deny, Stance::Deny) if !accusing && !own => {
                reasons.push("rejects a denial: assert".to_owned());
                Stance::Assert
            }
            (s, _) => s,
        };
        self.push_proposition(i, unit, prop, (stance, reasons, Support::ReferBack), steps);
        true
    }

    /// How many sentences back a refer-back in sentence `i` may reach: a claim noun or a named
    /// doer a dozen, a bare "this" one. "There was no truth to the reports", deep in an
    /// article that disputes one thing: with nothing claimed for a dozen sentences, a claim
    /// noun reaches back to the one proposition claimed before, however far.
    fn reach(&self, i: usize, accusing: bool, named_doer: bool) -> usize {
        let limit = if accusing || named_doer { TOPIC_REACH } else { 1 };
        let earlier: Vec<&super::Recent> = self.recent.iter().filter(|r| r.sentence < i).collect();
        let one = earlier.first().is_some_and(|f| earlier.iter().all(|r| r.proposition == f.proposition));
        if accusing && one && earlier.iter().all(|r| i - r.sentence > limit) { i } else { limit }
    }

    /// Where sentence `i`, before `offset`, marks what it reports as of earlier or habitual
    /// events ("in the past", "has long denied"), or anywhere spans a whole war ("during the
    /// six-year war").
    pub(super) fn earlier_events(&self, i: usize, offset: usize) -> Option<Span> {
        let words = &self.analysed[i].words;
        // A span of a whole war marks it wherever it stands ("denied using chemical weapons
        // during the six-year war").
        let war = (0..words.len()).find_map(|k| words.spans_a_war(k).map(|last| (k, last)));
        let (k, last) = match (0..words.before(offset)).find(|&k| words.marks_earlier_events(k)) {
            Some(k) => (k, if words.word(k) == "in" { k + 2 } else { k + 1 }),
            None => war?,
        };
        Some(Span::new(words.toks[k].span.start, words.toks.get(last)?.span.end))
    }

    /// The doer of a content that only says they did what was referred to ("The regime did
    /// this", "Russia did it"): a doer named in it, not of the speaker's side, when its last
    /// words are a form of "do" and a pronoun.
    fn pro_verb_doer(&self, span: Span, content: &Content<'_>) -> Option<ActorIdx> {
        let words = self.words_in(span);
        let mut last = (0..words.len()).rev().filter(|&k| !words.is_punct(k));
        let (object, verb) = (last.next()?, last.next()?);
        let pro_verb = matches!(words.word(verb), "did" | "does" | "do" | "done")
            && matches!(words.word(object), "this" | "it" | "that" | "so");
        let doer = content.doers.iter().find(|d| !d.own_side && d.span.end <= words.toks[verb].span.start)?;
        pro_verb.then_some(doer.actor)
    }

    /// Whether a claim noun is said of both sides ("accusations on both sides", "claims
    /// from all parties"): it names no one antecedent to take a stance on.
    fn of_both_sides(&self, noun: Span) -> bool {
        let end = (noun.end..=(noun.end + 32).min(self.text.len())).rev().find(|&e| self.text.is_char_boundary(e));
        let after = Words::new(self.text, Span::new(noun.end, end.unwrap_or(noun.end)));
        matches!(after.word(0), "on" | "from" | "by" | "of")
            && matches!(after.word(1), "both" | "all" | "each")
            && matches!(after.word(2), "sides" | "side" | "parties" | "party")
    }

    /// Whether sentence `i`, up to and with the claim noun `noun`, holds a claim noun whose
    /// content is a clause of its own with its own subject ("investigated suggestions the
    /// attacks came from the rebels", "alternative claims that the rebels were responsible
    /// ... found such claims lacking"): that noun names what it means, and a "such claims"
    /// after it means the same; neither points back at an earlier sentence's claim.
    /// "The accusations made by Washington" (no subject of its own) still refers back, and so
    /// does a claim noun its owner names (see [`Run::refer_back`]).
    fn stated_up_to(&self, i: usize, noun: Span) -> bool {
        let Some(tree) = self.tree(i) else { return false };
        let start = self.parsed.sentences[i].span.start.min(noun.start);
        let (_, nouns) = self.irrealis_and_claim_nouns(Span::new(start, noun.end));
        nouns.iter().any(|n| {
            tree.head_in(*n).is_some_and(|h| {
                tree.children_with(h, &[Dep::Acl, Dep::Ccomp]).any(|clause| tree.has_own_subject(clause))
                    || tree
                        .children_with(h, &[Dep::Relcl])
                        .any(|clause| tree.has_own_subject(clause) && !has_gap(tree, clause))
            })
        })
    }

    /// Whose claim a claim noun names: an actor right before it, as possessor or modifier
    /// ("Washington's accusations", "the Russian claims"), as the principal's id.
    fn claim_owner(&self, i: usize, content: Span, noun: Span) -> Option<String> {
        let date = self.published();
        let id = |actor: ActorIdx| {
            let principal = self.rules.directory.principal(actor, date);
            self.rules.directory.get(principal).id.clone()
        };
        // "the Dutch and Australian position": a demonym makes no mention without a speaker
        // head after it, but it still says whose claim the noun is.
        if let Some(actor) = self.demonym_before(content, noun) {
            return Some(id(actor));
        }
        let a = &self.analysed[i];
        let m = a.found.mentions.iter().rev().find(|m| content.contains(m.span) && m.span.end <= noun.start)?;
        let between = self.text.get(m.span.end..noun.start)?;
        let words: Vec<&str> = between.split_whitespace().filter(|w| *w != "'s" && *w != "'").collect();
        let close = between.starts_with("'s") || between.starts_with('\'') || words.len() <= 1;
        if !close || between.contains([',', ';', '"']) {
            return None;
        }
        Some(id(m.actor))
    }

    /// The actor whose demonym stands right before `noun` within `content` ("the Australian
    /// position").
    fn demonym_before(&self, content: Span, noun: Span) -> Option<ActorIdx> {
        self.sentence_hits(content).iter().rev().filter(|h| h.span.end < noun.start).find_map(|h| {
            let adjacent = self.text.get(h.span.end..noun.start)? == " ";
            let roles = self.rules.lexicon.roles(h.pattern);
            roles.iter().find_map(|r| match *r {
                Role::Actor(a, Via::Demonym) if adjacent => Some(a),
                _ => None,
            })
        })
    }

    /// Whom a claim noun accuses: an actor named right after it ("the accusations against
    /// Damascus", "the claim of Russian foreknowledge").
    fn claim_accused(&self, i: usize, content: Span, noun: Span) -> Option<ActorIdx> {
        let a = &self.analysed[i];
        let m = a.found.mentions.iter().find(|m| content.contains(m.span) && m.span.start >= noun.end)?;
        let between = self.text.get(noun.end..m.span.start)?;
        let linking = between.split_whitespace().all(|w| matches!(w, "against" | "of" | "the" | "a" | "that"));
        (linking && between.split_whitespace().count() <= 2).then_some(m.actor)
    }
}

/// Whether the relative clause headed by `verb` lacks one of its verb's parts, as a true
/// relative clause does ("the claims [which] the regime made"): a relative pronoun, or no
/// object, complement or prepositional phrase at all, or a preposition left without its
/// object. The parse may label a claim noun's content clause a relative clause ("suggestions
/// the attacks came from opposition forces"); with no gap it is the noun's content.
fn has_gap(tree: &super::tree::Tree, verb: usize) -> bool {
    let relative = tree.children(verb).any(|c| matches!(tree.word(c), "which" | "that" | "who" | "whom"));
    let stranded = tree.children_with(verb, &[Dep::Prep]).any(|p| tree.children(p).next().is_none());
    let complement = [Dep::Dobj, Dep::Attr, Dep::Acomp, Dep::Ccomp, Dep::Xcomp, Dep::Oprd, Dep::Prep];
    relative || stranded || tree.children_with(verb, &complement).next().is_none()
}
