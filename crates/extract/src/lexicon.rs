//! Every word list of every pack compiled into one pair of Aho-Corasick automata, so a
//! document is scanned once, whatever the number of actors, cues and terms.
//!
//! A pattern can play several roles (the word "Syrian" is a demonym and a proposition
//! term); each hit is looked up in the pattern's role list. Patterns written all in
//! capitals (acronyms such as `US`) go into a case-sensitive automaton, the rest into an
//! ASCII case-insensitive one. Hits are kept only on word boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use hashbrown::HashMap;
use parse::Span;
use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Index of an actor in the compiled directory.
pub type ActorIdx = u32;
/// Index of a cue.
pub type CueIdx = u32;
/// Index of a matcher term.
pub type TermIdx = u32;

/// How a mention names its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// A name or alias.
    Alias,
    /// A place or building that stands for it.
    Metonym,
    /// An adjective that needs a head noun after it ("Russian officials").
    Demonym,
    /// A title that names a person while they hold it; the index is into the role table.
    Title(u32),
}

/// Kinds of negation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Negation {
    /// "not", "never", "n't": negates the verb it precedes.
    Plain,
    /// "no one", "nobody", "none": a universal negative subject ("no one doubts").
    Universal,
}

/// Personal pronouns that can stand for a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// he
    He,
    /// she
    She,
    /// they
    They,
    /// it
    It,
    /// we: the speaker of a quote speaks for their side.
    We,
}

/// What a pattern means where it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Names an actor.
    Actor(ActorIdx, Via),
    /// A reporting cue.
    Cue(CueIdx),
    /// A negator.
    Negator(Negation),
    /// A word that denies the content it stands in.
    DenialMarker,
    /// A word that weakens the content to a hedge.
    Hedge,
    /// A noun that, after a demonym, makes a speaker or an agent ("officials", "forces").
    Head,
    /// A definite description referring back to a person ("the minister").
    Anaphor,
    /// A noun referring back to a claim ("the accusations").
    ClaimNoun,
    /// A word that makes its clause hypothetical ("if", "whether").
    Irrealis,
    /// A pronoun.
    Pronoun(Pronoun),
    /// A term of a proposition or frame matcher.
    Term(TermIdx),
    /// The first word of a fuzzy term ("Khan" of `~Khan Shaykhun`): where to compare the
    /// words after it with close spellings.
    FuzzyAnchor(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key {
    sensitive: bool,
    prefix: bool,
}

/// A pattern's roles and how it must match.
#[derive(Debug, Default)]
struct Entry {
    roles: Vec<Role>,
    /// Matches any word that starts with the pattern (`chemic*`).
    prefix: bool,
}

/// Collects patterns and their roles.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    index: HashMap<(String, bool, bool), usize>,
    patterns: Vec<(String, Key)>,
    entries: Vec<Entry>,
}

pub use parse::normalize::normalise_term;

/// Whether a term is an acronym that must match in capitals (`US`, `U.N.`, `OPCW`).
pub fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && text.chars().all(|c| !c.is_lowercase())
}

impl LexiconBuilder {
    /// Adds `text` with `role`. Acronyms match only in capitals; a trailing `*` matches any
    /// ending. Empty patterns are ignored.
    pub fn add(&mut self, text: &str, role: Role) {
        let mut text = normalise_term(text);
        let prefix = text.ends_with('*');
        if prefix {
            text.pop();
        }
        if text.is_empty() {
            return;
        }
        let sensitive = is_acronym(&text);
        let key_text = if sensitive { text.clone() } else { text.to_lowercase() };
        let next = self.entries.len();
        let at = *self.index.entry((key_text.clone(), sensitive, prefix)).or_insert(next);
        if at == next {
            self.patterns.push((key_text, Key { sensitive, prefix }));
            self.entries.push(Entry { roles: Vec::new(), prefix });
        }
        let roles = &mut self.entries[at].roles;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }

