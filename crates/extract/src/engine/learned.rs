//! Learned cues: words no cue list holds that the classifier of [`crate::cue_model`] reads
//! as reporting speech, belief or intent in their sentence ("Clinton *hopes* that …", "his
//! *support* for the bill").
//!
//! A candidate is a verb or common noun outside quotation marks, cue lists and names that the
//! parse gives a speaker: a verb's subject (or a passive verb's `by` agent), a noun's
//! possessor, `by` phrase or compounded name, read by [`Structure`] exactly as for a listed
//! cue. Its features describe the word and that reading in the parse: tags and relations
//! first (robust to a retrained parser), the word form and its stem crossed with them. A
//! word the classifier takes becomes a cue of the rule set's two learned cues (a verb or a
//! noun, `claims: false`: an attribution, never a claim), and attribution proceeds as for
//! any cue: speaker from the subject or possessor, content from the complement. Being no
//! claim, it makes no unit of speech and no reported speaker either: its sentence stays the
//! outlet's, its figures the outlet's ("Assad's forces *fired* rockets at the suburbs,
//! killing 12").
//!
//! The same function computes the features at training time ([`crate::RuleSet::cue_candidates`])
//! and at run time, so they cannot drift apart.

use super::attribution::SpeakerRef;
use super::phrase::PhraseKind;
use super::sentence::{CueHit, Found, Words};
use super::structure::{Reading, Structure};
use super::tree::{Dep, Tag, Tree};
use crate::cue_model::{Features, Model, yields};
use crate::ruleset::RuleSet;
use parse::{Quote, Span};

/// A word the classifier may be asked about, with the reading that makes it an attribution.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The word as a cue of one of the learned cues.
    pub hit: CueHit,
    /// Its speaker and content, read from the parse.
    pub reading: Reading,
    /// The word form the vocabulary holds (lower case).
    pub form: String,
    /// What the classifier reads.
    pub features: Features,
    /// The word of its predicative adjective ("are *concerned* that", "remain *confident*"),
    /// itself a candidate: when both are taken the adjective alone is the cue, as PolNeAR
    /// marks one attribution there, not two.
    pub yields_to: Option<Span>,
}

/// Whether the sentence at `span` holds a word form the model is asked about, other than a
/// form of "be", "have" or "do": only such sentences are parsed for learned cues. The
/// vocabulary holds those forms ("were", "has", "been": rare cues as main verbs), and they
/// are in nearly every sentence: on FA-KES, 571 of the 2,326 sentences parsed for learned
/// cues alone held no other form and gave no cue; on PolNeAR train 1,581 of 7,550, 4
/// attributions (3 true). Still candidates in a sentence parsed for another reason.
pub fn gate(model: &Model, text: &str, span: Span) -> bool {
    let sentence = span.text(text);
    let mut buf = String::new();
    // Split as bytes: the words are ASCII letters, and every byte of a character outside
    // ASCII separates as the character does.
    let mut at = 0;
    sentence.as_bytes().split(|b| !b.is_ascii_alphabetic()).any(|w| {
        let word = sentence.get(at..at + w.len()).unwrap_or("");
        at += w.len() + 1;
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
        !w.is_empty() && !is_auxiliary(&buf) && model.knows(&buf)
    })
}

/// Whether `word` (lower case) is a form of "be", "have" or "do": it opens no gate.
fn is_auxiliary(word: &str) -> bool {
    super::words::is_be(word) || matches!(word, "has" | "have" | "had" | "do" | "does" | "did")
}

