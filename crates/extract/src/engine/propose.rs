//! Claims about propositions: which propositions a unit's content matches, and the stance
//! it takes on each, with the reasons.

use super::attribution::SpeakerRef;
use super::doers::Doer;
use super::sentence::{self, CueHit, Reference, Words};
use super::{Run, Speaker, Support, Unit, Who, words};
use crate::lexicon::{ActorIdx, Negation, Pronoun, Role};
use crate::matcher::Region;
use crate::ruleset::Proposition;
use claim::trace::{Step, StepKind};
use claim::{PropositionRef, Stance, Voice};
use pack::schema::{CueKind, CuePattern};
use parse::Span;

mod intent;

/// What a unit's content holds besides its terms.
pub(super) struct Content<'c> {
    /// The sentence the content is in.
    sentence: usize,
    span: Span,
    region: &'c Region<'c>,
    markers: Vec<Span>,
    hedges: Vec<Span>,
    negators: Vec<(Span, Negation)>,
    /// Cues inside the content with no speaker of their own ("no one doubts that"): their
    /// polarity composes with the unit's.
    inner_cues: Vec<CueHit>,
    /// Speakers of reports embedded in the content ("… said Washington blamed …"), with the
    /// words each report reaches (its cue and what it says).
    reported: Vec<(ActorIdx, CueHit, Span)>,
    /// Actors the content names as doers, with the words and how they were read.
    pub(super) doers: Vec<Doer>,
    /// Whether the unit is itself a report inside another speaker's words: the framing
    /// words (markers, hedges) around it belong to that reporter.
    embedded: bool,
    /// Denial markers that are the own words of a proposition the content could claim
    /// ("staged", "fabrication"): they claim that account and deny others only through it.
    /// With the proposition claiming each.
    claimed_markers: Vec<(Span, u32)>,
    /// Cues of reports embedded in the content whose speaker is written but resolves to no
    /// actor: what follows them is that speaker's, not the unit's.
    reported_unknown: Vec<CueHit>,
}

/// The reports inside a unit's content (see [`Content`]).
struct Reports {
    inner_cues: Vec<CueHit>,
    reported: Vec<(ActorIdx, CueHit, Span)>,
    reported_unknown: Vec<CueHit>,
}

/// How a proposition matched a unit's content.
struct Matched<'m> {
    /// Spans of the matched terms inside the content.
    found: &'m [Span],
    /// Whether every group matched inside the content, without borrowed context.
    own_words: bool,
}

/// Whether a definite word stands within two words before `span` in `words`.
fn definite_before(words: &Words, span: Span) -> bool {
    let at = words.at(span.start);
    (1..=2).any(|back| at.checked_sub(back).is_some_and(|j| words::is_definite(words.word(j))))
}

/// The stance a cue gives, its own negation applied: "no one doubts" asserts, "did not
/// deny" commits to nothing.
fn cue_stance(stance: Stance, negation: Option<Negation>) -> Stance {
    match (negation, stance) {
        (None, s) => s,
        (Some(Negation::Universal), Stance::Deny) => Stance::Assert,
        (Some(_), Stance::Deny) => Stance::Hedge,
        (Some(_), other) => other.negated(),
    }
}

/// `outer` applied to what `inner` says: asserting a denial denies, and so on.
fn compose(outer: Stance, inner: Stance) -> Stance {
    match (outer, inner) {
        (Stance::Hedge, _) | (_, Stance::Hedge) => Stance::Hedge,
        (Stance::Assert, s) => s,
        (Stance::Deny, s) => s.negated(),
    }
}

impl<'a> Run<'a> {
    /// The content of a unit: its markers, negators, inner cues and doers.
    fn content<'r>(&self, i: usize, unit: &Unit, region: &'r Region<'r>) -> Content<'r> {
        let (markers, hedges, mut negators) = self.framing_words(i, unit);
        let reports = self.reports_in(i, unit);
        // Negators belong to the cue they negate, not to the content.
        let cue_negators: Vec<Span> = unit
            .cue
            .iter()
            .chain(&reports.inner_cues)
            .chain(reports.reported.iter().map(|(_, c, _)| c))
            .filter_map(|c| c.negation.map(|(_, n)| n))
            .collect();
        negators.retain(|(s, _)| !cue_negators.iter().any(|n| n.overlaps(*s)));
        let analysed = &self.analysed[i];
        let embedded = unit
            .attribution
            .is_some_and(|k| analysed.attributions.get(k).is_some_and(|(a, _)| a.embedded_in.is_some()));
        let doers = self.doers(i, unit);
        let mut claimed_markers = Vec::new();
        for m in &markers {
            for (t, s) in region.found_terms().iter().filter(|(_, s)| s.overlaps(*m)) {
                let claimants = self.rules.term_propositions.get(*t as usize).into_iter().flatten();
                for &q in claimants {
                    let own = self.rules.propositions[q as usize].own_terms.binary_search(t).is_ok();
                    if own && self.doc_propositions[q as usize] && s.overlaps(*m) {
                        claimed_markers.push((*m, q));
                    }
                }
            }
        }
        Content {
            sentence: i,
            span: unit.content,
            region,
            markers,
            hedges,
            negators,
            inner_cues: reports.inner_cues,
            reported: reports.reported,
            doers,
            embedded,
            claimed_markers,
            reported_unknown: reports.reported_unknown,
        }
    }

