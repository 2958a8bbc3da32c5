//! Attribution: for each reporting cue, who speaks and which words are what they said.
//!
//! Layouts handled (by the cue's pattern): `X said (that) C`, `C, X said`, `"C," said X`,
//! `X told Y that C`, `according to X, C`, `C, according to X`, `X accused Y of C`,
//! `X blamed Y for C`, `X blamed C on Y`, `C that X blames on Y`, `X called C a P`,
//! `X's belief that C`. The speaker is an actor mention, a pronoun or an anaphor; which
//! actor a pronoun means is decided later, with the discourse in view.

mod according;
mod accusation;
mod colon;
mod inverted;
mod overlap;
mod passive;
mod quoted;
mod survey;

pub use survey::{SURVEY, mentions_survey};

use super::phrase::{self, Phrase, PhraseKind};
use super::sentence::{CueHit, Found, Mention, RefMention, Words, that_after};
use super::structure::{Reading, Structure};
use super::tree::Tree;
use super::words;
use crate::ruleset::RuleSet;
use pack::schema::{CueKind, CuePattern};
use parse::Span;

/// Who a cue's speaker is, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerRef {
    /// An actor named in the sentence.
    Mention(Mention),
    /// A pronoun or anaphor, resolved later.
    Ref(RefMention),
    /// No speaker of its own: shares the previous cue's ("… said X and added Y").
    Shared,
    /// A noun phrase no pack knows ("Edward Alden", "critics", "a campaign aide").
    Phrase(Phrase),
}

/// A cue with its speaker and content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue.
    pub cue: CueHit,
    /// The speaker, when one was found.
    pub speaker: Option<SpeakerRef>,
    /// What was said.
    pub content: Span,
    /// The doer the layout names ("accused Y of", "blamed … on Y").
    pub agent: Option<Mention>,
    /// How the layout was read, for explanations.
    pub layout: &'static str,
    /// Index of the attribution whose content holds this one's cue: a report inside
    /// another speaker's words ("Zakharova said Washington blamed Damascus …").
    pub embedded_in: Option<usize>,
    /// Whether the text names no one who says it ("a ruling is expected in May", "Asked
    /// about the fees, …"): an attribution without a source, not one whose source was missed.
    pub sourceless: bool,
    /// Whether it is a record of a report only: a description stating something in a verb
    /// with no clause ("several polls show Sanders ahead"). Listed among the document's
    /// attributions, but its speaker is not resolved, so no later pronoun refers to it and no
    /// claim is read from it.
    pub record_only: bool,
    /// Whether another vouches for the speaker by quoting it ("X quoted Y as saying C").
    pub vouched: bool,
}

/// The layout of `C X said.` in text without commas; the parse, lost without them, does not
/// override it.
const UNPUNCTUATED: &str = "C X said (no commas)";

/// The layout of a speaker before a colon: what follows the colon is theirs.
pub const COLON: &str = "X: C";

/// The layout of a speaker after its verb: `"…," said X`.
const INVERTED: &str = "\"C,\" said X";

/// Most tokens an appositive between a speaker and its verb may hold.
const APPOSITIVE: usize = 14;

/// One sentence, as attribution sees it.
struct Layout<'a> {
    rules: &'a RuleSet,
    text: &'a str,
    sentence: Span,
    words: &'a Words,
    found: &'a Found,
}

