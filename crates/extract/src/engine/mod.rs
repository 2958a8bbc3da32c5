//! The engine: from a parsed document to claims, one sentence at a time, with a memory of
//! the discourse (who spoke last, which proposition was last in dispute).
//!
//! Pass one analyses every sentence (mentions, cues, attributions) and resolves pronoun
//! speakers in reading order. Pass two turns each unit of speech — an attributed content,
//! a quote, or the outlet's own narration — into claims: propositions with a stance and
//! its reasons, and values of frames.

mod aside;
mod attribution;
mod bounded;
mod coordinated;
mod denials;
mod doers;
mod learned;
mod nesting;
mod phrase;
mod predicate;
mod propose;
mod quotation;
mod reading;
mod record;
mod refer;
mod roles;
mod sentence;
mod speakers;
mod structure;
mod tied;
mod tree;
mod units;
mod value;
mod veto;
mod words;

use crate::lexicon::{ActorIdx, Hit, Role, TermIdx, Via};
use crate::matcher::{Region, TermRef};
use crate::ruleset::RuleSet;
use attribution::{Attribution, SpeakerRef};
use bounded::Bounded;
use claim::trace::{SentenceTrace, Step, StepKind};
use claim::{Claim, Stance, Voice};
use pack::schema::ActorKind;
use parse::{Date, DateMention, Document, Parsed, Span};
use reading::Reading;
use sentence::{Found, Mention, Reference, Words};
use std::cell::RefCell;
use std::rc::Rc;
pub(crate) use veto::{attributions, judged_attributions};

/// Whom a claim is by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// An actor of the packs.
    Actor(ActorIdx),
    /// The outlet that published the document.
    Outlet,
    /// A speaker no pack knows, by index into the document's open-world speakers.
    Open(u32),
}