    /// The denial markers, hedges and negators of a unit's content, and the hedges between
    /// its cue and its content ("said it is highly likely that C").
    fn framing_words(&self, i: usize, unit: &Unit) -> (Vec<Span>, Vec<Span>, Vec<(Span, Negation)>) {
        let mut markers = Vec::new();
        let mut hedges = Vec::new();
        let mut negators = Vec::new();
        for h in self.sentence_hits(unit.content) {
            for role in self.rules.lexicon.roles(h.pattern) {
                match *role {
                    Role::DenialMarker => markers.push(h.span),
                    // "Theresa May", "in May": a capitalised hedge mid-sentence is a name.
                    Role::Hedge if !self.capitalised_mid_sentence(i, h.span) => hedges.push(h.span),
                    Role::Negator(kind) => negators.push((h.span, kind)),
                    _ => {}
                }
            }
        }
        hedges.extend(self.reported_events(i, unit.content));
        if let Some(cue) = unit.cue
            && cue.span.end < unit.content.start
        {
            for h in self.sentence_hits(Span::new(cue.span.end, unit.content.start)) {
                let hedge = self.rules.lexicon.roles(h.pattern).iter().any(|r| matches!(r, Role::Hedge));
                if hedge && !self.capitalised_mid_sentence(i, h.span) {
                    hedges.push(h.span);
                }
            }
        }
        (markers, hedges, negators)
    }

    /// The reports a unit's content holds: cues with no speaker of their own, speakers of
    /// embedded reports, and cues of speakers no pack knows.
    fn reports_in(&self, i: usize, unit: &Unit) -> Reports {
        let analysed = &self.analysed[i];
        let own = unit.attribution;
        let mut inner_cues = Vec::new();
        let mut reported = Vec::new();
        let mut reported_unknown = Vec::new();
        // "We are convinced that …" inside a quote: the quoted speaker's own words.
        let first_person = |a: &super::attribution::Attribution| matches!(a.speaker, Some(SpeakerRef::Ref(r)) if r.kind == Reference::Pronoun(Pronoun::We));
        for (k, (a, speaker)) in analysed.attributions.iter().enumerate() {
            if Some(k) == own || !unit.content.contains(a.cue.span) {
                continue;
            }
            match speaker {
                Some(s) if a.embedded_in.is_some() => {
                    if let Who::Actor(actor) = s.who {
                        let reach = if a.content.is_empty() { a.cue.span } else { a.cue.span.cover(a.content) };
                        reported.push((actor, a.cue, reach));
                    }
                }
                // "Investigators noted that the Defense Ministry had said …": a speaker
                // written but not resolved still makes the words theirs, not the reporter's.
                None if a.embedded_in.is_some() && !first_person(a) => reported_unknown.push(a.cue),
                _ => {}
            }
        }
        for cue in &analysed.found.cues {
            let attributed = analysed
                .attributions
                .iter()
                .any(|(a, s)| a.cue.span == cue.span && s.as_ref().is_some_and(Speaker::claims));
            // Only "no one doubts", "nobody denies": a speakerless verb is otherwise not a
            // report ("a provocation designed to discredit Damascus").
            let universal = matches!(cue.negation, Some((Negation::Universal, _)));
            // "the envoy said his government denied having used …": a report by the
            // speaker's own side passes its stance to the speaker.
            let own_side = self.own_side_subject(&analysed.words, cue.span);
            // "HRW said evidence strongly suggests that …": a hedging verb whose subject is
            // no one named weakens what the speaker says.
            let evidential = self
                .rules
                .cues
                .get(cue.cue as usize)
                .is_some_and(|c| c.stance == Stance::Hedge && c.kind == CueKind::Verb)
                && !self.named_subject_before(&analysed.words, cue.span);
            if unit.content.contains(cue.span)
                && !attributed
                && (universal || own_side || evidential)
                && unit.cue.is_none_or(|c| c.span != cue.span)
            {
                inner_cues.push(*cue);
            } else if unit.content.contains(cue.span)
                && !attributed
                && unit.cue.is_none_or(|c| c.span != cue.span)
                && self.named_subject_before(&analysed.words, cue.span)
            {
                // "the Defense Ministry had said that …": a speaker no pack knows.
                reported_unknown.push(*cue);
            }
        }
        Reports { inner_cues, reported, reported_unknown }
    }

