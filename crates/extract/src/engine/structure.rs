//! Attribution read from the dependency parse: the speaker of a cue is the subject of the
//! reporting verb, the `by` agent of a passive one, the object of "according to", the
//! possessor of a noun cue ("Lavrov's statement", "comments by Lavrov"); what was said is the
//! verb's clausal complement.
//!
//! The speaker's words become a [`SpeakerRef`]: the pack mention or pronoun at the head of
//! the phrase when there is one, else the noun phrase itself, open-world. A pack name only
//! inside the phrase ("an aide to Clinton") does not speak; the phrase does.

use super::attribution::{Attribution, SpeakerRef, span_of};
use super::learned;
use super::phrase::{Phrase, PhraseKind};
use super::sentence::{CueHit, Found, Mention, RefMention, Reference, Words};
use super::tree::{Dep, Tag, Tree};
use super::words;
use crate::lexicon::Pronoun;
use parse::Span;
use std::ops::Range;

/// What the parse says of one cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The speaker, as written.
    pub speaker: SpeakerRef,
    /// What was said: the cue's clausal complement, when it has one.
    pub content: Option<Span>,
    /// How the layout was read.
    pub layout: &'static str,
}

/// One sentence with its parse, as structural attribution sees it.
pub struct Structure<'a> {
    /// The sentence's tokens.
    pub words: &'a Words,
    /// Its pack mentions and references.
    pub found: &'a Found,
    /// Its parse, over the tokens of `words`.
    pub tree: &'a Tree,
}

/// Relative pronouns that stand for the noun their clause hangs on ("officials who said"),
/// with an auxiliary written onto them ("Warren, who's called for …", "who'd endorsed …").
fn is_relative(word: &str) -> bool {
    let pronoun = match word.split_once('\'') {
        Some(("who", "s" | "d" | "ve" | "ll")) => "who",
        _ => word,
    };
    matches!(pronoun, "who" | "that" | "which" | "whom")
}

/// Verbs whose open complement was not done ("declined to say").
fn is_refusal(word: &str) -> bool {
    word.starts_with("declin") || word.starts_with("refus")
}

/// Quantifiers and pronouns that count people ("many", "some", "both", "others", "those").
fn is_counting(word: &str) -> bool {
    words::is_quantifier(word) || matches!(word, "both" | "others" | "another" | "those" | "half")
}

/// Verbs that make or voice what a noun cue names ("made comments", "raised questions"), in
/// any inflection; not "issued" ("issued a statement saying …": the participle reports).
fn is_voicing(word: &str) -> bool {
    matches!(word, "made" | "makes" | "make" | "making")
        || matches!(learned::stem(word), "rais" | "voic" | "repeat" | "level" | "deliver")
}

/// The personal pronoun a possessive one stands for ("his" for "he").
fn possessive_pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "his" => Pronoun::He,
        "her" => Pronoun::She,
        "their" => Pronoun::They,
        "its" => Pronoun::It,
        "our" => Pronoun::We,
        _ => return None,
    })
}

/// Personal pronouns that can speak when no pack rule took them.
fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "i" | "we" | "you" | "he" | "she" | "they")
}

