//! Per-sentence analysis: tokens, actor mentions, pronouns, and reporting cues.

use super::words;
use crate::lexicon::{ActorIdx, CueIdx, Hit, Negation, Pronoun, Role, Via};
use crate::ruleset::RuleSet;
use pack::schema::{CueKind, CuePattern};
use parse::{Date, Span, Token, TokenKind};

/// Tokens of a span of text, with an ASCII-lower-case copy of the span for word tests
/// (one buffer, not one string per token: ASCII case folding keeps byte offsets).
#[derive(Debug, Default)]
pub struct Words {
    /// The tokens.
    pub toks: Vec<Token>,
    lower: String,
    base: usize,
}

impl Words {
    /// Tokenises `span` of `text`.
    pub fn new(text: &str, span: Span) -> Words {
        let toks: Vec<Token> = parse::token::tokens(text, span).collect();
        let lower = span.text(text).to_ascii_lowercase();
        Words { toks, lower, base: span.start }
    }

    /// The words of `span`, a part of these words' span, taken from them instead of
    /// tokenised again: the same tokens as [`Words::new`] gives, since a token depends only
    /// on where it starts and on the characters up to the one after it. `None` when an end of
    /// `span` cuts a token (tokenised alone, its piece is a token of its own) or is not in
    /// these words' span.
    pub fn within(&self, span: Span) -> Option<Words> {
        let lower = self.lower.get(span.start.checked_sub(self.base)?..span.end.checked_sub(self.base)?)?;
        let (first, end) = (self.at(span.start), self.before(span.end));
        let cut_first = first.checked_sub(1).is_some_and(|k| self.toks[k].span.end > span.start);
        let cut_last = self.toks.get(end).is_some_and(|t| t.span.start < span.end);
        if cut_first || cut_last {
            return None;
        }
        let toks = self.toks.get(first..end).map_or_else(Vec::new, <[Token]>::to_vec);
        Some(Words { toks, lower: lower.to_owned(), base: span.start })
    }

    /// Index of the first token starting at or after `offset`.
    pub fn at(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < offset)
    }

    /// Index one past the last token ending at or before `offset`.
    pub fn before(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= offset)
    }

    /// Lower-case word at `i`, or `""`.
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.lower.get(t.span.start - self.base..t.span.end - self.base)).unwrap_or("")
    }

    /// Whether token `i` is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Whether the words at `k` mark a report as one of earlier or habitual events ("has
    /// responded in the past with accusations", "has long denied"): what it says is not
    /// about the dated event a proposition tells.
    pub fn marks_earlier_events(&self, k: usize) -> bool {
        let w = |j: usize| self.word(j);
        (w(k) == "in" && w(k + 1) == "the" && w(k + 2) == "past")
            || (matches!(w(k), "has" | "have" | "had") && w(k + 1) == "long")
    }

    /// Where a time adjunct at `k` that spans a whole war ends ("during the six-year war",
    /// "throughout the conflict"): what it reports is habitual over many events, not one
    /// dated event. The index of the war's noun.
    pub fn spans_a_war(&self, k: usize) -> Option<usize> {
        if !matches!(self.word(k), "during" | "throughout") {
            return None;
        }
        (k + 1..(k + 5).min(self.len()))
            .take_while(|&j| !self.is_punct(j))
            .find(|&j| matches!(self.word(j), "war" | "conflict"))
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether the words are a headline in title case ("Pence Endorses Paul Ryan With
    /// Trump's Blessing"): at least four words, three in four of them capitalised. Its
    /// capitals say nothing of names.
    pub fn is_title_case(&self, text: &str) -> bool {
        let words = self.toks.iter().filter(|t| t.kind == TokenKind::Word);
        let (all, capitals) = words.fold((0, 0), |(n, c), t| {
            (n + 1, c + usize::from(t.span.text(text).chars().next().is_some_and(char::is_uppercase)))
        });
        all >= 4 && capitals * 4 >= all * 3
    }
}

/// An actor named in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where.
    pub span: Span,
    /// Who, resolved (a title resolves to the person holding it at the date).
    pub actor: ActorIdx,
    /// How it was named.
    pub via: Via,
}

