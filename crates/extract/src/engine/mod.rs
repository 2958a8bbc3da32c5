//! The engine: from a parsed document to claims, one sentence at a time, with a memory of
//! the discourse (who spoke last, which proposition was last in dispute).
//!
//! Pass one analyses every sentence (mentions, cues, attributions) and resolves pronoun
//! speakers in reading order. Pass two turns each unit of speech — an attributed content,
//! a quote, or the outlet's own narration — into claims: propositions with a stance and
//! its reasons, and values of frames.

mod attribution;
mod propose;
mod sentence;
mod units;
mod value;
mod words;

use crate::lexicon::{ActorIdx, Hit, Pronoun, Role, TermIdx, Via};
use crate::matcher::{Region, TermRef};
use crate::ruleset::RuleSet;
use attribution::{Attribution, SpeakerRef};
use claim::trace::{SentenceTrace, Step, StepKind};
use claim::{ActorRef, Claim, Evidence, Marked, PropositionRef, Stance, Value, Voice};
use pack::schema::{ActorKind, Gender};
use parse::{Date, DateMention, DateValue, Document, LineCol, Parsed, Quote, Span};
use sentence::{Found, Mention, Reference, Words};
use std::cell::RefCell;
use std::rc::Rc;

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
/// A matcher term found at a span.
type TermAt = (TermIdx, Span);
/// A fuzzy anchor (by index) found at a span.
type AnchorAt = (u32, Span);

#[derive(Debug, Default)]
struct Analysed {
    /// Whether `words` and `found` were computed (pass one skips sentences without a cue).
    full: bool,
    words: Words,
    found: Found,
    attributions: Vec<(Attribution, Option<Speaker>)>,
    /// People named, in order (the first is the likely subject).
    persons: Vec<ActorIdx>,
    /// States and bodies named, in order.
    groups: Vec<ActorIdx>,
}

/// How strong the evidence behind a claim is: when one speaker takes two stances on one
/// proposition in one sentence, the stronger evidence stands and the other is rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Support {
    /// Implied by asserting a contradicting proposition.
    Derived,
    /// The content refers back to a proposition of an earlier sentence.
    ReferBack,
    /// The content's own words, without a doer or rival account to pin the stance.
    Words,
    /// The content's own words with the roles that decide the stance (a doer, a rival
    /// account, a reported speaker), or a value.
    Roles,
}

impl Support {
    fn describe(self) -> &'static str {
        match self {
            Support::Derived => "implied by a contradicting proposition",
            Support::ReferBack => "a refer-back",
            Support::Words => "the content's words",
            Support::Roles => "the content's words and roles",
        }
    }
}

/// A proposition claimed directly in a sentence: what a later refer-back can bind to.
#[derive(Clone, Debug)]
struct Recent {
    sentence: usize,
    proposition: u32,
    principal: String,
    stance: Stance,
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
    /// The attribution of the sentence this unit comes from, if any.
    attribution: Option<usize>,
}

/// The longest stretch of text read as one sentence. News sentences stay well under it;
/// text without sentence punctuation (OCR, lists, hostile input) would otherwise make
/// attribution, which compares cues and mentions within a sentence, grow with its square.
const MAX_SENTENCE_BYTES: usize = 1200;

/// `sentences` with every one longer than [`MAX_SENTENCE_BYTES`] cut into pieces, each
/// ending at the last clause break (`;`, `,`) or space before the limit.
fn bound_sentences(text: &str, sentences: &[parse::Sentence]) -> Vec<parse::Sentence> {
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.span.start;
        while s.span.end - start > MAX_SENTENCE_BYTES {
            let mut limit = start + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            let window = text.get(start..limit).unwrap_or("");
            let cut = [window.rfind("; "), window.rfind(", "), window.rfind(' ')]
                .into_iter()
                .flatten()
                .find(|&i| i > MAX_SENTENCE_BYTES / 2)
                .map_or(limit, |i| start + i + 1);
            out.push(parse::Sentence { span: Span::new(start, cut), paragraph: s.paragraph });
            start = cut;
            while text.as_bytes().get(start) == Some(&b' ') {
                start += 1;
            }
        }
        if start < s.span.end {
            out.push(parse::Sentence { span: Span::new(start, s.span.end), paragraph: s.paragraph });
        }
    }
    out
}

