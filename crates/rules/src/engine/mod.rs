//! The engine: from a parsed document to claims, one sentence at a time, with a memory of
//! the discourse (who spoke last, which proposition was last in dispute).
//!
//! Pass one analyses every sentence (mentions, cues, attributions) and resolves pronoun
//! speakers in reading order. Pass two turns each unit of speech — an attributed content,
//! a quote, or the outlet's own narration — into claims: propositions with a stance and
//! its reasons, and values of frames.

mod attribution;
mod sentence;
mod words;

use crate::claim::{ActorRef, Claim, Evidence, FrameRef, Marked, PropositionRef, Stance, Value, ValueKind, Voice};
use crate::lexicon::{ActorIdx, Hit, Negation, Pronoun, Role, TermIdx, Via};
use crate::matcher::Region;
use crate::ruleset::{Proposition, RuleSet};
use crate::schema::{ActorKind, FrameKind, Gender};
use crate::trace::{SentenceTrace, Step, StepKind};
use attribution::{Attribution, SpeakerRef};
use parse::{Date, DateValue, Document, Interval, Parsed, Span};
use sentence::{Found, Mention, Reference, Words};

/// Whom a claim is by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// An actor of the packs.
    Actor(ActorIdx),
    /// The outlet that published the document.
    Outlet,
}

/// A resolved speaker.
#[derive(Clone, Debug)]
struct Speaker {
    who: Who,
    /// The words naming it in this sentence, if any.
    span: Option<Span>,
    /// How it was found.
    how: String,
}

/// What pass one learnt of a sentence.
#[derive(Debug, Default)]
struct Analysed {
    words: Words,
    found: Found,
    attributions: Vec<(Attribution, Option<Speaker>)>,
    /// People named, in order (the first is the likely subject).
    persons: Vec<ActorIdx>,
    /// States and bodies named, in order.
    groups: Vec<ActorIdx>,
}

/// A unit of speech: who says which words.
#[derive(Clone, Debug)]
struct Unit {
    speaker: Speaker,
    voice: Voice,
    content: Span,
    cue: Option<sentence::CueHit>,
    agent: Option<Mention>,
    /// Only values, no propositions (outlet narration around reported speech).
    values_only: bool,
}

/// How many sentences back a pronoun may reach.
const REACH: usize = 6;

/// How many sentences back "these accusations" may refer.
const TOPIC_REACH: usize = 12;

/// Runs the engine over one document.
pub(crate) fn run(rules: &RuleSet, document: &Document, explain: bool) -> (Vec<Claim>, Vec<SentenceTrace>) {
    let parsed = parse::parse(document);
    let text = parsed.text();
    let hits = rules.lexicon.scan(text);
    let mut run = Run {
        rules,
        document,
        parsed: &parsed,
        text,
        hits: &hits,
        analysed: Vec::new(),
        claims: Vec::new(),
        traces: Vec::new(),
        explain,
        recent: Vec::new(),
        paragraph_frames: Vec::new(),
    };
    run.pass_one();
    run.pass_two();
    (run.claims, run.traces)
}

struct Run<'a> {
    rules: &'a RuleSet,
    document: &'a Document,
    parsed: &'a Parsed<'a>,
    text: &'a str,
    hits: &'a [Hit],
    analysed: Vec<Analysed>,
    claims: Vec<Claim>,
    traces: Vec<SentenceTrace>,
    explain: bool,
    /// Propositions claimed so far: (sentence, proposition index).
    recent: Vec<(usize, u32)>,
    /// Per paragraph, which frames its words make relevant (computed on first use).
    paragraph_frames: Vec<Option<Vec<u32>>>,
}

impl<'a> Run<'a> {
    fn published(&self) -> Option<Date> {
        self.document.published
    }