/// A pronoun or definite description that refers back to an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    /// A personal pronoun.
    Pronoun(Pronoun),
    /// "the minister" (a person) or "the ministry" (a body).
    Anaphor {
        /// Whether it refers to a person.
        person: bool,
    },
    /// "the statement", "the report": a document, which speaks for whoever issued it, the
    /// last speaker before it.
    Issuer,
}

/// A pronoun or anaphor in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RefMention {
    /// Where.
    pub span: Span,
    /// What sort.
    pub kind: Reference,
}

/// A reporting cue used as one in this sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueHit {
    /// Where.
    pub span: Span,
    /// Which cue.
    pub cue: CueIdx,
    /// A negator right before it ("has never acknowledged", "did not deny").
    pub negation: Option<(Negation, Span)>,
    /// A passive use ("is blamed"): its speaker, if any, follows "by".
    pub passive: bool,
}

/// Roles found in a span, by kind.
#[derive(Debug, Default)]
pub struct Found {
    /// Actor mentions, non-overlapping, in order.
    pub mentions: Vec<Mention>,
    /// Pronouns and anaphors, in order.
    pub refs: Vec<RefMention>,
    /// Reporting cues, in order.
    pub cues: Vec<CueHit>,
}

/// Whether the anaphor at `span` opens a name: its last word capitalised and "of" and a
/// capitalised word after it ("The Army of Conquest said …").
fn names_body(text: &str, span: Span) -> bool {
    let last = span.text(text).rsplit(' ').next().unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    last.starts_with(char::is_uppercase)
        && after.strip_prefix(" of ").is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// Priority of a mention when spans overlap equally: titles are the most specific.
fn rank(via: Via) -> u8 {
    match via {
        Via::Title(_) => 3,
        Via::Alias => 2,
        Via::Metonym => 1,
        Via::Demonym => 0,
    }
}

/// Finds mentions, references and cues among the `hits` of a sentence.
pub fn analyse(rules: &RuleSet, text: &str, hits: &[Hit], words: &Words, date: Option<Date>) -> Found {
    let mut candidates: Vec<Mention> = Vec::new();
    let mut refs = Vec::new();
    let mut cue_hits: Vec<(Span, CueIdx)> = Vec::new();
    let mut negators: Vec<(Span, Negation)> = Vec::new();
    let heads: Vec<Span> =
        hits.iter().filter(|h| rules.lexicon.roles(h.pattern).contains(&Role::Head)).map(|h| h.span).collect();
    let cue_spans: Vec<Span> = hits
        .iter()
        .filter(|h| rules.lexicon.roles(h.pattern).iter().any(|r| matches!(r, Role::Cue(_))))
        .map(|h| h.span)
        .collect();

    for hit in hits {
        let roles = rules.lexicon.roles(hit.pattern);
        // A title pattern can name several people over time: take the holder at the date,
        // else the first listed.
        let mut title: Option<(ActorIdx, u32)> = None;
        for role in roles {
            match *role {
                Role::Actor(actor, Via::Title(t)) => {
                    let covers = rules.directory.titles.get(t as usize).is_some_and(|ti| ti.period.covers(date));
                    if covers || title.is_none() {
                        let keep_previous = title.is_some_and(|(_, prev)| {
                            rules.directory.titles.get(prev as usize).is_some_and(|ti| ti.period.covers(date))
                        });
                        if !keep_previous {
                            title = Some((actor, t));
                        }
                    }
                }
                Role::Actor(actor, Via::Demonym) => {
                    // "Syrian activists accused President Assad": a head past a verb of
                    // speech heads another phrase.
                    let past_cue = |h: &Span| cue_spans.iter().any(|c| c.start >= hit.span.end && c.end <= h.start);
                    if let Some(head) = head_after(hit.span, &heads, words, 2).filter(|h| !past_cue(h)) {
                        let span = extend_heads(hit.span.cover(head), &heads, words);
                        candidates.push(Mention { span, actor, via: Via::Demonym });
                    }
                }
                // "a White Helmets volunteer", "Pentagon officials": a name with its head.
                Role::Actor(actor, via) => {
                    candidates.push(Mention { span: extend_heads(hit.span, &heads, words), actor, via })
                }
                Role::Cue(cue) => cue_hits.push((hit.span, cue)),
                Role::Negator(kind) => negators.push((hit.span, kind)),
                Role::Pronoun(p) => refs.push(RefMention { span: hit.span, kind: Reference::Pronoun(p) }),
                // "The Army of Conquest", "the Directorate of Health": a capitalised head
                // tied by "of" to a name is a name itself, no word standing for one.
                Role::Anaphor if names_body(text, hit.span) => {}
                Role::Anaphor => {
                    let last = hit.span.text(text).rsplit(' ').next().unwrap_or("").to_lowercase();
                    let kind = if words::is_document_head(&last) {
                        Reference::Issuer
                    } else {
                        Reference::Anaphor { person: !words::is_group_head(&last) }
                    };
                    refs.push(RefMention { span: hit.span, kind });
                }
                _ => {}
            }
        }
        if let Some((actor, t)) = title {
            let resolved = match rules.directory.titles.get(t as usize) {
                Some(ti) if !ti.period.covers(date) => ti.of.unwrap_or(actor),
                _ => actor,
            };
            candidates.push(Mention { span: hit.span, actor: resolved, via: Via::Title(t) });
        }
    }

    candidates.extend(described(rules, text, words));
    // Longest first, then most specific; keep those that overlap nothing kept.
    candidates
        .sort_by(|a, b| b.span.len().cmp(&a.span.len()).then(rank(b.via).cmp(&rank(a.via))).then(a.span.cmp(&b.span)));
    let mut mentions: Vec<Mention> = Vec::new();
    for c in candidates {
        if !mentions.iter().any(|m| m.span.overlaps(c.span)) {
            mentions.push(c);
        }
    }
    mentions.sort_by_key(|m| m.span);
    let mut mentions = merge_titles(rules, text, mentions);
    // "a Britain-based monitor": where a body sits, not who speaks or acts.
    mentions.retain(|m| !text.get(m.span.end..).is_some_and(|rest| rest.starts_with("-based")));

    refs.retain(|r| !mentions.iter().any(|m| m.span.overlaps(r.span)));
    refs.sort_by_key(|r| r.span);
    refs.dedup_by_key(|r| r.span);

    let cues = cues_of(rules, text, words, cue_hits, &negators, &mentions);
    Found { mentions, refs, cues }
}

/// The cues of a sentence: longest first at each place, none inside a mention or another
/// cue, nouns and demands left out, each with its passive voice and the negator before it.
fn cues_of(
    rules: &RuleSet,
    text: &str,
    words: &Words,
    mut cue_hits: Vec<(Span, CueIdx)>,
    negators: &[(Span, Negation)],
    mentions: &[Mention],
) -> Vec<CueHit> {
    cue_hits.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.len().cmp(&a.0.len())));
    let mut cues: Vec<CueHit> = Vec::new();
    let title_case = words.is_title_case(text);
    for (span, cue) in cue_hits {
        if cues.iter().any(|c| c.span.overlaps(span)) || mentions.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        let Some(def) = rules.cues.get(cue as usize) else { continue };
        let i = words.at(span.start);
        let prev = prev_word(words, i, 1);
        if def.kind == CueKind::Verb && words::is_determiner(prev) {
            continue; // "the claims", "these denials": a noun, not a report.
        }
        // "the United States", "the State Department": a capitalised verb form inside a
        // sentence is part of a name, unless the sentence is a headline in title case.
        let capital = span.text(text).chars().next().is_some_and(char::is_uppercase) && !title_case;
        if def.kind == CueKind::Verb && capital && i > 0 && !matches!(prev, "\"" | "'" | "(" | ":") {
            continue;
        }
        if def.pattern == CuePattern::Call && matches!(words.word(words.at(span.end)), "for" | "on" | "off" | "up") {
            continue; // "called for an inquiry" demands; it does not characterise.
        }
        let has = words::contracted_has(prev, words.word(words.at(span.end)));
        let passive = def.kind == CueKind::Verb
            && !has
            && (words::is_be(prev) || (prev.ends_with("ly") && words::is_be(prev_word(words, i, 2))));
        let negation = negators
            .iter()
            .rev()
            .find(|(n, _)| {
                n.end <= span.start && words.at(n.start) + 4 >= i && no_clause_break(words, words.at(n.start), i)
            })
            .map(|&(n, k)| (k, n));
        cues.push(CueHit { span, cue, negation, passive });
    }
    cues
}