/// Every candidate of a sentence. With `model`, only words in its vocabulary; without, every
/// verb and noun with a speaker (training sees them all and picks the vocabulary).
pub fn candidates(
    rules: &RuleSet,
    structure: &Structure,
    text: &str,
    quotes: &[Quote],
    model: Option<&Model>,
) -> Vec<Candidate> {
    let (tree, words, found) = (structure.tree, structure.words, structure.found);
    let mut out = Vec::new();
    for i in 0..tree.len() {
        let Some(noun) = word_kind(tree, i) else { continue };
        if model.is_some_and(|m| !m.knows(words.word(i))) {
            continue;
        }
        let words_of = cue_words(tree, i, noun);
        let span = tree.span(words_of.clone());
        let taken = |s: Span| s.overlaps(span);
        if found.cues.iter().any(|c| taken(c.span))
            || found.mentions.iter().any(|m| taken(m.span))
            || quotes.iter().any(|q| q.span.contains(span))
        {
            continue;
        }
        let span = if noun { span } else { verb_span(structure, quotes, i, words_of) };
        let Some(cue) = (if noun { rules.learned_noun() } else { rules.learned_verb() }) else { continue };
        let hit = CueHit { span, cue, negation: None, passive: !noun && tree.passive(i) };
        let reading = if noun { noun_reading(structure, &hit) } else { structure.verb(&hit) };
        let Some(reading) = reading.filter(|r| !matches!(r.speaker, SpeakerRef::Shared)) else { continue };
        let mut features = features(tree, words, text, i, &reading);
        // Who speaks: a person or a body a pack knows.
        if let SpeakerRef::Mention(m) = reading.speaker {
            features.push_fmt(format_args!("kind={:?}", rules.directory.get(m.actor).kind));
        }
        // Inside what a listed cue reports ("X said Y hopes …"), or on its own.
        features.push(&["under_cue=", flag(under_cue(tree, found, i))]);
        clause_features(&mut features, structure, text, i, &reading);
        let yields_to = tree.children_with(i, &[Dep::Acomp]).next().map(|a| tree.span(a..a + 1));
        out.push(Candidate { hit, reading, form: words.word(i).to_owned(), features, yields_to });
    }
    out
}

/// A learned noun's reading: a listed noun cue's ([`Structure::noun`]: a clause it says, or
/// "In X's view"), the object of a verb of voicing ([`Structure::voiced_noun`]: "made no
/// *mention* of"), or, with neither, its owner alone ([`owned`]). The engine reads a learned
/// noun cue the same way, so the classifier scores what the engine reports.
pub fn noun_reading(structure: &Structure, hit: &CueHit) -> Option<Reading> {
    structure.noun(hit).or_else(|| structure.voiced_noun(hit)).or_else(|| owned(structure, hit))
}

/// A noun with an owner and no clause ("his *support* for the bill", "Trump's *attacks* on
/// the judge", "*criticism* from the mayor"): its speaker the possessor or the object of its
/// `by` or `from`, what it says the phrase after its first other preposition, if any. Most
/// owned nouns report nothing ("his *campaign* in Iowa"): the classifier tells them apart by
/// the word, its preposition and this layout (PolNeAR train: about 150 gold cues a possessor
/// speaks had no candidate before).
fn owned(structure: &Structure, hit: &CueHit) -> Option<Reading> {
    let (tree, words) = (structure.tree, structure.words);
    let n = tree.head_in(hit.span).filter(|&n| tree.is_noun(n))?;
    let by = |p: &usize| matches!(words.word(*p), "by" | "from");
    let owner = tree
        .child(n, Dep::Poss)
        .or_else(|| tree.children_with(n, &[Dep::Prep]).filter(by).find_map(|p| tree.child(p, Dep::Pobj)))?;
    let content = tree.children_with(n, &[Dep::Prep]).find(|p| *p > n && !by(p)).and_then(|p| {
        let range = tree.clause(p);
        (range.start + 1 < range.end).then(|| tree.span(range.start + 1..range.end))
    });
    Some(Reading { speaker: structure.speaker_at(owner)?, content, layout: "X's support for C (parse)" })
}

/// Whether word `i` may be a learned cue, and as a noun (`Some(true)`) or as a verb: a common
/// noun, a verb other than a modal, or a predicative adjective ("is critical of", "was
/// confident that"), which reads as a verb: its subject through the copula, its complement
/// its own.
fn word_kind(tree: &Tree, i: usize) -> Option<bool> {
    let noun = matches!(tree.tag(i), Tag::NN | Tag::NNS);
    let verb = tree.is_verb(i) && tree.tag(i) != Tag::MD || tree.is_predicative(i);
    (noun || verb).then_some(noun)
}

/// The learned cues of a sentence: the candidates the model takes, added to `found.cues` in
/// text order.
pub fn add_cues(
    rules: &RuleSet,
    model: &Model,
    tree: &Tree,
    words: &Words,
    text: &str,
    quotes: &[Quote],
    found: &mut Found,
) {
    let hits: Vec<CueHit> = {
        let structure = Structure { words, found, tree };
        let taken: Vec<Candidate> = candidates(rules, &structure, text, quotes, Some(model))
            .into_iter()
            .filter(|c| model.decide_written(&c.features))
            .collect();
        let spans: Vec<Span> = taken.iter().map(|c| c.hit.span).collect();
        taken.into_iter().filter(|c| !yields(c.yields_to, &spans)).map(|c| c.hit).collect()
    };
    if hits.is_empty() {
        return;
    }
    // A listed noun a learned cue holds as its object is that cue's ("issued a statement").
    found.cues.retain(|c| !hits.iter().any(|h| h.span.contains(c.span)));
    found.cues.extend(hits);
    found.cues.sort_by_key(|c| c.span.start);
}

