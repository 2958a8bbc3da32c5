//! The dependency parse of one sentence, in the engine's own word indices.
//!
//! Pass one parses each sentence that carries a trigger (a reporting cue; later, in
//! [`super::Run::complete`], a quote, a term or a frame trigger) exactly once and keeps the
//! [`Tree`] with the sentence's analysis. The parser reads the sentence's tokens as
//! [`Words`] holds them, so word `i` of the tree *is* token `i` of `Words` (no mapping to keep
//! in step); byte offsets map to words with [`Tree::word_at`] and back with [`Tree::span`].
//!
//! The questions attribution asks of a clause are methods here (`subject_of`, `agent_of`,
//! `passive`, `conjuncts`, `clause`, `noun_phrase`); proposition roles (`roles.rs`) are pure
//! functions over the [`syntax::Parse`] it holds ([`Tree::parse`]).

use super::sentence::Words;
use super::words;
use parse::Span;
use std::ops::Range;
pub use syntax::{Dep, Tag};

/// A parsed sentence: tags, heads and relations over the tokens of its [`Words`].
#[derive(Clone, Debug)]
pub struct Tree {
    parse: syntax::Parse,
    /// Byte span of each word in the document text.
    spans: Vec<Span>,
    /// The words in lower case, one after another, for the closed classes a question names
    /// (prepositions): one string for the sentence, where a string per word was an
    /// allocation per word parsed.
    lower: String,
    /// Where each word ends in `lower`.
    lower_ends: Vec<usize>,
}

/// Relations that make a word the subject of its head.
const SUBJECTS: [Dep; 4] = [Dep::Nsubj, Dep::Nsubjpass, Dep::Csubj, Dep::Csubjpass];

/// Dependents that are not part of the noun phrase their head heads: clauses hanging on it,
/// appositions, coordinated phrases and punctuation around them.
const OUTSIDE_NP: [Dep; 9] =
    [Dep::Relcl, Dep::Acl, Dep::Appos, Dep::Conj, Dep::Cc, Dep::Punct, Dep::Advcl, Dep::Parataxis, Dep::Ccomp];

/// Prepositions of means or time whose gerund is done by the subject of the verb they hang
/// on ("began by saying", "left after telling").
fn is_means_or_time(word: &str) -> bool {
    matches!(word, "by" | "after" | "before" | "in" | "since" | "upon" | "while" | "when" | "on")
}

/// The dots inside a sentence that end a word, not the sentence ("Mr." of "Mr. Sanders",
/// "Sen.", "S." of "Mark S. Kirk", "D-Calif.)"): a dot written right after a word, not part
/// of an ellipsis, with a word or number still to come. The sentence splitter already judged
/// that the sentence goes on past it; the parser, which would take a lone dot for a sentence's
/// end and leave the name before it without its verb, does not read them.
fn inner_dots(toks: &[parse::token::Token], written: &[&str]) -> Vec<bool> {
    use parse::token::TokenKind;
    let last_word = toks.iter().rposition(|t| t.kind != TokenKind::Punct);
    (0..toks.len())
        .map(|i| {
            let glued = i > 0 && toks[i - 1].kind == TokenKind::Word && toks[i - 1].span.end == toks[i].span.start;
            let ellipsis = written.get(i + 1) == Some(&".") || (i > 0 && written[i - 1] == ".");
            written[i] == "." && glued && !ellipsis && last_word.is_some_and(|l| l > i)
        })
        .collect()
}

/// Words a title-case headline capitalises that running text writes in lower case: articles,
/// prepositions, conjunctions, pronouns, auxiliaries and modals.
fn is_headline_lower(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "about"
            | "over"
            | "into"
            | "after"
            | "before"
            | "as"
            | "against"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "not"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "you"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "who"
            | "that"
            | "this"
            | "just"
            | "now"
    )
}

