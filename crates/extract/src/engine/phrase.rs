//! Open-world speakers: the noun phrase that speaks when no pack actor does ("Edward Alden,
//! a senior fellow, said", "critics say", "a spokesman for the campaign told", "said the
//! newspaper"), found from word shapes and closed word classes.
//!
//! A phrase is named when its head is capitalised, a pronoun when it is one, else a
//! description. Which actor a named phrase is (a stable id from its normalised name, later
//! short mentions) is decided with the document in view, in the engine.

use super::sentence::Words;
use super::words;
use parse::Span;

/// What sort of phrase names a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    /// A name at its head ("Edward Alden", "The New York Times").
    Named,
    /// A description without a name at its head ("officials", "a senior aide").
    Description,
    /// A personal pronoun no pack rule resolved ("I", "we", "you").
    Pronoun,
}

/// A speaker phrase: where, which sort, and where its head is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The whole phrase, with its modifiers ("a spokesman for the campaign").
    pub span: Span,
    /// The head phrase: the name or noun the rest modifies ("spokesman", "Edward Alden").
    pub head: Span,
    /// Which sort.
    pub kind: PhraseKind,
}

/// The head word of a speaker phrase as written: the last word before what attaches to it (a
/// preposition, a comma, a relative clause): "governor" in "the governor of Homs",
/// "Interviews" in "Interviews with people in Damascus", "concern" in "The Almaz-Antey
/// concern, which makes the Buk", "residents" in "many of the residents".
pub fn core_head(written: &str) -> &str {
    let mut head = "";
    let mut partitive = false;
    for word in written.split_whitespace() {
        let bare = word.trim_end_matches([',', ';', ':']);
        let lower = bare.to_ascii_lowercase();
        // "many of the residents": a quantifier's "of" leads to the head.
        if lower == "of" && words::is_quantifier(&head.to_ascii_lowercase()) && !partitive {
            partitive = true;
            continue;
        }
        if !head.is_empty() && (words::is_preposition(&lower) || words::is_relative(&lower)) {
            break;
        }
        if !bare.is_empty() {
            head = bare;
        }
        if bare.len() < word.len() {
            break;
        }
    }
    head
}

/// The original-case text of token `i`.
fn raw<'t>(text: &'t str, words: &Words, i: usize) -> &'t str {
    words.toks.get(i).map_or("", |t| t.span.text(text))
}

fn capitalised(text: &str, words: &Words, i: usize) -> bool {
    raw(text, words, i).chars().next().is_some_and(char::is_uppercase)
}

/// Words that never sit inside a speaker phrase: verbs of the clause, conjunctions,
/// relatives, complementisers.
fn ends_phrase(word: &str) -> bool {
    words::is_relative(word)
        || words::is_be(word)
        || matches!(
            word,
            "that"
                | "and"
                | "or"
                | "but"
                | "as"
                | "if"
                | "when"
                | "while"
                | "because"
                | "since"
                | "so"
                | "than"
                | "has"
                | "have"
                | "had"
                | "did"
                | "does"
                | "do"
                | "will"
                | "would"
                | "could"
                | "can"
                | "should"
                | "may"
                | "might"
                | "must"
                | "not"
                | "n't"
                | "to"
                | "by"
                | "what"
                | "how"
                | "why"
                | "where"
                | "there"
                | "here"
                | "then"
                | "also"
                | "now"
                | "just"
                | "even"
                | "still"
                | "yet"
        )
}

/// Articles and demonstratives: a phrase starts at one, whatever stands before it.
fn opens_phrase(word: &str) -> bool {
    matches!(word, "a" | "an" | "the" | "this" | "these" | "those")
}

/// Personal pronouns that can speak.
fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "i" | "we" | "you" | "he" | "she" | "they" | "it")
}