/// The mentions coordinated with `m` by commas and "and" ("Damascus and Moscow",
/// "Britain, France and Turkey"), in either direction, not `m` itself.
fn coordinated_with(text: &str, mentions: &[Mention], m: Mention) -> Vec<Mention> {
    let joins = |from: usize, to: usize| {
        text.get(from..to).is_some_and(|gap| {
            let gap = gap.trim().to_ascii_lowercase();
            matches!(gap.as_str(), "and" | "," | ", and" | "as well as" | "together with")
        })
    };
    let Some(at) = mentions.iter().position(|x| *x == m) else { return Vec::new() };
    let mut out = Vec::new();
    let mut last = m;
    for &before in mentions[..at].iter().rev() {
        if !joins(before.span.end, last.span.start) || before.actor == m.actor {
            break;
        }
        out.push(before);
        last = before;
    }
    let mut last = m;
    for &after in &mentions[at + 1..] {
        if !joins(last.span.end, after.span.start) || after.actor == m.actor {
            break;
        }
        out.push(after);
        last = after;
    }
    out
}

/// How many sentences back a pronoun may reach.
const REACH: usize = 6;

/// A parsed document as the engine reads it: the parse, with every sentence longer than
/// [`MAX_SENTENCE_BYTES`] cut into pieces.
struct Bounded<'a> {
    parsed: &'a Parsed<'a>,
    /// Sentences, in order, none longer than [`MAX_SENTENCE_BYTES`].
    sentences: Vec<parse::Sentence>,
    /// Paragraphs, in order.
    paragraphs: &'a [Span],
    /// Direct quotes, in order.
    quotes: &'a [Quote],
}

impl<'a> Bounded<'a> {
    fn new(parsed: &'a Parsed<'a>) -> Bounded<'a> {
        let sentences = bound_sentences(parsed.text(), &parsed.sentences);
        Bounded { parsed, sentences, paragraphs: &parsed.paragraphs, quotes: &parsed.quotes }
    }

    fn text(&self) -> &'a str {
        self.parsed.text()
    }

    fn original_span(&self, span: Span) -> Span {
        self.parsed.original_span(span)
    }

    fn location(&self, offset: usize) -> LineCol {
        self.parsed.location(offset)
    }
}

/// Runs the engine over one parsed document.
pub(crate) fn run(rules: &RuleSet, parsed: &Parsed<'_>, explain: bool) -> (Vec<Claim>, Vec<SentenceTrace>) {
    let document = parsed.document;
    let parsed = Bounded::new(parsed);
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
        support: Vec::new(),
        traces: Vec::new(),
        explain,
        recent: Vec::new(),
        paragraph_frames: Vec::new(),
        doc_propositions: Vec::new(),
        doc_frames: Vec::new(),
        dates: RefCell::new(None),
        document_event: None,
        event_cache: None,
    };
    run.select();
    run.pass_one();
    run.pass_two();
    (run.claims, run.traces)
}

struct Run<'a> {
    rules: &'a RuleSet,
    document: &'a Document,
    parsed: &'a Bounded<'a>,
    text: &'a str,
    hits: &'a [Hit],
    analysed: Vec<Analysed>,
    claims: Vec<Claim>,
    /// The support of each claim, parallel to `claims`.
    support: Vec<Support>,
    traces: Vec<SentenceTrace>,
    explain: bool,
    /// Propositions claimed directly so far, in reading order.
    recent: Vec<Recent>,
    /// Per paragraph, which frames its words make relevant (computed on first use).
    paragraph_frames: Vec<Option<Vec<u32>>>,
    /// Which propositions the document's words could match at all.
    doc_propositions: Vec<bool>,
    /// Which frames the document's words could match at all.
    doc_frames: Vec<bool>,
    /// The dates of the last sentence asked for: claims of one sentence come together.
    dates: RefCell<Option<(usize, Rc<[DateMention]>)>>,
    /// What the document says of its events as a whole (computed on first use).
    document_event: Option<value::DocumentEvent>,
    /// The event of the last sentence asked for.
    event_cache: Option<(usize, claim::Event)>,
}

impl<'a> Run<'a> {
    fn published(&self) -> Option<Date> {
        self.document.published
    }