/// The words of the cue whose head is `i`: a verb with the auxiliaries, negation and adverbs
/// right before it that hang on it ("has repeatedly proposed", "did not support") and its
/// particle and preposition right after, as PolNeAR writes a cue; a noun alone.
fn cue_words(tree: &Tree, i: usize, noun: bool) -> std::ops::Range<usize> {
    let mut from = i;
    while !noun
        && let Some(k) = from.checked_sub(1)
        && tree.head(k) == Some(i)
        && matches!(tree.dep(k), Dep::Aux | Dep::Auxpass | Dep::Neg | Dep::Advmod)
    {
        from = k;
    }
    // An adverb opens no cue ("Today, officials …" aside): the span starts at a verb word.
    while from < i && tree.dep(from) == Dep::Advmod {
        from += 1;
    }
    // Its particle, adverbs and the preposition right after ("shot back", "fired back at",
    // "spoke favorably of"): PolNeAR's cue holds them.
    let mut to = i + 1;
    while !noun && to < tree.len() {
        // On the verb, or on one of its adverbs ("spoke warmly of").
        let on_cue = tree.head(to).is_some_and(|h| h == i || (i < h && h < to));
        match tree.dep(to) {
            Dep::Prt | Dep::Advmod if tree.head(to) == Some(i) => to += 1,
            Dep::Prep if on_cue => return from..to + 1,
            _ => break,
        }
    }
    // Adverbs that lead to nothing stay out ("said firmly").
    while to > i + 1 && tree.dep(to - 1) == Dep::Advmod {
        to -= 1;
    }
    from..to
}

/// The words of learned verb cue `i` (`words`, from [`cue_words`]), run on over its object
/// when the object is a listed noun cue ("made no *mention* of", "issued a *statement*",
/// "took *issue* with"; [`with_object`]) and the longer words hold no other cue, name or
/// quotation: PolNeAR writes such a cue whole, and the verb alone fails the strict match.
/// PolNeAR train: strict matches 12,973 -> 12,991 with the same overlap matches. A noun no
/// list holds stays out ("proposed a *tax* on", "wants a *switch* to": PolNeAR's cue is the
/// verb; run on over any common noun, strict matches fell to 12,794).
fn verb_span(structure: &Structure, quotes: &[Quote], i: usize, words: std::ops::Range<usize>) -> Span {
    let (tree, found) = (structure.tree, structure.found);
    let listed = |o: usize| found.cues.iter().any(|c| c.span.overlaps(tree.span(o..o + 1)));
    let Some((long, o)) = with_object(tree, words.clone(), i, listed) else { return tree.span(words) };
    let (long, object) = (tree.span(long), tree.span(o..o + 1));
    let other = found.cues.iter().any(|c| c.span.overlaps(long) && !object.contains(c.span))
        || found.mentions.iter().any(|m| m.span.overlaps(long))
        || quotes.iter().any(|q| q.span.overlaps(long));
    if other { tree.span(words) } else { long }
}

/// The cue words `words` of verb `i` run on over its object, a common noun right after them
/// of which `listed` holds, and the preposition right after that noun which hangs on it; with
/// the object's word. `None` when the verb has no such object.
fn with_object(
    tree: &Tree,
    words: std::ops::Range<usize>,
    i: usize,
    listed: impl Fn(usize) -> bool,
) -> Option<(std::ops::Range<usize>, usize)> {
    let o = tree.children_with(i, &[Dep::Dobj]).next().filter(|&o| o >= words.end)?;
    // The words between are the object's own ("no", "a", "direct").
    let phrase = (words.end..o).all(|k| tree.head(k) == Some(o));
    if !phrase || !matches!(tree.tag(o), Tag::NN | Tag::NNS) || !listed(o) {
        return None;
    }
    let prep = o + 1 < tree.len() && tree.head(o + 1) == Some(o) && tree.dep(o + 1) == Dep::Prep;
    Some((words.start..o + 1 + usize::from(prep), o))
}