/// Object and other pronouns that cannot head a subject.
fn is_non_subject(word: &str) -> bool {
    matches!(
        word,
        "me" | "us"
            | "him"
            | "her"
            | "them"
            | "this"
            | "these"
            | "those"
            | "which"
            | "who"
            | "what"
            | "there"
            | "here"
            | "one"
            | "something"
            | "anything"
            | "nothing"
            | "everything"
            | "time"
            | "times"
            | "way"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "ago"
            | "tonight"
            | "today"
            | "yesterday"
            | "week"
            | "year"
            | "month"
    )
}

/// Words that may stand inside a phrase before its head: articles, possessives, quantities,
/// and any lower-case word that is not a clause word (adjectives and noun modifiers).
fn modifier(text: &str, words: &Words, i: usize) -> bool {
    let w = words.word(i);
    if w.is_empty() || words.is_punct(i) {
        // "Clinton's" is one token; a hyphen joins ("pro-Trump") but is its own token only
        // between spaces, which ends the phrase.
        return false;
    }
    if ends_phrase(w) || words::is_preposition(w) || is_time_word(text, words, i) {
        return false;
    }
    // A verb in the past or -ing form before a name ("visited Ohio") is not a modifier;
    // before a lower-case head it often is ("retired generals"), so only names are guarded.
    let _ = text;
    true
}

/// Whether token `i` dates or sequences the clause rather than modifying a speaker, where a
/// comma was lost ("on Friday Siege Watch said", "Published October 12 2016 Activists say",
/// "Later SANAs correspondent said"): a weekday or a month (not "May" or "March", also a name
/// and a word) with no day after it, the last number of a date right before a capitalised
/// word, or a sentence adverb of time written with a capital. Not after a determiner ("a
/// February report"), nor a date a preposition governs ("a spokesman in February 2016").
fn is_time_word(text: &str, words: &Words, i: usize) -> bool {
    let w = words.word(i);
    if i > 0 && matches!(words.word(i - 1), "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "last") {
        return false;
    }
    let number = |k: usize| !words.word(k).is_empty() && words.word(k).bytes().all(|b| b.is_ascii_digit());
    let dated = |k: usize| parse::date::is_weekday(words.word(k)) || is_month_word(words.word(k));
    if dated(i) {
        return !number(i + 1);
    }
    if number(i) {
        return capitalised(text, words, i + 1) && (i.saturating_sub(2)..i).any(|k| dated(k) || number(k) && k + 1 < i);
    }
    matches!(w, "later" | "meanwhile" | "earlier" | "published") && capitalised(text, words, i)
}

/// A month's name or abbreviation (lower case) that is no other word or name.
fn is_month_word(word: &str) -> bool {
    parse::date::is_month(word) && !matches!(word, "may" | "march")
}

/// The speaker phrase ending right before token `end` (exclusive), skipping adverbs and
/// auxiliaries between it and the cue, and an appositive set off by commas ("Alden, a
/// senior fellow, said"). `first` is the sentence's first token.
pub fn subject_before(text: &str, words: &Words, first: usize, end: usize) -> Option<Phrase> {
    let mut k = end;
    // Adverbs and auxiliaries: "has repeatedly", "also", "on Tuesday".
    while k > first {
        let w = words.word(k - 1);
        let weekday = parse::date::is_weekday(w);
        let adverb = w.len() > 4 && w.ends_with("ly") && !capitalised(text, words, k - 1);
        let aux = matches!(
            w,
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "also"
                | "again"
                | "then"
                | "later"
                | "previously"
                | "once"
                | "often"
                | "never"
                | "not"
                | "n't"
                | "already"
                | "still"
                | "just"
                | "now"
                | "further"
                | "too"
                | "did"
                | "does"
                | "do"
                | "recently"
                | "privately"
                | "publicly"
                | "herself"
                | "himself"
                | "themselves"
                | "itself"
        );
        // "He didn't say", "Ada Holm hasn't endorsed": an auxiliary with its negation written on
        // (the text is normalised, so "won’t" arrives as "won't").
        let negated = w.len() > 3 && w.ends_with("n't");
        if weekday {
            k -= 1;
            if k > first && matches!(words.word(k - 1), "on" | "last" | "this") {
                k -= 1;
            }
        } else if adverb || aux || negated {
            k -= 1;
        } else {
            break;
        }
    }
    if k <= first {
        return None;
    }
    // An appositive or parenthesis right before the verb: ", a senior fellow at CFR," or
    // "(R-Ohio)".
    if words.word(k - 1) == "," || words.word(k - 1) == ")" {
        let close = words.word(k - 1);
        let open = if close == ")" { "(" } else { "," };
        let limit = k.saturating_sub(16).max(first);
        let opened = (limit..k - 1).rev().find(|&j| words.word(j) == open)?;
        if (opened + 1..k - 1).any(|j| matches!(words.word(j), "\"" | ";" | ":")) || opened + 1 == k - 1 {
            return None;
        }
        let base = subject_core(text, words, first, opened)?;
        // The appositive belongs to the phrase ("Alden, a fellow at CFR, said").
        return Some(Phrase { span: Span::new(base.span.start, words.toks[k - 2].span.end), ..base });
    }
    subject_core(text, words, first, k)
}