    fn sentence_hits(&self, span: Span) -> &'a [Hit] {
        let hits = self.hits;
        let from = hits.partition_point(|h| h.span.start < span.start);
        let to = hits.partition_point(|h| h.span.start < span.end);
        let slice = &hits[from..to];
        let keep = slice.iter().rposition(|h| h.span.end <= span.end).map_or(0, |i| i + 1);
        &slice[..keep]
    }

    fn words_of(&self, span: Span) -> String {
        span.text(self.text).to_owned()
    }

    fn actor_name(&self, actor: ActorIdx) -> &'a str {
        &self.rules.directory.get(actor).name
    }

    fn pass_one(&mut self) {
        let sentences = &self.parsed.sentences;
        self.analysed.reserve(sentences.len());
        for (i, s) in sentences.iter().enumerate() {
            let hits = self.sentence_hits(s.span);
            let interesting = hits.iter().any(|h| {
                self.rules
                    .lexicon
                    .roles(h.pattern)
                    .iter()
                    .any(|r| matches!(r, Role::Actor(..) | Role::Cue(_) | Role::Pronoun(_) | Role::Anaphor))
            });
            if !interesting {
                self.analysed.push(Analysed::default());
                continue;
            }
            let words = Words::new(self.text, s.span);
            let found = sentence::analyse(self.rules, self.text, hits, &words, self.published());
            let raw = attribution::attribute(self.rules, self.text, s.span, &words, &found);
            let mut attributions: Vec<(Attribution, Option<Speaker>)> = Vec::with_capacity(raw.len());
            for a in raw {
                let speaker = match a.speaker {
                    Some(SpeakerRef::Mention(m)) => Some(self.mention_speaker(&m)),
                    Some(SpeakerRef::Ref(r)) => self.resolve_reference(i, &found, r.kind, r.span),
                    Some(SpeakerRef::Shared) => attributions.last().and_then(|(_, s)| s.clone()).map(|mut s| {
                        s.how = format!("shares the speaker of the previous verb ({})", s.how);
                        s
                    }),
                    None => None,
                };
                attributions.push((a, speaker));
            }
            let kind = |m: &Mention| self.rules.directory.get(m.actor).kind;
            let persons = found.mentions.iter().filter(|m| kind(m) == ActorKind::Person).map(|m| m.actor).collect();
            let groups = found.mentions.iter().filter(|m| kind(m) != ActorKind::Person).map(|m| m.actor).collect();
            self.analysed.push(Analysed { words, found, attributions, persons, groups });
        }
    }

    fn mention_speaker(&self, m: &Mention) -> Speaker {
        let written = self.words_of(m.span);
        let how = match m.via {
            Via::Alias => format!("alias `{written}`"),
            Via::Metonym => format!("metonym `{written}`"),
            Via::Demonym => format!("demonym and head `{written}`"),
            Via::Title(_) => format!("title `{written}` ({})", self.actor_name(m.actor)),
        };
        Speaker { who: Who::Actor(m.actor), span: Some(m.span), how }
    }

    /// Resolves a pronoun or anaphor to the subject of the nearest sentence before that
    /// names a fitting actor; gender only overrides the subject when a speaker of the right
    /// gender is in reach.
    fn resolve_reference(&self, at: usize, current: &Found, kind: Reference, span: Span) -> Option<Speaker> {
        let written = self.words_of(span);
        let person = match kind {
            Reference::Pronoun(Pronoun::He | Pronoun::She) | Reference::Anaphor { person: true } => true,
            Reference::Pronoun(Pronoun::They | Pronoun::It) | Reference::Anaphor { person: false } => false,
            Reference::Pronoun(Pronoun::We) => return None,
        };
        let want = match kind {
            Reference::Pronoun(Pronoun::He) => Some(Gender::Male),
            Reference::Pronoun(Pronoun::She) => Some(Gender::Female),
            _ => None,
        };
        let first = at.saturating_sub(REACH);
        let mut subject: Option<(ActorIdx, usize)> = None;
        // Earlier in the same sentence first ("Tillerson won support for the strike, which he
        // said …").
        let fits = |a: ActorIdx| (self.rules.directory.get(a).kind == ActorKind::Person) == person;
        if let Some(m) = current.mentions.iter().find(|m| m.span.end <= span.start && fits(m.actor)) {
            subject = Some((m.actor, at));
        }
        for j in (first..at).rev().filter(|_| subject.is_none()) {
            let a = &self.analysed[j];
            let list = if person { &a.persons } else { &a.groups };
            if let Some(&actor) = list.first() {
                subject = Some((actor, j));
                break;
            }
        }
        let (mut actor, mut from) = subject?;
        if let Some(want) = want {
            let gender = self.rules.directory.get(actor).gender;
            if gender.is_some_and(|g| g != want) {
                let speaker = (first..at).rev().find_map(|j| {
                    self.analysed[j].attributions.iter().rev().find_map(|(_, s)| match s {
                        Some(Speaker { who: Who::Actor(a), .. })
                            if self.rules.directory.get(*a).gender == Some(want) =>
                        {
                            Some((*a, j))
                        }
                        _ => None,
                    })
                });
                if let Some((a, j)) = speaker {
                    actor = a;
                    from = j;
                }
            }
        }
        let line = self.parsed.sentences.get(from).map_or(0, |s| self.parsed.location(s.span.start).line);
        let how = format!("`{written}` → {} (line {line})", self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(span), how })
    }

    /// The last speaker of paragraph `p` before sentence `before`.
    fn paragraph_speaker(&self, p: usize, before: usize) -> Option<(Speaker, usize)> {
        (0..before).rev().take_while(|&j| self.parsed.sentences[j].paragraph >= p).find_map(|j| {
            if self.parsed.sentences[j].paragraph != p {
                return None;
            }
            self.analysed[j].attributions.iter().rev().find_map(|(_, s)| s.clone().map(|s| (s, j)))
        })
    }

    fn pass_two(&mut self) {
        let chains = self.quote_chains();
        for i in 0..self.parsed.sentences.len() {
            let s = self.parsed.sentences[i];
            let mut steps = Vec::new();
            let sentence_text = self.words_of(s.span);
            let question = sentence_text.trim_end_matches(['"', '\'', ')']).ends_with('?');
            let heading = self.is_heading(i);
            if heading || question {
                if self.explain {
                    let why = if heading { "a headline or byline, not a claim" } else { "a question, not a claim" };
                    steps.push(Step { kind: StepKind::Skip, text: String::new(), detail: why.into() });
                    self.push_trace(i, steps);
                }
                continue;
            }
            let units = self.units(i, &chains, &mut steps);
            let before = self.claims.len();
            let mut covered = Vec::new();
            for unit in &units {
                covered.push(unit.content);
                self.unit_claims(i, unit, &mut steps);
            }
            self.values(i, &units, &mut steps);
            dedup_sentence(&mut self.claims, before);
            for c in &self.claims[before..] {
                if let Some(p) = &c.proposition
                    && let Some(idx) = self.rules.propositions.iter().position(|x| x.id == p.id)
                {
                    self.recent.push((i, idx as u32));
                }
            }
            if self.explain {
                self.push_trace(i, steps);
            }
        }
    }

    fn push_trace(&mut self, i: usize, steps: Vec<Step>) {
        let s = self.parsed.sentences[i];
        let at = self.parsed.location(s.span.start);
        let original = self.parsed.original_span(s.span);
        let text = original.text(&self.document.text).to_owned();
        self.traces.push(SentenceTrace { line: at.line, column: at.column, text, steps });
    }

    /// A paragraph of one short line with no final punctuation, or a Markdown heading.
    fn is_heading(&self, i: usize) -> bool {
        let s = self.parsed.sentences[i];
        let text = self.words_of(s.span);
        if text.starts_with('#') {
            return true;
        }
        let alone = self.parsed.paragraphs.get(s.paragraph).is_some_and(|p| *p == s.span);
        let last = text.trim_end().chars().next_back();
        alone
            && !matches!(last, Some('.' | '!' | '?' | '"' | '\'' | ':' | ';'))
            && text.split_whitespace().count() <= 20
    }

    /// For each quote, the index of its chain and the chain's speaker.
    fn quote_chains(&self) -> Vec<(usize, Option<(Speaker, usize)>)> {
        let quotes = &self.parsed.quotes;
        let mut chain_of = Vec::with_capacity(quotes.len());
        let mut chain = 0;
        for (k, q) in quotes.iter().enumerate() {
            if k > 0 {
                let prev = quotes[k - 1];
                let starts_paragraph =
                    self.parsed.paragraphs.get(q.paragraph).is_some_and(|p| q.span.start.saturating_sub(p.start) <= 1);
                let continued = !prev.closed && q.paragraph == prev.paragraph + 1 && starts_paragraph;
                if !continued {
                    chain += 1;
                }
            }
            chain_of.push(chain);
        }
        let mut speakers: Vec<Option<(Speaker, usize)>> = vec![None; chain + 1];
        for (j, a) in self.analysed.iter().enumerate() {
            for (attr, speaker) in &a.attributions {
                let Some(speaker) = speaker else { continue };
                for (k, q) in quotes.iter().enumerate() {
                    let near = attr.content.overlaps(q.span)
                        || (attr.cue.span.start >= q.span.end && attr.cue.span.start - q.span.end <= 24);
                    let in_sentence = self.parsed.sentences[j].span.overlaps(q.span);
                    if near && in_sentence && speakers[chain_of[k]].is_none() {
                        speakers[chain_of[k]] = Some((speaker.clone(), j));
                    }
                }
            }
        }
        chain_of.into_iter().map(|c| (c, speakers[c].clone())).collect()
    }

    /// The units of speech of sentence `i`.
    fn units(&self, i: usize, chains: &[(usize, Option<(Speaker, usize)>)], steps: &mut Vec<Step>) -> Vec<Unit> {
        let s = self.parsed.sentences[i];
        let a = &self.analysed[i];
        let mut units = Vec::new();
        for (attr, speaker) in &a.attributions {
            if self.explain {
                let cue = &self.rules.cues[attr.cue.cue as usize];
                let mut detail = format!("{} ({}), read as `{}`", cue.lemma, cue.stance, attr.layout);
                if attr.cue.passive {
                    detail.push_str(", passive");
                }
                if let Some((_, n)) = attr.cue.negation {
                    detail.push_str(&format!(", negated by `{}`", self.words_of(n)));
                }
                steps.push(Step { kind: StepKind::Cue, text: self.words_of(attr.cue.span), detail });
            }
            let Some(speaker) = speaker else {
                if self.explain {
                    let detail = "no speaker found before or after the cue".into();
                    steps.push(Step { kind: StepKind::Skip, text: self.words_of(attr.cue.span), detail });
                }
                continue;
            };
            if attr.content.is_empty() {
                continue;
            }
            if self.explain {
                steps.push(Step {
                    kind: StepKind::Speaker,
                    text: self.speaker_text(speaker),
                    detail: speaker.how.clone(),
                });
                steps.push(Step { kind: StepKind::Content, text: self.words_of(attr.content), detail: String::new() });
            }
            units.push(Unit {
                speaker: speaker.clone(),
                voice: Voice::Actor,
                content: attr.content,
                cue: Some(attr.cue),
                agent: attr.agent,
                values_only: false,
            });
        }
        for (k, q) in self.parsed.quotes.iter().enumerate() {
            let piece = Span::new(q.span.start.max(s.span.start), q.span.end.min(s.span.end));
            if piece.is_empty() || piece.len() < 8 || units.iter().any(|u| u.content.overlaps(piece)) {
                continue;
            }
            let carried = chains.get(k).and_then(|(_, sp)| sp.clone()).or_else(|| {
                // A floating quote: the paragraph's last speaker, or the previous paragraph's
                // when the quote opens its own paragraph.
                self.paragraph_speaker(s.paragraph, i).or_else(|| {
                    let opens = self
                        .parsed
                        .paragraphs
                        .get(q.paragraph)
                        .is_some_and(|p| q.span.start.saturating_sub(p.start) <= 1);
                    if opens && q.paragraph > 0 { self.paragraph_speaker(q.paragraph - 1, i) } else { None }
                })
            });
            let Some((mut speaker, from)) = carried else {
                if self.explain {
                    let detail = "quote with no speaker in reach".into();
                    steps.push(Step { kind: StepKind::Skip, text: self.words_of(piece), detail });
                }
                continue;
            };
            let line = self.parsed.location(self.parsed.sentences[from].span.start).line;
            speaker.how = format!("quote attributed at line {line} ({})", speaker.how);
            speaker.span = None;
            if self.explain {
                steps.push(Step { kind: StepKind::Quote, text: self.words_of(piece), detail: speaker.how.clone() });
            }
            units.push(Unit {
                speaker,
                voice: Voice::Actor,
                content: piece,
                cue: None,
                agent: None,
                values_only: false,
            });
        }
        // Non-restrictive relative clauses inside what someone said are the narrator's.
        let mut narration = Vec::new();
        for unit in &mut units {
            // Only after the cue: "the strike, which he said was necessary" is the speaker's.
            let from = unit.cue.map_or(unit.content.start, |c| c.span.end.max(unit.content.start));
            if let Some(cut) = self.relative_clause(Span::new(from, unit.content.end)) {
                narration.push(Span::new(cut, unit.content.end));
                unit.content.end = cut;
            }
        }
        let pure = units.is_empty()
            && a.attributions.is_empty()
            && !self.parsed.quotes.iter().any(|q| q.span.overlaps(s.span));
        let outlet = Speaker { who: Who::Outlet, span: None, how: "the outlet's own voice".into() };
        if pure {
            units.push(Unit {
                speaker: outlet,
                voice: Voice::Outlet,
                content: s.span,
                cue: None,
                agent: None,
                values_only: false,
            });
        } else {
            for span in narration.into_iter().chain(self.uncovered(s.span, &units)) {
                units.push(Unit {
                    speaker: outlet.clone(),
                    voice: Voice::Outlet,
                    content: span,
                    cue: None,
                    agent: None,
                    values_only: true,
                });
            }
        }
        units
    }

    fn speaker_text(&self, speaker: &Speaker) -> String {
        speaker.span.map_or_else(|| self.who_name(speaker.who), |s| self.words_of(s))
    }

    fn who_name(&self, who: Who) -> String {
        match who {
            Who::Actor(a) => self.actor_name(a).to_owned(),
            Who::Outlet => self.document.source.clone(),
        }
    }

    /// Parts of the sentence no unit covers, for the outlet's values.
    fn uncovered(&self, sentence: Span, units: &[Unit]) -> Vec<Span> {
        let mut taken: Vec<Span> = units.iter().map(|u| u.content).collect();
        taken.sort();
        let mut out = Vec::new();
        let mut at = sentence.start;
        for t in taken {
            if t.start > at {
                out.push(Span::new(at, t.start));
            }
            at = at.max(t.end);
        }
        if at < sentence.end {
            out.push(Span::new(at, sentence.end));
        }
        out.retain(|s| s.len() > 3);
        out
    }

    /// Where a non-restrictive relative clause starts in `content`: ", which …", ", who …",
    /// or ", an action that …".
    fn relative_clause(&self, content: Span) -> Option<usize> {
        let words = Words::new(self.text, content);
        for k in 0..words.len() {
            if words.word(k) != "," {
                continue;
            }
            let next = words.word(k + 1);
            let article_that = matches!(next, "a" | "an" | "the")
                && (k + 2..(k + 5).min(words.len()))
                    .any(|j| words.word(j) == "that" || words::is_relative(words.word(j)));
            if words::is_relative(next) || article_that {
                return Some(words.toks[k].span.start);
            }
        }
        None
    }

    /// Claims about propositions in one unit.
    fn unit_claims(&mut self, i: usize, unit: &Unit, steps: &mut Vec<Step>) {
        if unit.values_only {
            return;
        }
        let hits = self.sentence_hits(unit.content);
        let mut terms: Vec<(TermIdx, Span)> = Vec::new();
        let mut markers: Vec<Span> = Vec::new();
        let mut hedges: Vec<Span> = Vec::new();
        let mut negators: Vec<(Span, Negation)> = Vec::new();
        let mut irrealis: Vec<Span> = Vec::new();
        let mut claim_nouns: Vec<Span> = Vec::new();
        for h in hits {
            for role in self.rules.lexicon.roles(h.pattern) {
                match *role {
                    Role::Term(t) => terms.push((t, h.span)),
                    Role::DenialMarker => markers.push(h.span),
                    Role::Hedge => hedges.push(h.span),
                    Role::Negator(kind) => negators.push((h.span, kind)),
                    Role::Irrealis => irrealis.push(h.span),
                    Role::ClaimNoun => claim_nouns.push(h.span),
                    _ => {}
                }
            }
        }
        // Negators of a cue do not also negate its content.
        if let Some(cue) = unit.cue
            && let Some((_, n)) = cue.negation
        {
            negators.retain(|(s, _)| *s != n);
        }
        let mut candidates: Vec<u32> = terms
            .iter()
            .flat_map(|(t, _)| self.rules.term_propositions.get(*t as usize).into_iter().flatten().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let region = Region::new(self.text, unit.content, terms.clone());
        let s = self.parsed.sentences[i];
        let sentence_region = Region::new(self.text, s.span, self.sentence_terms(s.span));
        let context = self.context_region(i, unit.content.start);
        let content_words = Words::new(self.text, unit.content);
        let content =
            Content { span: unit.content, region: &region, markers: &markers, hedges: &hedges, negators: &negators };
        let mut matched_any = false;
        for p in candidates {
            let prop = &self.rules.propositions[p as usize];
            if !prop.window.covers(self.published()) {
                continue;
            }
            let Some(found) = prop.about.positive_in_context(&region, &context, &self.rules.terms) else { continue };
            let all_in_content = found.iter().all(|f| unit.content.contains(*f));
            let found: Vec<Span> = found.into_iter().filter(|f| unit.content.contains(*f)).collect();
            // Context may complete a match only through a definite reference ("the attack").
            if !all_in_content && !found.iter().any(|f| definite_before(&content_words, *f)) {
                continue;
            }
            if let Some(ex) = prop.about.excluded(&sentence_region, &self.rules.terms) {
                if self.explain {
                    let detail = format!("{}: excluded by `{}`", prop.id, self.words_of(ex));
                    steps.push(Step { kind: StepKind::Skip, text: String::new(), detail });
                }
                continue;
            }
            let first_term = found.iter().map(|s| s.start).min().unwrap_or(unit.content.start);
            if let Some(ir) = irrealis.iter().find(|s| s.start <= first_term) {
                if self.explain {
                    let detail = format!("{}: hypothetical (`{}`)", prop.id, self.words_of(*ir));
                    steps.push(Step { kind: StepKind::Skip, text: String::new(), detail });
                }
                continue;
            }
            let matched = Matched { found: &found, own_words: all_in_content };
            let Some((stance, reasons)) = self.stance(i, unit, prop, &content, &matched) else {
                if self.explain {
                    let detail = format!("{}: the content names no doer", prop.id);
                    steps.push(Step { kind: StepKind::Skip, text: String::new(), detail });
                }
                continue;
            };
            matched_any = true;
            if self.explain {
                let detail = format!("{} {} — {}", stance, prop.id, reasons.join("; "));
                steps.push(Step { kind: StepKind::Proposition, text: self.words_of(unit.content), detail });
            }
            let r = PropositionRef { id: prop.id.clone(), statement: prop.statement.clone() };
            let claim = self.claim(i, unit, stance, Some(r), None, reasons.clone());
            self.claims.push(claim);
            if stance == Stance::Assert {
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
                    self.claims.push(claim);
                }
            }
        }
        if matched_any {
            return;
        }
        // "Russia rejected this", "these unfounded accusations": the content refers back to
        // the proposition last in dispute.
        let short =
            Words::new(self.text, unit.content).toks.iter().filter(|t| t.kind == parse::TokenKind::Word).count() <= 3;
        let refers_back = unit.cue.is_some() && (short || !claim_nouns.is_empty())
            || (!claim_nouns.is_empty() && !markers.is_empty());
        if refers_back && let Some(&(from, p)) = self.recent.iter().rev().find(|(j, _)| i - j <= TOPIC_REACH) {
            let prop = &self.rules.propositions[p as usize];
            let matched = Matched { found: &[], own_words: true };
            if let Some((stance, mut reasons)) = self.stance(i, unit, prop, &content, &matched) {
                let line = self.parsed.location(self.parsed.sentences[from].span.start).line;
                reasons.push(format!("refers back to {} (line {line})", prop.id));
                if self.explain {
                    let detail = format!("{} {} — {}", stance, prop.id, reasons.join("; "));
                    steps.push(Step { kind: StepKind::Proposition, text: self.words_of(unit.content), detail });
                }
                let r = PropositionRef { id: prop.id.clone(), statement: prop.statement.clone() };
                let claim = self.claim(i, unit, stance, Some(r), None, reasons);
                self.claims.push(claim);
                return;
            }
        }
        // Reported speech that no proposition covers is kept for near-duplicate matching.
        if unit.voice == Voice::Actor && unit.cue.is_some() && !question_like(&irrealis) {
            let (stance, reasons) = self.base_stance(unit, &content, &[], &[]);
            let claim = self.claim(i, unit, stance, None, None, reasons);
            if !claim.content.is_empty() {
                self.claims.push(claim);
            }
        }
    }

    /// Terms of the sentence's paragraph up to the sentence's end, and of the lede (the
    /// first two paragraphs): what a definite "the attack" can refer to.
    fn context_region(&self, i: usize, before: usize) -> Region<'a> {
        let s = self.parsed.sentences[i];
        let start = self.parsed.paragraphs.get(s.paragraph).map_or(s.span.start, |p| p.start);
        let span = Span::new(start, before.max(start));
        let mut terms = self.sentence_terms(span);
        for p in self.parsed.paragraphs.iter().take(2).filter(|p| p.end <= start) {
            terms.extend(self.sentence_terms(*p));
        }
        Region::new(self.text, span, terms)
    }

    fn sentence_terms(&self, span: Span) -> Vec<(TermIdx, Span)> {
        let mut out = Vec::new();
        for h in self.sentence_hits(span) {
            for role in self.rules.lexicon.roles(h.pattern) {
                if let Role::Term(t) = role {
                    out.push((*t, h.span));
                }
            }
        }
        out
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

    /// The stance of the unit before roles: cue polarity, negation, denial markers, hedges.
    fn base_stance(
        &self,
        unit: &Unit,
        content: &Content<'_>,
        own_terms: &[TermIdx],
        anchors: &[Span],
    ) -> (Stance, Vec<String>) {
        let mut reasons = Vec::new();
        let mut stance = match unit.cue {
            Some(cue) => {
                let def = &self.rules.cues[cue.cue as usize];
                reasons.push(format!("cue `{}` is {}", self.words_of(cue.span), def.stance));
                let mut stance = def.stance;
                if let Some((kind, n)) = cue.negation {
                    stance = match (kind, stance) {
                        // "no one doubts" asserts; "did not deny" commits to nothing.
                        (Negation::Universal, Stance::Deny) => Stance::Assert,
                        (_, Stance::Deny) => Stance::Hedge,
                        (_, other) => other.negated(),
                    };
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
        // A negator negates its own clause: it counts only when no clause break stands
        // between it and the words the proposition matched ("It wasn't just us - it's …").
        let negations: Vec<&(Span, Negation)> = content
            .negators
            .iter()
            .filter(|(s, _)| content.span.contains(*s))
            .filter(|(s, _)| {
                anchors.is_empty() || anchors.iter().any(|a| a.start >= s.end && self.same_clause(s.end, a.start))
            })
            .filter(|(s, _)| !words::is_negation_idiom(&self.next_words(s.end, 2)))
            .collect();
        if negations.len() % 2 == 1 {
            let (n, _) = negations[0];
            stance = stance.negated();
            reasons.push(format!("content negated by `{}`: {stance}", self.words_of(*n)));
        }
        let own = |span: &Span| {
            self.sentence_terms(*span).iter().any(|(t, s)| s == span && own_terms.binary_search(t).is_ok())
        };
        let marker = content
            .markers
            .iter()
            .find(|m| !own(m) && !content.negators.iter().any(|(n, _)| n.end <= m.start && m.start - n.end <= 12));
        if let Some(m) = marker {
            if stance != Stance::Deny {
                stance = Stance::Deny;
            }
            reasons.push(format!("denial marker `{}`", self.words_of(*m)));
        }
        if stance == Stance::Assert
            && let Some(h) = content.hedges.first()
        {
            stance = Stance::Hedge;
            reasons.push(format!("hedged by `{}`", self.words_of(*h)));
        }
        (stance, reasons)
    }

    /// The stance of a unit on a proposition, with reasons; `None` when a role-aware
    /// proposition finds no doer and no denial.
    fn stance(
        &self,
        i: usize,
        unit: &Unit,
        prop: &Proposition,
        content: &Content<'_>,
        matched: &Matched<'_>,
    ) -> Option<(Stance, Vec<String>)> {
        let region = content.region;
        let (mut stance, mut reasons) = self.base_stance(unit, content, &prop.own_terms, matched.found);
        let denied_by_marker = reasons.iter().any(|r| r.starts_with("denial marker"));
        let counter = prop.counter.iter().find_map(|t| region.find(*t, &self.rules.terms));
        if prop.agent.is_empty() {
            if let Some(c) = counter {
                stance = if stance == Stance::Deny { Stance::Deny } else { stance.negated() };
                reasons.push(format!("rival account `{}`: {stance}", self.words_of(c)));
            }
            return Some((stance, reasons));
        }
        let date = self.published();
        let dir = &self.rules.directory;
        let mut doers: Vec<(ActorIdx, Span)> = self.analysed[i]
            .found
            .mentions
            .iter()
            .filter(|m| {
                unit.content.contains(m.span)
                    && !sentence::after_preposition(self.text, &self.analysed[i].words, m.span)
            })
            .map(|m| (m.actor, m.span))
            .collect();
        if let Some(agent) = unit.agent {
            doers.push((agent.actor, agent.span));
        }
        // "we" in what a speaker says is the speaker's side.
        if let Who::Actor(speaker) = unit.speaker.who {
            for r in &self.analysed[i].found.refs {
                if r.kind == Reference::Pronoun(Pronoun::We) && unit.content.contains(r.span) {
                    doers.push((speaker, r.span));
                }
            }
        }
        let is = |a: ActorIdx, set: &[ActorIdx]| set.iter().any(|&g| dir.belongs_to(a, g, date));
        let agent = doers.iter().find(|(a, _)| is(*a, &prop.agent));
        let rival = doers.iter().find(|(a, _)| is(*a, &prop.rivals));
        if let Some(c) = counter {
            stance = if stance == Stance::Deny { Stance::Deny } else { stance.negated() };
            reasons.push(format!("rival account `{}`: {stance}", self.words_of(c)));
        } else if let Some((a, s)) = agent {
            reasons.push(format!("names the doer `{}` ({})", self.words_of(*s), dir.get(*a).id));
        } else if let Some((a, s)) = rival {
            stance = if stance == Stance::Deny { Stance::Deny } else { stance.negated() };
            reasons.push(format!("names a rival doer `{}` ({}): {stance}", self.words_of(*s), dir.get(*a).id));
        } else if !denied_by_marker || !matched.own_words {
            // A bare denial marker denies a role-aware proposition only when the content
            // itself names the event; borrowed context needs a doer.
            return None;
        }
        Some((stance, reasons))
    }

    /// Frames relevant to paragraph `p`.
    fn frames_of_paragraph(&mut self, p: usize) -> Vec<u32> {
        if self.paragraph_frames.len() <= p {
            self.paragraph_frames.resize(p + 1, None);
        }
        if let Some(done) = &self.paragraph_frames[p] {
            return done.clone();
        }
        let span = self.parsed.paragraphs.get(p).copied().unwrap_or_default();
        let terms = self.sentence_terms(span);
        let mut candidates: Vec<u32> = terms
            .iter()
            .flat_map(|(t, _)| self.rules.term_frames.get(*t as usize).into_iter().flatten().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let region = Region::new(self.text, span, terms);
        let published = self.published();
        candidates.retain(|&f| {
            let frame = &self.rules.frames[f as usize];
            frame.window.covers(published) && frame.about.positive(&region, &self.rules.terms).is_some()
        });
        self.paragraph_frames[p] = Some(candidates.clone());
        candidates
    }

    /// Values of frames in sentence `i`, each credited to the unit whose content holds it.
    fn values(&mut self, i: usize, units: &[Unit], steps: &mut Vec<Step>) {
        let s = self.parsed.sentences[i];
        let frames = self.frames_of_paragraph(s.paragraph);
        if frames.is_empty() {
            return;
        }
        let sentence_region = Region::new(self.text, s.span, self.sentence_terms(s.span));
        let words = Words::new(self.text, s.span);
        let quantities = parse::number::quantities(self.text, s.span);
        let dates = parse::date::dates(self.text, s.span, self.published());
        for f in frames {
            let frame = &self.rules.frames[f as usize];
            if frame.about.excluded(&sentence_region, &self.rules.terms).is_some() {
                continue;
            }
            let readings: Vec<(Span, Interval, Option<DateValue>)> = match frame.kind {
                FrameKind::Count => quantities.iter().map(|q| (q.span, q.interval, None)).collect(),
                FrameKind::Date => dates
                    .iter()
                    .filter_map(|d| {
                        let (from, until) = match d.value {
                            DateValue::Day(day) => (day, day),
                            DateValue::Range { from, until } => (from, until),
                            DateValue::Unresolved => return None,
                        };
                        let interval =
                            Interval::closed(from.days_since_epoch() as f64, until.days_since_epoch() as f64);
                        Some((d.span, interval, Some(d.value)))
                    })
                    .collect(),
            };
            for (k, (span, interval, date)) in readings.iter().enumerate() {
                let first = words.at(span.start);
                let last = words.before(span.end);
                let before: Vec<&str> = (0..first).map(|j| words.word(j)).filter(|w| !is_punct_word(w)).collect();
                let after: Vec<&str> =
                    (last..words.len()).map(|j| words.word(j)).filter(|w| !is_punct_word(w)).collect();
                if before.last().is_some_and(|w| words::is_subset_marker(w)) {
                    continue;
                }
                // "rose from 58 to 74": the first number is the old value.
                if before.last() == Some(&"from")
                    && readings[k + 1..].iter().any(|(s2, ..)| {
                        let j = words.at(s2.start);
                        j > 0 && words.word(j - 1) == "to"
                    })
                {
                    continue;
                }
                let Some(pattern) = frame.patterns.iter().find(|p| p.matches(&before, &after)) else { continue };
                let unit = units
                    .iter()
                    .filter(|u| u.content.contains(*span))
                    .min_by_key(|u| (u.voice == Voice::Outlet, u.content.len()));
                let Some(unit) = unit else { continue };
                let raw = self.words_of(*span);
                if self.explain {
                    let detail = format!(
                        "{} = {} by {} (pattern `{}`)",
                        frame.id,
                        interval,
                        self.speaker_text(&unit.speaker),
                        pattern.source
                    );
                    steps.push(Step { kind: StepKind::Value, text: raw.clone(), detail });
                }
                let value = Value {
                    frame: FrameRef { id: frame.id.clone(), quantity: frame.quantity.clone() },
                    kind: match frame.kind {
                        FrameKind::Count => ValueKind::Count,
                        FrameKind::Date => ValueKind::Date,
                    },
                    interval: *interval,
                    raw,
                    date: *date,
                };
                let reasons = vec![format!("value of `{}` by pattern `{}`", frame.id, pattern.source)];
                let claim = self.claim(i, unit, Stance::Assert, None, Some(value), reasons);
                self.claims.push(claim);
            }
        }
    }

    fn actor_ref(&self, who: Who) -> ActorRef {
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
        }
    }

    /// The date a claim was made: a day the sentence names before the cue, else publication.
    fn claim_date(&self, i: usize, unit: &Unit) -> Option<Date> {
        let s = self.parsed.sentences[i];
        let limit = unit.cue.map_or(s.span.end, |c| c.span.start);
        let published = self.published()?;
        let dates = parse::date::dates(self.text, Span::new(s.span.start, limit.max(s.span.start)), Some(published));
        let said = dates.iter().rev().find_map(|d| match d.value {
            DateValue::Day(day) if day <= published => Some(day),
            _ => None,
        });
        Some(said.unwrap_or(published))
    }

    fn marked(&self, span: Span) -> Marked {
        let original = self.parsed.original_span(span);
        Marked { text: original.text(&self.document.text).to_owned(), span: original }
    }

    fn claim(
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
            Who::Outlet => (actor.clone(), Vec::new()),
        };
        let original = self.parsed.original_span(s.span);
        let at = self.parsed.location(s.span.start);
        let d = self.document;
        Claim {
            actor,
            principal,
            blocs,
            voice: unit.voice,
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

/// Denial markers, hedges and negators of one unit's content.
struct Content<'c> {
    span: Span,
    region: &'c Region<'c>,
    markers: &'c [Span],
    hedges: &'c [Span],
    negators: &'c [(Span, Negation)],
}

/// Whether a definite word stands within two words before `span` in `words`.
fn definite_before(words: &Words, span: Span) -> bool {
    let at = words.at(span.start);
    (1..=2).any(|back| at.checked_sub(back).is_some_and(|j| words::is_definite(words.word(j))))
}

/// How a proposition matched a unit's content.
struct Matched<'m> {
    /// Spans of the matched terms inside the content.
    found: &'m [Span],
    /// Whether every group matched inside the content, without borrowed context.
    own_words: bool,
}

fn question_like(irrealis: &[Span]) -> bool {
    !irrealis.is_empty()
}

fn is_punct_word(w: &str) -> bool {
    w.chars().all(|c| !c.is_alphanumeric())
}

/// Lower case, words only, one space between: the form unlisted claims are compared in.
pub(crate) fn normalise_content(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// One claim per (actor, stance, proposition or frame and value) in a sentence.
fn dedup_sentence(claims: &mut Vec<Claim>, from: usize) {
    let mut seen: Vec<(String, Stance, String)> = Vec::new();
    let mut k = from;
    while k < claims.len() {
        let c = &claims[k];
        let subject = match (&c.proposition, &c.value) {
            (Some(p), _) => p.id.clone(),
            (None, Some(v)) => format!("{}={}", v.frame.id, v.interval),
            (None, None) => format!("unlisted:{}", c.content),
        };
        let key = (c.principal.id.clone(), c.stance, subject);
        if seen.contains(&key) {
            claims.remove(k);
        } else {
            seen.push(key);
            k += 1;
        }
    }
}