impl Structure<'_> {
    /// The word of the cue that the parse hangs the rest on: the cue's word whose head is
    /// outside the cue ("said"; "according" of "according to").
    fn cue_word(&self, cue: &CueHit) -> Option<usize> {
        self.tree.head_in(cue.span)
    }

    /// Where the subject of a passive cue coordinated with a verb before it starts ("… and
    /// they were denied by X"): the clause before the conjunction is not what it reports.
    pub fn conjunct_subject_start(&self, cue: &CueHit) -> Option<usize> {
        let tree = self.tree;
        let v = self.cue_word(cue).filter(|&v| tree.dep(v) == Dep::Conj && tree.passive(v))?;
        let subject = tree.child(v, Dep::Nsubjpass)?;
        Some(tree.span(tree.noun_phrase(subject)).start)
    }

    /// Whether the cue word, a verb cue, is read as a verb: a noun or adjective with the
    /// same spelling ("a swing-state gambit", "the report") is not a report. A noun that is
    /// a clause's only possible verb is the tagger's slip: the sentence's root, a word
    /// a complementiser or a relative pronoun before it hangs on ("the attack that the West
    /// blames on …", "blames" tagged as a plural noun, "that" its object), or the one noun of
    /// a relative clause with no verb.
    pub fn reads_as_verb(&self, cue: &CueHit) -> bool {
        let tree = self.tree;
        let opens = |v: usize, c: usize| {
            c < v
                && (tree.dep(c) == Dep::Mark
                    || matches!(tree.tag(c), Tag::WDT | Tag::WP) && is_relative(self.words.word(c)))
        };
        self.cue_word(cue).is_some_and(|v| {
            tree.is_verb(v)
                || tree.is_predicative(v)
                || tree.dep(v) == Dep::Root
                || tree.children(v).any(|c| opens(v, c))
                || self.verbless_clause(v)
        })
    }

    /// Whether `v` sits in a relative or complement clause the parse gives no verb, headed by
    /// `v` itself or by its relative pronoun: a clause needs a verb, and `v` is the word there
    /// that can be one.
    fn verbless_clause(&self, v: usize) -> bool {
        let tree = self.tree;
        let mut head = v;
        while !matches!(tree.dep(head), Dep::Relcl | Dep::Ccomp | Dep::Advcl | Dep::Root) {
            match tree.head(head) {
                Some(h) => head = h,
                None => return false,
            }
        }
        matches!(tree.dep(head), Dep::Relcl | Dep::Ccomp)
            && (head == v || is_relative(self.words.word(head)))
            && !tree.clause(head).any(|w| tree.is_verb(w))
    }

    /// What a cue says when the text names no one who says it: an agentless passive with a
    /// clause ("a ruling is expected to come in May", "it was announced that …") or a passive
    /// participle opening a clause ("Asked about the fees, the mayor …", "when asked"). `Some`
    /// with the content, `None` when the cue has or may have a speaker, or says no clause (a
    /// bare passive, "the gala was held", is mostly no report at all).
    pub fn sourceless(&self, cue: &CueHit) -> Option<Span> {
        let tree = self.tree;
        let v = self.cue_word(cue).filter(|&v| tree.is_verb(v))?;
        if tree.agent_of(v).is_some() {
            return None;
        }
        let content = self.content(v);
        let participle = tree.tag(v) == Tag::VBN && tree.dep(v) == Dep::Advcl && !tree.has_own_subject(v);
        if participle {
            // "Asked about …, she said", "when asked": opening the sentence or after its marker.
            let opens =
                v == 0 || tree.child(v, Dep::Mark).is_some() || tree.child(v, Dep::Advmod).is_some_and(|a| a < v);
            return (content.is_some() || opens).then(|| content.unwrap_or(tree.span(v..v + 1)));
        }
        content.filter(|_| tree.passive(v))
    }

    /// Whether the cue is a verb its subject states in the text's own tense and mood: a
    /// finite verb with a subject of its own, no modal and no `to` ("polls show", "the
    /// newspaper called on"; not "may show", "is expected to find", "went on to describe").
    pub fn states(&self, cue: &CueHit) -> bool {
        let tree = self.tree;
        let Some(v) = self.cue_word(cue).filter(|&v| tree.is_verb(v)) else { return false };
        let finite = matches!(tree.tag(v), Tag::VBD | Tag::VBZ | Tag::VBP)
            || tree.children_with(v, &[Dep::Aux]).any(|a| matches!(tree.tag(a), Tag::VBZ | Tag::VBP | Tag::VBD));
        let hedged = tree.children_with(v, &[Dep::Aux]).any(|a| matches!(tree.tag(a), Tag::MD | Tag::TO));
        finite && !hedged && tree.has_own_subject(v)
    }

    /// Whether a verb cue of accusing is read with an accusation's parts: a clause or a
    /// predicate ("held Moscow responsible", "suspects that …"), or what of or for ("accused
    /// the mayor of lying", "charged for the delay"). "Held a rally", "holds a lead", "his
    /// hold on the party" have none: the word's other senses.
    pub fn accuses(&self, cue: &CueHit) -> bool {
        let tree = self.tree;
        let Some(v) = self.cue_word(cue).filter(|&v| tree.is_verb(v)) else { return false };
        // "held the pilots fully responsible", "accused government forces of gassing": the
        // parse may hang the predicate or the `of` on the object.
        let predicate = |c: usize| {
            tree.children(c).any(|a| {
                a > c
                    && (matches!(tree.tag(a), Tag::JJ | Tag::VBN)
                        || tree.dep(a) == Dep::Prep && matches!(tree.word(a), "of" | "for"))
            })
        };
        tree.children(v).any(|c| match tree.dep(c) {
            Dep::Ccomp | Dep::Xcomp | Dep::Oprd | Dep::Acomp => true,
            // "accused President Bashar al-Assads forces of launching": a possessive without
            // its apostrophe parses as a preposition, whose object then takes the `of`.
            Dep::Prep => matches!(tree.word(c), "of" | "for" | "with" | "to") || tree.children(c).any(predicate),
            Dep::Dobj => predicate(c) || tree.conjuncts(c).into_iter().any(predicate),
            // "accused the forces loyal to President Bashar al-Assad of using …": the parse
            // may hang the object's last name, with the `of`, on the verb as an adverb.
            _ => c > v && predicate(c),
        })
    }

    /// Whether the cue word is a participle or adjective modifying a noun ("the figures
    /// reported by the agency", "a widely shared video"): no clause of its own, no subject.
    pub fn modifies_noun(&self, cue: &CueHit) -> bool {
        self.cue_word(cue).is_some_and(|v| {
            matches!(self.tree.dep(v), Dep::Acl | Dep::Amod) && self.tree.head(v).is_some_and(|h| self.tree.is_noun(h))
        })
    }

    /// Whether the phrase at `span` is the object of the cue's verb ("…), endorsed Senator
    /// Ted Cruz", "…, asked a federal judge to block …", "…, calling it …"): what the verb
    /// acts on, never the speaker an inverted layout takes after it. Right after a quotation
    /// (`"…," replied Sanders`) the phrase is the speaker, however the parse labels it.
    pub fn object_of_cue(&self, span: Span, cue: &CueHit) -> bool {
        let tree = self.tree;
        let (Some(v), Some(at)) = (self.cue_word(cue), tree.head_of(tree.words_in(span))) else { return false };
        let quoted = v.checked_sub(1).is_some_and(|p| matches!(self.words.word(p), "\"" | "'"));
        !quoted && tree.head(at) == Some(v) && matches!(tree.dep(at), Dep::Dobj | Dep::Dative | Dep::Oprd)
    }

    /// Whether the phrase at `inner` is, in the parse, the object of a preposition inside the
    /// phrase at `outer` ("Clinton" in "aides to Clinton", "party lines" in "voters across
    /// party lines"): it modifies the phrase's head, it is not the head. Not where the
    /// phrase's head cannot speak, a time ("The day before ministry officials stated …"), nor
    /// where the preposition's object runs a body's name into the person's after it with no
    /// comma ("the Director of the Observatory for Human Rights Rami Abdel Rahman"): the
    /// person is who speaks.
    pub fn object_inside(&self, inner: Span, outer: Span) -> bool {
        let tree = self.tree;
        let within = tree.words_in(outer);
        let (Some(mut at), Some(top)) = (tree.head_of(tree.words_in(inner)), tree.head_of(within.clone())) else {
            return false;
        };
        if super::sentence::is_time_noun(tree.word(top)) {
            return false;
        }
        for _ in 0..tree.len() {
            match tree.head(at) {
                Some(h) if within.contains(&h) => {
                    if tree.dep(at) == Dep::Pobj {
                        return !self.name_before(tree.noun_phrase(at).start, inner);
                    }
                    at = h;
                }
                _ => return false,
            }
        }
        false
    }

    /// Whether the phrase at `inner` is a name (proper nouns at its start and head) and a
    /// proper noun other than an honorific ("President") stands from word `from` up to it:
    /// another name written right before it.
    fn name_before(&self, from: usize, inner: Span) -> bool {
        let tree = self.tree;
        let proper = |k: usize| matches!(tree.tag(k), Tag::NNP | Tag::NNPS);
        let words = tree.words_in(inner);
        let name = proper(words.start) && tree.head_of(words.clone()).is_some_and(proper);
        name && (from..words.start).any(|k| proper(k) && !words::is_honorific(tree.word(k)))
    }

    /// Whether the phrase at `span` hangs on the cue's verb itself, directly or through the
    /// phrase it is coordinated with or stands in apposition to: the parse leaves it room to
    /// be the subject the word layout took it for, though it labels it otherwise.
    pub fn hangs_on_cue(&self, span: Span, cue: &CueHit) -> bool {
        let tree = self.tree;
        let (Some(v), Some(mut at)) = (self.cue_word(cue), tree.head_of(tree.words_in(span))) else { return false };
        for _ in 0..tree.len() {
            match (tree.dep(at), tree.head(at)) {
                (Dep::Conj | Dep::Appos | Dep::Compound | Dep::Poss, Some(h)) => at = h,
                (dep, Some(h)) => {
                    return h == v && matches!(dep, Dep::Nsubj | Dep::Nsubjpass | Dep::Npadvmod | Dep::Dep | Dep::Nmod);
                }
                (_, None) => return false,
            }
        }
        false
    }

    /// Whether the `by` before the speaker of `a` hangs, in the parse, on a verb other than
    /// the cue ("what is believed to be an attack carried out by the regime", "bodies found in
    /// a town retaken by government forces"): the phrase is that verb's doer, not the speaker
    /// of the passive cue.
    pub fn agent_of_other_verb(&self, a: &Attribution, cue: &CueHit) -> bool {
        let tree = self.tree;
        let Some(span) = a.speaker.as_ref().and_then(span_of) else { return false };
        let (Some(v), Some(at)) = (self.cue_word(cue), tree.head_of(tree.words_in(span))) else { return false };
        let Some(by) = tree.head(at).filter(|&b| self.words.word(b) == "by") else { return false };
        tree.head(by).is_some_and(|h| h != v && tree.is_verb(h))
    }

    /// Whether the cue's verb governs a finite clause after it ("said in Turkey the attack …
    /// had killed 1300"), not only a participle adjunct ("said on Tuesday contradicting …").
    pub fn clause_after(&self, cue: &CueHit) -> bool {
        let tree = self.tree;
        self.cue_word(cue).is_some_and(|v| tree.children(v).any(|c| c > v && tree.dep(c) == Dep::Ccomp))
    }

    /// Whether the phrase at `span`, after the cue, is the subject of another verb after the
    /// cue, or a finite verb follows it ("…, said he and his staff were preparing …", "…,
    /// says she warned …").
    pub fn subject_after(&self, span: Span, cue: &CueHit) -> bool {
        let tree = self.tree;
        let (Some(v), Some(at)) = (self.cue_word(cue), tree.head_of(tree.words_in(span))) else { return false };
        let subject = matches!(tree.dep(at), Dep::Nsubj | Dep::Nsubjpass);
        let next = tree.words_in(span).end;
        let finite = matches!(tree.tag(next), Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD) && next < tree.len();
        // "…," said Ada Holm, who predicted a third of the vote will be cast early': a phrase
        // a comma sets off from what follows is no later verb's subject, however the parse
        // hangs it.
        let set_off = next < tree.len() && tree.word(next) == ",";
        finite || subject && !set_off && tree.head(at).is_some_and(|h| h != v && h > v && tree.is_verb(h))
    }

    /// Whether the speaker an inverted layout took after the cue (`"…," said X`) is rather the
    /// subject of a later verb or the cue's object ("…, said she had …", "…, told reporters").
    pub fn not_inverted_speaker(&self, a: &Attribution, cue: &CueHit) -> bool {
        a.speaker
            .as_ref()
            .and_then(span_of)
            .is_some_and(|sp| self.subject_after(sp, cue) || self.object_of_cue(sp, cue))
    }

    /// The speaker and content of a verb cue: active subject, passive agent.
    pub fn verb(&self, cue: &CueHit) -> Option<Reading> {
        let tree = self.tree;
        let v = self.cue_word(cue).filter(|&v| tree.is_verb(v) || tree.is_predicative(v))?;
        // "declined to say", "refused to comment": nothing was said.
        if tree.dep(v) == Dep::Xcomp && tree.head(v).is_some_and(|h| is_refusal(self.words.word(h))) {
            return None;
        }
        let content = self.content(v).or_else(|| self.prep_content(v));
        if tree.passive(v) || self.opening_participle_with_agent(v) {
            let agent = tree.agent_of(v)?;
            // "The story was first reported by the Post": with no clause, the passive
            // subject is what was said.
            let content = content.or_else(|| tree.child(v, Dep::Nsubjpass).map(|s| tree.span(tree.noun_phrase(s))));
            return Some(Reading { speaker: self.speaker_at(agent)?, content, layout: "C is said by X (parse)" });
        }
        // "…, claiming …" hung inside the main verb's complement or on its object: the main
        // verb's subject's.
        if let Some(main) = tree.participle_main(v) {
            let subject = tree.subject_of(main)?;
            return Some(Reading { speaker: self.speaker_at(subject)?, content, layout: "X did A, saying C (parse)" });
        }
        // "a letter saying …", "polls showing …": the noun a present participle modifies
        // is what says it.
        if tree.tag(v) == Tag::VBG
            && tree.dep(v) == Dep::Acl
            && let Some(n) = tree.head(v).filter(|&n| tree.is_noun(n))
        {
            return Some(Reading { speaker: self.speaker_at(n)?, content, layout: "N saying C (parse)" });
        }
        let subject = tree.subject_of(v)?;
        let layout = match subject > v {
            true => "\"C,\" said X (parse)",
            false if !tree.has_own_subject(v) => "X did A, saying C (parse)",
            false => "X said C (parse)",
        };
        Some(Reading { speaker: self.speaker_at(subject)?, content, layout })
    }

    /// Whether `v` is a past participle opening a clause of its own with a `by` agent and no
    /// passive auxiliary ("Asked by reporters whether …, she said", "Challenged by the host
    /// on …"): its agent is its speaker, as a passive verb's is. A participle modifying a
    /// noun ("a bill opposed by unions", "the figures reported by the agency") is left out:
    /// PolNeAR's readers mark it about as often as not (train: 12 found for 6 false).
    fn opening_participle_with_agent(&self, v: usize) -> bool {
        let tree = self.tree;
        tree.tag(v) == Tag::VBN && tree.dep(v) == Dep::Advcl && tree.agent_of(v).is_some()
    }

    /// "according to X": the object of `to`. A cue of this pattern read as a verb with an
    /// object ("The Journal, citing internal documents, reported …", "he said, citing low
    /// growth") is the subject's: what it cites is its evidence, not its speaker.
    pub fn according_to(&self, cue: &CueHit) -> Option<Reading> {
        let tree = self.tree;
        if let Some(v) = self.cue_word(cue).filter(|&v| tree.is_verb(v) && tree.child(v, Dep::Dobj).is_some()) {
            let subject = tree.subject_of(v)?;
            return Some(Reading {
                speaker: self.speaker_at(subject)?,
                content: None,
                layout: "X did A, citing Y (parse)",
            });
        }
        let range = tree.words_in(cue.span);
        let object = range.clone().find_map(|w| {
            tree.children(w).find(|&c| matches!(tree.dep(c), Dep::Pobj | Dep::Dobj) && !range.contains(&c))
        })?;
        Some(Reading { speaker: self.speaker_at(object)?, content: None, layout: "according to X (parse)" })
    }

    /// A noun cue's speaker: its possessor ("Lavrov's remarks"), the object of its `by` or
    /// `from` ("comments by Lavrov"), or a name compounded with it ("the Kremlin statement").
    pub fn noun(&self, cue: &CueHit) -> Option<Reading> {
        let tree = self.tree;
        let n = self.cue_word(cue).filter(|&n| tree.is_noun(n))?;
        // "Trump's views on immigration", "slammed the senator's comments": a noun cue that
        // says no clause names what was said, not a report the text makes (PolNeAR train:
        // 54 such readings unannotated for 14 annotated). "In Putin's view, …" frames the
        // sentence as what is said.
        let frames = tree.dep(n) == Dep::Pobj && tree.head(n).is_some_and(|p| tree.word(p) == "in");
        let content = self.content(n).or_else(|| self.copula_content(n)).or_else(|| self.object_clause(n));
        if content.is_none() && !frames {
            return None;
        }
        if let Some(p) = tree.child(n, Dep::Poss) {
            // "his suggestion that …", "her argument was that …": a possessive pronoun owning a
            // noun cue with a `that` clause stands for its speaker as "he" or "she" would, and is
            // resolved as they are.
            let speaker = match possessive_pronoun(&self.words.word(p).to_ascii_lowercase()) {
                Some(pronoun) if tree.tag(p) == Tag::PRPS && self.says_that(n) => {
                    SpeakerRef::Ref(RefMention { span: tree.span(p..p + 1), kind: Reference::Pronoun(pronoun) })
                }
                _ => self.speaker_at(p)?,
            };
            return Some(Reading { speaker, content, layout: "X's statement that C (parse)" });
        }
        let by = tree
            .children_with(n, &[Dep::Prep])
            .filter(|&p| matches!(self.words.word(p), "by" | "from"))
            .find_map(|p| tree.child(p, Dep::Pobj));
        if let Some(b) = by {
            return Some(Reading { speaker: self.speaker_at(b)?, content, layout: "comments by X (parse)" });
        }
        let name = tree.children_with(n, &[Dep::Compound]).find(|&c| matches!(tree.tag(c), Tag::NNP | Tag::NNPS))?;
        Some(Reading { speaker: self.speaker_at(name)?, content, layout: "the X statement (parse)" })
    }

    /// What a noun cue says when it is the subject of "is" or "was" with a clause ("his
    /// argument was that the delegates should wait"): that clause.
    fn copula_content(&self, n: usize) -> Option<Span> {
        let tree = self.tree;
        let be = tree.head(n).filter(|_| tree.dep(n) == Dep::Nsubj)?;
        if !matches!(self.words.word(be).to_ascii_lowercase().as_str(), "is" | "was" | "remains" | "remained") {
            return None;
        }
        let clause = tree.children_with(be, &[Dep::Ccomp]).find(|&c| c > be)?;
        self.content(be).filter(|_| clause > n)
    }

    /// What a noun cue that is a verb's object says when the parse hangs the `that` clause
    /// right after it on the verb ("rejected Varga's statement that the pier was unsafe"):
    /// that clause. A noun cue's `that` clause is its content; a verb taking an object
    /// and a clause ("told reporters that …") has no noun cue for its object.
    fn object_clause(&self, n: usize) -> Option<Span> {
        let tree = self.tree;
        let verb = tree.head(n).filter(|_| tree.dep(n) == Dep::Dobj)?;
        let after = tree.noun_phrase(n).end;
        let clause = tree.children_with(verb, &[Dep::Ccomp]).map(|c| tree.clause(c)).find(|c| c.start == after)?;
        let opens = self.words.word(after) == "that" && tree.dep(after) == Dep::Mark;
        (opens && after + 1 < clause.end).then(|| tree.span(after + 1..clause.end))
    }

    /// Whether the noun `n`, or the "is" it is the subject of, governs a clause opened by
    /// `that` (or the verb it is the object of, right after it: [`Structure::object_clause`]).
    fn says_that(&self, n: usize) -> bool {
        let tree = self.tree;
        let opens_with_that =
            |c: usize| tree.children_with(c, &[Dep::Mark]).any(|m| m < c && self.words.word(m) == "that");
        let own = tree.children_with(n, &[Dep::Ccomp, Dep::Acl]).any(opens_with_that);
        let be = tree.head(n).filter(|_| tree.dep(n) == Dep::Nsubj);
        own || be.is_some_and(|b| tree.children_with(b, &[Dep::Ccomp]).any(|c| c > n && opens_with_that(c)))
            || self.object_clause(n).is_some()
    }

    /// A noun read from a verb cue's spelling ("claim", "warning") that reports: it has an
    /// owner (possessor, `by` or `from` phrase) and says what of (a `that` clause, or a
    /// phrase after `of`, `about`, `on`, `against`, `for`). "his second term" has no such
    /// complement and reports nothing.
    pub fn owned_noun(&self, cue: &CueHit) -> Option<Reading> {
        let tree = self.tree;
        let n = self.cue_word(cue).filter(|&n| tree.is_noun(n))?;
        let owner = tree.child(n, Dep::Poss).or_else(|| {
            tree.children_with(n, &[Dep::Prep])
                .filter(|&p| matches!(self.words.word(p), "by" | "from"))
                .find_map(|p| tree.child(p, Dep::Pobj))
        })?;
        let content = self.content(n).or_else(|| {
            let p = tree
                .children_with(n, &[Dep::Prep])
                .find(|&p| matches!(self.words.word(p), "of" | "about" | "on" | "against" | "for"))?;
            let range = tree.clause(p);
            (range.start + 1 < range.end).then(|| tree.span(range.start + 1..range.end))
        })?;
        Some(Reading { speaker: self.speaker_at(owner)?, content: Some(content), layout: "X's claim that C (parse)" })
    }

    /// A noun cue, object of a verb of making or voicing ("has made several statements on
    /// the matter", "raised questions about his taxes"): the verb's subject says what its
    /// clause or phrase after `about`, `on`, `over`, `against`, `of` holds. Not an owned noun.
    pub fn voiced_noun(&self, cue: &CueHit) -> Option<Reading> {
        let tree = self.tree;
        let n = self.cue_word(cue).filter(|&n| tree.is_noun(n) && tree.dep(n) == Dep::Dobj)?;
        let v = tree.head(n).filter(|&v| tree.is_verb(v) && is_voicing(self.words.word(v)))?;
        // "issued a statement saying …": the participle reports, not the noun.
        let owned = tree.children_with(n, &[Dep::Poss, Dep::Compound, Dep::Acl]).next().is_some();
        if owned || tree.passive(v) {
            return None;
        }
        let content = self.content(n).or_else(|| {
            let p = tree
                .children_with(n, &[Dep::Prep])
                .find(|&p| p > n && matches!(self.words.word(p), "about" | "on" | "over" | "against" | "of"))?;
            let range = tree.clause(p);
            (range.start + 1 < range.end).then(|| tree.span(range.start + 1..range.end))
        })?;
        let subject = tree.subject_of(v)?;
        Some(Reading {
            speaker: self.speaker_at(subject)?,
            content: Some(content),
            layout: "X made remarks on C (parse)",
        })
    }

    /// What a verb with no clause and no object is about: the phrase after `for`, `about`,
    /// `against` or `of` ("called for a recount", "railed against the tax", "warned of
    /// delays").
    fn prep_content(&self, v: usize) -> Option<Span> {
        let tree = self.tree;
        if tree.child(v, Dep::Dobj).is_some() {
            return None;
        }
        let p = tree
            .children_with(v, &[Dep::Prep])
            .find(|&p| p > v && matches!(self.words.word(p), "for" | "about" | "against" | "of"))?;
        let range = tree.clause(p);
        (range.start + 1 < range.end).then(|| tree.span(range.start + 1..range.end))
    }

    /// What `v` says: its clausal complement, or the clause of a noun's `that` clause.
    fn content(&self, v: usize) -> Option<Span> {
        let tree = self.tree;
        let mut clauses = tree.children_with(v, &[Dep::Ccomp, Dep::Xcomp, Dep::Acl]);
        let c = clauses.next()?;
        let mut range = tree.clause(c);
        // "said in Turkey the attack in which … were used had killed 1300": the parse may
        // split one complement in two clauses after the verb; what was said runs to the last.
        if let Some(last) = clauses.filter(|&d| d > v && c > v && tree.dep(d) == Dep::Ccomp).last() {
            range.end = range.end.max(tree.clause(last).end);
        }
        // "said that C": leave the complementiser out.
        let start = match self.words.word(range.start) {
            "that" if tree.dep(range.start) == Dep::Mark => range.start + 1,
            _ => range.start,
        };
        (start < range.end).then(|| tree.span(start..range.end))
    }

    /// The speaker whose phrase `head` heads. A relative pronoun ("officials who said")
    /// speaks for the noun its clause hangs on; the speaker's words then run from that noun
    /// to the pronoun ("Cruz, who").
    pub fn speaker_at(&self, head: usize) -> Option<SpeakerRef> {
        let tree = self.tree;
        match tree.predicate(head) {
            Some(p) if is_relative(self.words.word(head)) && relative_clause(tree, head, p) => {
                let antecedent = self.antecedent(head, tree.head(p)?);
                let who = tree.span(head..head + 1);
                Some(match self.own_speaker(antecedent)? {
                    SpeakerRef::Mention(m) => SpeakerRef::Mention(Mention { span: m.span.cover(who), ..m }),
                    SpeakerRef::Ref(r) => SpeakerRef::Ref(RefMention { span: r.span.cover(who), ..r }),
                    SpeakerRef::Phrase(p) => SpeakerRef::Phrase(Phrase { span: p.span.cover(who), ..p }),
                    SpeakerRef::Shared => SpeakerRef::Shared,
                })
            }
            _ => self.own_speaker(head),
        }
    }

    /// The noun a relative pronoun at `pronoun` stands for, given the word its clause hangs
    /// on: that word when it is a noun, else the noun right before the pronoun and its comma
    /// ("was echoed by the governor, who noted …": the parse may hang the clause on the
    /// verb, which no one is).
    fn antecedent(&self, pronoun: usize, hangs_on: usize) -> usize {
        let tree = self.tree;
        if tree.is_noun(hangs_on) || tree.tag(hangs_on) == Tag::PRP {
            return hangs_on;
        }
        let before = pronoun.checked_sub(1).filter(|&k| self.words.word(k) != ",").or_else(|| pronoun.checked_sub(2));
        before.filter(|&k| tree.is_noun(k)).unwrap_or(hangs_on)
    }

    /// The speaker whose phrase `head` heads, as written there: of coordinated phrases
    /// ("Opposition groups and the governments of …") the first a pack knows, else the
    /// first.
    fn own_speaker(&self, head: usize) -> Option<SpeakerRef> {
        let conjuncts = self.tree.conjuncts(head);
        let readings: Vec<SpeakerRef> = conjuncts.iter().filter_map(|&c| self.one_speaker(c)).collect();
        readings.iter().find(|r| matches!(r, SpeakerRef::Mention(_))).or(readings.first()).copied()
    }

    /// The speaker one noun phrase names.
    fn one_speaker(&self, head: usize) -> Option<SpeakerRef> {
        let tree = self.tree;
        let head_span = tree.span(head..head + 1);
        let np = tree.noun_phrase(head);
        let mention_at = |w: usize| self.found.mentions.iter().find(|m| m.span.overlaps(tree.span(w..w + 1))).copied();
        // A pack name at the head, or modifying it directly ("Russia's foreign ministry",
        // "Pentagon officials").
        let owns = |m_span: Span| {
            if m_span.overlaps(head_span) {
                return true;
            }
            let inside = tree.words_in(m_span);
            tree.head_of(inside).is_some_and(|w| {
                tree.head(w) == Some(head) && matches!(tree.dep(w), Dep::Poss | Dep::Compound | Dep::Nmod | Dep::Amod)
            })
        };
        if let Some(m) = self.found.mentions.iter().find(|m| owns(m.span)) {
            return Some(SpeakerRef::Mention(*m));
        }
        // "the press secretary, Sean Spicer": the name in apposition is the more specific.
        if let Some(m) = tree.children_with(head, &[Dep::Appos]).find_map(mention_at) {
            return Some(SpeakerRef::Mention(m));
        }
        // "the government of Syria", "the foreign ministry of Russia": the body's owner.
        let word = self.words.word(head);
        if words::is_group_head(word.strip_suffix('s').unwrap_or(word))
            && let Some(m) = tree
                .children_with(head, &[Dep::Prep])
                .filter(|&p| self.words.word(p) == "of")
                .find_map(|p| tree.child(p, Dep::Pobj).and_then(mention_at))
        {
            return Some(SpeakerRef::Mention(m));
        }
        if let Some(r) = self.found.refs.iter().find(|r| r.span.overlaps(head_span)) {
            return Some(SpeakerRef::Ref(*r));
        }
        self.phrase(head, np).map(SpeakerRef::Phrase)
    }

    /// The open-world phrase `head` heads, spanning `np`.
    fn phrase(&self, head: usize, np: Range<usize>) -> Option<Phrase> {
        let tree = self.tree;
        let word = self.words.word(head);
        let (span, np_end) = (tree.span(np.clone()), np.end);
        let kind = match tree.tag(head) {
            Tag::PRP if is_subject_pronoun(word) => PhraseKind::Pronoun,
            Tag::NNP | Tag::NNPS => PhraseKind::Named,
            Tag::NN | Tag::NNS => PhraseKind::Description,
            // "Six in 10 say", "many feel", "those who say": a number or quantifier heading
            // the subject stands for the people it counts.
            Tag::CD => PhraseKind::Description,
            _ if is_counting(word) => PhraseKind::Description,
            _ => return None,
        };
        if kind == PhraseKind::Pronoun {
            return Some(Phrase { span, head: span, kind });
        }
        // "Six in 10 say": the parse may hang a count's "in 10" on the verb; it is the count's.
        let ratio = |k: usize| matches!(self.words.word(k), "in" | "of") && tree.tag(k + 1) == Tag::CD;
        let span = match np_end {
            k if kind == PhraseKind::Description && tree.tag(head) == Tag::CD && k + 1 < tree.len() && ratio(k) => {
                span.cover(tree.span(k..k + 2))
            }
            _ => span,
        };
        // A name's head is the run of names compounded with it ("Edward Alden").
        let first = tree
            .children_with(head, &[Dep::Compound])
            .filter(|&c| kind != PhraseKind::Named || matches!(tree.tag(c), Tag::NNP | Tag::NNPS))
            .min()
            .unwrap_or(head);
        let head_span = tree.span(first..head + 1);
        Some(Phrase { span, head: head_span, kind })
    }
}