/// The speaker phrase ending at token `end` (exclusive): a noun phrase, and before it, when it
/// is the object of `in`, the description it locates ("activists in the town", "a spokesman at
/// the hospital in Kafr Takharim in Idlib"): a place is where a speaker is, not who speaks.
fn subject_core(text: &str, words: &Words, first: usize, end: usize) -> Option<Phrase> {
    let own = noun_phrase(text, words, first, end)?;
    let at = words.at(own.span.start);
    if own.kind == PhraseKind::Pronoun || at < first + 2 || words.word(at - 1) != "in" {
        return Some(own);
    }
    match subject_core(text, words, first, at - 1) {
        Some(speaker) if speaker.kind == PhraseKind::Description => {
            Some(Phrase { span: Span::new(speaker.span.start, own.span.end), ..speaker })
        }
        _ => Some(own),
    }
}

/// The noun phrase ending at token `end` (exclusive), with one or two `of`/`for`/`at`/`with`
/// phrases attached ("a spokesman for the Clinton campaign").
fn noun_phrase(text: &str, words: &Words, first: usize, end: usize) -> Option<Phrase> {
    let last = end.checked_sub(1).filter(|&l| l >= first)?;
    let w = words.word(last);
    if words.is_punct(last) || is_non_subject(w) || ends_phrase(w) || words::is_preposition(w) {
        return None;
    }
    if is_subject_pronoun(w) {
        let span = words.toks[last].span;
        // A pronoun directly after a preposition is its object ("told him").
        return Some(Phrase { span, head: span, kind: PhraseKind::Pronoun });
    }
    let head_start = head_start(text, words, first, last);
    let mut start = head_start;
    // Modifiers before the head: "the", "senior", "Republican", "campaign's"; an article
    // opens the phrase ("on Wednesday a monitor said": "a monitor").
    while start > first && modifier(text, words, start - 1) {
        start -= 1;
        if opens_phrase(words.word(start)) {
            break;
        }
    }
    // "a spokesman for the campaign": the phrase before a preposition owns this one.
    let mut owner = None;
    for _ in 0..2 {
        if start >= first + 2 && matches!(words.word(start - 1), "of" | "for" | "at" | "with" | "from") {
            let p = start - 1;
            let mut s = p;
            while s > first && modifier(text, words, s - 1) {
                s -= 1;
                if opens_phrase(words.word(s)) {
                    break;
                }
            }
            if s < p {
                start = s;
                owner = Some(p - 1);
                continue;
            }
        }
        break;
    }
    // Trim a leading clause word the modifier walk may have taken ("said officials").
    while start < head_start && !leading_ok(words.word(start)) {
        start += 1;
    }
    let mut head = Span::new(words.toks[head_start].span.start, words.toks[last].span.end);
    let span = Span::new(words.toks[start].span.start, words.toks[last].span.end);
    let mut kind = if capitalised(text, words, last) && !sentence_initial_common(text, words, first, head_start, last) {
        PhraseKind::Named
    } else {
        PhraseKind::Description
    };
    // "Activists at the Syrian Revolutionary Command Council": people described by a body
    // they belong to are a description of people, not the body's name. One who speaks for
    // the body ("a source at Aleppo Police Command", "officials at the ministry") is the
    // body's voice.
    if let Some(o) = owner.filter(|&o| o >= start && kind == PhraseKind::Named)
        && (!capitalised(text, words, o) || sentence_initial_common(text, words, first, o, o))
        && is_plural_member(words.word(o))
    {
        kind = PhraseKind::Description;
        head = words.toks[o].span;
    }
    // A lone lower-case word with no article is a description only if plural or a known
    // kind of speaker; a lone verb form ("reported", "added") is not a phrase.
    if kind == PhraseKind::Description && start == last {
        let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s");
        if !plural {
            return None;
        }
    }
    Some(Phrase { span, head, kind })
}