/// A speaker no pack knows: a name, a description or a pronoun nothing resolved.
#[derive(Clone, Debug)]
struct OpenSpeaker {
    /// Stable id: `name:edward-alden` (the same across documents), `description:officials`,
    /// `pronoun:we`.
    id: String,
    /// Display name as written.
    name: String,
    /// Which sort of phrase named it.
    kind: phrase::PhraseKind,
    /// Whether it can hold a position: someone named or described, not a pronoun nothing
    /// resolved nor evidence ("a video showed", "all indications suggest").
    claimant: bool,
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

impl Speaker {
    /// Whether claims are made in this speaker's name: pack actors and the outlet. Speakers
    /// no pack knows are attributions (`RuleSet::attributions`) but not yet claimants: as
    /// principals of their own they multiplied false conflicts on the corpus.
    fn claims(&self) -> bool {
        !matches!(self.who, Who::Open(_))
    }
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
    /// The sentence's dependency parse, over the tokens of `words`: made at most once, in
    /// pass one for a sentence with a cue, else when first asked for (see [`Run::tree`]).
    tree: std::cell::OnceCell<tree::Tree>,
    attributions: Vec<(Attribution, Option<Speaker>)>,
    /// Listed cues the reading gave no attribution, with no speaker (`attribution::unread`):
    /// only the veto reads them, never a claim.
    unread: Vec<Attribution>,
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
    /// Whether the claim named the proposition's doer (an accusation against someone), as
    /// "the accusation" needs of what it refers to.
    named_doer: bool,
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

/// The speaker of a verb that shares the subject of the verb report before it ("denied A,
/// saying B"), as that report's speaker was resolved.
fn shared_speaker(
    rules: &RuleSet,
    before: &[(Attribution, Option<Speaker>)],
    structure: Option<&structure::Structure<'_>>,
) -> Option<Speaker> {
    let (_, speaker) = before.iter().rev().find(|(a, _)| attribution::reports_by_verb(rules, a, structure))?;
    speaker.clone().map(|mut s| {
        s.how = format!("shares the speaker of the previous verb ({})", s.how);
        s
    })
}

/// How many sentences back a pronoun may reach.
const REACH: usize = 6;

/// Runs the engine over one parsed document.
pub(crate) fn run(rules: &RuleSet, parsed: &Parsed<'_>, explain: bool) -> (Vec<Claim>, Vec<SentenceTrace>) {
    let document = parsed.document;
    let parsed = Bounded::new(parsed);
    let hits = rules.lexicon.scan(parsed.text());
    let mut run = Run::new(rules, document, &parsed, &hits, explain);
    run.select();
    run.pass_one();
    run.pass_two();
    (run.claims, run.traces)
}

/// Every attribution the veto may see in one parsed document, in text order: those with a
/// speaker (the veto judges listed cues'), and listed cues' attributions whose speaker the
/// reading did not find ("questions about his taxes", "it was widely reported"), which
/// stand only when the veto accepts them (PolNeAR marks a fifth of its attributions with no
/// source).
pub(crate) fn veto_candidates(rules: &RuleSet, parsed: &Parsed<'_>) -> Vec<crate::cue_model::Judged> {
    let document = parsed.document;
    let parsed = Bounded::new(parsed);
    let hits = rules.lexicon.scan(parsed.text());
    let mut run = Run::new(rules, document, &parsed, &hits, false);
    run.pass_one();
    let mut out = Vec::new();
    for a in &run.analysed {
        // A cue with no speaker found is no attribution the engine stands by, unless the text
        // names no one ("a ruling is expected", `Attribution::sourceless`); one the text does
        // not itself report (inside a quotation or another speaker's words) is none either.
        let tree = a.tree.get();
        let nesting =
            nesting::Nesting { rules, text: parsed.text(), quotes: parsed.quotes, tree, attributions: &a.attributions };
        let keep = |attr: &Attribution| nesting.keeps(attr);
        let stands = |attr: &Attribution, s: &Option<Speaker>| s.is_some() || attr.sourceless || attr.record_only;
        // Coordinated speakers of one cue ("Damascus and Moscow say …") are one report with
        // one source as the text writes it: the first stands for them all.
        let mut cues_seen: Vec<Span> = Vec::new();
        for (attr, speaker) in a.attributions.iter().filter(|(attr, _)| keep(attr)) {
            if cues_seen.contains(&attr.cue.span) {
                continue;
            }
            cues_seen.push(attr.cue.span);
            let resolution =
                veto::Resolution { kind: run.resolution(speaker.as_ref()), speakerless: !stands(attr, speaker) };
            let speakerless = resolution.speakerless;
            let features = veto::features(rules, tree, &a.words, parsed.text(), attr, resolution);
            let attribution = run.attribution_record(attr, speaker.as_ref(), tree);
            out.push(crate::cue_model::Judged { attribution, features, speakerless });
        }
        for attr in a.unread.iter().filter(|attr| keep(attr)) {
            let resolution = veto::Resolution { kind: "none", speakerless: true };
            let features = veto::features(rules, tree, &a.words, parsed.text(), attr, resolution);
            let attribution = run.attribution_record(attr, None, tree);
            out.push(crate::cue_model::Judged { attribution, features, speakerless: true });
        }
    }
    out.sort_by_key(|j| j.attribution.cue.span);
    out
}

/// Every candidate of the learned cue classifier in one parsed document, with its features
/// (see [`learned`]): pass one over every sentence, the model's vocabulary ignored.
pub(crate) fn cue_candidates(rules: &RuleSet, parsed: &Parsed<'_>) -> Vec<crate::cue_model::Candidate> {
    let document = parsed.document;
    let parsed = Bounded::new(parsed);
    let hits = rules.lexicon.scan(parsed.text());
    let mut run = Run::new(rules, document, &parsed, &hits, false);
    run.collected = Some(Vec::new());
    run.pass_one();
    run.collected.unwrap_or_default()
}

impl<'a> Run<'a> {
    fn new(
        rules: &'a RuleSet,
        document: &'a Document,
        parsed: &'a Bounded<'a>,
        hits: &'a [Hit],
        explain: bool,
    ) -> Run<'a> {
        let text = parsed.text();
        Run {
            rules,
            document,
            parsed,
            text,
            hits,
            analysed: Vec::new(),
            claims: Vec::new(),
            support: Vec::new(),
            open: Vec::new(),
            traces: Vec::new(),
            explain,
            recent: Vec::new(),
            paragraph_frames: Vec::new(),
            doc_propositions: Vec::new(),
            doc_frames: Vec::new(),
            dates: RefCell::new(None),
            quantities: RefCell::new(None),
            document_event: None,
            event_cache: None,
            content_words: Default::default(),
            collected: None,
        }
    }