/// Whether `p`, the predicate of the relative pronoun `pronoun`, heads a relative clause:
/// one the parse reads so, or a verb it coordinates with the one before when the pronoun is
/// a wh-word right after a comma ("backed by Paul Hartley, who noted …"): a wh-pronoun
/// opens no main clause.
fn relative_clause(tree: &Tree, pronoun: usize, p: usize) -> bool {
    let after_comma = pronoun > 0 && tree.word(pronoun - 1) == ",";
    tree.dep(p) == Dep::Relcl || tree.dep(p) == Dep::Conj && tree.tag(pronoun) == Tag::WP && after_comma
}

/// The words that name a speaker, as a reader marks a source: the whole phrase the parse
/// gives the speaker's head, with its titles, appositions, coordinated names and relative
/// clause ("presumptive Republican nominee Donald Trump", "Bob Sutton, chairman of the
/// county party,"), and of a relative clause's subject only the pronoun ("who"), which stands
/// for the noun before it. `span` is the speaker as found, `cue` the cue's words: a phrase
/// never reaches over the cue. Without a parse of those words, `span` as it is.
pub fn written_speaker(tree: &Tree, span: Span, cue: Span) -> Span {
    // The words the span touches ("Mr" of a word "Mr.").
    let (Some(first), Some(last)) = (tree.word_at(span.start), tree.word_at(span.end.saturating_sub(1))) else {
        return span;
    };
    // "Mr. Gunnels", "Senator Mark S. Kirk": a title's or an initial's dot, which the parse
    // may take for a sentence's end, ends no name; the name goes on to its last word.
    let mut end = last;
    while end + 2 < tree.len() && abbreviation_dot(tree, end) {
        end += 2;
    }
    let found = first..end + 1;
    let head = if end > last { Some(end) } else { tree.head_of(found.clone()) };
    let Some(mut h) = head else { return span };
    let last = end;
    if found.len() > 1
        && is_relative(tree.word(last))
        && matches!(tree.dep(last), Dep::Nsubj | Dep::Nsubjpass)
        && tree.head(last).is_some_and(|p| relative_clause(tree, last, p))
    {
        return tree.span(last..last + 1);
    }
    // Up from a name that modifies, owns or is coordinated with the phrase's head ("Clinton
    // campaign spokesman Brian Fallon", "Russia's foreign ministry", "the press secretary,
    // Sean Spicer", "Dunn and John", "the government of Syria").
    let cue_words = tree.words_in(cue);
    for _ in 0..tree.len() {
        // "Trump's views on immigration": the phrase a noun cue's owner hangs on is the cue.
        let Some(up) = tree.head(h).filter(|u| !cue_words.contains(u)) else { break };
        let of = tree.dep(h) == Dep::Pobj && tree.word(up) == "of" && tree.head(up).is_some_and(|n| tree.is_noun(n));
        let climbs = matches!(tree.dep(h), Dep::Compound | Dep::Poss | Dep::Appos | Dep::Conj) && tree.is_noun(up);
        h = match (of, climbs) {
            (true, _) => tree.head(up).filter(|n| !cue_words.contains(n)).unwrap_or(h),
            (false, true) => up,
            (false, false) => break,
        };
    }
    let before = h < cue_words.start;
    let mut range = h..h + 1;
    // "According to Ada Varga, the pier will reopen": after the cue, an apposition running
    // into a verb is that verb's subject, which the parse hung on the name (before the cue,
    // the verb it runs into is mostly the cue, and the apposition its speaker).
    let subject_of_next =
        |c: usize, end: usize| !before && tree.dep(c) == Dep::Appos && end < tree.len() && tree.is_verb(end);
    for c in tree.children(h) {
        let sub = tree.clause(c);
        if subject_of_next(c, sub.end) {
            continue;
        }
        let side = if before { sub.end <= cue_words.start } else { sub.start >= cue_words.end };
        if side {
            range = range.start.min(sub.start)..range.end.max(sub.end);
        }
    }
    while range.len() > 1 && is_edge_punct(tree.word(range.start)) {
        range.start += 1;
    }
    while range.len() > 1 && is_edge_punct(tree.word(range.end - 1)) {
        range.end -= 1;
    }
    tree.span(range).cover(span)
}