/// Attributes every cue of a sentence: from its parse when the parse reads the cue's
/// speaker, else from the word layouts around the cue.
pub fn attribute(
    rules: &RuleSet,
    text: &str,
    sentence: Span,
    words: &Words,
    found: &Found,
    tree: Option<&Tree>,
) -> Vec<Attribution> {
    let layout = Layout { rules, text, sentence, words, found };
    let structure = tree.map(|tree| Structure { words, found, tree });
    let mut out: Vec<Attribution> = Vec::new();
    for cue in &found.cues {
        let Some(def) = rules.cues.get(cue.cue as usize) else { continue };
        // "the attack claimed the lives of two civilians": a verb whose object is a life is
        // the verb's other sense, no report.
        if def.kind == CueKind::Verb && super::sentence::takes_lives(words, cue) {
            continue;
        }
        // "held a rally", "holds a lead": a verb of accusing read with none of an
        // accusation's parts is its other sense.
        if def.kind == CueKind::Verb
            && def.pattern == CuePattern::Accuse
            && structure.as_ref().is_some_and(|s| !s.accuses(cue))
        {
            continue;
        }
        let previous = out.iter().rev().find(|a| reports_by_verb(rules, a, structure.as_ref()));
        let flat = match def.pattern {
            CuePattern::AccordingTo => layout.according_to(cue),
            _ if cue.passive => layout.passive(cue),
            CuePattern::Accuse => layout.accuse(cue, previous),
            CuePattern::Blame => layout.blame(cue),
            CuePattern::Noun => layout.noun(cue),
            CuePattern::Say | CuePattern::Call => layout.quoted(cue).or_else(|| layout.say(cue, previous, true)),
        };

        // "is believed to be an attack carried out by the regime": that `by` is another verb's.
        let by_other = |a: &Attribution| structure.as_ref().is_some_and(|s| s.agent_of_other_verb(a, cue));
        let flat = flat.filter(|a| a.layout != "C is said by X" || !by_other(a));
        // "a swing-state gambit", "his second term": a verb cue the parse reads as a noun
        // or adjective is no report, unless the noun has an owner and says what of
        // ("the mayor's claim that …", "his warning about …").
        if def.kind == CueKind::Verb && structure.as_ref().is_some_and(|s| !s.reads_as_verb(cue)) {
            let noun = |s: &Structure<'_>| s.owned_noun(cue).or_else(|| s.voiced_noun(cue));
            if let Some(r) = structure.as_ref().filter(|_| def.noun_too).and_then(noun) {
                let content = r.content.unwrap_or(Span::new(cue.span.end, cue.span.end));
                out.push(layout.attribution(cue, Some(r.speaker), content.start, content.end, r.layout));
            }
            continue;
        }
        // "A ruling is expected in May": no one is said to expect it; a `by` phrase the word
        // layout found still names the speaker.
        let by = flat.as_ref().is_some_and(|a| a.speaker.is_some() && a.layout == "C is said by X");
        if def.kind == CueKind::Verb
            && !by
            && let Some(content) = structure.as_ref().and_then(|s| s.sourceless(cue))
        {
            let mut a = layout.attribution(cue, None, content.start, content.end, "C is said (no source)");
            a.sourceless = true;
            out.push(a);
            continue;
        }
        let reading = structure.as_ref().and_then(|s| match def.pattern {
            CuePattern::AccordingTo => s.according_to(cue),
            // A learned noun is read as its classifier was trained ("his support for …").
            CuePattern::Noun if Some(cue.cue) == rules.learned_noun() => super::learned::noun_reading(s, cue),
            CuePattern::Noun => s.noun(cue).or_else(|| s.voiced_noun(cue)),
            _ => s.verb(cue),
        });
        let flat = layout.speaker_not_after(cue, flat, reading.is_none(), structure.as_ref(), previous);
        let flat = flat.or_else(|| layout.according_to_parsed(def.pattern, cue, reading.as_ref()));
        if let Some(a) = layout.merge(cue, flat, reading, structure.as_ref(), !def.claims) {
            out.push(a);
        }
    }
    // "PENCE: Hillary Clinton apparently thinks …": the colon's speaker says the whole
    // sentence, cues after the colon included; a cue before it ("He said: …") has its own.
    if let Some(a) = layout.colon(tree)
        && out.iter().all(|o| o.cue.span.start >= a.cue.span.end)
    {
        out.insert(0, a);
    }
    // "In a CNN poll released Monday, 31 percent …": the poll is a source.
    if let Some(t) = tree {
        out.extend(layout.surveys(t));
    }
    // "…, as many researchers believe, and Democrats allege, but Moscow denies."
    super::aside::asides(words, found, sentence, &mut out);
    for i in 0..out.len() {
        let cue = out[i].cue.span;
        // A verb sharing the previous one's speaker ("denied X, saying Y") is coordinated
        // with it, not reported inside it.
        let own = matches!(out[i].speaker, Some(SpeakerRef::Mention(_) | SpeakerRef::Ref(_)));
        // A cue that only attributes ("sought", "praised") takes no words from the outer
        // speaker's claim: it holds nothing true of its own.
        let own = own && rules.cues.get(out[i].cue.cue as usize).is_none_or(|c| c.claims);
        out[i].embedded_in = (0..out.len()).find(|&j| j != i && out[j].content.contains(cue) && own);
    }
    out
}

/// Whether a report's cue is a verb, one a later verb can share a speaker with ("denied A,
/// saying B", "said A and added B"). A noun cue has no subject to share: in "Holm dismissed
/// the mayor's claims that …, saying …" the participle is Holm's, not the mayor's.
pub(super) fn reports_by_verb(rules: &RuleSet, a: &Attribution, structure: Option<&Structure<'_>>) -> bool {
    let noun = rules.cues.get(a.cue.cue as usize).is_some_and(|d| d.kind == CueKind::Noun);
    !noun && structure.is_none_or(|s| s.reads_as_verb(&a.cue))
}