    /// The dates sentence `i` names, resolved against the publication date; computed once
    /// per sentence.
    fn sentence_dates(&self, i: usize) -> Rc<[DateMention]> {
        if let Some((at, dates)) = self.dates.borrow().as_ref()
            && *at == i
        {
            return Rc::clone(dates);
        }
        let span = self.parsed.sentences.get(i).map_or(Span::default(), |s| s.span);
        let dates: Rc<[DateMention]> = parse::date::dates(self.text, span, self.published()).into();
        *self.dates.borrow_mut() = Some((i, Rc::clone(&dates)));
        dates
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

    /// Decides once per document which propositions and frames its words could match, so
    /// that sentences are only matched against those.
    fn select(&mut self) {
        let mut terms = vec![false; self.rules.terms.exact_len()];
        let mut anchors = std::collections::HashSet::new();
        for h in self.hits {
            for role in self.rules.lexicon.roles(h.pattern) {
                match *role {
                    Role::Term(t) => terms[t as usize] = true,
                    Role::FuzzyAnchor(f) => {
                        anchors.insert(f);
                    }
                    _ => {}
                }
            }
        }
        let present = |t: TermRef| match t {
            TermRef::Exact(i) => terms.get(i as usize).copied().unwrap_or(false),
            TermRef::Fuzzy(f) => anchors.contains(&f) || !self.rules.terms.is_anchored(f),
        };
        let published = self.published();
        // A document that names some story's context but none of this rule's is about
        // another story; one that names no story at all (a snippet) may be about any.
        let names = |context: &[TermRef]| context.iter().any(|&t| present(t));
        let some_story = self
            .rules
            .propositions
            .iter()
            .map(|p| &p.context)
            .chain(self.rules.frames.iter().map(|f| &f.context))
            .any(|c| names(c));
        let in_context = |context: &[TermRef]| context.is_empty() || !some_story || names(context);
        self.doc_propositions = self
            .rules
            .propositions
            .iter()
            .map(|p| {
                let elsewhere = !p.rivals.is_empty() || p.counter.iter().any(|&t| present(t));
                in_context(&p.context) && p.window.covers(published) && p.about.could_match(present, elsewhere)
            })
            .collect();
        self.doc_frames = self
            .rules
            .frames
            .iter()
            .map(|f| in_context(&f.context) && f.window.covers(published) && f.about.could_match(present, false))
            .collect();
    }

    fn pass_one(&mut self) {
        let sentences = &self.parsed.sentences;
        self.analysed.reserve(sentences.len());
        for (i, s) in sentences.iter().enumerate() {
            let hits = self.sentence_hits(s.span);
            let has_cue =
                hits.iter().any(|h| self.rules.lexicon.roles(h.pattern).iter().any(|r| matches!(r, Role::Cue(_))));
            if !has_cue {
                // Only remembered for pronouns: the people and bodies named.
                let (persons, groups) = self.named(hits);
                self.analysed.push(Analysed { persons, groups, ..Analysed::default() });
                continue;
            }
            let words = Words::new(self.text, s.span);
            let found = sentence::analyse(self.rules, self.text, hits, &words, self.published());
            let raw = attribution::attribute(self.rules, self.text, s.span, &words, &found);
            let mut attributions: Vec<(Attribution, Option<Speaker>)> = Vec::with_capacity(raw.len());
            // Who spoke in each attribution, as written: an unnamed speaker ("Doctors at the
            // scene said they …") is who a pronoun in their words refers to, not an actor
            // named sentences before.
            let outer_unnamed: Vec<bool> = raw.iter().map(|a| a.speaker.is_none()).collect();
            // "Damascus and Moscow say …": each of coordinated speakers says it. Appended
            // after the sentence's own attributions so their indices stay valid.
            let mut coordinated: Vec<(Attribution, Option<Speaker>)> = Vec::new();
            for a in raw {
                if let Some(SpeakerRef::Mention(m)) = a.speaker {
                    for other in coordinated_with(self.text, &found.mentions, m) {
                        let mut also = a.clone();
                        also.speaker = Some(SpeakerRef::Mention(other));
                        let mut speaker = self.mention_speaker(&other);
                        speaker.how = format!("{}, coordinated with `{}`", speaker.how, self.words_of(m.span));
                        coordinated.push((also, Some(speaker)));
                    }
                }
                let speaker = match a.speaker {
                    Some(SpeakerRef::Mention(m)) => Some(self.mention_speaker(&m)),
                    Some(SpeakerRef::Ref(r))
                        if matches!(r.kind, Reference::Pronoun(_))
                            && a.embedded_in.is_some_and(|k| outer_unnamed.get(k).copied().unwrap_or(false)) =>
                    {
                        None
                    }
                    Some(SpeakerRef::Ref(r)) => self.resolve_reference(i, &found, r.kind, r.span),
                    Some(SpeakerRef::Shared) => attributions.last().and_then(|(_, s)| s.clone()).map(|mut s| {
                        s.how = format!("shares the speaker of the previous verb ({})", s.how);
                        s
                    }),
                    None => None,
                };
                attributions.push((a, speaker));
            }
            attributions.extend(coordinated);
            let kind = |m: &Mention| self.rules.directory.get(m.actor).kind;
            let persons = found.mentions.iter().filter(|m| kind(m) == ActorKind::Person).map(|m| m.actor).collect();
            let groups = found.mentions.iter().filter(|m| kind(m) != ActorKind::Person).map(|m| m.actor).collect();
            self.analysed.push(Analysed { full: true, words, found, attributions, persons, groups });
        }
    }

    /// Completes the analysis of sentence `i` that pass one left at names only, for
    /// sentences without a cue that pass two reads (quotes, narration with a term).
    fn complete(&mut self, i: usize) {
        let Some(s) = self.parsed.sentences.get(i).copied() else { return };
        if self.analysed.get(i).is_none_or(|a| a.full) {
            return;
        }
        let words = Words::new(self.text, s.span);
        let found = sentence::analyse(self.rules, self.text, self.sentence_hits(s.span), &words, self.published());
        if let Some(a) = self.analysed.get_mut(i) {
            a.full = true;
            a.words = words;
            a.found = found;
        }
    }

    /// People and bodies a sentence names, in order, read from its hits alone.
    fn named(&self, hits: &[Hit]) -> (Vec<ActorIdx>, Vec<ActorIdx>) {
        let mut persons = Vec::new();
        let mut groups = Vec::new();
        let mut last = Span::default();
        for h in hits {
            if last.contains(h.span) {
                continue;
            }
            let actor = self.rules.lexicon.roles(h.pattern).iter().find_map(|r| match *r {
                Role::Actor(a, Via::Alias | Via::Metonym | Via::Title(_)) => Some(a),
                _ => None,
            });
            if let Some(a) = actor {
                last = h.span;
                let list =
                    if self.rules.directory.get(a).kind == ActorKind::Person { &mut persons } else { &mut groups };
                list.push(a);
            }
        }
        (persons, groups)
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
            Reference::Issuer => return self.issuer(at, span),
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
        // Then sentence by sentence backwards; within a sentence, whoever spoke is more
        // salient than whoever was spoken of ("Spicer said Assad … . He said …": Spicer).
        let gender_fits = |a: ActorIdx| want.is_none_or(|w| self.rules.directory.get(a).gender.is_none_or(|g| g == w));
        for j in (first..at).rev().filter(|_| subject.is_none()) {
            let a = &self.analysed[j];
            let spoke = a.attributions.iter().find_map(|(_, s)| match s {
                Some(Speaker { who: Who::Actor(actor), .. }) if fits(*actor) && gender_fits(*actor) => Some(*actor),
                _ => None,
            });
            let list = if person { &a.persons } else { &a.groups };
            if let Some(actor) = spoke.or_else(|| list.first().copied()) {
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

    /// The speaker a document description ("the statement added") stands for: the
    /// nearest speaker before it, person or body, else the actor the sentence
    /// just before names.
    fn issuer(&self, at: usize, span: Span) -> Option<Speaker> {
        let first = at.saturating_sub(REACH);
        // The last speaker before, named or not: an unnamed one ("The General Command said
        // in a statement") issued it, and no actor did.
        let last = (first..at).rev().find_map(|j| {
            let (_, speaker) = self.analysed.get(j)?.attributions.last()?;
            Some(match speaker {
                Some(Speaker { who: Who::Actor(a), .. }) => Some((*a, j)),
                _ => None,
            })
        });
        let (actor, from) = match last {
            Some(spoke) => spoke?,
            // Nobody spoke: whoever the sentence before is about ("X issued a statement").
            None => {
                let j = at.checked_sub(1)?;
                let a = self.analysed.get(j)?;
                a.groups.first().or(a.persons.first()).map(|&actor| (actor, j))?
            }
        };
        let line = self.parsed.sentences.get(from).map_or(0, |s| self.parsed.location(s.span.start).line);
        let how = format!("`{}` → issued by {} (line {line})", self.words_of(span), self.actor_name(actor));
        Some(Speaker { who: Who::Actor(actor), span: Some(span), how })
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
            if !self.worth_reading(i) {
                continue;
            }
            self.complete(i);
            let units = self.units(i, &chains, &mut steps);
            let before = self.claims.len();
            let mut covered = Vec::new();
            for unit in &units {
                covered.push(unit.content);
                self.unit_claims(i, unit, &mut steps);
            }
            self.values(i, &units, &mut steps);
            self.settle_sentence(before, &mut steps);
            for (c, support) in self.claims[before..].iter().zip(&self.support[before..]) {
                if *support < Support::Words {
                    continue;
                }
                if let Some(p) = &c.proposition
                    && let Some(idx) = self.rules.propositions.iter().position(|x| x.id == p.id)
                {
                    let principal = c.principal.id.clone();
                    self.recent.push(Recent { sentence: i, proposition: idx as u32, principal, stance: c.stance });
                }
            }
            if self.explain {
                self.push_trace(i, steps);
            }
        }
    }

    /// Whether sentence `i` can hold a claim at all: reported speech, a quote, a term of a
    /// proposition the document could match, or a paragraph with a frame in play.
    fn worth_reading(&mut self, i: usize) -> bool {
        if self.explain || !self.analysed[i].attributions.is_empty() {
            return true;
        }
        let s = self.parsed.sentences[i];
        if self.parsed.quotes.iter().any(|q| q.span.overlaps(s.span)) {
            return true;
        }
        let relevant = |t: TermIdx| {
            self.rules
                .term_propositions
                .get(t as usize)
                .is_some_and(|ps| ps.iter().any(|&p| self.doc_propositions[p as usize]))
        };
        let terms = self.sentence_hits(s.span).iter().any(|h| {
            self.rules.lexicon.roles(h.pattern).iter().any(|r| match *r {
                Role::Term(t) => relevant(t),
                Role::DenialMarker | Role::ClaimNoun => true,
                _ => false,
            })
        });
        terms || (self.doc_frames.iter().any(|&f| f) && !self.frames_of_paragraph(s.paragraph).is_empty())
    }

    fn push_trace(&mut self, i: usize, steps: Vec<Step>) {
        let s = self.parsed.sentences[i];
        let at = self.parsed.location(s.span.start);
        let original = self.parsed.original_span(s.span);
        let text = original.text(&self.document.text).to_owned();
        self.traces.push(SentenceTrace { line: at.line, column: at.column, text, steps });
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

    /// The matcher terms and fuzzy anchors found in `span`, as a region to match in.
    fn region(&self, span: Span) -> Region<'a> {
        let (terms, anchors) = self.terms_in(span);
        Region::new(self.text, span, terms, anchors)
    }

    /// The matcher terms and fuzzy anchors found in `span`.
    fn terms_in(&self, span: Span) -> (Vec<TermAt>, Vec<AnchorAt>) {
        let mut terms = Vec::new();
        let mut anchors = Vec::new();
        for h in self.sentence_hits(span) {
            for role in self.rules.lexicon.roles(h.pattern) {
                match *role {
                    Role::Term(t) => terms.push((t, h.span)),
                    Role::FuzzyAnchor(f) => anchors.push((f, h.span)),
                    _ => {}
                }
            }
        }
        (terms, anchors)
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
        let dates = self.sentence_dates(i);
        let said = dates.iter().rev().filter(|d| d.span.end <= limit).find_map(|d| match d.value {
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

pub(super) fn is_punct_word(w: &str) -> bool {
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
    fn push_claim(&mut self, claim: Claim, support: Support) {
        self.claims.push(claim);
        self.support.push(support);
    }

    /// Makes the claims of one sentence (from `from` on) consistent: one claim per
    /// (principal, stance, subject), and one stance per (principal, proposition) — the one
    /// with the stronger support (the earlier on a tie); the others are rejected, and
    /// `explain` shows why.
    fn settle_sentence(&mut self, from: usize, steps: &mut Vec<Step>) {
        let mut k = from;
        while k < self.claims.len() {
            let c = &self.claims[k];
            let key = (c.principal.id.as_str(), c.stance, subject_of(c));
            let same = (from..k).find(|&j| {
                let d = &self.claims[j];
                (d.principal.id.as_str(), d.stance, subject_of(d)) == key
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