/// Where the head phrase ending at `last` starts: a run of capitalised words for a name, the
/// last word alone otherwise.
fn head_start(text: &str, words: &Words, first: usize, last: usize) -> usize {
    let mut s = last;
    if capitalised(text, words, last) {
        // A weekday or a time adverb run into a name ("on Friday Siege Watch said", "Later Ada
        // Holm said") is no part of it; a month may be a given name ("June").
        let dated = |k: usize| is_time_word(text, words, k) && !parse::date::is_month(words.word(k));
        while s > first && capitalised(text, words, s - 1) && !words.word(s - 1).ends_with("'s") && !dated(s - 1) {
            s -= 1;
        }
        // "The" opens a sentence: not part of the name's head.
        while s < last && words::is_determiner(words.word(s)) {
            s += 1;
        }
    }
    s
}

/// Whether a capitalised head is just the sentence's first word ("Officials said").
fn sentence_initial_common(text: &str, words: &Words, first: usize, head_start: usize, last: usize) -> bool {
    let _ = text;
    head_start == last && last == first && words.word(last).ends_with('s') && !words.word(last).ends_with("'s")
}

/// Whether `word` (lower case) names several members of a body who speak as themselves
/// ("activists", "doctors", "residents"), not for it ("sources", "officials").
fn is_plural_member(word: &str) -> bool {
    let voice = matches!(
        word,
        "sources" | "officials" | "representatives" | "spokesmen" | "spokeswomen" | "spokespeople" | "diplomats"
    );
    word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("'s") && !voice
}

/// Whether a phrase may open with `word`.
fn leading_ok(word: &str) -> bool {
    !(words::is_be(word) || matches!(word, "said" | "says" | "told" | "added" | "according"))
}

/// The speaker phrase starting at token `from` ("said the newspaper", "according to
/// Edward Alden of CFR"), up to `limit` (exclusive).
pub fn phrase_after(text: &str, words: &Words, from: usize, limit: usize) -> Option<Phrase> {
    let limit = limit.min(words.len());
    let mut k = from;
    if k >= limit {
        return None;
    }
    let w = words.word(k);
    if is_subject_pronoun(w) || matches!(w, "him" | "her" | "them" | "me" | "us") {
        let span = words.toks[k].span;
        return Some(Phrase { span, head: span, kind: PhraseKind::Pronoun });
    }
    let start = k;
    let mut head: Option<usize> = None;
    while k < limit && modifier(text, words, k) {
        head = Some(k);
        k += 1;
        // A name ends the head at a lower-case word after it ("Trump campaign manager" goes
        // on; "Trump on Tuesday" stops at the preposition anyway).
    }
    let mut last = head?;
    // "of the Council on Foreign Relations", "for the campaign".
    if k + 1 < limit && matches!(words.word(k), "of" | "for" | "at" | "with") {
        let mut j = k + 1;
        let mut end = None;
        while j < limit && modifier(text, words, j) {
            end = Some(j);
            j += 1;
        }
        // "on Foreign Relations": a capitalised name goes on over a lower-case joining word.
        while j + 1 < limit
            && matches!(words.word(j), "on" | "of" | "for" | "and")
            && capitalised(text, words, j + 1)
            && end.is_some_and(|e| capitalised(text, words, e))
        {
            j += 1;
            while j < limit && capitalised(text, words, j) && !words.is_punct(j) {
                end = Some(j);
                j += 1;
            }
        }
        if let Some(e) = end {
            last = e;
        }
    }
    let first_head = head_start(text, words, start, head.unwrap_or(start));
    let h = head.unwrap_or(start);
    let kind = if capitalised(text, words, h) { PhraseKind::Named } else { PhraseKind::Description };
    if is_non_subject(words.word(h)) {
        return None;
    }
    Some(Phrase {
        span: Span::new(words.toks[start].span.start, words.toks[last].span.end),
        head: Span::new(words.toks[first_head].span.start, words.toks[h].span.end),
        kind,
    })
}