    /// The public record of one attribution.
    fn attribution_record(
        &self,
        attr: &Attribution,
        speaker: Option<&Speaker>,
        tree: Option<&tree::Tree>,
    ) -> claim::Attribution {
        let cue = &self.rules.cues[attr.cue.cue as usize];
        let written = match attr.speaker {
            Some(SpeakerRef::Mention(m)) => Some(m.span),
            Some(SpeakerRef::Ref(r)) => Some(r.span),
            Some(SpeakerRef::Phrase(p)) => Some(p.span),
            Some(SpeakerRef::Shared) | None => None,
        };
        claim::Attribution {
            cue: self.marked(tree.map_or(attr.cue.span, |t| structure::written_cue(t, attr.cue.span))),
            stance: cue.stance,
            // The whole phrase that names the speaker, as a reader marks a source; a colon's
            // speaker is the words before it, whatever the parse hangs on them.
            speaker: speaker
                .and_then(|s| s.span)
                .or(written)
                .map(|s| match tree {
                    Some(t) if attr.layout != attribution::COLON => structure::written_speaker(t, s, attr.cue.span),
                    _ => s,
                })
                .map(|s| self.marked(s)),
            actor: speaker.map(|s| self.actor_ref(s.who)),
            resolution: match speaker {
                Some(s) => s.how.clone(),
                None if attr.record_only => "a description reporting no clause, not resolved".to_owned(),
                None => "no speaker found".to_owned(),
            },
            content: (!attr.content.is_empty()).then(|| self.marked(attr.content)),
            layout: attr.layout.to_owned(),
        }
    }
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
    /// Speakers no pack knows, in order of first mention.
    open: Vec<OpenSpeaker>,
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
    /// The numbers of the last sentence asked for: deciding to read a sentence for its values
    /// and reading them both want them.
    quantities: RefCell<Option<(usize, Rc<[parse::Quantity]>)>>,
    /// What the document says of its events as a whole (computed on first use).
    document_event: Option<value::DocumentEvent>,
    /// The event of the last sentence asked for.
    event_cache: Option<(usize, claim::Event)>,
    /// The words of the last unit content asked for ([`Run::content_words`]).
    content_words: RefCell<Option<(Span, Rc<Words>)>>,
    /// When set, pass one collects every learned-cue candidate here instead of deciding.
    collected: Option<Vec<crate::cue_model::Candidate>>,
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

