//! Who a unit's content names as doing what it tells: actor mentions in a doer's place in
//! the sentence's parse (see [`super::roles`]), the doer a layout names ("accused Y of"),
//! and the speaker's own side where the content refers to it implicitly.

use super::roles::{self, Role};
use super::sentence::{self, Reference, Words};
use super::{Run, Unit, Who, words};
use crate::lexicon::{self, ActorIdx, Pronoun, Via};
use crate::matcher::Region;
use crate::ruleset::Proposition;
use pack::schema::{ActorKind, CuePattern};
use parse::Span;
use std::ops::Range;
use syntax::{Dep, Tag};

mod titled;

/// An actor named as doing something in a content.
#[derive(Clone, Copy, Debug)]
pub(super) struct Doer {
    pub(super) actor: ActorIdx,
    pub(super) span: Span,
    /// The speaker's own side, referred to implicitly ("we", "it", "denied using …").
    pub(super) own_side: bool,
}

/// The tokens of `words` that overlap `span` ("Russia" in the token "Russia's" is that token).
pub(super) fn overlapping(words: &Words, span: Span) -> Range<usize> {
    let from = words.toks.partition_point(|t| t.span.end <= span.start);
    let to = words.toks.partition_point(|t| t.span.start < span.end).max(from);
    from..to
}