/// A phrase no pack names coordinated by "and" with the speaker mention at `m` of the cue at
/// `cue`: before it, opening the sentence (from token `first`) or a comma ("Cyber security
/// experts and U.S. officials said"), or after it, up to the cue ("The Clinton campaign and some
/// cybersecurity experts have alleged"). Pronouns are left out: "they" is resolved elsewhere.
pub fn coordinated_phrase(text: &str, words: &Words, first: usize, m: Span, cue: Span) -> Option<Phrase> {
    let start = words.at(m.start);
    let end = words.before(m.end);
    let found = if start > first + 1 && words.word(start - 1) == "and" {
        let p = subject_before(text, words, first, start - 1)?;
        let at = words.at(p.span.start);
        (at == first || words.word(at - 1) == ",").then_some(p)
    } else if words.word(end) == "and" && cue.start > m.end {
        let p = subject_before(text, words, end + 1, words.at(cue.start))?;
        (words.at(p.span.start) == end + 1).then_some(p)
    } else {
        None
    };
    found.filter(|p| p.kind != PhraseKind::Pronoun)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speaker phrase before `cue` in `sentence`, as written, with its kind.
    fn before(sentence: &str, cue: &str) -> Option<(String, PhraseKind)> {
        let words = Words::new(sentence, Span::new(0, sentence.len()));
        let at = sentence.find(cue)?;
        let p = subject_before(sentence, &words, 0, words.at(at))?;
        Some((p.span.text(sentence).to_owned(), p.kind))
    }

    fn after(sentence: &str, cue: &str) -> Option<(String, PhraseKind)> {
        let words = Words::new(sentence, Span::new(0, sentence.len()));
        let at = sentence.find(cue)? + cue.len();
        let p = phrase_after(sentence, &words, words.at(at), words.len())?;
        Some((p.span.text(sentence).to_owned(), p.kind))
    }

    #[test]
    fn the_core_head_stops_before_what_attaches_to_it() {
        assert_eq!(core_head("the governor of Homs"), "governor");
        assert_eq!(core_head("Interviews with people in Damascus"), "Interviews");
        assert_eq!(core_head("The Almaz-Antey concern, which makes the Buk"), "concern");
        assert_eq!(core_head("many of the residents"), "residents");
        assert_eq!(core_head("Edward Alden"), "Alden");
    }

    fn is(found: Option<(String, PhraseKind)>, text: &str, kind: PhraseKind) {
        assert_eq!(found, Some((text.to_owned(), kind)));
    }

    #[test]
    fn a_name_before_the_verb_speaks() {
        is(before("Marta Kowalski said the bridge would close.", " said"), "Marta Kowalski", PhraseKind::Named);
        // Adverbs and auxiliaries between the name and its verb.
        is(before("Marta Kowalski has repeatedly said it.", " has"), "Marta Kowalski", PhraseKind::Named);
    }

    #[test]
    fn an_appositive_belongs_to_the_name() {
        is(
            before("Ola Berg, an engineer at the port, told reporters the cranes were idle.", " told"),
            "Ola Berg, an engineer at the port",
            PhraseKind::Named,
        );
    }

    #[test]
    fn descriptions_are_kept_with_their_words() {
        is(before("Harbour officials say the ferry ran late.", " say"), "Harbour officials", PhraseKind::Description);
        is(
            before("A spokesman for the harbour board said nothing changed.", " said"),
            "A spokesman for the harbour board",
            PhraseKind::Description,
        );
    }

    #[test]
    fn people_described_by_a_named_body_are_a_description() {
        is(
            before("Activists at the Harbour Trust said the pier closed.", " said"),
            "Activists at the Harbour Trust",
            PhraseKind::Description,
        );
        is(
            before("The pier closed, engineers with the Harbour Trust said.", " said"),
            "engineers with the Harbour Trust",
            PhraseKind::Description,
        );
        // A person named before the body is the name's.
        is(
            before("Ines Varga of the Harbour Trust said the pier closed.", " said"),
            "Ines Varga of the Harbour Trust",
            PhraseKind::Named,
        );
    }

    #[test]
    fn a_place_locates_the_description_before_it() {
        is(
            before("Rain flooded the market stalls, traders in the old town said on Monday.", " said"),
            "traders in the old town",
            PhraseKind::Description,
        );
        is(
            before("A nurse at the clinic in Vardo in Finnmark said the wards were full.", " said"),
            "A nurse at the clinic in Vardo in Finnmark",
            PhraseKind::Description,
        );
        // A name before `in` is its own speaker, located or not.
        is(before("The storm hit Vardo in Finnmark said it.", " said"), "Finnmark", PhraseKind::Named);
    }

    #[test]
    fn pronouns_no_pack_resolves() {
        is(before("We think the tide turned.", " think"), "We", PhraseKind::Pronoun);
    }

    #[test]
    fn inverted_and_according_to_take_the_phrase_after() {
        is(
            after("\"The cranes are idle,\" said the port manager.", "said"),
            "the port manager",
            PhraseKind::Description,
        );
        is(
            after("The pier closed, according to Ines Varga of the Harbour Trust.", "according to"),
            "Ines Varga of the Harbour Trust",
            PhraseKind::Named,
        );
    }

    #[test]
    fn no_speaker_where_none_is_written() {
        // A lone lower-case singular word is no speaker ("the bridge reported" is a noun
        // phrase the verb does not open), nor an object pronoun, nor a clause word.
        assert_eq!(before("After lunch, reported the clerk.", " reported"), None);
        assert_eq!(before("The crowd cheered him said nothing.", " said"), None);
        assert_eq!(before("Nobody knew that said the clerk.", " said"), None);
        // A participle after a comma takes the main clause's subject, not a phrase here.
        assert_eq!(before("The aide defended the mayor, saying the bridge was safe.", " saying"), None);
    }

    #[test]
    fn a_date_run_into_the_subject_is_no_part_of_it() {
        // Where the comma after a date or a time adverb was lost.
        is(
            before("Six people died in the raid on Friday Siege Watch reported.", " reported"),
            "Siege Watch",
            PhraseKind::Named,
        );
        is(
            before("Thursday state television said six people died.", " said"),
            "state television",
            PhraseKind::Description,
        );
        is(before("Published April 3 2016 Activists say six people died.", " say"), "Activists", PhraseKind::Named);
        is(before("Later Ada Holm said six people died.", " said"), "Ada Holm", PhraseKind::Named);
        // A date the noun owns, or a preposition governs, stays.
        is(before("A February report said six people died.", " said"), "A February report", PhraseKind::Description);
        is(
            before("The mayor in October 2016 said six people died.", " said"),
            "The mayor in October 2016",
            PhraseKind::Description,
        );
    }
}