/// The lower-case word `back` tokens before token `i`, skipping nothing.
pub fn prev_word(words: &Words, i: usize, back: usize) -> &str {
    i.checked_sub(back).map_or("", |j| words.word(j))
}

/// Whether no clause punctuation stands between tokens `from` and `to`.
fn no_clause_break(words: &Words, from: usize, to: usize) -> bool {
    (from..to).all(|k| !matches!(words.word(k), "," | ";" | ":" | "\"" | "(" | ")"))
}

/// Whether the cue's object is a life or lives ("claimed the lives of", "claiming the life
/// of a woman", "claimed 12 lives").
pub fn takes_lives(words: &Words, cue: &CueHit) -> bool {
    let after = words.at(cue.span.end);
    (after..words.len().min(after + 3))
        .map(|k| words.word(k))
        .take_while(|w| !words::is_punct_str(w))
        .any(|w| matches!(w, "life" | "lives"))
}

/// A speaker head within `within` words after `span` ("Russian defence ministry").
fn head_after(span: Span, heads: &[Span], words: &Words, within: usize) -> Option<Span> {
    let first = words.at(span.end);
    let near = |h: &&Span| {
        if h.start < span.end {
            return false;
        }
        let at = words.at(h.start);
        at >= first && at - first <= within && (first..at).all(|k| !words.is_punct(k))
    };
    let start = heads.iter().filter(near).map(|h| h.start).min()?;
    heads.iter().filter(|h| h.start == start).max_by_key(|h| h.end).copied()
}