/// Features of what the candidate's clause holds: a listed cue under it ("*used* his speech to
/// call for": the listed cue reports, not the word), how many listed cues the sentence has, and
/// of its content: a quotation in it, the modal of its verb ("hopes that he *will*"), its
/// length.
fn clause_features(out: &mut Features, structure: &Structure, text: &str, i: usize, reading: &Reading) {
    let (tree, found) = (structure.tree, structure.found);
    let below = tree.span(tree.clause(i));
    let over = found.cues.iter().any(|c| below.contains(c.span) && !c.span.overlaps(tree.span(i..i + 1)));
    out.push(&["over_cue=", flag(over)]);
    out.push(&["cues=", ["0", "1", "2+"][found.cues.len().min(2)]]);
    // A copula's predicative adjective and what it takes ("were *hopeful* that", "are
    // *mindful* of", "was *clear* about"): the attitude is the adjective's, the copula the
    // candidate that carries the subject.
    if let Some(a) = tree.children_with(i, &[Dep::Acomp]).next() {
        out.push(&["ac=", stem(structure.words.word(a))]);
        for c in tree.children(a) {
            match tree.dep(c) {
                Dep::Prep => out.push(&["acp=", structure.words.word(c)]),
                d @ (Dep::Ccomp | Dep::Xcomp) => out.push(&["acc=", d.as_str()]),
                _ => {}
            }
        }
    }
    let Some(content) = reading.content else { return };
    let words = tree.words_in(content);
    out.push(&["cq=", flag(content.text(text).contains(['"', '\u{201c}', '\u{201d}']))]);
    let length = match words.len() {
        0 => "0",
        1..=3 => "1-3",
        4..=8 => "4-8",
        _ => "9+",
    };
    out.push(&["clen=", length]);
    if let Some(h) = tree.head_of(words) {
        let modal = tree.children_with(h, &[Dep::Aux]).find(|&a| tree.tag(a) == Tag::MD);
        out.push(&["cm=", modal.map_or("", |m| structure.words.word(m))]);
    }
}

/// Whether a listed cue of the sentence governs word `i` (a few steps up the parse).
fn under_cue(tree: &Tree, found: &Found, i: usize) -> bool {
    let mut at = i;
    for _ in 0..6 {
        let Some(h) = tree.head(at) else { return false };
        let span = tree.span(h..h + 1);
        if found.cues.iter().any(|c| c.span.overlaps(span)) {
            return true;
        }
        at = h;
    }
    false
}

pub(super) use crate::cue_model::stem;

/// Whether `sentence` opens with a speaker's label: one to three capitalised words and a
/// colon ("A: …", "FALLIN: …", "Mr. Smith: …").
fn speaker_label(sentence: &str) -> bool {
    let Some((label, _)) = sentence.split_once(": ") else { return false };
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase()) && w.chars().all(|c| c.is_alphabetic() || c == '.')
        })
}

/// The kind of a reading's speaker.
fn speaker_kind(r: &Reading) -> &'static str {
    match r.speaker {
        SpeakerRef::Mention(_) => "mention",
        SpeakerRef::Ref(_) => "ref",
        SpeakerRef::Phrase(p) => match p.kind {
            PhraseKind::Named => "named",
            PhraseKind::Description => "description",
            PhraseKind::Pronoun => "pronoun",
        },
        SpeakerRef::Shared => "shared",
    }
}

fn speaker_span(r: &Reading) -> Option<Span> {
    match r.speaker {
        SpeakerRef::Mention(m) => Some(m.span),
        SpeakerRef::Ref(x) => Some(x.span),
        SpeakerRef::Phrase(p) => Some(p.head),
        SpeakerRef::Shared => None,
    }
}

/// The speaker's words as the engine reports them (for scoring a candidate at training time).
pub fn speaker_of(r: &Reading) -> Option<Span> {
    match r.speaker {
        SpeakerRef::Phrase(p) => Some(p.span),
        _ => speaker_span(r),
    }
}

/// Room a candidate's features get at once, in features and in bytes of their text (the
/// core features, a part of them, get half): grown from nothing, they took about twenty
/// reallocations per candidate (4,020 candidates on FA-KES).
const FEATURES: usize = 96;
const FEATURE_BYTES: usize = 2048;

