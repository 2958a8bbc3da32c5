//! Term matchers of propositions and frames: groups of terms that must all / any / none
//! appear in a region of text, with fuzzy matching for transliterated names.

use crate::lexicon::{LexiconBuilder, Role, TermIdx, normalise_term};
use pack::schema::MatcherDef;
use parse::Span;
use std::collections::HashMap;

/// A term as a matcher refers to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermRef {
    /// Found by the lexicon scan.
    Exact(TermIdx),
    /// Compared word by word with close spellings (`~Khan Shaykhun`).
    Fuzzy(u32),
}

/// The table of all terms of all matchers.
#[derive(Debug, Default)]
pub struct Terms {
    exact: Vec<String>,
    index: HashMap<String, TermIdx>,
    fuzzy: Vec<Vec<String>>,
    fuzzy_index: HashMap<String, u32>,
}

impl Terms {
    /// Adds a term (registering exact ones with the lexicon) and returns its reference.
    pub fn add(&mut self, text: &str, lexicon: &mut LexiconBuilder) -> Option<TermRef> {
        if let Some(rest) = text.trim().strip_prefix('~') {
            let words: Vec<String> = normalise_term(rest).to_lowercase().split(' ').map(str::to_owned).collect();
            if words.iter().all(String::is_empty) {
                return None;
            }
            let key = words.join(" ");
            let next = self.fuzzy.len() as u32;
            let idx = *self.fuzzy_index.entry(key).or_insert(next);
            if idx == next {
                // A name of several words is looked for where its first word stands, so
                // that only a few words are compared per document.
                if words.len() > 1 {
                    lexicon.add(&words[0], Role::FuzzyAnchor(idx));
                }
                self.fuzzy.push(words);
            }
            return Some(TermRef::Fuzzy(idx));
        }
        let key = normalise_term(text);
        if key.is_empty() || key == "*" {
            return None;
        }
        let lookup = if crate::lexicon::is_acronym(&key) { key.clone() } else { key.to_lowercase() };
        let next = self.exact.len() as TermIdx;
        let idx = *self.index.entry(lookup).or_insert(next);
        if idx == next {
            self.exact.push(key.clone());
            lexicon.add(&key, Role::Term(idx));
        }
        Some(TermRef::Exact(idx))
    }

    /// Whether a fuzzy term is found through the lexicon's anchors (its first word); one of
    /// a single word is compared against every word instead.
    pub fn is_anchored(&self, idx: u32) -> bool {
        self.fuzzy_words(idx).len() > 1
    }

    /// Number of exact terms.
    pub fn exact_len(&self) -> usize {
        self.exact.len()
    }

    fn fuzzy_words(&self, idx: u32) -> &[String] {
        self.fuzzy.get(idx as usize).map_or(&[], Vec::as_slice)
    }
}

/// A compiled `about` matcher.
#[derive(Clone, Debug, Default)]
pub struct Matcher {
    all: Vec<Vec<TermRef>>,
    any: Vec<TermRef>,
    none: Vec<TermRef>,
}

impl Matcher {
    /// Compiles a matcher definition.
    pub fn compile(def: &MatcherDef, terms: &mut Terms, lexicon: &mut LexiconBuilder) -> Matcher {
        let mut add = |list: &[String]| list.iter().filter_map(|t| terms.add(t, lexicon)).collect::<Vec<_>>();
        Matcher {
            all: def.all.iter().map(|group| add(group)).filter(|g| !g.is_empty()).collect(),
            any: add(&def.any),
            none: add(&def.none),
        }
    }

    /// Whether the positive part (`all` and `any`) holds in `region`; the matched terms'
    /// spans are returned for explanations. With `any_elsewhere`, the `any` terms are taken
    /// as met.
    pub fn positive(&self, region: &Region<'_>, terms: &Terms, any_elsewhere: bool) -> Option<Vec<Span>> {
        if self.all.is_empty() && self.any.is_empty() {
            return None;
        }
        let mut found = Vec::new();
        for group in &self.all {
            found.push(group.iter().find_map(|&t| region.find(t, terms))?);
        }
        if !self.any.is_empty() {
            match self.any.iter().find_map(|&t| region.find(t, terms)) {
                Some(span) => found.push(span),
                None if any_elsewhere => {}
                None => return None,
            }
        }
        Some(found)
    }

    /// Like [`Matcher::positive`], but the `all` groups may also be met in `context` (the
    /// sentence and the paragraph before it): "the attack" in what a speaker says refers to
    /// the chemical attack its paragraph is about. `any` terms must be in `region`.
    /// With `any_elsewhere`, the `any` terms are taken as met (a rival account names the
    /// event in its own words).
    pub fn positive_in_context(
        &self,
        region: &Region<'_>,
        context: &Region<'_>,
        terms: &Terms,
        any_elsewhere: bool,
    ) -> Option<Vec<Span>> {
        if self.all.is_empty() && self.any.is_empty() {
            return None;
        }
        let mut found = Vec::new();
        let mut in_region = self.all.is_empty();
        for group in &self.all {
            match group.iter().find_map(|&t| region.find(t, terms)) {
                Some(span) => {
                    in_region = true;
                    found.push(span);
                }
                None => found.push(group.iter().find_map(|&t| context.find(t, terms))?),
            }
        }
        if !self.any.is_empty() {
            match self.any.iter().find_map(|&t| region.find(t, terms)) {
                Some(span) => found.push(span),
                None if any_elsewhere => {}
                None => return None,
            }
            in_region = true;
        }
        in_region.then_some(found)
    }