    /// The numbers of sentence `i` (`parse::number::quantities`), remembered for the sentence
    /// asked for last.
    fn sentence_quantities(&self, i: usize) -> Rc<[parse::Quantity]> {
        if let Some((at, found)) = self.quantities.borrow().as_ref()
            && *at == i
        {
            return Rc::clone(found);
        }
        let span = self.parsed.sentences.get(i).map_or(Span::default(), |s| s.span);
        let found: Rc<[parse::Quantity]> = parse::number::quantities(self.text, span).into();
        *self.quantities.borrow_mut() = Some((i, Rc::clone(&found)));
        found
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
        // A document that names some story's context but not this rule's anchors is about
        // another story; one that names no story at all (a snippet) may be about any. A
        // context word that two stories list ("Novichok" for Salisbury and for Tomsk) does
        // not anchor a document in either: it takes a word of the story's own or two words.
        // A story is the part of an id before its `/`.
        let story = |id: &str| id.split('/').next().unwrap_or(id).to_owned();
        let contexts: Vec<(String, &[TermRef])> = self
            .rules
            .propositions
            .iter()
            .map(|p| (story(&p.id), p.context.as_slice()))
            .chain(self.rules.frames.iter().map(|f| (story(&f.id), f.context.as_slice())))
            .collect();
        let shared = |t: TermRef| {
            let mut stories = contexts.iter().filter(|(_, c)| c.contains(&t)).map(|(s, _)| s);
            let first = stories.next();
            stories.any(|s| Some(s) != first)
        };
        let names = |context: &[TermRef]| context.iter().any(|&t| present(t));
        let anchored = |context: &[TermRef]| {
            let mut seen: Vec<TermRef> = Vec::new();
            for &t in context.iter().filter(|&&t| present(t)) {
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
            // Undated text has no date window to anchor it: it takes two context words.
            let dated = published.is_some();
            seen.len() >= context.len().min(2) || (dated && seen.iter().any(|&t| !shared(t)))
        };
        let some_story = contexts.iter().any(|(_, c)| names(c));
        let in_context = |context: &[TermRef]| context.is_empty() || !some_story || anchored(context);
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
            // A colon near the start ("Paul Ryan: …") or a poll ("In a CNN poll, …") reports uncued.
            let head = s.span.text(self.text).get(..80).unwrap_or(s.span.text(self.text));
            let survey = attribution::mentions_survey(s.span.text(self.text));
            // `"…," the mayor scoffed`: a verb after a quotation reports it by its place.
            let quoting = quotation::closes_quotation(s.span.text(self.text));
            let opened = has_cue || head.contains(": ") || quoting || survey;
            let learned = self.learned_gate(s.span, opened);
            if !opened && !learned {
                // Only remembered for pronouns: the people and bodies named.
                let (persons, groups) = self.named(hits);
                self.analysed.push(Analysed { persons, groups, ..Analysed::default() });
                continue;
            }
            let words = Words::new(self.text, s.span);
            let mut found = sentence::analyse(self.rules, self.text, hits, &words, self.published());
            let cues: Vec<Span> = found.cues.iter().map(|c| c.span).collect();
            let tree = std::cell::OnceCell::from(tree::Tree::with_cues(self.text, &words, &cues));
            // "WASHINGTON - Campaign officials said …": the dateline's place says nothing.
            if let Some(end) = self.dateline_end(i) {
                found.mentions.retain(|m| m.span.start >= end);
            }
            if quoting && let Some(t) = tree.get() {
                quotation::add_cues(self.rules, t, &mut found);
            }
            if learned && let Some(t) = tree.get() {
                self.learned_cues(t, &words, &mut found);
            }
            let raw = attribution::attribute(self.rules, self.text, s.span, &words, &found, tree.get());
            let unread = tree.get().map(|t| veto::unread(self.rules, self.text, &found, t, &raw)).unwrap_or_default();
            let mut attributions: Vec<(Attribution, Option<Speaker>)> = Vec::with_capacity(raw.len());
            // Who spoke in each attribution, as written: an unnamed speaker ("Doctors at the
            // scene said they …") is who a pronoun in their words refers to, not an actor
            // named sentences before.
            let outer_unnamed: Vec<bool> = raw.iter().map(|a| a.speaker.is_none()).collect();
            // "Damascus and Moscow say …": each of coordinated speakers says it. Appended
            // after the sentence's own attributions so their indices stay valid.
            let mut coordinated: Vec<(Attribution, Option<Speaker>)> = Vec::new();
            let own = raw.len();
            let structure = tree.get().map(|tree| structure::Structure { words: &words, found: &found, tree });
            for a in raw {
                if let Some(SpeakerRef::Mention(m)) = a.speaker {
                    coordinated.extend(self.coordinated_speakers(&a, m, &found, &words));
                }
                let speaker = match a.speaker {
                    _ if a.record_only => None,
                    Some(SpeakerRef::Mention(m)) => Some(
                        self.owned_body(&m, a.cue.span.start.max(m.span.end))
                            .unwrap_or_else(|| self.mention_speaker(&m)),
                    ),
                    Some(SpeakerRef::Ref(r))
                        if matches!(r.kind, Reference::Pronoun(_))
                            && a.embedded_in.is_some_and(|k| outer_unnamed.get(k).copied().unwrap_or(false)) =>
                    {
                        None
                    }
                    Some(SpeakerRef::Ref(r)) => self
                        .resolve_reference(i, &found, r.kind, (r.span, a.content))
                        .or_else(|| Some(self.unresolved_reference(r.span))),
                    Some(SpeakerRef::Phrase(p)) => self
                        .named_in_phrase(&found, p)
                        .or_else(|| self.possessed_speaker(i, &found, p, a.content))
                        .or_else(|| self.outlet_phrase(p))
                        .or_else(|| self.acronym_owner(p))
                        .or_else(|| self.described_actor(p))
                        .or_else(|| self.state_police(p))
                        .or_else(|| self.short_name(p))
                        .or_else(|| self.affiliated_actor(p))
                        .or_else(|| self.tied_person(p))
                        .or_else(|| self.repeated_description(i, p))
                        .or_else(|| self.surname_speaker(i, &found, p))
                        .or_else(|| self.affiliated_speaker(p))
                        .or_else(|| self.seat_speaker(s.span, p))
                        .or_else(|| self.dateline_speaker(p))
                        .or_else(|| self.named_body_head(i, &found, p))
                        .or_else(|| Some(self.open_speaker(p))),
                    Some(SpeakerRef::Shared) => shared_speaker(self.rules, &attributions, structure.as_ref()),
                    None => None,
                };
                attributions.push((a, speaker));
            }
            attributions.extend(coordinated);
            let plural = self.plural_in_coordinated(&attributions, own);
            attributions.extend(plural);
            let kind = |m: &Mention| self.rules.directory.get(m.actor).kind;
            let persons = found.mentions.iter().filter(|m| kind(m) == ActorKind::Person).map(|m| m.actor).collect();
            let groups = found.mentions.iter().filter(|m| kind(m) != ActorKind::Person).map(|m| m.actor).collect();
            self.analysed.push(Analysed { full: true, words, found, tree, attributions, unread, persons, groups });
        }
    }