/// The features of word `i` read as `reading`: the word's tag and relations, its head's,
/// its dependents' relations (a clause, an object, a `that`), its speaker's kind and tag,
/// quotation marks around, and the word form and stem crossed with the main ones.
pub fn features(tree: &Tree, words: &Words, text: &str, i: usize, reading: &Reading) -> Features {
    let form = words.word(i);
    let st = stem(form);
    let (tag, dep) = (tree.tag(i).as_str(), tree.dep(i).as_str());
    let core = core_features(tree, words, text, i, reading);
    let mut deps: Vec<&str> = tree.children(i).map(|c| tree.dep(c).as_str()).collect();
    deps.sort_unstable();
    deps.dedup();
    let clause = deps.iter().any(|d| matches!(*d, "ccomp" | "xcomp" | "parataxis"));
    let mut out = Features::with_capacity(FEATURES, FEATURE_BYTES);
    out.push(&["bias"]);
    out.push(&["w=", form]);
    out.push(&["l=", st]);
    out.push(&["l=", st, "|clause=", flag(clause)]);
    out.push(&["l=", st, "|", tag]);
    out.push(&["l=", st, "|s=", speaker_kind(reading)]);
    out.push(&["l=", st, "|content=", flag(reading.content.is_some())]);
    for d in &deps {
        out.push(&["l=", st, "|c=", d]);
    }
    // The word crossed with its relation and what it takes: a preposition ("warned of",
    // "called for"), a complementiser, an object.
    out.push(&["l=", st, "|d=", dep]);
    for c in core.iter() {
        if ["prep=", "mark=", "obj=", "ow=", "side="].iter().any(|p| c.starts_with(p)) {
            out.push(&["l=", st, "|", c]);
        }
    }
    out.append(&core);
    out
}