    /// Whether the matcher could hold somewhere in a text whose terms `present` reports:
    /// every `all` group has a term there, and some `any` term unless `any_elsewhere`. A
    /// cheap per-document test that spares sentence-level matching of most propositions.
    pub fn could_match(&self, present: impl Fn(TermRef) -> bool, any_elsewhere: bool) -> bool {
        if self.all.is_empty() && self.any.is_empty() {
            return false;
        }
        self.all.iter().all(|group| group.iter().any(|&t| present(t)))
            && (any_elsewhere || self.any.is_empty() || self.any.iter().any(|&t| present(t)))
    }

    /// The first `none` term present in `region`, if any.
    pub fn excluded(&self, region: &Region<'_>, terms: &Terms) -> Option<Span> {
        self.none.iter().find_map(|&t| region.find(t, terms))
    }

    /// Every exact term of the positive part, to exempt a proposition's own words from
    /// counting as denial markers ("staged" in a proposition about staging).
    pub fn exact_terms(&self) -> impl Iterator<Item = TermIdx> + '_ {
        self.all.iter().flatten().chain(&self.any).filter_map(|t| match t {
            TermRef::Exact(i) => Some(*i),
            TermRef::Fuzzy(_) => None,
        })
    }
}

/// Terms found in a stretch of text, and where fuzzy names may start.
#[derive(Debug)]
pub struct Region<'a> {
    text: &'a str,
    span: Span,
    /// Exact terms present, sorted by term then position.
    found: Vec<(TermIdx, Span)>,
    /// First words of fuzzy terms present, sorted.
    anchors: Vec<(u32, Span)>,
    words: std::cell::OnceCell<Vec<(Span, String)>>,
}

impl<'a> Region<'a> {
    /// A region of `text` with the exact terms and fuzzy anchors found in it.
    pub fn new(
        text: &'a str,
        span: Span,
        mut found: Vec<(TermIdx, Span)>,
        mut anchors: Vec<(u32, Span)>,
    ) -> Region<'a> {
        found.sort_unstable();
        anchors.sort_unstable();
        Region { text, span, found, anchors, words: std::cell::OnceCell::new() }
    }

    /// The exact terms found, sorted by term.
    pub fn found_terms(&self) -> &[(TermIdx, Span)] {
        &self.found
    }

    /// Whether an exact term is present.
    pub fn has(&self, term: TermIdx) -> Option<Span> {
        let at = self.found.partition_point(|(t, _)| *t < term);
        self.found.get(at).filter(|(t, _)| *t == term).map(|(_, s)| *s)
    }

    /// Where `term` occurs in the region, if it does.
    pub fn find(&self, term: TermRef, terms: &Terms) -> Option<Span> {
        match term {
            TermRef::Exact(i) => self.has(i),
            TermRef::Fuzzy(i) => {
                let target = terms.fuzzy_words(i);
                if target.len() > 1 { self.anchored(i, target) } else { self.fuzzy(target) }
            }
        }
    }

    /// A fuzzy name of several words: its first word as written, the rest compared.
    fn anchored(&self, idx: u32, target: &[String]) -> Option<Span> {
        let at = self.anchors.partition_point(|(f, _)| *f < idx);
        self.anchors[at..].iter().take_while(|(f, _)| *f == idx).find_map(|&(_, anchor)| {
            let rest = Span::new(anchor.end, self.span.end);
            let mut words = parse::token::tokens(self.text, rest).filter(|t| t.kind == parse::TokenKind::Word);
            let mut end = anchor.end;
            for want in &target[1..] {
                let word = words.next()?;
                if !similar_word(&word.span.text(self.text).to_lowercase(), want) {
                    return None;
                }
                end = word.span.end;
            }
            Some(Span::new(anchor.start, end))
        })
    }

    fn words(&self) -> &[(Span, String)] {
        self.words.get_or_init(|| {
            parse::token::tokens(self.text, self.span)
                .filter(|t| t.kind == parse::TokenKind::Word)
                .map(|t| (t.span, t.span.text(self.text).to_lowercase()))
                .collect()
        })
    }

    fn fuzzy(&self, target: &[String]) -> Option<Span> {
        let words = self.words();
        if target.is_empty() || words.len() < target.len() {
            return None;
        }
        words.windows(target.len()).find_map(|window| {
            let all = window.iter().zip(target).all(|((_, w), t)| similar_word(w, t));
            all.then(|| window[0].0.cover(window[window.len() - 1].0))
        })
    }
}

/// The consonant skeleton of a transliterated word: vowels, `h`, `y` and `w` dropped,
/// `c` and `q` folded into `s` and `k`, runs collapsed ("sheikhoun" and "shaykhun" → `skn`).
fn skeleton(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let c = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'y' | 'w' | '\'' | '-' => continue,
            'c' => 's',
            'q' => 'k',
            other => other,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two lower-case words are spellings of one name.
pub fn similar_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let score = strsim::jaro_winkler(a, b);
    if score >= 0.92 {
        return true;
    }
    let (sa, sb) = (skeleton(a), skeleton(b));
    sa.len() >= 3 && sa == sb && score >= 0.7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_match() {
        for spelling in ["shaykhun", "sheikhoun", "shaykhoun", "cheikhoun", "sheikhun", "shaikhun"] {
            assert!(similar_word(spelling, "shaykhun"), "{spelling}");
        }
    }

    #[test]
    fn other_names_do_not() {
        for other in ["tuman", "sheikh", "shayrat", "khanasir", "shahid"] {
            assert!(!similar_word(other, "shaykhun"), "{other}");
        }
    }
}