/// Mentions of an actor by the noun of its alias "the <noun>" with one or two lower-case
/// modifiers between ("the criminal regime", "the brutal old regime" for "the regime"): the
/// words describe, the definite noun still names. A capitalised modifier ("the Iraqi regime",
/// "the Saddam regime") names another.
fn described(rules: &RuleSet, text: &str, words: &Words) -> Vec<Mention> {
    if rules.definite_heads.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for k in 2..words.len() {
        let Some(&actor) = rules.definite_heads.get(words.word(k)) else { continue };
        let modifier = |j: usize| {
            let w = words.word(j);
            !words.is_punct(j) && w.chars().all(|c| c.is_ascii_lowercase()) && !words::is_determiner(w)
        };
        let lower = |j: usize| !words.toks[j].span.text(text).starts_with(char::is_uppercase);
        let Some(the) = (1..=2).map(|n| k - n).take_while(|&j| j >= 1 && modifier(j) && lower(j)).last().map(|j| j - 1)
        else {
            continue;
        };
        if words.word(the) == "the" {
            let span = Span::new(words.toks[the].span.start, words.toks[k].span.end);
            out.push(Mention { span, actor, via: Via::Alias });
        }
    }
    out
}

/// `span` extended over the heads that directly follow it ("army command").
fn extend_heads(mut span: Span, heads: &[Span], words: &Words) -> Span {
    while let Some(head) = head_after(span, heads, words, 0) {
        span = span.cover(head);
    }
    span
}