    /// Whether the words right before a cue are the speaker's own side by a possessive and
    /// a body ("his government denied", "its army said").
    pub(super) fn own_side_subject(&self, words: &Words, cue: Span) -> bool {
        let at = words.at(cue.start);
        let head = sentence::prev_word(words, at, 1);
        let owner = sentence::prev_word(words, at, 2);
        words::is_group_head(head) && matches!(owner, "his" | "her" | "its" | "their" | "our")
    }

    /// Whether a name no pack knows stands right before a cue, past auxiliaries: "the
    /// Defense Ministry had said", "Amnesty International said".
    fn named_subject_before(&self, words: &Words, cue: Span) -> bool {
        let mut k = words.at(cue.start);
        while k > 0 && matches!(words.word(k - 1), "had" | "has" | "have" | "also" | "later" | "earlier") {
            k -= 1;
        }
        let Some(j) = k.checked_sub(1) else { return false };
        let capitalised = words.toks[j].span.text(self.text).starts_with(|c: char| c.is_uppercase());
        let first = j == 0 || words.is_punct(j - 1) && words.word(j - 1) != ",";
        capitalised && !first && !words::is_honorific(words.word(j))
    }

    /// Whether the words at `span` are a denial marker of the lexicon.
    fn is_denial_marker(&self, span: Span) -> bool {
        self.sentence_hits(span).iter().any(|h| {
            h.span == span && self.rules.lexicon.roles(h.pattern).iter().any(|r| matches!(r, Role::DenialMarker))
        })
    }

    /// Whether a hit is written with a capital inside a sentence (a name, not a word).
    fn capitalised_mid_sentence(&self, i: usize, span: Span) -> bool {
        let s = self.parsed.sentences[i];
        span.start > s.span.start && span.text(self.text).starts_with(|c: char| c.is_uppercase())
    }