impl Run<'_> {
    /// The dependency parse of sentence `i`, made once with its words (see [`Run::tree`]).
    pub(super) fn sentence_parse(&self, i: usize) -> Option<&syntax::Parse> {
        self.tree(i).map(|t| t.parse())
    }

    /// Whether the words at `span` of sentence `i` modify a noun after them, as a name does in
    /// "the DNC email leak".
    pub(super) fn modifies_noun(&self, i: usize, span: Span) -> bool {
        let Some(parse) = self.sentence_parse(i) else { return false };
        let Some(w) = roles::head_word(parse, overlapping(&self.analysed[i].words, span)) else { return false };
        let modifier = matches!(parse.dep(w), Dep::Compound | Dep::Amod | Dep::Nmod);
        modifier && parse.head(w).is_some_and(|h| h > w && parse.tag(h).is_noun())
    }

    /// The role the words at `span` of sentence `i` play in `unit`'s clause.
    pub(super) fn role_at(&self, i: usize, unit: &Unit, span: Span) -> Role {
        let a = &self.analysed[i];
        let Some(parse) = self.sentence_parse(i) else { return Role::Unknown };
        let head = |c: &sentence::CueHit| roles::head_word(parse, overlapping(&a.words, c.span));
        let pattern = |c: &sentence::CueHit| self.rules.cues[c.cue as usize].pattern;
        // Reports by someone other than the unit's speaker ("a massacre that the opposition
        // claims killed hundreds"): their subjects speak. Not the unit's own cue, nor a report
        // by the speaker's own side ("his government denied"), nor a verb of blaming that
        // blames no one ("Damascus still held chemical weapons").
        let mut all: Vec<usize> = a
            .attributions
            .iter()
            .filter(|(attr, s)| {
                let other = s.as_ref().is_some_and(|s| s.who != unit.speaker.who && s.claims());
                let own_cue = unit.cue.is_some_and(|c| c.span == attr.cue.span);
                let blames_no_one =
                    matches!(pattern(&attr.cue), CuePattern::Accuse | CuePattern::Blame) && attr.agent.is_none();
                // A learned cue reports no one whose words these are (`engine::learned`).
                let learned = self.rules.is_learned(attr.cue.cue);
                other && !own_cue && !blames_no_one && !learned && !self.own_side_subject(&a.words, attr.cue.span)
            })
            .filter_map(|(attr, _)| head(&attr.cue))
            .collect();
        // "a massacre that the opposition claims killed hundreds", parsed as the compound
        // "opposition claims": the cue read as a noun kept no attribution, yet the word before
        // it still speaks.
        let kept = |c: &sentence::CueHit| a.attributions.iter().any(|(attr, _)| attr.cue.span == c.span);
        let as_nouns = a.found.cues.iter().filter(|c| pattern(c) == CuePattern::Say && !kept(c)).filter_map(head);
        all.extend(as_nouns.filter(|&w| parse.tag(w).is_noun()));
        // Verbs of blaming and accusing: their object is blamed.
        let blaming: Vec<usize> = a
            .found
            .cues
            .iter()
            .filter(|c| matches!(pattern(c), CuePattern::Accuse | CuePattern::Blame))
            .filter_map(head)
            .collect();
        let reporting = roles::Reporting { all: &all, blaming: &blaming };
        match roles::head_word(parse, overlapping(&a.words, span)) {
            Some(w) => roles::role(parse, &a.words, reporting, w),
            None => Role::Unknown,
        }
    }

    /// Whether the mention at `subject` in sentence `i` is the active subject of the clause
    /// one of `terms` predicates ("Russia was not guilty": `Russia` and `guilty` share `was`;
    /// "Russia denied any involvement": `involvement` is the object of `denied`).
    pub(super) fn subject_of(&self, i: usize, subject: Span, terms: &[Span]) -> bool {
        let words = &self.analysed[i].words;
        let Some(parse) = self.sentence_parse(i) else { return false };
        let Some(s) = roles::head_word(parse, overlapping(words, subject)) else { return false };
        if parse.dep(s) != Dep::Nsubj {
            return false;
        }
        let Some(verb) = parse.head(s) else { return false };
        terms.iter().filter(|t| !t.overlaps(subject)).any(|t| {
            let Some(w) = roles::head_word(parse, overlapping(words, *t)) else { return false };
            // The predicate itself, or a complement of its verb, not a clause it reports.
            let complement = matches!(parse.dep(w), Dep::Dobj | Dep::Acomp | Dep::Attr | Dep::Oprd | Dep::Prep);
            w == verb || (parse.head(w) == Some(verb) && complement)
        })
    }

    /// Whether the word at `span` in sentence `i` stands in a time adjunct ("the strike came
    /// after a campaign of lies"): what came before or after the event, not a verdict on it.
    /// `false` when the parse does not say.
    pub(super) fn in_time_adjunct(&self, i: usize, span: Span) -> bool {
        let words = &self.analysed[i].words;
        let Some(parse) = self.sentence_parse(i) else { return false };
        let Some(mut at) = roles::head_word(parse, overlapping(words, span)) else { return false };
        // Up to the clause's verb: a preposition of time on the way governs the word.
        for _ in 0..words.len() {
            let Some(up) = parse.head(at) else { return false };
            if parse.tag(up).is_verb() {
                return false;
            }
            if parse.dep(up) == Dep::Prep
                && matches!(words.word(up), "after" | "before" | "since" | "following" | "until")
            {
                return true;
            }
            at = up;
        }
        false
    }

    /// Whether the negator at `neg` in sentence `i` reaches any of `anchors` (the words a
    /// proposition matched) or the passive agent among `doers` ("was not carried out by the
    /// army"): the verb it governs, the clause whose subject it quantifies, the phrase it
    /// stands in. `None` when the parse does not place it.
    pub(super) fn negation_reaches(&self, i: usize, neg: Span, anchors: &[Span], doers: &[Span]) -> Option<bool> {
        let words = &self.analysed[i].words;
        let parse = self.sentence_parse(i)?;
        let n = roles::head_word(parse, overlapping(words, neg))?;
        parse.head(n)?;
        let scope = roles::negation_scope(parse, n);
        let inside = |span: &Span| {
            let r = overlapping(words, *span);
            r.start < scope.end && scope.start < r.end
        };
        let agent = |span: &Span| {
            roles::head_word(parse, overlapping(words, *span)).is_some_and(|w| roles::is_agent(parse, words, w))
        };
        Some(anchors.iter().any(inside) || doers.iter().filter(|d| agent(d)).any(inside))
    }

    /// Whether the negators at `a` and `b` in sentence `i` negate coordinated verbs ("did not
    /// use and does not possess"): each negates its own verb, so they do not cancel out as
    /// "not untrue" does. `false` when the parse does not say.
    pub(super) fn parallel_negations(&self, i: usize, a: Span, b: Span) -> bool {
        let words = &self.analysed[i].words;
        let Some(parse) = self.sentence_parse(i) else { return false };
        let verb_of = |neg: Span| {
            let n = roles::head_word(parse, overlapping(words, neg))?;
            parse.head(n).filter(|&v| parse.tag(v).is_verb())
        };
        let (Some(va), Some(vb)) = (verb_of(a), verb_of(b)) else { return false };
        let conj = |x: usize, y: usize| parse.dep(y) == Dep::Conj && parse.head(y) == Some(x);
        va != vb && (conj(va, vb) || conj(vb, va))
    }

    /// Actors a content names as doers: mentions in a doer's place in the parse (or, where
    /// the parse does not say, not the object of a preposition nor a passive subject), the
    /// object of "accused Y of", and the speaker's own side where the content refers to it
    /// implicitly ("we", "it", "its army", "the army", "denied using gas").
    pub(super) fn doers(&self, i: usize, unit: &Unit) -> Vec<Doer> {
        let a = &self.analysed[i];
        // A parenthetical speaker ("Russia, he said, was …") is not a doer of the content.
        let speaker_span = unit.speaker.span;
        let placed = |span: Span, fallback: &dyn Fn() -> bool| match self.role_at(i, unit, span) {
            Role::Doer => true,
            Role::Undergoer | Role::Oblique | Role::Speaker => false,
            Role::Unknown => fallback(),
        };
        let dateline = self.dateline_end(i);
        let mut out: Vec<Doer> = a
            .found
            .mentions
            .iter()
            .filter(|m| unit.content.contains(m.span) && !speaker_span.is_some_and(|s| s.overlaps(m.span)))
            .filter(|m| dateline.is_none_or(|end| m.span.start >= end))
            .filter(|m| {
                placed(m.span, &|| {
                    !sentence::after_preposition(self.text, &a.words, m.span)
                        && !sentence::passive_subject(&a.words, m.span)
                })
            })
            .map(|m| Doer { actor: m.actor, span: m.span, own_side: false })
            .collect();
        if let Some(agent) = unit.agent {
            out.push(Doer { actor: agent.actor, span: agent.span, own_side: false });
        }
        let Who::Actor(speaker) = unit.speaker.who else { return out };
        let side = |span| Doer { actor: speaker, span, own_side: true };
        let stateless = !self.of_a_state(speaker);
        // A third-person pronoun after an actor named in the content refers to it ("a depot
        // of the terrorists, where they kept …"), not to the speaker.
        // A name inside another name ("Malaysia" in "Malaysia Airlines Flight 17") is no
        // antecedent: the compound names the airline, not the state.
        let tree = self.tree(i);
        let in_a_name =
            |m: &&sentence::Mention| tree.is_some_and(|t| t.head_in(m.span).is_some_and(|h| t.dep(h) == Dep::Compound));
        let antecedent = |span: Span| {
            a.found
                .mentions
                .iter()
                .rev()
                .filter(|m| !in_a_name(m))
                .find(|m| m.span.end <= span.start && unit.content.contains(m.span))
                .filter(|m| !speaker_span.is_some_and(|s| s.overlaps(m.span)))
        };
        let refer = |span: Span, third_person: bool| match antecedent(span).filter(|_| third_person) {
            Some(m) => Doer { actor: m.actor, span, own_side: false },
            None => side(span),
        };
        let refs = a.found.refs.iter().filter(|r| unit.content.contains(r.span));
        for r in refs.filter(|r| !speaker_span.is_some_and(|s| s.overlaps(r.span))) {
            // "accused them", "against it": a pronoun in no doer's place does nothing.
            if !placed(r.span, &|| true) {
                continue;
            }
            match r.kind {
                Reference::Pronoun(Pronoun::We) => out.push(side(r.span)),
                // "the president's forces killed 1300 when they unleashed …": a pronoun whose
                // clause hangs on a verb with a subject no pack knows refers to that subject.
                Reference::Pronoun(p @ (Pronoun::It | Pronoun::They))
                    if antecedent(r.span).is_none() && self.unknown_subject_before(i, unit, r.span, p) => {}
                Reference::Pronoun(Pronoun::It | Pronoun::They | Pronoun::He | Pronoun::She) => {
                    out.push(refer(r.span, true));
                }
                // "the opposition said the army gassed hundreds": an army is a state's; a
                // speaker of no state does not mean its own, but the state named before it.
                Reference::Anaphor { person: false } if stateless && self.names_armed_body(r.span) => {
                    let state = self.armed_body_state(i, r.span.start, None);
                    out.extend(state.map(|actor| Doer { actor, span: r.span, own_side: false }));
                }
                Reference::Anaphor { person: false } => out.push(side(r.span)),
                _ => {}
            }
        }
        out.extend(self.possessive_doers(i, unit, &refer));
        out.extend(self.implicit_subject(unit, &side));
        out.extend(self.accused_arm(i, unit, speaker));
        out
    }

    /// Whether pronoun `span` ("it", "they") is the subject of a clause hung on a verb of
    /// the content whose own subject, before it and agreeing in number, is a noun phrase
    /// that names no actor a pack holds ("the president's forces killed 1300 when they …").
    fn unknown_subject_before(&self, i: usize, unit: &Unit, span: Span, pronoun: Pronoun) -> bool {
        let Some(tree) = self.tree(i) else { return false };
        let Some(p) = tree.head_in(span) else { return false };
        let Some(verb) = tree.head(p).filter(|&v| tree.dep(p) == Dep::Nsubj && tree.is_verb(v)) else { return false };
        let Some(main) =
            tree.head(verb).filter(|&m| matches!(tree.dep(verb), Dep::Advcl | Dep::Conj) && tree.is_verb(m))
        else {
            return false;
        };
        let Some(subject) = tree.children_with(main, &[Dep::Nsubj]).find(|&s| s < p) else { return false };
        let agrees = match pronoun {
            Pronoun::They => matches!(tree.tag(subject), Tag::NNS | Tag::NNPS),
            _ => matches!(tree.tag(subject), Tag::NN | Tag::NNP),
        };
        let phrase = tree.span(tree.noun_phrase(subject));
        let mentions = &self.analysed[i].found.mentions;
        agrees && unit.content.contains(phrase) && !mentions.iter().any(|m| m.span.overlaps(phrase))
    }

    /// The doer a referring object of an accusation names ("the opposition accused the army
    /// of gassing hundreds"): a state's armed body or rule is the state named last before
    /// it, never the accuser's own (no one accuses themselves).
    fn accused_arm(&self, i: usize, unit: &Unit, speaker: ActorIdx) -> Option<Doer> {
        let accuses =
            |c: &sentence::CueHit| self.rules.cues.get(c.cue as usize).is_some_and(|d| d.pattern == CuePattern::Accuse);
        let cue = unit.cue.filter(|c| unit.agent.is_none() && accuses(c))?;
        let found = &self.analysed[i].found;
        let r = found.refs.iter().find(|r| r.span.start >= cue.span.end && r.span.end <= unit.content.start)?;
        if !self.names_armed_body(r.span) {
            return None;
        }
        let own = self.rules.directory.principal(speaker, self.published());
        let actor = self.armed_body_state(i, r.span.start, Some(own))?;
        Some(Doer { actor, span: r.span, own_side: false })
    }

    /// The state whose armed body or rule "the army" names: the state a mention before
    /// `before` speaks for, nearest first, in sentence `i` and then the sentences before it
    /// within a pronoun's reach; `exclude` is never it.
    fn armed_body_state(&self, i: usize, before: usize, exclude: Option<ActorIdx>) -> Option<ActorIdx> {
        let directory = &self.rules.directory;
        let date = self.published();
        let sentences = (i.saturating_sub(super::REACH)..=i).rev();
        let mentions = sentences.flat_map(|j| self.analysed[j].found.mentions.iter().rev());
        mentions.filter(|m| m.span.end <= before).find_map(|m| {
            let principal = directory.principal(m.actor, date);
            (directory.get(principal).kind == ActorKind::State && Some(principal) != exclude).then_some(principal)
        })
    }

    /// Whether `actor` is a state or speaks for one at the document's date.
    fn of_a_state(&self, actor: ActorIdx) -> bool {
        let directory = &self.rules.directory;
        directory.get(directory.principal(actor, self.published())).kind == ActorKind::State
    }

    /// Whether the words at `span` end on the head of a state's armed body ("the army").
    fn names_armed_body(&self, span: Span) -> bool {
        let last = span.text(self.text).rsplit(' ').next().unwrap_or("").to_lowercase();
        words::is_state_arm(&last)
    }

    /// Where the dateline opening sentence `i` ends ("LONDON - ", "KIEV, Ukraine - "): a place
    /// written in capitals before a dash, never a doer nor a speaker.
    pub(super) fn dateline_end(&self, i: usize) -> Option<usize> {
        let s = self.parsed.sentences[i];
        let text = s.span.text(self.text);
        let first = text.split(|c: char| !c.is_alphabetic()).next()?;
        let capitals = first.chars().count() >= 2 && first.chars().all(|c| c.is_uppercase());
        let dash = text.get(..text.len().min(48))?.find(" - ")?;
        capitals.then_some(s.span.start + dash)
    }

    /// A possessive on a body that acts ("its army", "their forces", "the president's
    /// forces") in a doer's place; where the parse does not say, one not governed by a
    /// preposition ("against its own people").
    fn possessive_doers(&self, i: usize, unit: &Unit, refer: &dyn Fn(Span, bool) -> Doer) -> Vec<Doer> {
        let content = self.content_words(unit.content);
        let mut out = Vec::new();
        for k in 0..content.len() {
            let word = content.word(k);
            let titled = self.titled_owner(i, &content, k);
            if titled.is_none() && !matches!(word, "its" | "their" | "our" | "his" | "her") {
                continue;
            }
            let acts = (k + 1..(k + 3).min(content.len())).any(|j| words::is_acting_body(content.word(j)));
            // "belonged to its army" owns; "none of its missiles" is the subject itself.
            let before = |back: usize| k.checked_sub(back).map_or("", |j| content.word(j));
            let owner = before(1) == "to" && words::is_possession_verb(before(2));
            let partitive = before(1) == "of" && words::is_quantifier(before(2));
            let governed = words::is_preposition(before(1)) && !owner && !partitive;
            let span = content.toks[k].span;
            let placed = match self.role_at(i, unit, span) {
                Role::Doer => true,
                Role::Undergoer | Role::Oblique | Role::Speaker => false,
                Role::Unknown => !governed,
            };
            match titled {
                Some(actor) if placed => out.push(Doer { actor, span, own_side: false }),
                None if acts && placed => out.push(refer(span, word != "our")),
                _ => {}
            }
        }
        out
    }

    /// "denied using poison gas", "denied any involvement": a content opening on a gerund or
    /// an involvement noun has the speaker as its subject.
    /// Not in an accusation: "accused the army of gassing hundreds" has the accused as
    /// the gerund's subject, never the accuser.
    fn implicit_subject(&self, unit: &Unit, side: &dyn Fn(Span) -> Doer) -> Option<Doer> {
        let accuses = unit.cue.is_some_and(|c| {
            self.rules
                .cues
                .get(c.cue as usize)
                .is_some_and(|d| matches!(d.pattern, CuePattern::Accuse | CuePattern::Blame))
        });
        if accuses {
            return None;
        }
        let content = self.content_words(unit.content);
        let first = content.word(0);
        let first_two = format!("{first} {}", content.word(1));
        let gerund =
            first.len() >= 5 && first.ends_with("ing") && !matches!(first, "nothing" | "something" | "everything");
        let involvement = |w: &str| matches!(w, "involvement" | "responsibility" | "role" | "part" | "complicity");
        let implicit =
            gerund || involvement(first) || (first == "any" && involvement(content.word(1))) || first_two == "any role";
        content.toks.first().filter(|_| implicit).map(|t| side(t.span))
    }
}