    /// Compiles the automata.
    ///
    /// Short patterns ("he", "no", "it") occur inside countless words; reported there and
    /// then rejected, they would cost more than the rest of the scan. They are compiled
    /// with each character that can stand before a word, so the automaton reports them at
    /// word starts only, and a match counts only when one of [`TRAILS`] follows it
    /// ([`SHORT`] bytes or fewer; the text's first and last words are checked apart).
    pub fn build(self) -> Result<Lexicon, aho_corasick::BuildError> {
        let mut insensitive_ids = Vec::new();
        let mut sensitive_ids = Vec::new();
        let mut insensitive: Vec<String> = Vec::new();
        let mut sensitive: Vec<String> = Vec::new();
        let mut short = ShortWords::default();
        for (id, (text, key)) in self.patterns.iter().enumerate() {
            let (list, ids) = if key.sensitive {
                (&mut sensitive, &mut sensitive_ids)
            } else {
                (&mut insensitive, &mut insensitive_ids)
            };
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let short_word = text.len() <= SHORT && alnum(text.chars().next()) && alnum(text.chars().next_back());
            if short_word && !self.entries[id].prefix {
                // The character after is checked when the automaton reports a match: with
                // each pair of characters around the word, the automaton took 170 copies
                // of each short pattern and its build cost more than a tenth of a `check`.
                for lead in LEADS {
                    list.push(format!("{}{text}", char::from(lead)));
                    ids.push(Id { pattern: id as u32, lead: true, trail: true });
                }
                short.add(text, key.sensitive, id as u32);
            } else {
                list.push(text.clone());
                ids.push(Id { pattern: id as u32, lead: false, trail: false });
            }
        }
        Ok(Lexicon {
            insensitive: Automaton::new(insensitive)?,
            insensitive_ids,
            sensitive: Automaton::new(sensitive)?,
            sensitive_ids,
            entries: self.entries,
            short,
            scanned: AtomicUsize::new(0),
        })
    }
}

/// Bytes scanned, per byte of an automaton's patterns, before it is rebuilt as a DFA. A DFA
/// scans about twice as fast as the contiguous NFA but costs about four times as much to
/// build: with the default packs, the case-insensitive automaton (6,922 patterns, 105 KB)
/// builds in 0.73 G instructions against 0.17 G and saves about 57 M per MB scanned, so it
/// pays for itself past about 11 MB; the acronyms' (511 patterns, 2 KB) build in 8 M more
/// and save about 17 M per MB, past about half a MB. A run starts on the NFAs and builds
/// each DFA once it has read this many times its patterns' size (8.4 MB and 170 KB). Both
/// report the same matches in the same order.
const DFA_AFTER_PER_BYTE: usize = 80;

/// One Aho-Corasick automaton: the contiguous NFA built with the lexicon, and the DFA of
/// the same patterns once `dfa_after` bytes have been scanned.
#[derive(Debug)]
struct Automaton {
    patterns: Vec<String>,
    nfa: AhoCorasick,
    dfa: OnceLock<AhoCorasick>,
    /// Bytes to scan before the DFA is built: [`DFA_AFTER_PER_BYTE`] times the patterns'.
    dfa_after: usize,
}

impl Automaton {
    fn new(patterns: Vec<String>) -> Result<Automaton, aho_corasick::BuildError> {
        let nfa = Automaton::build(&patterns, AhoCorasickKind::ContiguousNFA)?;
        let dfa_after = patterns.iter().map(String::len).sum::<usize>().saturating_mul(DFA_AFTER_PER_BYTE);
        Ok(Automaton { patterns, nfa, dfa: OnceLock::new(), dfa_after })
    }

    /// The automaton of `patterns`. A case-insensitive automaton's patterns are in lower
    /// case and it scans text with ASCII capitals lowered ([`Lexicon::scan`]), which finds
    /// what the builder's `ascii_case_insensitive` would find, at the same places, for less
    /// than half the build: the builder adds every letter's other case to the trie and keeps
    /// a set of the states it queued (0.11 G instructions for the default packs, against
    /// 0.05 G; lowering a text costs a copy of it).
    fn build(patterns: &[String], kind: AhoCorasickKind) -> Result<AhoCorasick, aho_corasick::BuildError> {
        AhoCorasick::builder().match_kind(MatchKind::Standard).kind(Some(kind)).build(patterns)
    }

    /// The DFA when built, else the NFA.
    fn current(&self) -> &AhoCorasick {
        self.dfa.get().unwrap_or(&self.nfa)
    }

    /// Builds the DFA; should that fail, the NFA stays in use.
    fn build_dfa(&self) {
        if let Ok(dfa) = Automaton::build(&self.patterns, AhoCorasickKind::DFA) {
            let _ = self.dfa.set(dfa);
        }
    }
}