/// The words of a verb cue as a reader marks them: the verb with the auxiliaries, negation
/// and adverbs right before it ("did not directly criticize", "has repeatedly said"). A phrase
/// after it ("said in a statement") is left out: PolNeAR's readers take it about as often as
/// they leave it. Other cues, or a cue without a parse, as they are.
pub fn written_cue(tree: &Tree, cue: Span) -> Span {
    let range = tree.words_in(cue);
    let Some(v) = tree.head_of(range.clone()).filter(|&v| tree.is_verb(v)) else { return cue };
    let mut first = range.start;
    while first > 0
        && tree.head(first - 1) == Some(v)
        && matches!(tree.dep(first - 1), Dep::Aux | Dep::Auxpass | Dep::Neg | Dep::Advmod)
    {
        first -= 1;
    }
    tree.span(first..range.end).cover(cue)
}

/// Whether word `k` is a title or an initial whose dot follows it, with a name after the dot
/// ("Mr.", "Sen.", "S." of "Mark S. Kirk").
fn abbreviation_dot(tree: &Tree, k: usize) -> bool {
    let word = tree.word(k);
    let title = words::is_honorific(word) || matches!(word, "sen" | "rep" | "gov" | "st");
    let initial = word.len() == 1 && tree.tag(k) == Tag::NNP;
    (title || initial) && tree.word(k + 1) == "." && matches!(tree.tag(k + 2), Tag::NNP | Tag::NNPS)
}

/// Punctuation that may open or close a phrase but is not part of it.
fn is_edge_punct(word: &str) -> bool {
    matches!(word, "," | "-" | "—" | "–" | "\"" | "'" | "(" | ")" | ":" | ";")
}

#[cfg(test)]
mod tests;