impl<'a> Run<'a> {
    /// The terms of `content` owned by an actor written right before them: a demonym ("the
    /// American strike") or a possessive name ("Russia's missile"), with that actor.
    pub(super) fn owned_terms(&self, content: Span, terms: &[super::TermAt]) -> Vec<(Span, ActorIdx)> {
        let hits = self.sentence_hits(content);
        let owner = |t: Span| {
            hits.iter().find_map(|h| {
                let between = self.text.get(h.span.end..t.start)?;
                self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match *r {
                    lexicon::Role::Actor(a, Via::Demonym) if between == " " => Some((t, a)),
                    lexicon::Role::Actor(a, Via::Alias) if between == "'s " => Some((t, a)),
                    _ => None,
                })
            })
        };
        terms.iter().filter_map(|&(_, t)| owner(t)).collect()
    }

    /// The content's region without the event nouns another actor owns ("the American strike"
    /// is no Syrian strike the speaker denies), when `prop` names its doers and some term is
    /// owned by an actor not among them; `None` when every term stands.
    pub(super) fn without_foreign_events(
        &self,
        prop: &Proposition,
        owned: &[(Span, ActorIdx)],
        (terms, anchors): (&[super::TermAt], &[super::AnchorAt]),
        content: Span,
    ) -> Option<Region<'a>> {
        if prop.agent.is_empty() {
            return None;
        }
        let foreign: Vec<Span> =
            owned.iter().filter(|(_, a)| !self.is_one_of(*a, &prop.agent)).map(|(s, _)| *s).collect();
        if foreign.is_empty() {
            return None;
        }
        let kept = terms.iter().filter(|(_, s)| !foreign.contains(s)).copied().collect();
        Some(Region::new(self.text, content, kept, anchors.to_vec()))
    }
}