/// Joins a title and the name right after it into one mention of the named person
/// ("Russian Foreign Minister Sergei Lavrov").
fn merge_titles(rules: &RuleSet, text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(last) = out.last_mut() {
            let between = text.get(last.span.end..m.span.start).unwrap_or("x");
            let adjacent = !between.is_empty() && between.trim().is_empty();
            let person = |a: ActorIdx| rules.directory.get(a).kind == pack::schema::ActorKind::Person;
            if adjacent && matches!(last.via, Via::Title(_)) && m.via == Via::Alias && person(m.actor) {
                *last = Mention { span: last.span.cover(m.span), actor: m.actor, via: Via::Alias };
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Whether the words right before `span` make it the object of a preposition, looking
/// past articles and possessives ("against the Assad regime", "in Syria").
pub fn after_preposition(text: &str, words: &Words, span: Span) -> bool {
    // A possessor is the doer of its noun whatever governs the phrase ("of Assad's plan").
    if possessive_after(text, span) {
        return false;
    }
    let mut i = words.at(span.start);
    for _ in 0..4 {
        let Some(j) = i.checked_sub(1) else { return false };
        let word = words.word(j);
        // "belonged to a Ukrainian unit", "delivered to": the object of "to" owns it.
        let owner = word == "to" && j > 0 && words::is_possession_verb(words.word(j - 1));
        if words::is_preposition(word) && !owner {
            return true;
        }
        // "over eastern Ukraine", "in rebel-held Idlib", "near the southern city of":
        // articles, possessives and modifiers of a place may stand between.
        if !matches!(word, "the" | "a" | "an" | "its" | "their" | "his" | "her") && !words::is_place_modifier(word) {
            return false;
        }
        i = j;
    }
    false
}

/// Whether a possessive `'s` (or a plural's bare `'`) follows `span`: "Russia's".
pub fn possessive_after(text: &str, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("");
    rest.starts_with("'s") || rest.starts_with("' ")
}

/// Whether `span` is the subject of a passive verb right after it ("Russia had not been
/// warned", "the Syrian army was given"): what happened to it, not what it did.
pub fn passive_subject(words: &Words, span: Span) -> bool {
    let mut k = words.before(span.end);
    if words.word(k) == "'s" || words.word(k) == "'" {
        return false;
    }
    let mut be = false;
    for _ in 0..5 {
        let w = words.word(k);
        if words::is_be(w) && w != "'s" {
            be = true;
        } else if !(matches!(w, "has" | "have" | "had" | "will" | "would" | "not" | "never" | "n't" | "also")
            || (w.len() > 4 && w.ends_with("ly")))
        {
            break;
        }
        k += 1;
    }
    be && words::is_participle(words.word(k))
}

/// Index of `that` within the first `within` tokens after token `from`, before `limit`.
/// Past a comma, only a "that" right after a closing comma is the cue's ("said, however,
/// that …"): in "…, it said, destroying six aircraft that were under repair" the "that" opens a
/// relative clause of the participle's object, and a semicolon or colon ends the search.
pub(super) fn that_after(words: &Words, from: usize, within: usize, limit: usize) -> Option<usize> {
    let mut past_comma = false;
    for k in (from..words.len().min(from + within)).take_while(|&k| words.toks[k].span.start < limit) {
        match words.word(k) {
            // "dropped the bomb that morning": a determiner of a time, not a clause.
            "that" if is_time_noun(words.word(k + 1)) => {}
            // "tried to do that with the emails", "because of that": the object of a verb of
            // doing or of a preposition is the pronoun, never a clause's opener.
            "that" if k > from && pronoun_object(words.word(k - 1)) => {}
            "that" if !past_comma || (k > from && words.word(k - 1) == ",") => return Some(k),
            "," => past_comma = true,
            ";" | ":" => return None,
            _ => {}
        }
    }
    None
}

/// Whether `that` after `word` (lower case) is a pronoun object: after a form of "do" or a
/// preposition that takes no clause.
fn pronoun_object(word: &str) -> bool {
    matches!(word, "do" | "does" | "did" | "done" | "doing" | "of" | "about" | "with" | "for" | "at" | "from" | "like")
}

/// Whether `word` (lower case) names a stretch of time ("the day", "that morning").
pub(super) fn is_time_noun(word: &str) -> bool {
    matches!(
        word,
        "morning" | "afternoon" | "evening" | "night" | "day" | "week" | "weekend" | "month" | "year" | "time"
    )
}

/// The mentions coordinated with `m` by commas and "and" ("Damascus and Moscow",
/// "Britain, France and Turkey"), in either direction, not `m` itself.
pub(super) fn coordinated_with(text: &str, mentions: &[Mention], m: Mention) -> Vec<Mention> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `Words::within` gives what tokenising the part again gives, or nothing.
    #[test]
    fn words_within_a_sentence_are_its_words_tokenised_again() {
        let text = "On Friday, the U.S.-backed council's 1,200 men said: \u{201c}We won't leave\u{201d} — ça va.";
        let whole = Words::new(text, Span::new(0, text.len()));
        let ends: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let mut taken = 0;
        for &start in &ends {
            for &end in ends.iter().filter(|&&e| e >= start) {
                let span = Span::new(start, end);
                let Some(part) = whole.within(span) else { continue };
                let again = Words::new(text, span);
                assert_eq!((&part.toks, &part.lower, part.base), (&again.toks, &again.lower, again.base), "{span:?}");
                taken += 1;
            }
        }
        // Every span between two word boundaries is taken, not tokenised again.
        let bounds = whole.toks.len() + 1;
        assert!(taken >= bounds * (bounds + 1) / 2, "{taken}");
    }
}