/// Speaker candidates (mentions and references) ending at or before `offset`, nearest first.
fn candidates_before(found: &Found, offset: usize) -> Vec<SpeakerRef> {
    let mut all: Vec<(usize, SpeakerRef)> = found
        .mentions
        .iter()
        .filter(|m| m.span.end <= offset)
        .map(|m| (m.span.end, SpeakerRef::Mention(*m)))
        .chain(found.refs.iter().filter(|r| r.span.end <= offset).map(|r| (r.span.end, SpeakerRef::Ref(*r))))
        .collect();
    all.sort_by_key(|a| std::cmp::Reverse(a.0));
    all.into_iter().map(|(_, s)| s).collect()
}

/// The first speaker candidate starting at or after `offset` with only `the` or a comma
/// between.
fn candidate_after(text: &str, found: &Found, offset: usize) -> Option<SpeakerRef> {
    let mention = found.mentions.iter().find(|m| m.span.start >= offset).map(|m| (m.span, SpeakerRef::Mention(*m)));
    let reference = found.refs.iter().find(|r| r.span.start >= offset).map(|r| (r.span, SpeakerRef::Ref(*r)));
    let (span, who) = match (mention, reference) {
        (Some(m), Some(r)) => {
            if m.0.start <= r.0.start {
                m
            } else {
                r
            }
        }
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => return None,
    };
    let between = text.get(offset..span.start)?.to_lowercase();
    let ok = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .all(|w| w.is_empty() || w == "the" || w == "by" || words::is_honorific(w));
    ok.then_some(who)
}

pub(super) fn span_of(s: &SpeakerRef) -> Option<Span> {
    match s {
        SpeakerRef::Mention(m) => Some(m.span),
        SpeakerRef::Ref(r) => Some(r.span),
        SpeakerRef::Phrase(p) => Some(p.span),
        SpeakerRef::Shared => None,
    }
}

/// Whether the words between a speaker and its cue allow them to belong together:
/// auxiliaries and adverbs ("has never publicly"), a possessive with its noun ("'s foreign
/// ministry"), or a comma-bounded appositive (", the Kremlin spokesman,").
fn gap_allows(words: &Words, from: usize, to: usize, possessive: bool) -> bool {
    let gap: Vec<&str> = (from..to).map(|k| words.word(k)).collect();
    // "Russia's foreign ministry said": a possessor and the noun it owns.
    if possessive {
        return gap.len() <= 4 && gap.iter().all(|w| !matches!(*w, "," | "\"" | ";" | "that" | "which"));
    }
    if gap.iter().all(|w| words::is_gap_word(w)) {
        return true;
    }
    if gap == [","] {
        return true;
    }
    // "the Syrian Observatory for Human Rights monitoring group said": a name, then the
    // nouns that say what sort of body it is.
    if let [kind @ .., head] = gap.as_slice()
        && kind.len() < 3
        && (words::is_group_head(head) || words::is_acting_body(head))
        && kind.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase()) && !words::is_gap_word(w))
    {
        return true;
    }
    // "Paris as well as two rights groups said", "Britain and its allies said": the last of
    // coordinated subjects is a short phrase no pack names.
    let tail = match gap.as_slice() {
        ["as", "well", "as", rest @ ..] | ["along", "with", rest @ ..] | ["together", "with", rest @ ..] => Some(rest),
        ["and", rest @ ..] | [",", "and", rest @ ..] => Some(rest),
        _ => None,
    };
    if let Some(rest) = tail {
        return !rest.is_empty()
            && rest.len() <= 5
            && rest.iter().all(|w| !words::is_punct_str(w) && !matches!(*w, "that" | "which" | "who" | "said"));
    }
    // "scientists at Porton Down identified", "officials in Moscow said": a short
    // prepositional phrase after the subject; a preposition alone takes the cue for its
    // object ("the chair after showing …").
    if (2..=5).contains(&gap.len())
        && words::is_preposition(gap[0])
        && gap.iter().all(|w| !words::is_punct_str(w) && *w != "that")
    {
        return true;
    }
    if gap.first() == Some(&",") && gap.last() == Some(&",") && gap.len() <= APPOSITIVE {
        return gap[1..gap.len() - 1].iter().all(|w| !matches!(*w, "\"" | ";"));
    }
    // "Peskov, the spokesman said": a comma then a short description.
    false
}