/// Longest pattern, in bytes, compiled with its leading boundary characters.
const SHORT: usize = 4;

/// Characters that can stand right before a word in normalised text.
const LEADS: [u8; 10] = [b' ', b'\n', b'\t', b'\r', b'"', b'\'', b'(', b'[', b'-', b'/'];

/// Characters that can stand right after a word in normalised text.
const TRAILS: [u8; 17] =
    [b' ', b'\n', b'\t', b'\r', b'"', b'\'', b')', b']', b'-', b'/', b',', b'.', b';', b':', b'!', b'?', b'*'];

/// An automaton pattern: which lexicon pattern, whether a boundary character stands before
/// it in the automaton's copy, and whether one of [`TRAILS`] must follow the match.
#[derive(Clone, Copy, Debug)]
struct Id {
    pattern: u32,
    lead: bool,
    trail: bool,
}

/// The compiled word lists.
#[derive(Debug)]
pub struct Lexicon {
    insensitive: Automaton,
    insensitive_ids: Vec<Id>,
    sensitive: Automaton,
    sensitive_ids: Vec<Id>,
    entries: Vec<Entry>,
    /// Short patterns, checked by hand at the start and end of the text.
    short: ShortWords,
    /// Bytes scanned so far (by every thread), for each automaton's `dfa_after`.
    scanned: AtomicUsize,
}

/// The short patterns by their bytes, for the text's first and last words, which have no
/// boundary character on the outer side for the automata to see. Looked up, not tried one
/// by one: the speaker resolver scans many single words and phrases, and trying each of
/// the packs' short patterns against each cost more than the automata themselves.
#[derive(Debug, Default)]
struct ShortWords {
    /// Case-insensitive patterns under their ASCII lower case.
    insensitive: HashMap<Vec<u8>, Vec<u32>>,
    sensitive: HashMap<Vec<u8>, Vec<u32>>,
}

impl ShortWords {
    fn add(&mut self, text: &str, sensitive: bool, pattern: u32) {
        let (map, key) = if sensitive {
            (&mut self.sensitive, text.as_bytes().to_vec())
        } else {
            (&mut self.insensitive, text.as_bytes().to_ascii_lowercase())
        };
        map.entry(key).or_default().push(pattern);
    }

    /// The patterns written as `bytes`: exactly for case-sensitive ones, ignoring ASCII
    /// case for the others (as `eq_ignore_ascii_case` compares).
    fn patterns(&self, bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
        let mut buf = [0u8; SHORT];
        let lower = buf.get_mut(..bytes.len()).map(|lower| {
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            &*lower
        });
        let sensitive = self.sensitive.get(bytes).map_or(&[][..], Vec::as_slice);
        let insensitive = lower.and_then(|l| self.insensitive.get(l)).map_or(&[][..], Vec::as_slice);
        sensitive.iter().chain(insensitive).copied()
    }
}

/// A pattern found in a text, on word boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Where.
    pub span: Span,
    /// Which pattern.
    pub pattern: u32,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `span` starts and ends on word boundaries (a prefix pattern only starts on one).
fn on_boundaries(text: &str, span: Span, prefix: bool) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.get(span.start), span.end.checked_sub(1).and_then(|i| bytes.get(i)))
    else {
        return false;
    };
    // ASCII fast path; other characters are decoded.
    let before = |i: usize| -> bool {
        match bytes.get(i.wrapping_sub(1)) {
            None => false,
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            Some(_) => text.get(..i).and_then(|h| h.chars().next_back()).is_some_and(is_word_char),
        }
    };
    let after = |i: usize| -> bool {
        match bytes.get(i) {
            None => false,
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            Some(_) => text.get(i..).and_then(|t| t.chars().next()).is_some_and(is_word_char),
        }
    };
    let starts_word = if first.is_ascii() { first.is_ascii_alphanumeric() } else { true };
    let ends_word = if last.is_ascii() { last.is_ascii_alphanumeric() } else { true };
    let before_ok = !starts_word || span.start == 0 || !before(span.start);
    let after_ok = prefix || !ends_word || !after(span.end);
    before_ok && after_ok && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
}

