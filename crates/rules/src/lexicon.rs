//! Every word list of every pack compiled into one pair of Aho-Corasick automata, so a
//! document is scanned once, whatever the number of actors, cues and terms.
//!
//! A pattern can play several roles (the word "Syrian" is a demonym and a proposition
//! term); each hit is looked up in the pattern's role list. Patterns written all in
//! capitals (acronyms such as `US`) go into a case-sensitive automaton, the rest into an
//! ASCII case-insensitive one. Hits are kept only on word boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use parse::Span;
use parse::normalize::Normalized;
use std::collections::HashMap;

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

/// Typographic normalisation, trimmed and with runs of white space collapsed.
pub fn normalise_term(text: &str) -> String {
    let norm = Normalized::new(text);
    norm.text().split_whitespace().collect::<Vec<_>>().join(" ")
}

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
    pub fn build(self) -> Result<Lexicon, aho_corasick::BuildError> {
        let mut insensitive_ids = Vec::new();
        let mut sensitive_ids = Vec::new();
        let mut insensitive = Vec::new();
        let mut sensitive = Vec::new();
        for (id, (text, key)) in self.patterns.iter().enumerate() {
            if key.sensitive {
                sensitive.push(text.as_str());
                sensitive_ids.push(id as u32);
            } else {
                insensitive.push(text.as_str());
                insensitive_ids.push(id as u32);
            }
        }
        let build = |patterns: &[&str], case_insensitive: bool| {
            AhoCorasick::builder()
                .ascii_case_insensitive(case_insensitive)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(patterns)
        };
        Ok(Lexicon {
            insensitive: build(&insensitive, true)?,
            insensitive_ids,
            sensitive: build(&sensitive, false)?,
            sensitive_ids,
            entries: self.entries,
        })
    }
}

/// The compiled word lists.
#[derive(Debug)]
pub struct Lexicon {
    insensitive: AhoCorasick,
    insensitive_ids: Vec<u32>,
    sensitive: AhoCorasick,
    sensitive_ids: Vec<u32>,
    entries: Vec<Entry>,
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

impl Lexicon {
    /// Every pattern occurrence on word boundaries in `text`, sorted by position.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(text.len() / 32);
        for (automaton, ids) in [(&self.insensitive, &self.insensitive_ids), (&self.sensitive, &self.sensitive_ids)] {
            if ids.is_empty() {
                continue;
            }
            for m in automaton.find_overlapping_iter(text) {
                let pattern = ids[m.pattern().as_usize()];
                let span = Span::new(m.start(), m.end());
                if self.on_boundaries(text, span, self.entries[pattern as usize].prefix) {
                    hits.push(Hit { span, pattern });
                }
            }
        }
        hits.sort_unstable();
        hits
    }

    fn on_boundaries(&self, text: &str, span: Span, prefix: bool) -> bool {
        let (Some(head), Some(tail)) = (text.get(..span.start), text.get(span.end..)) else {
            return false;
        };
        let Some(matched) = text.get(span.start..span.end) else {
            return false;
        };
        let starts_word = matched.chars().next().is_some_and(is_word_char);
        let ends_word = matched.chars().next_back().is_some_and(is_word_char);
        let before_ok = !starts_word || !head.chars().next_back().is_some_and(is_word_char);
        let after_ok = prefix || !ends_word || !tail.chars().next().is_some_and(is_word_char);
        before_ok && after_ok
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
    fn overlapping_roles() {
        assert_eq!(
            scan(&["Russian", "Russian Federation"], "the Russian Federation"),
            ["Russian", "Russian Federation"]
        );
    }
}