/// The words of a headline in title case ("Pence Endorses Paul Ryan With Trump's Blessing")
/// that the parser reads in lower case, as running text writes them: its cues and its
/// closed-class words, after the first word. The model, trained on running text, reads a
/// capitalised verb as a name and leaves the headline without a verb; the names stay as
/// written. Empty for a sentence not in title case ([`Words::is_title_case`]).
fn headline_case(text: &str, words: &Words, cues: &[Span]) -> Vec<Option<String>> {
    let toks = &words.toks;
    if !words.is_title_case(text) {
        return Vec::new();
    }
    let mut out = vec![None; toks.len()];
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    for (i, t) in toks.iter().enumerate().skip(1).filter(|(_, t)| t.kind == parse::token::TokenKind::Word) {
        let written = t.span.text(text);
        let cue = cues.iter().any(|c| c.start <= t.span.start && t.span.end <= c.end);
        if capital(written) && (cue || is_headline_lower(words.word(i))) {
            out[i] = Some(written.to_lowercase());
        }
    }
    out
}

/// Most parses a thread remembers; past it the memory starts again (about 1 KB a parse).
const REMEMBERED: usize = 4096;

thread_local! {
    /// The parses this thread made, by what the parser read ([`parse_key`]).
    static PARSES: std::cell::RefCell<std::collections::HashMap<Vec<u8>, syntax::Parse>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// What the parser reads of a sentence, as bytes: each word followed by 0xFF (never in
/// UTF-8), then which words are hidden.
fn parse_key(read: &[&str], hidden: &[bool]) -> Vec<u8> {
    let mut key = Vec::with_capacity(read.iter().map(|w| w.len() + 1).sum::<usize>() + hidden.len());
    for w in read {
        key.extend_from_slice(w.as_bytes());
        key.push(0xFF);
    }
    key.extend(hidden.iter().map(|&h| u8::from(h)));
    key
}

/// The parse of `read` with `hidden` left out, remembered by the thread: the same sentence
/// written again (wire copy in several outlets, an outlet's boilerplate, a story published
/// twice; about a tenth of FA-KES's sentences) is parsed once. The parser is a function
/// of what it reads, so the parse and the output are the same whether it is remembered or
/// not, and whatever thread reads the sentence first.
fn parse_remembered(read: &[&str], hidden: &[bool]) -> syntax::Parse {
    let key = parse_key(read, hidden);
    if let Some(parse) = PARSES.with_borrow(|m| m.get(&key).cloned()) {
        return parse;
    }
    let parse = syntax::parser().parse_hiding(read, hidden);
    PARSES.with_borrow_mut(|m| {
        if m.len() >= REMEMBERED {
            m.clear();
        }
        m.insert(key, parse.clone());
    });
    parse
}

impl Tree {
    /// Parses the tokens of `words` (read from `text`, the text `words` was made from).
    pub fn new(text: &str, words: &Words) -> Tree {
        Tree::with_cues(text, words, &[])
    }

    /// Parses as [`Tree::new`] does, knowing where the sentence's cues are: in a headline
    /// written in title case, the parser reads them in lower case (see [`headline_case`]).
    pub fn with_cues(text: &str, words: &Words, cues: &[Span]) -> Tree {
        let spans: Vec<Span> = words.toks.iter().map(|t| t.span).collect();
        let written: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        let hidden = inner_dots(&words.toks, &written);
        let lowered = headline_case(text, words, cues);
        let read: Vec<&str> = match lowered.is_empty() {
            true => written.clone(),
            false => written.iter().zip(&lowered).map(|(w, l)| l.as_deref().unwrap_or(w)).collect(),
        };
        let parse = parse_remembered(&read, &hidden);
        let mut lower = String::with_capacity(written.iter().map(|w| w.len()).sum());
        let mut lower_ends = Vec::with_capacity(written.len());
        for w in &written {
            words::push_lowercase(&mut lower, w);
            lower_ends.push(lower.len());
        }
        Tree { parse, spans, lower, lower_ends }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The underlying parse (indices are word indices).
    pub fn parse(&self) -> &syntax::Parse {
        &self.parse
    }

    /// The word whose bytes hold `offset`, if any.
    pub fn word_at(&self, offset: usize) -> Option<usize> {
        let i = self.spans.partition_point(|s| s.end <= offset);
        self.spans.get(i).filter(|s| s.start <= offset).map(|_| i)
    }

    /// The words lying wholly inside `span`.
    pub fn words_in(&self, span: Span) -> Range<usize> {
        let from = self.spans.partition_point(|s| s.start < span.start);
        let to = self.spans.partition_point(|s| s.end <= span.end).max(from);
        from..to
    }

    /// The bytes from the first to the last word of `words` (empty at the sentence's end when
    /// `words` is empty or out of range).
    pub fn span(&self, words: Range<usize>) -> Span {
        let end = words.end.min(self.len());
        match (self.spans.get(words.start), end.checked_sub(1).and_then(|e| self.spans.get(e))) {
            (Some(first), Some(last)) if words.start < end => first.cover(*last),
            _ => self.spans.last().map_or(Span::default(), |s| Span::new(s.end, s.end)),
        }
    }

    /// Word `i` in lower case, or `""`.
    pub fn word(&self, i: usize) -> &str {
        let start = i.checked_sub(1).and_then(|p| self.lower_ends.get(p)).copied().unwrap_or(0);
        self.lower_ends.get(i).and_then(|&end| self.lower.get(start..end)).unwrap_or("")
    }

    /// Part-of-speech tag of word `i`.
    pub fn tag(&self, i: usize) -> Tag {
        self.parse.tag(i)
    }

    /// Head of word `i` (`None` for a root).
    pub fn head(&self, i: usize) -> Option<usize> {
        self.parse.head(i)
    }

    /// Relation of word `i` to its head.
    pub fn dep(&self, i: usize) -> Dep {
        self.parse.dep(i)
    }

    /// Dependents of word `i`, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.parse.children(i)
    }

    /// Dependents of word `i` in one of the relations `deps`, left to right.
    pub fn children_with<'t>(&'t self, i: usize, deps: &'t [Dep]) -> impl Iterator<Item = usize> + 't {
        self.parse.children(i).filter(move |&c| deps.contains(&self.parse.dep(c)))
    }

    /// The first dependent of `i` in relation `dep`.
    pub fn child(&self, i: usize, dep: Dep) -> Option<usize> {
        self.parse.children(i).find(|&c| self.parse.dep(c) == dep)
    }

    /// Whether word `i` is a verb (any VB* tag or a modal).
    pub fn is_verb(&self, i: usize) -> bool {
        matches!(self.tag(i), Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ | Tag::MD)
    }

    /// Whether word `i` is a noun or a proper noun.
    pub fn is_noun(&self, i: usize) -> bool {
        matches!(self.tag(i), Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// The subject of `verb`: its own `nsubj`/`nsubjpass`/`csubj`, else the subject it shares
    /// with the verb it is coordinated with ("denied it and said …") or, for an open
    /// complement or a participle clause, with the verb it hangs on ("vowed to respond",
    /// "…, saying …"). At most a few steps up; `None` when no clause gives one.
    pub fn subject_of(&self, verb: usize) -> Option<usize> {
        let mut at = verb;
        for _ in 0..5 {
            // Of two subjects (a misparse), the one nearer the verb.
            if let Some(s) = self.children_with(at, &SUBJECTS).min_by_key(|&s| s.abs_diff(at)) {
                return Some(s);
            }
            // "Judge Ann Holm, writing for the majority, said …", "Stuart Stevens, who
            // served …, called …": a subject the parse gave to the phrase set off before the
            // verb, or a verb it read as modifying the sentence's only noun.
            if at == verb
                && let Some(s) = self.subject_set_off(at)
            {
                return Some(s);
            }
            // "insisted that he had won, claiming …", "told the hosts, adding …": a comma
            // participle the parse hangs lower, or as an open complement, is its main verb's
            // subject's act.
            if let Some(main) = self.participle_main(at) {
                at = main;
                continue;
            }
            // "urged Washington to stop": the object of the verb an open complement hangs on
            // is its subject.
            if self.dep(at) == Dep::Xcomp
                && let Some(object) = self.head(at).and_then(|h| self.child(h, Dep::Dobj))
            {
                return Some(object);
            }
            let shares = match self.dep(at) {
                // "was quick to point out", "is critical of": a predicative adjective and
                // what hangs on it share the verb's subject.
                Dep::Conj | Dep::Xcomp | Dep::Acomp => true,
                // "…, saying …", "went on air to say …": a participle or infinitive clause
                // shares its main verb's subject.
                Dep::Advcl => self.tag(at) == Tag::VBG,
                // "began by saying", "after telling": a gerund after a preposition of means
                // or time on a verb shares that verb's subject ("praised Ann for saying" does
                // not: the one praised said it).
                Dep::Pcomp if self.tag(at) == Tag::VBG => {
                    let verb = self.head(at).filter(|&p| self.dep(p) == Dep::Prep && is_means_or_time(self.word(p)));
                    let verb = verb.and_then(|p| self.head(p));
                    at = verb.filter(|&v| self.is_verb(v))?;
                    continue;
                }
                _ => false,
            };
            at = self.head(at).filter(|_| shares)?;
        }
        None
    }

    /// The main verb of a participle clause set off by a comma ("X insisted that he had won,
    /// claiming …", "she talked up her "plan," promising …") that the parse hangs lower: on
    /// the last verb of the main verb's complement, or on its object. The writer's comma
    /// closes that complement or object; the participle is the main verb's subject's next
    /// act; one the parse makes the main verb's open complement ("said, ''…,'' adding that
    /// …") is its next act too, not what it says. `None` when the participle has a subject
    /// of its own or follows no comma.
    pub fn participle_main(&self, verb: usize) -> Option<usize> {
        // The comma, with any closing quotation marks after it (`it,'' adding`).
        let mut k = verb;
        while k > 0 && matches!(self.word(k - 1), "\"" | "'" | "''") {
            k -= 1;
        }
        let after_comma = k > 0 && self.word(k - 1) == ",";
        let clause = matches!(self.dep(verb), Dep::Advcl | Dep::Acl | Dep::Xcomp);
        if self.tag(verb) != Tag::VBG || !clause || !after_comma || self.has_own_subject(verb) {
            return None;
        }
        let mut at = self.head(verb)?;
        for _ in 0..4 {
            let Some(up) = self.head(at) else { break };
            let step = match self.dep(at) {
                Dep::Ccomp => self.is_verb(up),
                Dep::Dobj | Dep::Pobj | Dep::Prep => self.is_noun(at) || self.dep(at) == Dep::Prep,
                _ => false,
            };
            if !step {
                break;
            }
            at = up;
        }
        (self.is_verb(at) && at < verb).then_some(at)
    }

    /// The subject of a verb the parse leaves without one because of a phrase set off by
    /// commas between them: the subject of a participle clause before the verb that has a
    /// subject of its own and a comma after it ("Judge Ann Holm, writing for the majority,
    /// said …"), or, for a verb the parse hangs on the sentence's verbless root noun after a
    /// comma ("Stuart Stevens, who served …, called …"), that noun.
    fn subject_set_off(&self, verb: usize) -> Option<usize> {
        let comma_before = |k: usize| k.checked_sub(1).is_some_and(|p| self.word(p) == ",");
        let participle = self.children_with(verb, &[Dep::Advcl]).find_map(|c| {
            let clause = self.clause(c);
            let set_off = c < verb && matches!(self.tag(c), Tag::VBG | Tag::VBN) && self.word(clause.end) == ",";
            let s = self.children_with(c, &SUBJECTS).find(|&s| s < c)?;
            set_off.then_some(s)
        });
        if participle.is_some() {
            return participle;
        }
        let finite = matches!(self.tag(verb), Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VBN);
        // "Senator Ann Holm (D-Ore.) last week said …": a parse that leaves the verb a root of
        // its own, right after a verbless noun phrase it left a root too.
        if self.head(verb).is_none() {
            let from = self.clause(verb).start;
            let r = (0..from).rev().find(|&r| self.head(r).is_none())?;
            let phrase = self.clause(r);
            let verbless = !phrase.clone().any(|w| self.is_verb(w));
            return (finite && self.is_noun(r) && phrase.end == from && verbless).then_some(r);
        }
        let root = self.head(verb).filter(|&h| h < verb && self.dep(h) == Dep::Root && self.is_noun(h))?;
        (self.dep(verb) == Dep::Acl && finite && comma_before(verb)).then_some(root)
    }

    /// Whether word `i` is an adjective used as a predicate ("was critical of", "are
    /// worried about"): it has a subject through its verb, as a verb has.
    pub fn is_predicative(&self, i: usize) -> bool {
        matches!(self.tag(i), Tag::JJ | Tag::JJR | Tag::VBN) && self.dep(i) == Dep::Acomp
    }

    /// When `above` is a proper ancestor of `below`, its child on the path down to `below`
    /// (`below` itself when it hangs on `above` directly).
    pub fn child_towards(&self, above: usize, below: usize) -> Option<usize> {
        let mut at = below;
        for _ in 0..self.len() {
            match self.head(at) {
                Some(h) if h == above => return Some(at),
                Some(h) => at = h,
                None => return None,
            }
        }
        None
    }

    /// Whether `verb`'s subject is its own, not one it shares with another verb.
    pub fn has_own_subject(&self, verb: usize) -> bool {
        self.children_with(verb, &SUBJECTS).next().is_some()
    }

    /// The agent of a passive `verb`: the object of its `by` ("was condemned by the UN").
    pub fn agent_of(&self, verb: usize) -> Option<usize> {
        let by = self.child(verb, Dep::Agent)?;
        self.child(by, Dep::Pobj)
    }

    /// Whether `verb` is passive: it has a passive auxiliary or a passive subject, unless that
    /// subject is a pronoun with "'s" written on that is "has" ([`words::contracted_has`]: "he's
    /// said that …", which the parse reads as "he is said").
    pub fn passive(&self, verb: usize) -> bool {
        let has = verb
            .checked_sub(1)
            .is_some_and(|s| self.head(s) == Some(verb) && words::contracted_has(self.word(s), self.word(verb + 1)));
        !has && self.children(verb).any(|c| matches!(self.dep(c), Dep::Auxpass | Dep::Nsubjpass | Dep::Csubjpass))
    }

    /// `i` and the words coordinated with it ("Damascus and Moscow", "denied and said"), in
    /// text order: the first conjunct's `conj` chain, walked from whichever conjunct `i` is.
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut first = i;
        while self.dep(first) == Dep::Conj
            && let Some(h) = self.head(first)
        {
            first = h;
            if first == i {
                break;
            }
        }
        let mut out = vec![first];
        let mut k = 0;
        while let Some(&at) = out.get(k) {
            for c in self.children_with(at, &[Dep::Conj]) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// The words of the clause (or phrase) `i` heads: its whole subtree, contiguous.
    pub fn clause(&self, i: usize) -> Range<usize> {
        self.parse.subtree(i)
    }

    /// The noun phrase `head` heads: determiners, modifiers, compounds, possessors and
    /// prepositional phrases ("Edward Alden of the Council on Foreign Relations"), but not the
    /// relative clauses, appositions or coordinated phrases of any word in it. A possessor
    /// right before it that the parse hangs on a verb is its own: a verb owns nothing
    /// ("Harbour Master Ada Holm Condemns …", "Harbour" tagged a possessive pronoun).
    pub fn noun_phrase(&self, head: usize) -> Range<usize> {
        if head >= self.len() {
            return 0..0;
        }
        let mut range = head..head + 1;
        let mut stack = vec![head];
        while let Some(at) = stack.pop() {
            for c in self.children(at).filter(|&c| !OUTSIDE_NP.contains(&self.dep(c))) {
                range = range.start.min(c)..range.end.max(c + 1);
                stack.push(c);
            }
        }
        let stray = |p: usize| self.dep(p) == Dep::Poss && self.head(p).is_some_and(|h| self.is_verb(h));
        if let Some(p) = range.start.checked_sub(1).filter(|&p| stray(p)) {
            range.start = self.noun_phrase(p).start;
        }
        range
    }

    /// The word of `words` whose head lies outside them (the first such): the head of a
    /// phrase given as a range.
    pub fn head_of(&self, words: Range<usize>) -> Option<usize> {
        let inside = words.clone();
        words.into_iter().find(|&i| self.head(i).is_none_or(|h| !inside.contains(&h)))
    }

    /// The word a span of text hangs on: of the words inside it, the one whose head is
    /// outside ("said"; "according" of "according to"), else the word at its start.
    pub fn head_in(&self, span: Span) -> Option<usize> {
        let range = self.words_in(span);
        if range.is_empty() { self.word_at(span.start) } else { self.head_of(range) }
    }

    /// The nearest verb at or above word `i` (the predicate of the clause `i` is in).
    pub fn predicate(&self, i: usize) -> Option<usize> {
        let mut at = i;
        for _ in 0..=self.len() {
            if self.is_verb(at) {
                return Some(at);
            }
            at = self.head(at)?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> (Words, Tree) {
        let words = Words::new(text, Span::new(0, text.len()));
        let tree = Tree::new(text, &words);
        (words, tree)
    }

    /// Index of the first word written `w`.
    fn at(text: &str, words: &Words, w: &str) -> usize {
        words.toks.iter().position(|t| t.span.text(text) == w).unwrap_or_else(|| panic!("no `{w}` in {text}"))
    }

    fn written(text: &str, tree: &Tree, range: Range<usize>) -> String {
        tree.span(range).text(text).to_owned()
    }

    /// Each word read back in lower case is the word as written, lowered, ASCII or not,
    /// and past the last word there is none.
    #[test]
    fn each_word_reads_back_lowered() {
        let text = "Der Bürgermeister ÖFFNETE the U.N. office in İzmir, AP said.";
        let (words, tree) = tree(text);
        for (i, t) in words.toks.iter().enumerate() {
            assert_eq!(tree.word(i), words::lowercase(t.span.text(text)), "word {i}");
        }
        assert_eq!(tree.word(words.toks.len()), "");
    }

    /// A sentence written again (in another document, at another offset) is parsed once,
    /// and its parse is the parser's; a sentence differing in one word or in what is hidden
    /// is parsed afresh.
    #[test]
    fn a_sentence_written_again_is_parsed_once() {
        let remembered = || PARSES.with_borrow(|m| m.len());
        let first = "The ministry said the strike killed 12 people.";
        let (_, once) = tree(first);
        let after_first = remembered();
        let again = format!("Earlier text. {first}");
        let start = again.len() - first.len();
        let words = Words::new(&again, Span::new(start, again.len()));
        let twice = Tree::new(&again, &words);
        assert_eq!(remembered(), after_first, "the second reading is remembered, not parsed");
        assert_eq!(twice.parse(), once.parse());
        assert_eq!(twice.span(0..2).text(&again), "The ministry");
        let read: Vec<&str> = words.toks.iter().map(|t| t.span.text(&again)).collect();
        assert_eq!(*once.parse(), syntax::parser().parse_hiding(&read, &[]));
        tree("The ministry said the strike killed 13 people.");
        assert_eq!(remembered(), after_first + 1);
        let hidden = [false, true];
        let _ = parse_remembered(&read, &hidden);
        assert_eq!(remembered(), after_first + 2);
    }

    #[test]
    fn word_indices_are_token_indices_and_spans_map_back() {
        let text = "Lavrov's deputy said it wasn't true.";
        let (words, tree) = tree(text);
        assert_eq!(tree.len(), words.len());
        let said = at(text, &words, "said");
        assert_eq!(tree.word_at(words.toks[said].span.start + 2), Some(said));
        assert_eq!(tree.word_at(8), None, "a space belongs to no word");
        assert_eq!(tree.words_in(Span::new(0, 15)), 0..2);
        assert_eq!(written(text, &tree, 0..2), "Lavrov's deputy");
        assert_eq!(tree.span(9..9), Span::new(text.len(), text.len()));
    }

    #[test]
    fn a_comma_participle_hung_in_the_complement_is_the_main_verb_s() {
        let text = "Ola Berg insisted that the pier had \"reopened on time,\" claiming that the cranes were idle.";
        let (words, tree) = tree(text);
        let claiming = at(text, &words, "claiming");
        assert_eq!(tree.participle_main(claiming), Some(at(text, &words, "insisted")));
        let subject = tree.subject_of(claiming).unwrap_or_else(|| panic!("no subject"));
        assert_eq!(written(text, &tree, tree.noun_phrase(subject)), "Ola Berg");
        // After a quotation closed by two apostrophes, as some wire copy writes it.
        let text = "Ola Berg told the pilots, ''The pier is shut,'' adding that the cranes were idle.";
        let (words, parsed) = self::tree(text);
        let adding = at(text, &words, "adding");
        assert_eq!(parsed.participle_main(adding), Some(at(text, &words, "told")));
        let subject = parsed.subject_of(adding).unwrap_or_else(|| panic!("no subject"));
        assert_eq!(written(text, &parsed, parsed.noun_phrase(subject)), "Ola Berg");
        // A participle with a subject of its own is no one else's act.
        let text = "Ola Berg insisted that the pier had reopened, the cranes standing idle.";
        let (words, parsed) = self::tree(text);
        assert_eq!(parsed.participle_main(at(text, &words, "standing")), None);
    }

    #[test]
    fn a_subject_the_parse_gives_a_phrase_set_off_before_the_verb_is_the_verb_s() {
        let subject = |text: &str, verb: &str| {
            let (words, parsed) = tree(text);
            let s = parsed.subject_of(at(text, &words, verb))?;
            Some(parsed.word(s).to_owned())
        };
        // The parse makes "Holm" the subject of "writing".
        let text = "Judge Ann Holm, writing for the majority in the ruling, said the harbour fees were legal.";
        assert_eq!(subject(text, "said").as_deref(), Some("holm"));
        // The parse hangs "tweeted" on "Berg" as a participle, leaving the sentence no verb.
        let text = "Ola Berg, the 2012 Republican harbour nominee, tweeted in response: \"Not again.\"";
        assert_eq!(subject(text, "tweeted").as_deref(), Some("berg"));
        // A participle clause without its own subject lends none.
        let text = "Writing for the majority, the judge said the fees were legal.";
        assert_eq!(subject(text, "said").as_deref(), Some("judge"));
    }

    #[test]
    fn a_title_or_initial_dot_leaves_the_name_its_verb() {
        // Read as a sentence's end, "Dr." would cut the sentence in three.
        let text = "Dr. Nkem J. Okafor argued firmly that the levy came late.";
        let (words, tree) = tree(text);
        let argued = at(text, &words, "argued");
        let subject = tree.subject_of(argued).unwrap_or_else(|| panic!("no subject"));
        assert_eq!(written(text, &tree, tree.noun_phrase(subject)), "Dr. Nkem J. Okafor");
        let dot = at(text, &words, ".");
        assert_eq!((tree.dep(dot), tree.head(dot), tree.tag(dot)), (Dep::Punct, Some(dot - 1), Tag::Period));
        assert_eq!(tree.parse().roots().count(), 1);
    }

    #[test]
    fn a_dot_with_a_space_before_it_an_ellipsis_or_the_last_dot_is_read() {
        let text = "The pier is closed... for now, said the harbour master.";
        let words = Words::new(text, Span::new(0, text.len()));
        let written: Vec<&str> = words.toks.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(inner_dots(&words.toks, &written), vec![false; written.len()]);
        let text = "It rose to 4 . 5 percent in Jan. and fell.";
        let words = Words::new(text, Span::new(0, text.len()));
        let written: Vec<&str> = words.toks.iter().map(|t| t.span.text(text)).collect();
        let hidden: Vec<&str> =
            (0..written.len()).filter(|&i| inner_dots(&words.toks, &written)[i]).map(|i| written[i - 1]).collect();
        assert_eq!(hidden, vec!["Jan"]);
    }

    #[test]
    fn a_title_case_headline_is_read_with_its_cue_and_small_words_in_lower_case() {
        let text = "Harbour Master Ada Holm Condemns New Mooring Fees In Letter To Council";
        let words = Words::new(text, Span::new(0, text.len()));
        let condemns = at(text, &words, "Condemns");
        let tree = Tree::with_cues(text, &words, &[words.toks[condemns].span]);
        assert!(tree.is_verb(condemns), "{:?}", tree.tag(condemns));
        let subject = tree.subject_of(condemns).unwrap_or_else(|| panic!("no subject"));
        assert_eq!(written(text, &tree, tree.noun_phrase(subject)), "Harbour Master Ada Holm");
        // Running text keeps its capitals: only a title-case line is lowered.
        assert!(headline_case(text, &words, &[]).iter().any(Option::is_some));
        let text = "Ada Holm condemns the New Mooring Fees in a letter.";
        let words = Words::new(text, Span::new(0, text.len()));
        assert!(headline_case(text, &words, &[]).is_empty());
    }

    #[test]
    fn subject_agent_negation_and_passive() {
        let text = "The foreign minister did not say the strike was condemned by the United Nations.";
        let (words, tree) = tree(text);
        let say = at(text, &words, "say");
        let subject = tree.subject_of(say).unwrap_or_else(|| panic!("no subject"));
        assert_eq!(written(text, &tree, tree.noun_phrase(subject)), "The foreign minister");
        assert!(tree.child(say, Dep::Neg).is_some());
        assert!(!tree.passive(say));
        let condemned = at(text, &words, "condemned");
        assert!(tree.passive(condemned));
        let agent = tree.agent_of(condemned).unwrap_or_else(|| panic!("no agent"));
        assert_eq!(written(text, &tree, tree.noun_phrase(agent)), "the United Nations");
        assert_eq!(tree.child(say, Dep::Ccomp).map(|c| tree.predicate(c)), Some(Some(condemned)));
    }

    #[test]
    fn coordinated_verbs_share_their_subject() {
        let text = "Officials denied the report and said it was false.";
        let (words, tree) = tree(text);
        let (denied, said) = (at(text, &words, "denied"), at(text, &words, "said"));
        assert_eq!(tree.conjuncts(said), vec![denied, said]);
        assert!(!tree.has_own_subject(said));
        assert_eq!(tree.subject_of(said), Some(at(text, &words, "Officials")));
        let content = tree.child(said, Dep::Ccomp).unwrap_or_else(|| panic!("no complement"));
        assert_eq!(written(text, &tree, tree.clause(content)), "it was false");
    }

    #[test]
    fn an_open_complement_takes_the_object_as_its_subject() {
        let text = "Lavrov urged Washington to stop saying it.";
        let (words, tree) = tree(text);
        assert_eq!(tree.subject_of(at(text, &words, "saying")), Some(at(text, &words, "Washington")));
        assert_eq!(tree.subject_of(at(text, &words, "urged")), Some(at(text, &words, "Lavrov")));
    }

    #[test]
    fn a_noun_phrase_leaves_out_its_relative_clause() {
        let text = "Edward Alden of the Council on Foreign Relations, who studies trade, said it would fail.";
        let (words, tree) = tree(text);
        let said = at(text, &words, "said");
        let subject = tree.subject_of(said).unwrap_or_else(|| panic!("no subject"));
        assert_eq!(written(text, &tree, tree.noun_phrase(subject)), "Edward Alden of the Council on Foreign Relations");
        assert_eq!(tree.head_of(tree.noun_phrase(subject)), Some(subject));
    }

    #[test]
    fn gerunds_of_means_and_predicative_adjectives_share_the_subject() {
        let text = "The mayor began by saying the pier was unsafe.";
        let (words, parsed) = tree(text);
        assert_eq!(parsed.subject_of(at(text, &words, "saying")), Some(at(text, &words, "mayor")));
        let text = "The crews praised the mayor for saying the pier was unsafe.";
        let (words, parsed) = tree(text);
        assert_ne!(parsed.subject_of(at(text, &words, "saying")), Some(at(text, &words, "crews")));
        let text = "The dockers are likely to say the pier is unsafe.";
        let (words, parsed) = tree(text);
        assert!(parsed.is_predicative(at(text, &words, "likely")));
        assert_eq!(parsed.subject_of(at(text, &words, "say")), Some(at(text, &words, "dockers")));
    }

    #[test]
    fn the_child_towards_a_word_below_and_the_head_of_a_span() {
        let text = "Officials said the inspectors were trying to determine it.";
        let (words, tree) = tree(text);
        let (said, determine) = (at(text, &words, "said"), at(text, &words, "determine"));
        let child = tree.child_towards(said, determine).unwrap_or_else(|| panic!("no path"));
        assert_eq!(tree.dep(child), Dep::Ccomp);
        assert_eq!(tree.child_towards(determine, said), None);
        assert_eq!(tree.head_in(tree.span(said..said + 1)), Some(said));
        assert_eq!(tree.word(said), "said");
    }

    #[test]
    fn out_of_range_asks_get_neutral_answers() {
        let (_, tree) = tree("Hello.");
        assert_eq!(tree.subject_of(9), None);
        assert_eq!(tree.noun_phrase(9), 0..0);
        assert_eq!(tree.conjuncts(9), vec![9]);
        assert_eq!(tree.predicate(9), None);
        assert_eq!(tree.child_towards(9, 0), None);
        assert_eq!(tree.word(9), "");
        assert!(tree.words_in(Span::new(40, 50)).is_empty());
    }
}