/// Past the addressee of a verb of telling that stands right after it ("told reporters in
/// Tashkent", "told a meeting of business leaders in Ankara"): up to the comma or end that
/// closes it, when one does within eight words and no "that" or quote opens what was said first.
fn past_addressee(words: &Words, after: usize) -> usize {
    let telling = after.checked_sub(1).is_some_and(|c| matches!(words.word(c), "told" | "tells" | "tell" | "telling"));
    if !telling {
        return after;
    }
    let close =
        (after..words.len().min(after + 9)).find(|&k| matches!(words.word(k), "," | "." | "!" | ";" | "that" | "\""));
    match close {
        Some(k) if k > after && matches!(words.word(k), "," | "." | "!" | ";") => k,
        _ => after,
    }
}

/// Where the clause a parenthetical cue interrupts begins, given the speaker's first word
/// `k`: "…, to the air base, where, Washington says, the sarin was stored" is said from
/// "where"; with no clause opener between the sentence start and the speaker, the sentence.
fn clause_start(words: &Words, k: usize, sentence_start: usize) -> usize {
    let first = words.at(sentence_start);
    (first..k.saturating_sub(1))
        .rev()
        .find(|&j| matches!(words.word(j), "where" | "which" | "who" | "whom" | "whose" | "when" | ";" | ":"))
        .map_or(sentence_start, |j| words.toks[j].span.start)
}

/// Whether nothing said follows the cue: the sentence ends, or only a time word or a
/// trailing prepositional phrase follows ("…, Lavrov said on Wednesday in Moscow.").
fn nothing_follows(words: &Words, from: usize) -> bool {
    let rest: Vec<&str> =
        (from..words.len()).map(|k| words.word(k)).filter(|w| !matches!(*w, "." | "!" | "\"" | "'")).collect();
    // "said at least eight people were killed": a hedge on a figure, not a place or a time.
    let hedge = matches!(rest.as_slice(), ["at", "least" | "most", ..]);
    // "… a monitoring group said Friday giving an updated toll": after a time at most, a
    // participle opens an adjunct of the report, not what was said.
    let time =
        |w: &&str| parse::date::is_weekday(w) || matches!(*w, "on" | "today" | "yesterday" | "later" | "earlier");
    // Its object follows it ("giving an updated toll"); a gerund that is a subject takes a
    // preposition ("said shelling on the market killed 9").
    if let Some(k) = rest.iter().position(|w| !time(w))
        && rest[k].len() > 5
        && rest[k].ends_with("ing")
        && rest.get(k + 1).is_some_and(|w| matches!(*w, "a" | "an" | "the" | "that" | "its" | "their" | "his" | "her"))
    {
        return true;
    }
    match rest.first() {
        None => true,
        Some(first) => {
            (words::is_trailing_preposition(first) && !hedge)
                || *first == ","
                || rest.iter().all(|w| words::is_gap_word(w))
        }
    }
}

/// Whether `text` writes `word` (found at `at`) as a name elsewhere: capitalised as a name
/// is ("Pence" for "PENCE"), somewhere inside a sentence, and never in lower case; or, written
/// in capitals, labels more than one colon as a transcript's speakers do ("WALLACE: …").
fn written_as_name(text: &str, word: &str, at: Span) -> bool {
    let shouting = word.len() > 1 && !word.chars().any(char::is_lowercase);
    if shouting && text.matches(&format!("{word}:")).nth(1).is_some() {
        return true;
    }
    let mut chars = word.chars();
    let Some(initial) = chars.next().filter(|c| c.is_alphabetic()) else { return false };
    let name: String =
        std::iter::once(initial.to_ascii_uppercase()).chain(chars.map(|c| c.to_ascii_lowercase())).collect();
    let lower = name.to_lowercase();
    let bounded = |i: usize, len: usize| {
        let before = text[..i].chars().next_back();
        let after = text[i + len..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    if text.match_indices(lower.as_str()).any(|(i, _)| bounded(i, lower.len())) {
        return false;
    }
    text.match_indices(name.as_str()).any(|(i, _)| {
        let inside = text[..i].trim_end().chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == ',');
        i != at.start && bounded(i, name.len()) && inside
    })
}

/// Trims white space, commas and quote marks from both ends of a span.
pub(super) fn trim(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.start..span.end) else { return Span::new(span.start, span.start) };
    let junk = |c: char| c.is_whitespace() || matches!(c, ',' | '"' | '\'' | ':' | ';' | '-');
    let start = span.start + (slice.len() - slice.trim_start_matches(junk).len());
    let end = span.end - (slice.len() - slice.trim_end_matches(junk).len());
    if start >= end { Span::new(span.start, span.start) } else { Span::new(start, end) }
}