    /// Whether the learned cue classifier reads the sentence at `span`, which a listed cue, a
    /// colon, a quotation or a poll `opened` for parsing or not: fast reading parses no
    /// sentence for the classifier alone.
    fn learned_gate(&self, span: Span, opened: bool) -> bool {
        let model = crate::cue_model::Model::embedded();
        let wanted = self.rules.learned_cues && (opened || !self.rules.fast) && !model.is_empty();
        self.collected.is_some() || (wanted && learned::gate(model, self.text, span))
    }

    /// Adds the learned cues of a sentence to `found`, or, when collecting, records every
    /// candidate with its features.
    fn learned_cues(&mut self, tree: &tree::Tree, words: &Words, found: &mut Found) {
        let quotes = self.parsed.quotes;
        let Some(collected) = self.collected.as_mut() else {
            learned::add_cues(self.rules, crate::cue_model::Model::embedded(), tree, words, self.text, quotes, found);
            return;
        };
        let structure = structure::Structure { words, found, tree };
        for c in learned::candidates(self.rules, &structure, self.text, quotes, None) {
            // Spans in the document's own text, written as attribution records write them
            // (the speaker's whole phrase, the cue's words), so the trainer scores what the
            // engine would report.
            let speaker = learned::speaker_of(&c.reading)
                .map(|s| structure::written_speaker(tree, s, c.hit.span))
                .map(|s| self.parsed.original_span(s));
            let cue = self.parsed.original_span(structure::written_cue(tree, c.hit.span));
            collected.push(crate::cue_model::Candidate {
                cue,
                speaker,
                form: c.form,
                features: c.features.to_strings(),
                yields_to: c.yields_to.map(|y| self.parsed.original_span(y)),
            });
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

    /// The dependency parse of sentence `i`: made in pass one for a sentence with a cue,
    /// else on first asking once [`Run::complete`] has its words (parsing is the costliest
    /// step, so sentences nobody asks about are never parsed). Its word indices are the token
    /// indices of the sentence's `words`.
    fn tree(&self, i: usize) -> Option<&tree::Tree> {
        let a = self.analysed.get(i).filter(|a| a.full)?;
        Some(a.tree.get_or_init(|| tree::Tree::new(self.text, &a.words)))
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
            let reading = self.worth_reading(i);
            if reading == Reading::Skip {
                continue;
            }
            if reading == Reading::Full {
                self.complete(i);
            }
            let units = self.units(i, &chains, &mut steps);
            let before = self.claims.len();
            if reading == Reading::Full {
                for unit in &units {
                    self.unit_claims(i, unit, &mut steps);
                }
            }
            self.values(i, &units, &mut steps);
            self.owned_denials(i, before, &mut steps);
            self.settle_sentence(before, &mut steps);
            for (c, support) in self.claims[before..].iter().zip(&self.support[before..]) {
                if *support < Support::Words {
                    continue;
                }
                if let Some(p) = &c.proposition
                    && let Some(idx) = self.rules.propositions.iter().position(|x| x.id == p.id)
                {
                    let principal = c.principal.id.clone();
                    let named_doer = *support == Support::Roles && !self.rules.propositions[idx].agent.is_empty();
                    let stance = c.stance;
                    self.recent.push(Recent { sentence: i, proposition: idx as u32, principal, stance, named_doer });
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

    fn speaker_text(&self, speaker: &Speaker) -> String {
        speaker.span.map_or_else(|| self.who_name(speaker.who), |s| self.words_of(s))
    }

    fn who_name(&self, who: Who) -> String {
        match who {
            Who::Actor(a) => self.actor_name(a).to_owned(),
            Who::Outlet => self.document.source.clone(),
            Who::Open(k) => self.open.get(k as usize).map_or_else(String::new, |o| o.name.clone()),
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
}

pub(super) fn is_punct_word(w: &str) -> bool {
    w.chars().all(|c| !c.is_alphanumeric())
}