/// A flag as features write it (as `format!("{b}")` does).
fn flag(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// The features of word `i` that do not name it: its tag and relations, its head's, its
/// dependents' relations, its speaker's kind and tag, quotation marks around, its place.
fn core_features(tree: &Tree, words: &Words, text: &str, i: usize, reading: &Reading) -> Features {
    let (tag, dep) = (tree.tag(i).as_str(), tree.dep(i).as_str());
    let mut core = Features::with_capacity(FEATURES / 2, FEATURE_BYTES / 2);
    core.push(&["t=", tag]);
    core.push(&["d=", dep]);
    core.push(&["td=", tag, "|", dep]);
    core.push(&["s=", speaker_kind(reading)]);
    core.push(&["ts=", tag, "|", speaker_kind(reading)]);
    core.push(&["lay=", reading.layout]);
    core.push(&["content=", flag(reading.content.is_some())]);
    if let Some(h) = tree.head(i) {
        core.push(&["h=", tree.tag(h).as_str(), "|", tree.dep(h).as_str()]);
    }
    let mut deps: Vec<&str> = Vec::new();
    for c in tree.children(i) {
        let d = tree.dep(c);
        deps.push(d.as_str());
        match d {
            Dep::Prep => core.push(&["prep=", words.word(c)]),
            Dep::Aux | Dep::Neg => core.push(&["aux=", words.word(c)]),
            Dep::Dobj => {
                core.push(&["obj=", tree.tag(c).as_str()]);
                // What is done: "released a *statement*", "made no *mention*", not "released
                // the *prisoners*".
                core.push(&["ow=", stem(words.word(c))]);
            }
            Dep::Ccomp => {
                let mark = tree.children_with(c, &[Dep::Mark]).next().map_or("", |m| words.word(m));
                core.push(&["mark=", mark]);
                let subject = tree.children_with(c, &[Dep::Nsubj, Dep::Nsubjpass]).next().is_some();
                core.push(&["csubj=", flag(subject)]);
            }
            _ => {}
        }
    }
    deps.sort_unstable();
    deps.dedup();
    let clause = deps.iter().any(|d| matches!(*d, "ccomp" | "xcomp" | "parataxis"));
    for d in &deps {
        core.push(&["c=", d]);
    }
    core.push(&["clause=", flag(clause), "|", tag]);
    if let Some(s) = speaker_span(reading) {
        let w = tree.head_of(tree.words_in(s)).unwrap_or(i);
        let stag = tree.tag(w);
        core.push(&["st=", stag.as_str()]);
        if !matches!(stag, Tag::NNP | Tag::NNPS) {
            core.push(&["sw=", words.word(w)]);
        }
        core.push(&["side=", if s.start < tree.span(i..i + 1).start { "before" } else { "after" }]);
    }
    let sentence = tree.span(0..tree.len()).text(text);
    core.push(&["quote=", flag(sentence.contains(['"', '“', '”']))]);
    // A transcript's turn ("A: …", "FALLIN: I think …"): someone's words, not a report.
    core.push(&["turn=", flag(speaker_label(sentence))]);
    // A headline in title case ("Trump Says …") or the sentence's first word.
    let capital = tree.span(i..i + 1).text(text).starts_with(|c: char| c.is_uppercase());
    core.push(&[
        "cap=",
        if i == 0 {
            "first"
        } else if capital {
            "yes"
        } else {
            "no"
        },
    ]);
    if let Some(x) = tree.children_with(i, &[Dep::Xcomp]).next() {
        core.push(&["x=", stem(words.word(x))]);
    }
    let prev = i.checked_sub(1).map_or("", |p| words.word(p));
    core.push(&["prev=", if prev.chars().all(char::is_alphanumeric) { "word" } else { prev }]);
    core
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features of the verb `word` in `text` read as a learned verb cue, with the phrase
    /// `name` a pack mention.
    fn verb_features(text: &str, word: &str, name: &str) -> Option<Vec<String>> {
        use super::super::sentence::Mention;
        let words = Words::new(text, Span::new(0, text.len()));
        let tree = Tree::new(text, &words);
        let at = |w: &str| text.find(w).map(|s| Span::new(s, s + w.len()));
        let mentions = at(name).map(|span| Mention { span, actor: 0, via: crate::lexicon::Via::Alias });
        let found = Found { mentions: mentions.into_iter().collect(), ..Found::default() };
        let structure = Structure { words: &words, found: &found, tree: &tree };
        let span = at(word)?;
        let i = tree.word_at(span.start)?;
        let hit = CueHit { span: tree.span(cue_words(&tree, i, false)), cue: 0, negation: None, passive: false };
        let reading = structure.verb(&hit)?;
        Some(features(&tree, &words, text, i, &reading).to_strings())
    }

    /// The written features are the model's keys: the snapshot holds them, in order, for
    /// sentences of each shape (they were checked against one `format!` per feature when
    /// [`Features`] replaced it), and they score as their strings do, to the bit.
    #[test]
    fn written_features_keep_their_strings_and_score_the_same_bits() {
        let model = Model::embedded();
        let cases = [
            ("Ada Holm hopes that the ferry will keep running.", "hopes"),
            ("She has not hoped for much.", "hoped"),
            ("Ada Holm is confident that the ferry will run.", "confident"),
            ("\"We will fight,\" Ada Holm warned of the fees on Tuesday.", "warned"),
            ("FALLIN: Ada Holm wants to stop the ferry.", "wants"),
            ("Ada Holm Vows To Keep The Ferry Running", "Vows"),
        ];
        let mut written_out = Vec::new();
        for (text, word) in cases {
            let words = Words::new(text, Span::new(0, text.len()));
            let tree = Tree::new(text, &words);
            let found = Found::default();
            let structure = Structure { words: &words, found: &found, tree: &tree };
            let i = text.find(word).and_then(|s| tree.word_at(s)).unwrap_or(0);
            let hit = CueHit { span: tree.span(cue_words(&tree, i, false)), cue: 0, negation: None, passive: false };
            let Some(reading) = structure.verb(&hit) else { continue };
            let written = features(&tree, &words, text, i, &reading);
            let strings = written.to_strings();
            let (a, b) = (model.score_written(written.iter()), model.score(&strings));
            assert_eq!(a.to_bits(), b.to_bits(), "{text}");
            written_out.push(format!("{text}\n  {}", strings.join("\n  ")));
        }
        assert!(written_out.len() >= 4, "only {} of the sentences gave a reading", written_out.len());
        insta::assert_snapshot!(written_out.join("\n\n"));
    }

    #[test]
    fn features_describe_the_clause_and_the_speaker() {
        let f = verb_features("Ada Holm hopes that the ferry will keep running.", "hopes", "Ada Holm");
        let f = f.unwrap_or_default();
        for want in ["bias", "w=hopes", "l=hop", "t=VBZ", "s=mention", "c=ccomp", "mark=that", "content=true"] {
            assert!(f.iter().any(|x| x == want), "no `{want}` in {f:?}");
        }
        assert!(f.iter().any(|x| x == "clause=true|VBZ"), "{f:?}");
        // Without a clause: no complement, no content; a pronoun subject is read as such.
        let f = verb_features("She has not hoped for much.", "hoped", "Ada Holm").unwrap_or_default();
        assert!(f.iter().any(|x| x == "clause=false|VBN"), "{f:?}");
        assert!(f.iter().any(|x| x == "aux=has") && f.iter().any(|x| x == "aux=not"), "{f:?}");
        assert!(!f.iter().any(|x| x == "c=ccomp"), "{f:?}");
        assert!(f.iter().any(|x| x == "sw=she"), "{f:?}");
    }

    /// `read` given the parse of `text` with the listed cues `listed`, and the word of `verb`.
    fn with_verb<R>(text: &str, verb: &str, listed: &[&str], read: impl FnOnce(&Structure<'_>, usize) -> R) -> R {
        let words = Words::new(text, Span::new(0, text.len()));
        let tree = Tree::new(text, &words);
        let at = |w: &str| text.find(w).map(|s| Span::new(s, s + w.len()));
        let cues =
            listed.iter().filter_map(|w| at(w)).map(|span| CueHit { span, cue: 0, negation: None, passive: false });
        let found = Found { cues: cues.collect(), ..Found::default() };
        let structure = Structure { words: &words, found: &found, tree: &tree };
        let i = text.find(verb).and_then(|s| tree.word_at(s)).unwrap_or(0);
        read(&structure, i)
    }

    /// The clause features of the verb `verb` in `text`, with the listed cues `listed`.
    fn clause_of(text: &str, verb: &str, listed: &[&str]) -> Vec<String> {
        with_verb(text, verb, listed, |structure, i| {
            let tree = structure.tree;
            let hit = CueHit { span: tree.span(cue_words(tree, i, false)), cue: 0, negation: None, passive: false };
            let mut out = Features::default();
            if let Some(reading) = structure.verb(&hit) {
                clause_features(&mut out, structure, text, i, &reading);
            }
            out.to_strings()
        })
    }

    #[test]
    fn clause_features_read_what_the_clause_holds() {
        // A listed cue under the word reports; the word itself does not.
        let f = clause_of("The mayor used her speech to call for lower ferry fees.", "used", &["call"]);
        assert!(f.iter().any(|x| x == "over_cue=true") && f.iter().any(|x| x == "cues=1"), "{f:?}");
        let f = clause_of("Ada Holm hopes that the ferry would keep running all winter.", "hopes", &[]);
        for want in ["over_cue=false", "cues=0", "cq=false", "clen=4-8", "cm=would"] {
            assert!(f.iter().any(|x| x == want), "no `{want}` in {f:?}");
        }
        let f = clause_of("Ada Holm hopes that \"the ferry runs\".", "hopes", &[]);
        assert!(f.iter().any(|x| x == "cq=true") && f.iter().any(|x| x == "cm="), "{f:?}");
        // A copula reads its predicative adjective and what that takes.
        let f = clause_of("The harbour staff were hopeful about the new ferry.", "were", &[]);
        assert!(f.iter().any(|x| x == "ac=hopeful") && f.iter().any(|x| x == "acp=about"), "{f:?}");
        let f = clause_of("The mayor was confident that the ferry would run.", "was", &[]);
        assert!(f.iter().any(|x| x == "ac=confident") && f.iter().any(|x| x == "acc=ccomp"), "{f:?}");
        let f = clause_of("Ada Holm hopes that the ferry would keep running all winter.", "hopes", &[]);
        assert!(!f.iter().any(|x| x.starts_with("ac")), "{f:?}");
    }

    #[test]
    fn a_cue_takes_its_auxiliaries_and_particle() {
        let text = "The mayor has not backed down on the fees.";
        let words = Words::new(text, Span::new(0, text.len()));
        let tree = Tree::new(text, &words);
        let i = text.find("backed").and_then(|s| tree.word_at(s)).unwrap_or(0);
        assert_eq!(tree.span(cue_words(&tree, i, false)).text(text), "has not backed down on");
        assert_eq!(tree.span(cue_words(&tree, i, true)).text(text), "backed");
    }

    /// The words of the learned verb cue `verb` in `text`, with the listed cues `listed`.
    fn verb_cue_of(text: &str, verb: &str, listed: &[&str]) -> String {
        with_verb(text, verb, listed, |structure, i| {
            verb_span(structure, &[], i, cue_words(structure.tree, i, false)).text(text).to_owned()
        })
    }

    #[test]
    fn a_listed_noun_as_object_joins_the_verb_cue() {
        let text = "The mayor issued a statement on the ferry fees.";
        assert_eq!(verb_cue_of(text, "issued", &["statement"]), "issued a statement on");
        // A noun no list holds is what is done, not how it is said.
        assert_eq!(verb_cue_of(text, "issued", &[]), "issued");
        assert_eq!(verb_cue_of("The mayor proposed a tax on the ferry fees.", "proposed", &[]), "proposed");
        // Another cue inside the longer words keeps the verb alone.
        assert_eq!(verb_cue_of(text, "issued", &["statement", "fees"]), "issued a statement on");
        assert_eq!(verb_cue_of(text, "issued", &["statement", "on"]), "issued");
    }

    /// The cue words of the verb `verb` in `text`.
    fn cue_of(text: &str, verb: &str) -> String {
        let words = Words::new(text, Span::new(0, text.len()));
        let tree = Tree::new(text, &words);
        let i = text.find(verb).and_then(|s| tree.word_at(s)).unwrap_or(0);
        tree.span(cue_words(&tree, i, false)).text(text).to_owned()
    }

    #[test]
    fn adverbs_before_a_preposition_join_the_cue() {
        // The object is what was proposed: the verb alone, not the preposition of its object.
        assert_eq!(cue_of("The mayor proposed a tax on the ferry fees.", "proposed"), "proposed");
        // Adverbs before a preposition belong to the cue, at the end they do not.
        assert_eq!(cue_of("The harbour master spoke warmly of the new ferry.", "spoke"), "spoke warmly of");
        assert_eq!(cue_of("The harbour master smiled broadly.", "smiled"), "smiled");
    }

    #[test]
    fn predicative_adjectives_are_candidates_read_as_verbs() {
        let kind = |text: &str, word: &str| {
            let words = Words::new(text, Span::new(0, text.len()));
            let tree = Tree::new(text, &words);
            text.find(word).and_then(|s| tree.word_at(s)).and_then(|i| word_kind(&tree, i))
        };
        assert_eq!(kind("The harbour master was critical of the new timetable.", "critical"), Some(false));
        // An adjective before its noun reports nothing.
        assert_eq!(kind("A critical report on the timetable came out.", "critical"), None);
        let f = verb_features("Ada Holm is confident that the ferry will run.", "confident", "Ada Holm");
        let f = f.unwrap_or_default();
        assert!(f.iter().any(|x| x == "s=mention") && f.iter().any(|x| x == "c=ccomp"), "{f:?}");
    }

    /// The reading of the noun `word` in `text` as a learned noun: (speaker, content, layout).
    fn noun_of(text: &str, word: &str) -> Option<(String, String, &'static str)> {
        let words = Words::new(text, Span::new(0, text.len()));
        let tree = Tree::new(text, &words);
        let found = Found::default();
        let structure = Structure { words: &words, found: &found, tree: &tree };
        let i = text.find(word).and_then(|s| tree.word_at(s))?;
        let hit = CueHit { span: tree.span(i..i + 1), cue: 0, negation: None, passive: false };
        let r = noun_reading(&structure, &hit)?;
        let speaker = speaker_of(&r).map_or(String::new(), |s| s.text(text).to_owned());
        Some((speaker, r.content.map_or(String::new(), |c| c.text(text).to_owned()), r.layout))
    }

    #[test]
    fn owned_nouns_without_a_clause_are_read_with_their_owner() {
        let (speaker, content, layout) =
            noun_of("The mayor's criticism of the ferry fees grew louder.", "criticism").unwrap_or_default();
        assert!(speaker.contains("mayor"), "{speaker}");
        assert_eq!((content.as_str(), layout), ("the ferry fees", "X's support for C (parse)"));
        let (speaker, _, layout) =
            noun_of("Sharp criticism from the harbour master followed the vote.", "criticism").unwrap_or_default();
        assert!(speaker.contains("harbour master") && layout == "X's support for C (parse)", "{speaker} {layout}");
        // A clause it says keeps the listed nouns' reading; no owner, no reading.
        let (_, content, layout) =
            noun_of("The mayor's claim that the fees will fall surprised nobody.", "claim").unwrap_or_default();
        assert!(content.starts_with("the fees will fall") && layout == "X's statement that C (parse)", "{layout}");
        assert_eq!(noun_of("Criticism of the ferry fees grew louder.", "Criticism"), None);
    }

    #[test]
    fn transcript_turns_are_told_from_reports() {
        assert!(speaker_label("FALLIN: I think he is trying."));
        assert!(speaker_label("Mr. Holm: We want the ferry."));
        // A colon inside a report is no turn.
        assert!(!speaker_label("The mayor said one thing: the ferry will run."));
        assert!(!speaker_label("Ada Holm hopes that the ferry will keep running."));
    }

    #[test]
    fn auxiliaries_open_no_gate() {
        let model = Model::parse("threshold\t0\nv\twere\nv\thas\nv\twants\n");
        let gate_of = |text: &str| gate(&model, text, Span::new(0, text.len()));
        assert!(!gate_of("The ferries were late and the harbour has closed."));
        assert!(gate_of("The mayor wants the ferries back."));
        // A form of the vocabulary that is no auxiliary still opens it, whatever its case.
        assert!(gate_of("WANTS: a ferry."));
    }

    #[test]
    fn stems_undo_inflection() {
        assert_eq!(stem("hoped"), "hop");
        assert_eq!(stem("hopes"), "hop");
        assert_eq!(stem("hoping"), "hop");
        assert_eq!(stem("wants"), "want");
        assert_eq!(stem("saw"), "saw");
        assert_eq!(stem("sees"), "sees");
    }
}