impl Layout<'_> {
    fn attribution(
        &self,
        cue: &CueHit,
        speaker: Option<SpeakerRef>,
        from: usize,
        to: usize,
        layout: &'static str,
    ) -> Attribution {
        Attribution {
            cue: *cue,
            speaker,
            content: trim(self.text, Span::new(from, to)),
            agent: None,
            layout,
            embedded_in: None,
            sourceless: false,
            record_only: false,
            vouched: false,
        }
    }

    /// One cue's attribution from both readings: the word layout's when it names the same
    /// speaker as the parse (its content bounds are tuned to propositions), else the parse's
    /// speaker, with the parse's content or the layout's.
    fn merge(
        &self,
        cue: &CueHit,
        flat: Option<Attribution>,
        reading: Option<Reading>,
        structure: Option<&Structure<'_>>,
        attribution_only: bool,
    ) -> Option<Attribution> {
        // "George Sabra said in Turkey the attack … had killed 1300": a clause after the cue.
        let clause_after = structure.is_some_and(|s| s.clause_after(cue));
        let flat = flat.filter(|a| a.layout != UNPUNCTUATED || !clause_after);
        if flat.as_ref().is_some_and(|a| a.layout == UNPUNCTUATED && a.speaker.is_some()) {
            return flat;
        }
        // "…, said he and his staff were preparing …": a phrase after the verb that the parse
        // makes the subject of a later verb is not the inverted speaker.
        let flat = flat.filter(|a| {
            let later = a
                .speaker
                .as_ref()
                .and_then(span_of)
                .is_some_and(|sp| structure.is_some_and(|s| s.subject_after(sp, cue)));
            !(a.layout == INVERTED && later)
        });
        let Some(r) = reading else {
            // "an average calculated by the pollster", "a video posted online": a participle
            // modifying a noun has no subject, and the noun before it is not its speaker.
            // "…), endorsed Senator Ted Cruz": the verb's object is no speaker after it.
            let object = |a: &Attribution| {
                let sp = a.speaker.as_ref().and_then(span_of);
                a.layout == INVERTED && sp.is_some_and(|sp| structure.is_some_and(|s| s.object_of_cue(sp, cue)))
            };
            return flat.filter(|a| !structure.is_some_and(|s| s.modifies_noun(cue)) && !object(a));
        };
        let flat = flat.map(|a| passive::from_own_subject(a, structure, cue));
        // A verb with a subject but no clause it governs reports nothing unless the word
        // layout found a speaker too ("may hold a lead", "can find more"), or the subject
        // names someone: a name, a pronoun ("Holm denied the charge", "she questioned the
        // count"), or a description stating it in a verb of its own ("several polls show
        // Sanders ahead"), not one that only may or is to ("the fund may hold a lead", "the
        // panel is expected to find more"); the named one says nothing a claim can be read
        // from. A cue that only attributes ("praised the plan", "asked
        // about the wall") needs no clause.
        let flat_speaker = flat.as_ref().and_then(|a| a.speaker);
        if r.content.is_none() && flat_speaker.is_none() && !attribution_only {
            let described = matches!(r.speaker, SpeakerRef::Phrase(Phrase { kind: PhraseKind::Description, .. }));
            let states = described && structure.is_some_and(|s| s.states(cue));
            return (!described || states).then(|| {
                let mut a = self.attribution(cue, Some(r.speaker), cue.span.end, cue.span.end, r.layout);
                a.record_only = states;
                a
            });
        }
        // "denied A, saying B": the layout already shares the first verb's speaker.
        if matches!(flat_speaker, Some(SpeakerRef::Shared)) {
            return flat;
        }
        // "Washington, London and Paris as well as two rights groups attributed …": a pack
        // name the layout took that hangs on the verb in the parse too stays the speaker.
        let known = match flat_speaker {
            Some(SpeakerRef::Mention(Mention { span, .. }) | SpeakerRef::Ref(RefMention { span, .. })) => Some(span),
            _ => None,
        };
        if let (Some(span), Some(s)) = (known, structure)
            && s.hangs_on_cue(span, cue)
        {
            return flat;
        }
        let parsed = span_of(&r.speaker);
        if let Some(a) = &flat
            && let (Some(x), Some(y)) = (a.speaker.as_ref().and_then(span_of), parsed)
            && x.overlaps(y)
            && !overlap::parse_speaker_wins(x, y, r.layout, cue, structure)
        {
            return flat;
        }
        let content = r.content.or(flat.as_ref().map(|a| a.content)).unwrap_or_else(|| {
            // No complement: what was said is on the far side of the cue from its speaker.
            match parsed {
                Some(sp) if sp.start > cue.span.start => Span::new(self.sentence.start, cue.span.start),
                _ => Span::new(cue.span.end, self.sentence.end),
            }
        });
        let agent = flat.as_ref().and_then(|a| a.agent);
        let mut a = self.attribution(cue, Some(r.speaker), content.start, content.end, r.layout);
        a.agent = agent;
        Some(a)
    }

    /// Whether the sentence has a comma: text that lost its punctuation has none in
    /// sentences long enough to need one.
    fn has_commas(&self) -> bool {
        (0..self.words.len()).any(|k| self.words.word(k) == ",")
    }

    /// The nearest speaker before the cue that the words in between allow.
    fn left_speaker(&self, cue: &CueHit) -> Option<SpeakerRef> {
        let cue_tok = self.words.at(cue.span.start);
        candidates_before(self.found, cue.span.start).into_iter().take(4).find(|s| {
            let Some(span) = span_of(s) else { return false };
            let possessive = super::sentence::possessive_after(self.text, span);
            let object = super::sentence::after_preposition(self.text, self.words, span)
                && !self.opens_clause_before(span, cue_tok);
            !object && gap_allows(self.words, self.words.at(span.end), cue_tok, possessive)
        })
    }

    /// Whether the word before `span` is a conjunction opening a clause whose subject it is,
    /// with the cue the clause's verb right after it ("a day after the opposition accused
    /// the army of …", "before Britain said …"): no preposition's object, but a speaker.
    fn opens_clause_before(&self, span: Span, cue_tok: usize) -> bool {
        let words = self.words;
        let at = words.at(span.start);
        let mut j = at;
        while j > 0 && matches!(words.word(j - 1), "the" | "a" | "an") {
            j -= 1;
        }
        let conjunction =
            j.checked_sub(1).is_some_and(|k| matches!(words.word(k), "after" | "before" | "since" | "until"));
        conjunction && words.at(span.end) == cue_tok
    }

    /// The open-world speaker before the cue: the noun phrase that is its subject, when no
    /// pack actor or pronoun is.
    fn open_left(&self, cue: &CueHit) -> Option<SpeakerRef> {
        // "the most conservative state", "his second term": a cue that is also a noun, in
        // its bare or -s form, speaks only through a name or pronoun a pack rule found.
        let def = self.rules.cues.get(cue.cue as usize)?;
        let written = cue.span.text(self.text).to_ascii_lowercase();
        let bare = written == def.lemma
            || written.strip_suffix('s').is_some_and(|w| w == def.lemma || w.strip_suffix('e') == Some(&def.lemma));
        if bare && def.noun_too {
            return None;
        }
        let first = self.words.at(self.sentence.start);
        let p = phrase::subject_before(self.text, self.words, first, self.words.at(cue.span.start))?;
        // A pack mention inside the phrase that left_speaker turned down (the object of a
        // preposition, "an aide to Clinton") must not speak; the phrase does.
        Some(SpeakerRef::Phrase(p))
    }

    /// The speaker before the cue: a pack actor or pronoun, else an open-world phrase.
    fn any_left(&self, cue: &CueHit) -> Option<SpeakerRef> {
        self.left_speaker(cue).or_else(|| self.open_left(cue))
    }

    /// The speaker right after `offset`: a pack actor or pronoun, else an open-world phrase.
    fn any_after(&self, offset: usize) -> Option<SpeakerRef> {
        candidate_after(self.text, self.found, offset).or_else(|| {
            let end = self.words.at(self.sentence.end);
            phrase::phrase_after(self.text, self.words, self.words.at(offset), end).map(SpeakerRef::Phrase)
        })
    }

    /// Where the content of `cue` ends: the sentence end, or where a later cue's own speaker
    /// starts ("X said A, and on Wednesday Y said B").
    fn right_end(&self, cue: &CueHit) -> usize {
        for next in self.found.cues.iter().filter(|c| c.span.start > cue.span.end) {
            let noun = self.rules.cues.get(next.cue as usize).is_some_and(|c| c.pattern == CuePattern::Noun);
            if noun || next.passive {
                continue;
            }
            // "denied A, saying B", "said A and called B": a verb sharing this one's speaker
            // ends what this one said.
            if self.shares_speaker(next) {
                let k = self.words.at(next.span.start).saturating_sub(1);
                return self.words.toks.get(k).map_or(next.span.start, |t| t.span.start);
            }
            // "X said A, while Y said B" splits; "X said Y blamed Z" embeds Y's report in X's.
            if let Some(sp) = self.left_speaker(next).as_ref().and_then(span_of)
                && sp.start > cue.span.end
                && self.clause_break_before(cue.span.end, sp.start)
            {
                return sp.start;
            }
        }
        self.sentence.end
    }

    /// Whether a cue has no speaker of its own and shares the one of the verb before it:
    /// a participle after a comma ("denied it, saying …") or a verb after "and" or "but"
    /// ("said A and called B").
    fn shares_speaker(&self, cue: &CueHit) -> bool {
        let words = self.words;
        let at = words.at(cue.span.start);
        let before = words.word(at.saturating_sub(1));
        let word = words.word(at);
        let participle = before == "," && word.len() > 4 && word.ends_with("ing");
        let joined = matches!(before, "and" | "but" | "also" | "then");
        at > 0 && (participle || joined) && self.left_speaker(cue).is_none()
    }

    /// Whether a clause boundary (punctuation or a joining word) stands between `from` and
    /// `to`.
    fn clause_break_before(&self, from: usize, to: usize) -> bool {
        let words = self.words;
        (words.at(from)..words.at(to))
            .any(|k| matches!(words.word(k), "," | ";" | ":" | "and" | "but" | "while" | "whereas" | "although"))
    }

    /// Where "the strike on Syria, which he said was necessary" starts: the antecedent of a
    /// relative clause whose subject is the speaker is what was said of.
    fn relative_antecedent(&self, speaker: Option<&SpeakerRef>) -> Option<usize> {
        let words = self.words;
        let at = words.at(span_of(speaker?)?.start);
        // "an attack which the United States says came from …": past the speaker's article.
        let article = at.checked_sub(1).is_some_and(|r| matches!(words.word(r), "the" | "a" | "an"));
        let rel =
            at.checked_sub(1 + usize::from(article)).filter(|&r| matches!(words.word(r), "which" | "that" | "who"))?;
        // "we know that Donald Trump has shown …": a `that` after a verb of knowing or
        // saying opens its complement, not a relative clause.
        if words.word(rel) == "that" && rel.checked_sub(1).is_some_and(|v| words::is_knowing(words.word(v))) {
            return None;
        }
        let first = words.at(self.sentence.start);
        let mut start = rel;
        while start > first && rel - start < 10 && !matches!(words.word(start - 1), "," | ";" | "\"") {
            start -= 1;
        }
        let comma = start.checked_sub(1).filter(|&c| words.word(c) == ",");
        // Past the comma: the noun phrase the clause hangs on.
        let from = comma.map_or(start, |c| c.saturating_sub(8).max(first));
        words.toks.get(from).map(|t| t.span.start)
    }

    /// The word layout of a verb of saying; `inverted` lets a comma or quotation mark before
    /// the verb put its speaker after it (`"…," said X`).
    fn say(&self, cue: &CueHit, previous: Option<&Attribution>, inverted: bool) -> Option<Attribution> {
        let words = self.words;
        // Only a report with a speaker has one to share: after "Asked about it, the mayor shook
        // her head and said …" or a description's record the parse reads the subject.
        let previous = previous.filter(|p| p.speaker.is_some() && !p.sourceless && !p.record_only);
        let after = words.at(cue.span.end);
        let end = self.right_end(cue);
        let mut left = self.left_speaker(cue);
        let before_cue = words.word(words.at(cue.span.start).saturating_sub(1));
        // "The ministry denied using gas, affirming that …": the participle's speaker is
        // the previous verb's, and what follows it is what was said.
        let shared = previous.is_some_and(|p| p.cue.span.end <= cue.span.start) && self.shares_speaker(cue);
        if shared && before_cue == "," {
            let start = that_after(words, after, 2, end).map_or(cue.span.end, |t| words.toks[t].span.end);
            return Some(self.attribution(cue, Some(SpeakerRef::Shared), start, end, "X did A, saying C"));
        }
        // `"…," said X` and `"…," said the minister`; `''…,'' said X`, two apostrophes closing
        // the quotation (as some papers write it).
        let apostrophes =
            before_cue == "'" && words.at(cue.span.start).checked_sub(2).is_some_and(|k| words.word(k) == "'");
        if left.is_none()
            && inverted
            && (matches!(before_cue, "," | "\"") || apostrophes)
            && let Some(speaker) = self.any_after(cue.span.end)
        {
            return Some(self.attribution(cue, Some(speaker), self.sentence.start, cue.span.start, INVERTED));
        }
        if left.is_none()
            && let Some(a) = self.unpunctuated_after(cue, before_cue)
        {
            return Some(a);
        }
        if left.is_none() && !matches!(before_cue, "and" | "but" | "then" | "also") {
            left = self.open_left(cue);
        }
        let speaker = match left {
            Some(s) => Some(s),
            // "Tillerson said … and said it is …": a second verb shares the first one's speaker.
            None => previous
                .filter(|p| p.cue.span.end <= cue.span.start && matches!(before_cue, "and" | "but" | "also" | "then"))
                .map(|_| SpeakerRef::Shared),
        };
        if let Some(from) = self.relative_antecedent(speaker.as_ref()).filter(|_| words.word(after) != "to") {
            return Some(self.attribution(cue, speaker, from, end, "N, which X said C"));
        }
        if let Some(that) = that_after(words, after, 8, end) {
            return Some(self.attribution(cue, speaker, words.toks[that].span.end, end, "X said that C"));
        }
        // "agreed to resume", "vowed to respond": an intention, not a report.
        if words.word(after) == "to" {
            return None;
        }
        let speaker_start = speaker.as_ref().and_then(span_of).map_or(cue.span.start, |s| s.start);
        let mut k = words.at(speaker_start);
        while k > 0 && matches!(words.word(k - 1), "a" | "an" | "the" | "one") {
            k -= 1;
        }
        let before_speaker = k.checked_sub(1).map_or("", |k| words.word(k));
        // Text stripped of its commas ("… killed 16 people a monitor said."): a speaker after
        // the sentence's first words with nothing said after the cue closes what it said.
        let unpunctuated = k > words.at(self.sentence.start) && !self.has_commas();
        let set_off = matches!(before_speaker, "," | "\"" | "'") || unpunctuated;
        // "…, he told reporters in Tashkent, and …": whom a speaker told is not what was said.
        let after = past_addressee(words, after);
        if speaker.is_some() && set_off && nothing_follows(words, after) {
            // "Russia, he said, was behind it": a parenthetical cue inside what was said.
            if words.word(after) == "," && !nothing_follows(words, after + 1) {
                let start = clause_start(words, k, self.sentence.start);
                return Some(self.attribution(cue, speaker, start, end, "C, X said, C"));
            }
            if unpunctuated {
                // Up to the speaker's article: "… 112 people the Observatory said".
                let end = words.toks.get(k).map_or(speaker_start, |t| t.span.start);
                return Some(self.attribution(cue, speaker, self.sentence.start, end, UNPUNCTUATED));
            }
            return Some(self.attribution(cue, speaker, self.sentence.start, speaker_start, "C, X said"));
        }
        Some(self.attribution(cue, speaker, cue.span.end, end, "X said C"))
    }

    fn passive(&self, cue: &CueHit) -> Option<Attribution> {
        // "… is blamed by X": only a `by` phrase names a speaker.
        let rest = self.text.get(cue.span.end..self.sentence.end)?;
        let by = rest.find(" by ")? + cue.span.end + 4;
        let speaker = self.any_after(by)?;
        Some(self.attribution(cue, Some(speaker), self.sentence.start, cue.span.start, "C is said by X"))
    }

    fn noun(&self, cue: &CueHit) -> Option<Attribution> {
        let words = self.words;
        // "X's belief that C" and "the U.S. belief that C": the possessor or modifier speaks.
        let cue_tok = words.at(cue.span.start);
        let possessor = candidates_before(self.found, cue.span.start).into_iter().next().filter(|s| {
            let Some(span) = span_of(s) else { return false };
            let gap = words.at(span.end)..cue_tok;
            gap.is_empty() || (super::sentence::possessive_after(self.text, span) && gap.len() <= 2)
        });
        let end = self.right_end(cue);
        let after = words.at(cue.span.end);
        let start = match that_after(words, after, 4, end) {
            Some(that) => words.toks[that].span.end,
            None if words.word(after) == "of" => words.toks[after].span.end,
            None => return None,
        };
        Some(self.attribution(cue, possessor, start, end, "X's belief that C"))
    }
}