impl Lexicon {
    /// Every pattern occurrence on word boundaries in `text`, sorted by position.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(text.len() / 32);
        // The one scan that crosses an automaton's threshold builds its DFA; others go on
        // with what is built.
        let before = self.scanned.fetch_add(text.len(), Ordering::Relaxed);
        // The case-insensitive automaton reads the text with ASCII capitals lowered (same
        // bytes at the same places otherwise); positions are the same in both.
        let lowered = if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        for (automaton, ids, read) in
            [(&self.insensitive, &self.insensitive_ids, &*lowered), (&self.sensitive, &self.sensitive_ids, text)]
        {
            if ids.is_empty() {
                continue;
            }
            if before < automaton.dfa_after && before.saturating_add(text.len()) >= automaton.dfa_after {
                automaton.build_dfa();
            }
            for m in automaton.current().find_overlapping_iter(read) {
                let id = ids[m.pattern().as_usize()];
                if id.trail && !text.as_bytes().get(m.end()).is_some_and(|b| TRAILS.contains(b)) {
                    continue;
                }
                let span = Span::new(m.start() + usize::from(id.lead), m.end());
                if on_boundaries(text, span, self.entries[id.pattern as usize].prefix) {
                    hits.push(Hit { span, pattern: id.pattern });
                }
            }
        }
        // Short patterns at the very start or end of the text have no boundary character
        // on that side for the automaton to see.
        let len = text.len();
        for n in 1..=SHORT.min(len) {
            let ends = if len > n { [Some(0), Some(len - n)] } else { [Some(0), None] };
            for start in ends.into_iter().flatten() {
                let span = Span::new(start, start + n);
                for pattern in self.short.patterns(&text.as_bytes()[start..start + n]) {
                    if on_boundaries(text, span, false) && !hits.iter().any(|h| h.span == span && h.pattern == pattern)
                    {
                        hits.push(Hit { span, pattern });
                    }
                }
            }
        }
        hits.sort_unstable();
        hits
    }

    /// The roles of a pattern.
    pub fn roles(&self, pattern: u32) -> &[Role] {
        self.entries.get(pattern as usize).map_or(&[], |e| e.roles.as_slice())
    }

    /// Number of distinct patterns.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(patterns: &[&str], text: &str) -> Vec<String> {
        let mut b = LexiconBuilder::default();
        for p in patterns {
            b.add(p, Role::Hedge);
        }
        let lexicon = b.build().map_err(|e| e.to_string()).unwrap_or_else(|e| panic!("{e}"));
        lexicon.scan(text).iter().map(|h| text[h.span.start..h.span.end].to_owned()).collect()
    }

    #[test]
    fn word_boundaries_and_case() {
        assert_eq!(scan(&["no", "US"], "No, nothing us US known."), ["No", "US"]);
        assert_eq!(scan(&["Russia"], "Russia's and Russian"), ["Russia"]);
        assert_eq!(scan(&["chemic*"], "chemical chemicals biochemical"), ["chemic", "chemic"]);
        assert_eq!(scan(&["U.S."], "the U.S.-led strike"), ["U.S."]);
        assert_eq!(scan(&["Assad's forces"], "al-Assad\u{b4}s forces"), Vec::<String>::new());
    }

    #[test]
    fn short_words_at_the_ends_of_the_text() {
        assert_eq!(scan(&["no", "US"], "US says no"), ["US", "no"]);
        assert_eq!(scan(&["no", "US"], "No"), ["No"]);
        assert_eq!(scan(&["US"], "us, said US"), ["US"]);
        assert_eq!(scan(&["he"], "the"), Vec::<String>::new());
        assert_eq!(scan(&["he"], "he\u{e9}"), Vec::<String>::new());
    }

    /// A run starts on the NFAs and switches to the DFAs once [`DFA_AFTER_PER_BYTE`] times
    /// their patterns' bytes are scanned; both find the same hits, in the same order.
    #[test]
    fn the_dfa_is_built_after_enough_text_and_finds_what_the_nfa_found() {
        let mut b = LexiconBuilder::default();
        for p in ["no", "US", "Russia", "chemic*", "U.S.", "Assad's forces", "said", "he", "UN", "say"] {
            b.add(p, Role::Hedge);
        }
        let lexicon = b.build().map_err(|e| e.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let text = "No, US and U.S.-led chemical strikes, Russia said; he says Assad's forces (UN) say no. ";
        let before = lexicon.scan(text);
        assert!(before.len() >= 10, "{before:?}");
        assert!(lexicon.insensitive.dfa.get().is_none() && lexicon.sensitive.dfa.get().is_none());
        let dfa_after = lexicon.insensitive.dfa_after.max(lexicon.sensitive.dfa_after);
        assert!(dfa_after > text.len());
        let long = text.repeat(dfa_after / text.len() + 1);
        let on_nfa_then_dfa = lexicon.scan(&long);
        assert!(lexicon.insensitive.dfa.get().is_some() && lexicon.sensitive.dfa.get().is_some());
        assert_eq!(lexicon.scan(text), before);
        // The long text again, now wholly on the DFAs.
        assert_eq!(lexicon.scan(&long), on_nfa_then_dfa);
        assert_eq!(on_nfa_then_dfa.len(), before.len() * (dfa_after / text.len() + 1));
    }

    /// The short patterns at the text's ends, looked up by their bytes, are those trying
    /// each short pattern against the text's first and last bytes finds.
    #[test]
    fn short_words_looked_up_as_tried_one_by_one() {
        let patterns = ["no", "US", "he", "it", "UN", "Obama", "so", "Iran", "be"];
        let mut b = LexiconBuilder::default();
        for p in patterns {
            b.add(p, Role::Hedge);
        }
        let lexicon = b.build().map_err(|e| e.to_string()).unwrap_or_else(|e| panic!("{e}"));
        for text in ["no", "No it", "he said so", "US", "us", "UN be", "Iran", "it, Iran said no.", "Be he", "so"] {
            let tried: Vec<(usize, usize)> = tried_at_ends(&patterns, text);
            let found: Vec<(usize, usize)> = lexicon
                .scan(text)
                .iter()
                .filter(|h| h.span.start == 0 || h.span.end == text.len())
                .filter(|h| h.span.len() <= SHORT)
                .map(|h| (h.span.start, h.span.end))
                .collect();
            assert_eq!(found, tried, "{text}");
        }
    }

    /// The spans of the short patterns at the start or end of `text`, each pattern tried in
    /// turn (capitals alone are case-sensitive, as the builder files them).
    fn tried_at_ends(patterns: &[&str], text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for p in patterns.iter().filter(|p| p.len() <= SHORT) {
            let sensitive = p.chars().all(|c| c.is_ascii_uppercase());
            for start in [0, text.len().saturating_sub(p.len())] {
                let Some(bytes) = text.as_bytes().get(start..start + p.len()) else { continue };
                let same = if sensitive { bytes == p.as_bytes() } else { bytes.eq_ignore_ascii_case(p.as_bytes()) };
                let span = Span::new(start, start + p.len());
                if same && on_boundaries(text, span, false) && !out.contains(&(span.start, span.end)) {
                    out.push((span.start, span.end));
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The case-insensitive automaton on lower-case patterns, reading text with ASCII
    /// capitals lowered, finds what one built `ascii_case_insensitive` finds in the text,
    /// the same patterns at the same places in the same order.
    #[test]
    fn lowered_text_finds_what_a_case_insensitive_automaton_finds() {
        let patterns: Vec<String> =
            ["no", " he", "russia", "u.s.", "assad's forces", "al-", "chemic", "said", "é", "straße"]
                .iter()
                .map(|p| p.to_string())
                .collect();
        let folding = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .unwrap_or_else(|e| panic!("{e}"));
        for kind in [AhoCorasickKind::ContiguousNFA, AhoCorasickKind::DFA] {
            let lowering = Automaton::build(&patterns, kind).unwrap_or_else(|e| panic!("{e}"));
            for text in [
                "No, HE Said NO. Russia's U.S.-led Chemical strikes; AL-Assad's Forces",
                "RUSSIA SAID NOTHING; É and É, STRASSE and Straße, ẞ",
                "nothing to lower here, he said",
            ] {
                let want: Vec<(usize, usize, usize)> =
                    folding.find_overlapping_iter(text).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
                let got: Vec<(usize, usize, usize)> = lowering
                    .find_overlapping_iter(&text.to_ascii_lowercase())
                    .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                    .collect();
                assert_eq!(got, want, "{text}");
                assert!(!want.is_empty());
            }
        }
    }

    #[test]
    fn overlapping_roles() {
        assert_eq!(
            scan(&["Russian", "Russian Federation"], "the Russian Federation"),
            ["Russian", "Russian Federation"]
        );
    }
}