    /// Claims about propositions in one unit.
    pub(super) fn unit_claims(&mut self, i: usize, unit: &Unit, steps: &mut Vec<Step>) {
        if unit.values_only {
            return;
        }
        // "has not accused Russia of", "did not blame Moscow": not accusing someone takes no
        // stance on what they did (unlike "has never acknowledged", a denial of one's own).
        if let Some(cue) = unit.cue
            && cue.negation.is_some()
            && matches!(self.rules.cues[cue.cue as usize].pattern, CuePattern::Accuse | CuePattern::Blame)
        {
            self.skip(steps, format!("`{}` negated: not accusing commits to nothing", self.words_of(cue.span)));
            return;
        }
        let (terms, anchors, borrowed) = self.unit_terms(i, unit);
        let own = |f: &Span| unit.content.contains(*f) || borrowed.iter().any(|b| b.contains(*f));
        let (irrealis, claim_nouns) = self.irrealis_and_claim_nouns(unit.content);
        let mut candidates: Vec<u32> = terms
            .iter()
            .flat_map(|(t, _)| self.rules.term_propositions.get(*t as usize).into_iter().flatten().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let owned = self.owned_terms(unit.content, &terms);
        let region = Region::new(self.text, unit.content, terms.clone(), anchors.clone());
        let s = self.parsed.sentences[i];
        let sentence_region = self.region(s.span);
        let context = std::cell::OnceCell::new();
        let content_words = self.content_words(unit.content);
        let content = self.content(i, unit, &region);
        let asserting = unit.cue.is_none_or(|c| self.rules.cues[c.cue as usize].stance == Stance::Assert);
        let mut matched_any = false;
        for p in candidates {
            let prop = &self.rules.propositions[p as usize];
            if !self.doc_propositions[p as usize] {
                continue;
            }
            let narrowed = self.without_foreign_events(prop, &owned, (&terms, &anchors), unit.content);
            let region = narrowed.as_ref().unwrap_or(&region);
            // A rival account is about the event even without its usual words ("the gas
            // leaked from a depot", "terrorists released it").
            let counter = prop.counter.iter().any(|t| region.find(*t, &self.rules.terms).is_some());
            let rival = content.doers.iter().any(|d| self.is_one_of(d.actor, &prop.rivals));
            // Borrowed context is looked up only when the content alone does not do.
            let found = prop.about.positive(region, &self.rules.terms, counter || rival).or_else(|| {
                let context = context.get_or_init(|| self.context_region(i, unit.content.start));
                prop.about.positive_in_context(region, context, &self.rules.terms, counter || rival)
            });
            let Some(found) = found else { continue };
            // Context lends what the words refer to ("the attack"), never a verdict: a denial
            // marker ("staged", "provocation") is said by whoever wrote it, where it stands.
            if found.iter().any(|f| !own(f) && self.is_denial_marker(*f)) {
                continue;
            }
            let all_in_content = found.iter().all(own);
            let found: Vec<Span> = found.into_iter().filter(|f| unit.content.contains(*f)).collect();
            if !all_in_content && !self.context_completes(i, unit, prop, (region, &content_words), &content, &found) {
                continue;
            }
            // An excluding word ("Shayrat" for the raid on Khan Shaykhun) guards against a
            // neighbouring story's words; a content that tells the whole proposition in its own
            // words with its doer named ("Syrian jets took off from Shayrat and dropped sarin on
            // Khan Shaykhun") is not that story.
            let told_whole =
                all_in_content && content.doers.iter().any(|d| !d.own_side && self.is_one_of(d.actor, &prop.agent));
            if let Some(ex) = prop.about.excluded(&sentence_region, &self.rules.terms).filter(|_| !told_whole) {
                self.skip(steps, format!("{}: excluded by `{}`", prop.id, self.words_of(ex)));
                continue;
            }
            let first_term = found.iter().map(|s| s.start).min().unwrap_or(unit.content.start);
            if let Some(k) = self.earlier_events(i, first_term) {
                self.skip(steps, format!("{}: of earlier events (`{}`)", prop.id, self.words_of(k)));
                continue;
            }
            let hypothetical = |s: &&Span| s.start <= first_term && !self.plans_over_told_event(i, **s, &found);
            if let Some(ir) = irrealis.iter().find(hypothetical).filter(|_| asserting) {
                self.skip(steps, format!("{}: hypothetical (`{}`)", prop.id, self.words_of(*ir)));
                continue;
            }
            let matched = Matched { found: &found, own_words: all_in_content };
            let Some((stance, reasons, support)) = self.stance(unit, prop, &content, &matched) else {
                self.skip(steps, format!("{}: no doer named, nothing denied", prop.id));
                continue;
            };
            matched_any = true;
            self.push_proposition(i, unit, prop, (stance, reasons, support), steps);
        }
        if !matched_any {
            self.unmatched(i, unit, &content, &claim_nouns, !irrealis.is_empty(), steps);
        }
    }

    /// The hypothetical markers ("would", "if") and the claim nouns ("the accusation") of
    /// the lexicon within `span`.
    pub(super) fn irrealis_and_claim_nouns(&self, span: Span) -> (Vec<Span>, Vec<Span>) {
        let mut irrealis: Vec<Span> = Vec::new();
        let mut claim_nouns: Vec<Span> = Vec::new();
        for h in self.sentence_hits(span) {
            for role in self.rules.lexicon.roles(h.pattern) {
                match *role {
                    Role::Irrealis if !self.categorical(h.span) => irrealis.push(h.span),
                    Role::ClaimNoun => claim_nouns.push(h.span),
                    _ => {}
                }
            }
        }
        (irrealis, claim_nouns)
    }

    /// Whether `span` is a "would" a negator follows ("they would never use poison gas"): a
    /// categorical refusal, not a hypothetical.
    fn categorical(&self, span: Span) -> bool {
        let next = self.text.get(span.end..).and_then(|rest| rest.split_whitespace().next());
        span.text(self.text).eq_ignore_ascii_case("would") && matches!(next, Some("never" | "not" | "n't"))
    }

    /// Whether borrowed context may complete a match of `prop` whose words `found` the
    /// unit's content holds only in part. Only through a definite reference ("the attack",
    /// "was behind the attempted murder": any of the proposition's words will do), or through
    /// the doer the proposition is about, named as the subject of its predicate ("Russia was
    /// not guilty", in a story whose lead names the poisoning): the event is the one in
    /// dispute. The outlet's narration does not take it up. The speaker's own conduct is in
    /// dispute when the speaker is the subject of the cue whose object the predicate is ("the
    /// regime has never accepted responsibility").
    fn context_completes(
        &self,
        i: usize,
        unit: &Unit,
        prop: &Proposition,
        (region, content_words): (&Region<'_>, &Words),
        content: &Content<'_>,
        found: &[Span],
    ) -> bool {
        // "the Syrian air force" names the doer the proposition is about, not the event; in
        // "the DNC email leak" the article is the leak's, the name a modifier of it: a term
        // inside such a name is no definite reference to what the proposition tells.
        let mentions = &self.analysed[i].found.mentions;
        let in_name = |f: &Span| {
            mentions
                .iter()
                .any(|m| m.span.overlaps(*f) && (self.is_one_of(m.actor, &prop.agent) || self.modifies_noun(i, m.span)))
        };
        let refers = |f: &Span| definite_before(content_words, *f) && !in_name(f);
        if found.iter().any(refers) {
            return true;
        }
        let definite =
            region.found_terms().iter().any(|(t, span)| prop.own_terms.binary_search(t).is_ok() && refers(span));
        if definite {
            return true;
        }
        if unit.voice != Voice::Actor {
            return false;
        }
        let doer_is_subject = content
            .doers
            .iter()
            .any(|d| !d.own_side && self.is_one_of(d.actor, &prop.agent) && self.subject_of(i, d.span, found));
        // "held Russia responsible", "accused Moscow of the downing": the doer a blaming
        // layout names, blamed in the content's own words, takes up the event in dispute.
        let blamed = unit.agent.is_some_and(|m| self.is_one_of(m.actor, &prop.agent)) && !found.is_empty();
        doer_is_subject
            || blamed
            || match (unit.speaker.who, unit.speaker.span) {
                (Who::Actor(a), Some(span)) => self.is_one_of(a, &prop.agent) && self.subject_of(i, span, found),
                _ => false,
            }
    }

    /// A unit no proposition matched: a refer-back to what was last in dispute ("Russia
    /// rejected this", "these unfounded accusations"), else reported speech kept for
    /// near-duplicate matching.
    fn unmatched(
        &mut self,
        i: usize,
        unit: &Unit,
        content: &Content<'_>,
        claim_nouns: &[Span],
        irrealis: bool,
        steps: &mut Vec<Step>,
    ) {
        let content_words = self.content_words(unit.content);
        let word_count = content_words.toks.iter().filter(|t| t.kind == parse::TokenKind::Word).count();
        // A short content refers back only through a referring word ("said the same",
        // "denied it", "they were denied by …"); "found traces of sarin" names something new.
        let referring = (0..content_words.len()).any(|k| {
            matches!(
                content_words.word(k),
                "it" | "this" | "that" | "these" | "those" | "so" | "same" | "them" | "they" | "the"
            )
        }) || unit.agent.is_some();
        let refers_back = (unit.cue.is_some() && ((word_count <= 3 && referring) || !claim_nouns.is_empty()))
            || (!claim_nouns.is_empty() && !content.markers.is_empty());
        // The outlet's narration reports; it does not take sides by referring back. Nor does
        // a speaker no pack lists: what it says is seldom an answer to the last dispute.
        if refers_back && unit.voice == Voice::Actor && self.refer_back(i, unit, content, claim_nouns, steps) {
            return;
        }
        // Reported speech that no proposition covers is kept for near-duplicate matching.
        if unit.voice == Voice::Actor && unit.cue.is_some() && !irrealis && word_count >= 4 {
            let (stance, reasons) = self.base_stance(unit, content, None, &[]);
            let claim = self.claim(i, unit, stance, None, None, reasons);
            self.push_claim(claim, Support::Words);
        }
    }

    pub(super) fn skip(&self, steps: &mut Vec<Step>, detail: String) {
        if self.explain {
            steps.push(Step { kind: StepKind::Skip, text: String::new(), detail });
        }
    }

    /// Records a claim on `prop`, and the denials that asserting it implies.
    pub(super) fn push_proposition(
        &mut self,
        i: usize,
        unit: &Unit,
        prop: &Proposition,
        (stance, reasons, support): (Stance, Vec<String>, Support),
        steps: &mut Vec<Step>,
    ) {
        if self.explain {
            let detail = format!("{} {} — {}", stance, prop.id, reasons.join("; "));
            steps.push(Step { kind: StepKind::Proposition, text: self.words_of(unit.content), detail });
        }
        // Only a direct stance implies denials: a refer-back's antecedent is a guess, and
        // guessing twice compounds.
        if stance == Stance::Assert && support >= Support::Words {
            for &q in &prop.contradicts {
                let other = &self.rules.propositions[q as usize];
                let mut why = reasons.clone();
                why.push(format!("asserting {} denies it", prop.id));
                if self.explain {
                    let detail = format!("deny {} — asserting {} denies it", other.id, prop.id);
                    steps.push(Step { kind: StepKind::Proposition, text: String::new(), detail });
                }
                let r = PropositionRef { id: other.id.clone(), statement: other.statement.clone() };
                let claim = self.claim(i, unit, Stance::Deny, Some(r), None, why);
                self.push_claim(claim, Support::Derived);
            }
        }
        let r = PropositionRef { id: prop.id.clone(), statement: prop.statement.clone() };
        let claim = self.claim(i, unit, stance, Some(r), None, reasons);
        self.push_claim(claim, support);
    }

    /// Whether proposition `q` contradicts `p` or the other way round: a marker claiming
    /// `q` ("staged") still denies `p` ("the government did it").
    fn opposed(&self, p: &Proposition, q: u32) -> bool {
        let Some(other) = self.rules.propositions.get(q as usize) else { return false };
        let p_index = self.rules.propositions.iter().position(|x| x.id == p.id);
        p_index.is_some_and(|i| other.contradicts.contains(&(i as u32))) || p.contradicts.contains(&q)
    }

    /// Whether `rival` is the doer of another account of `prop`'s event in this document that
    /// does not contradict it: "came from Assad's forces" asserts that account, and denies
    /// `prop` only as the pack's `contradicts` says.
    fn rival_account_apart(&self, prop: &Proposition, rival: ActorIdx) -> bool {
        let Some(p) = self.rules.propositions.iter().position(|x| x.id == prop.id) else { return false };
        self.rules.propositions.iter().enumerate().any(|(q, other)| {
            let same_event = other.rivals.iter().any(|&r| prop.agent.contains(&r));
            let in_play = self.doc_propositions.get(q).is_some_and(|&b| b) && q != p;
            let denies = other.contradicts.contains(&(p as u32));
            in_play && same_event && self.is_one_of(rival, &other.agent) && !denies
        })
    }

    /// Whether `actor` is, or belongs to, one of `set` at the document's date.
    pub(super) fn is_one_of(&self, actor: ActorIdx, set: &[ActorIdx]) -> bool {
        set.iter().any(|&g| self.rules.directory.belongs_to(actor, g, self.published()))
    }

    /// Terms of the sentence's paragraph before `before`, and of the lede (the first two
    /// paragraphs): what a definite "the attack" can refer to.
    fn context_region(&self, i: usize, before: usize) -> Region<'a> {
        let s = self.parsed.sentences[i];
        let start = self.parsed.paragraphs.get(s.paragraph).map_or(s.span.start, |p| p.start);
        let span = Span::new(start, before.max(start));
        let (mut terms, mut anchors) = self.terms_in(span);
        for p in self.parsed.paragraphs.iter().take(2).filter(|p| p.end <= start) {
            let (t, a) = self.terms_in(*p);
            terms.extend(t);
            anchors.extend(a);
        }
        Region::new(self.text, span, terms, anchors)
    }

    /// The next `n` words after `offset`, lower case, space-separated.
    fn next_words(&self, offset: usize, n: usize) -> String {
        let rest = self.text.get(offset..).unwrap_or("");
        rest.split_whitespace().take(n).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
    }

    /// Whether no clause break (punctuation or a clause-joining word) stands between two
    /// offsets.
    fn same_clause(&self, from: usize, to: usize) -> bool {
        let between = self.text.get(from..to).unwrap_or("");
        if between.contains([',', ';', ':', '(', ')']) || between.contains(" - ") {
            return false;
        }
        !between
            .split_whitespace()
            .any(|w| matches!(w, "but" | "while" | "although" | "whereas" | "because" | "though"))
    }

    /// The negators of a content that count against the words a proposition matched
    /// (`anchors`): a negator negates its own clause, so it counts only when no clause break
    /// stands between it and those words ("It wasn't just us - it's …"); negators cancel out
    /// only within one clause ("not untrue"): "none of its missiles was fired, and no unit was
    /// deployed" negates twice, not zero times, and so does "did not use and does not
    /// possess", one negator on each coordinated verb.
    fn counted_negations<'c>(&self, content: &'c Content<'_>, anchors: &[Span]) -> Vec<&'c (Span, Negation)> {
        let doers: Vec<Span> = content.doers.iter().map(|d| d.span).collect();
        let negations: Vec<&(Span, Negation)> = content
            .negators
            .iter()
            .filter(|(s, _)| content.span.contains(*s))
            .filter(|(s, _)| {
                let in_clause = || anchors.iter().any(|a| a.start >= s.end && self.same_clause(s.end, a.start));
                anchors.is_empty()
                    || self.negation_reaches(content.sentence, *s, anchors, &doers).unwrap_or_else(in_clause)
            })
            .filter(|(s, _)| !words::is_negation_idiom(&self.next_words(s.end, 2)))
            .collect();
        let Some((first, _)) = negations.first() else { return negations };
        negations
            .iter()
            .copied()
            .filter(|(n, _)| self.same_clause(first.end, n.start.max(first.end)))
            .filter(|(n, _)| n == first || !self.parallel_negations(content.sentence, *first, *n))
            .collect()
    }

    /// The stance of the unit before roles: cue polarity, inner cues, negation, denial
    /// markers, hedges. `anchors` are the matched words a negation must reach.
    pub(super) fn base_stance(
        &self,
        unit: &Unit,
        content: &Content<'_>,
        prop: Option<&Proposition>,
        anchors: &[Span],
    ) -> (Stance, Vec<String>) {
        let mut reasons = Vec::new();
        let mut stance = match unit.cue {
            Some(cue) => {
                let def = &self.rules.cues[cue.cue as usize];
                reasons.push(format!("cue `{}` is {}", self.words_of(cue.span), def.stance));
                let stance = cue_stance(def.stance, cue.negation.map(|(k, _)| k));
                if let Some((_, n)) = cue.negation {
                    reasons.push(format!("negated by `{}`: {stance}", self.words_of(n)));
                }
                stance
            }
            None if unit.voice == Voice::Outlet => {
                reasons.push("the outlet's own voice asserts".into());
                Stance::Assert
            }
            None => {
                reasons.push("quoted speech asserts".into());
                Stance::Assert
            }
        };
        for inner in &content.inner_cues {
            let def = &self.rules.cues[inner.cue as usize];
            let said = cue_stance(def.stance, inner.negation.map(|(k, _)| k));
            if said != Stance::Assert {
                stance = compose(stance, said);
                let negation = inner.negation.map(|(_, n)| format!(" `{}`", self.words_of(n))).unwrap_or_default();
                reasons.push(format!("inner{negation} `{}` is {said}: {stance}", self.words_of(inner.span)));
            }
        }
        let negations = self.counted_negations(content, anchors);
        if negations.len() % 2 == 1 {
            let (n, _) = negations[0];
            stance = stance.negated();
            reasons.push(format!("content negated by `{}`: {stance}", self.words_of(*n)));
        }
        if content.embedded {
            // The inner speaker's own words still hedge ("Reuters reported Britain said it
            // would raise a reported attack").
            if let Some(h) = self.reported_event_hedge(content, anchors).filter(|_| stance == Stance::Assert) {
                stance = Stance::Hedge;
                reasons.push(format!("hedged by `{}`", self.words_of(h)));
            }
            return (stance, reasons);
        }
        // A proposition's own words ("staged", "false flag") are never markers against it.
        let own: Vec<Span> = content
            .region
            .found_terms()
            .iter()
            .filter(|(t, _)| prop.is_some_and(|p| p.own_terms.binary_search(t).is_ok()))
            .map(|(_, s)| *s)
            .collect();
        // A content that claims the proposition in its own words ("a fabrication" for the
        // staging account) is not denied by the other markers around them ("a pretext").
        let claims_it = content.markers.iter().any(|m| own.iter().any(|o| o.overlaps(*m)));
        let marker = content.markers.iter().filter(|_| !claims_it).find(|m| {
            !own.iter().any(|o| o.overlaps(**m))
                && !content
                    .claimed_markers
                    .iter()
                    .any(|(c, q)| c.overlaps(**m) && !prop.is_some_and(|p| self.opposed(p, *q)))
                && !content.negators.iter().any(|(n, _)| n.end <= m.start && m.start - n.end <= 12)
                && !self.in_time_adjunct(content.sentence, **m)
                && !self.hedged_in_clause(content, **m)
        });
        if let Some(m) = marker {
            stance = Stance::Deny;
            reasons.push(format!("denial marker `{}`", self.words_of(*m)));
        }
        if stance == Stance::Assert
            && let Some(h) = self.hedging(content, anchors)
        {
            stance = Stance::Hedge;
            reasons.push(format!("hedged by `{}`", self.words_of(h)));
        }
        (stance, reasons)
    }

    /// The first hedge of a content that hedges the words `anchors`: one standing before
    /// them or in their clause; one past a clause break after them ("was behind the
    /// release, possibly in a bid to …") hedges that adjunct only.
    fn hedging(&self, content: &Content<'_>, anchors: &[Span]) -> Option<Span> {
        let hedges = |h: &&Span| {
            anchors.is_empty()
                || anchors.iter().any(|a| a.start >= h.end || self.same_clause(a.end, h.start.max(a.end)))
        };
        content.hedges.iter().find(hedges).copied()
    }

    /// Whether a hedge stands before `marker` in its clause ("the attack might have been
    /// staged"): a possibility raised is no verdict, so the marker denies nothing; the staging
    /// account it names is only hedged.
    fn hedged_in_clause(&self, content: &Content<'_>, marker: Span) -> bool {
        content.hedges.iter().any(|h| h.end <= marker.start && self.same_clause(h.end, marker.start))
    }

    /// The stance of a unit on a proposition, with reasons; `None` when a role-aware
    /// proposition finds no doer and no denial, or when the unit only reports another
    /// speaker on a matter that is not that speaker's own.
    fn stance(
        &self,
        unit: &Unit,
        prop: &Proposition,
        content: &Content<'_>,
        matched: &Matched<'_>,
    ) -> Option<(Stance, Vec<String>, Support)> {
        let (mut stance, mut reasons) = self.base_stance(unit, content, Some(prop), matched.found);
        let denied_by_marker = reasons.iter().any(|r| r.starts_with("denial marker"));
        // "Haley said Russia rejected an investigation": a report of another speaker's
        // stance on their own conduct is the reporter's claim; a report of what they said
        // about others is theirs alone, unless the reporter judges it ("without evidence").
        // "We know that Russia hacked the DNC and … that Trump has shown …": a report after
        // all the matched words does not make them its speaker's.
        let reaches = |reach: &Span| matched.found.iter().any(|f| f.end > reach.start);
        if let Some(&(speaker, cue, _)) = content.reported.iter().find(|(_, _, reach)| reaches(reach)) {
            // "In Putin's view, Washington was using the incident as a cover": what the
            // reported speaker says of another doer is not about their own conduct.
            // The reported speaker's own mention ("Putin's view") is not a doer of what they say.
            let doers: Vec<&Doer> =
                content.doers.iter().filter(|d| !(d.actor == speaker && d.span.end <= cue.span.start)).collect();
            let other_doer =
                !doers.is_empty() && !doers.iter().any(|d| d.own_side || self.is_one_of(d.actor, &prop.agent));
            if self.is_one_of(speaker, &prop.agent) && !other_doer {
                let def = &self.rules.cues[cue.cue as usize];
                let said = cue_stance(def.stance, cue.negation.map(|(k, _)| k));
                stance = compose(stance, said);
                reasons.push(format!("reports `{}` ({said}): {stance}", self.words_of(cue.span)));
                return Some((stance, reasons, Support::Roles));
            }
            if !denied_by_marker {
                return None;
            }
            return Some((stance, reasons, Support::Words));
        }
        // The matched words lie in what an unknown speaker said: theirs, unless the reporter
        // judges it.
        let in_unknown_report =
            content.reported_unknown.iter().any(|c| matched.found.iter().any(|f| f.start >= c.span.end));
        if in_unknown_report && !denied_by_marker {
            return None;
        }
        let region = content.region;
        let counter = prop.counter.iter().find_map(|t| region.find(*t, &self.rules.terms));
        let flip = |s: Stance| if s == Stance::Deny { Stance::Deny } else { s.negated() };
        if let Some(c) = counter {
            stance = flip(stance);
            reasons.push(format!("rival account `{}`: {stance}", self.words_of(c)));
            return Some((stance, reasons, Support::Roles));
        }
        if prop.agent.is_empty() {
            return Some((stance, reasons, Support::Words));
        }
        let dir = &self.rules.directory;
        let agent = content.doers.iter().find(|d| self.is_one_of(d.actor, &prop.agent));
        let rival = content.doers.iter().find(|d| !d.own_side && self.is_one_of(d.actor, &prop.rivals));
        let mut support = Support::Roles;
        if let Some(d) = agent {
            let side = if d.own_side { ", the speaker's side" } else { "" };
            reasons.push(format!("names the doer `{}` ({}{side})", self.words_of(d.span), dir.get(d.actor).id));
        } else if let Some(d) = rival {
            // "not a single Russian system crossed": denying what a rival did says nothing of
            // whether the proposition's doer did it.
            // Nor does a hedge on it ("evidence suggests the army did it") weigh on the rival's.
            if matches!(stance, Stance::Deny | Stance::Hedge) || self.rival_account_apart(prop, d.actor) {
                return None;
            }
            stance = flip(stance);
            reasons.push(format!("names a rival doer `{}` ({}): {stance}", self.words_of(d.span), dir.get(d.actor).id));
        } else if !denied_by_marker || !matched.own_words {
            // A bare denial marker denies a role-aware proposition only when the content
            // itself names the event; borrowed context needs a doer.
            return None;
        } else if !prop.contradicts.is_empty()
            && matches!(unit.speaker.who, Who::Actor(a) if self.is_one_of(a, &prop.rivals))
        {
            // "Damascus called the reports of the gas attack false": of two accounts of who
            // did it, a bare denial by a rival of one account's doer denies the other, the
            // one that accuses its own side.
            return None;
        } else {
            support = Support::Words;
        }
        Some((stance, reasons, support))
    }
}
