//! Roles from the dependency parse: whether a word of a sentence names the doer of what its
//! clause tells, and how far a negator reaches.
//!
//! Pure functions over one sentence's [`Parse`] and its [`Words`] (word `i` of the parse is
//! token `i` of the words). The doer of an event is the subject of an active verb, the object
//! of a passive's `by`, the possessor or modifier of an acting noun ("Assad's forces",
//! "Syrian aircraft", "the American strike"), the object of "held … responsible"; an object,
//! a passive subject, and a noun inside a phrase of place or time never are.

use super::sentence::Words;
use super::words;
use std::ops::Range;
use syntax::{Dep, Parse, Tag};

/// How a word stands to the event of its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// It does what the clause tells.
    Doer,
    /// It undergoes it: an object, a passive subject, a victim ("the poisoning of Skripal").
    Undergoer,
    /// It is the object of a preposition of place, time or circumstance ("over eastern
    /// Ukraine", "against its own people").
    Oblique,
    /// It is the speaker of a report ("the opposition claims …").
    Speaker,
    /// The parse does not say (a fragment, a label the rules do not read).
    Unknown,
}

/// How many steps up the tree a role may be inherited (coordination, modifiers).
const DEPTH: usize = 6;

/// The word heading `range` in the parse: the first whose head lies outside it, past an
/// article the parse hangs elsewhere ("the opposition claims" with `the` on `claims`).
pub(super) fn head_word(parse: &Parse, range: Range<usize>) -> Option<usize> {
    let end = range.end.min(parse.len());
    let inside = range.start..end;
    let mut outside = inside.clone().filter(|&i| parse.head(i).is_none_or(|h| !inside.contains(&h)));
    let first = outside.next()?;
    Some(if parse.dep(first) == Dep::Det { outside.next().unwrap_or(first) } else { first })
}

/// The reporting verbs of a sentence, as its cues name them (word indices).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Reporting<'a> {
    /// Every reporting verb ("said", "claims", "accused"): its subject speaks, it does not do.
    pub(super) all: &'a [usize],
    /// Verbs of blaming or accusing ("blamed", "accused"), whose object is the doer.
    pub(super) blaming: &'a [usize],
}

/// The role of word `w` in its clause.
pub(super) fn role(parse: &Parse, words: &Words, reporting: Reporting<'_>, w: usize) -> Role {
    Roles { parse, words, blaming: reporting.blaming, reporting: reporting.all }.at(w, 0)
}

/// One sentence's parse and words, with its reporting verbs.
struct Roles<'a> {
    parse: &'a Parse,
    words: &'a Words,
    blaming: &'a [usize],
    reporting: &'a [usize],
}

impl Roles<'_> {
    /// Whether verb `head` has a verb joined to it that is active and has no subject of its
    /// own ("warned … and did not know"), so that it shares the passive's subject.
    fn shares_active_conjunct(&self, head: usize) -> bool {
        let parse = self.parse;
        parse.children(head).any(|c| {
            let own_subject =
                parse.children(c).any(|g| matches!(parse.dep(g), Dep::Nsubj | Dep::Nsubjpass | Dep::Auxpass));
            parse.dep(c) == Dep::Conj
                && !own_subject
                && !words::is_participle(self.words.word(c))
                && parse.tag(c).is_verb()
        })
    }

    fn at(&self, w: usize, depth: usize) -> Role {
        let (parse, words) = (self.parse, self.words);
        if depth > DEPTH || w >= parse.len() {
            return Role::Unknown;
        }
        let Some(head) = parse.head(w) else { return Role::Unknown };
        match parse.dep(w) {
            // "the units are at their permanent locations": a copula of place tells where
            // something is, not what it did.
            Dep::Nsubj if is_where_it_is(parse, words, head) => Role::Undergoer,
            // "a massacre that the opposition claims killed hundreds": the subject of a
            // reporting verb says what happened; it is not who did it.
            Dep::Nsubj if self.reporting.contains(&head) => Role::Speaker,
            // The parser may read "the opposition claims killed hundreds" as a noun compound
            // ("opposition claims" the subject of "killed"): a reporting verb read as a noun
            // still makes the word before it the speaker.
            Dep::Compound if self.reporting.contains(&head) => Role::Speaker,
            Dep::Nsubj | Dep::Csubj => Role::Doer,
            // "was fired", "was poisoned": what happened to it; "was involved" is taking part.
            // "the missiles were fired": an instrument's user is the doer, which the parse
            // does not give.
            // "Russia had not been warned of the attack and did not know of one": a subject the
            // passive shares with an active verb joined to it does that verb.
            Dep::Nsubjpass if self.shares_active_conjunct(head) => Role::Doer,
            Dep::Nsubjpass | Dep::Csubjpass
                if words::is_participle(words.word(head)) && !words::is_acting_body(words.word(w)) =>
            {
                Role::Undergoer
            }
            Dep::Nsubjpass | Dep::Csubjpass => Role::Unknown,
            // "Washington, London and Paris", "the groups and their sponsors": a conjunct or an
            // apposition shares the role of the phrase it joins.
            Dep::Conj | Dep::Appos => self.at(head, depth + 1),
            Dep::Pobj if is_time_word(words.word(w)) => Role::Oblique,
            Dep::Pobj => self.object_of_preposition(w, head, depth),
            Dep::Poss => self.modifier(head, depth),
            // "Damascus suburbs", "a Damascus hotel", "the Syria chemical attack": a name
            // written as a noun modifier tells where or what about, unlike a demonym ("the
            // American strike") or a possessive; on a body ("the Assad regime") it names whose.
            Dep::Compound
                if parse.tag(w).is_proper_noun()
                    && parse.tag(head).is_noun()
                    && !parse.tag(head).is_proper_noun()
                    && !words::is_acting_body(words.word(head)) =>
            {
                Role::Oblique
            }
            Dep::Amod | Dep::Compound | Dep::Nmod | Dep::Npadvmod if parse.tag(head).is_noun() => {
                self.modifier(head, depth)
            }
            Dep::Dobj => {
                // "held the terrorist groups fully responsible": the object of a verb that
                // makes it answerable is the one who did it.
                let answerable = parse
                    .children(head)
                    .any(|c| matches!(parse.dep(c), Dep::Oprd | Dep::Acomp) && is_answerable(words.word(c)));
                // "blamed the regime for", "accused Russia of": the object of a blaming verb,
                // unless the verb puts the blame on someone else ("blamed the attack on Assad").
                let blamed = self.blaming.contains(&head) && !blames_on(parse, words, head);
                // "any evidence to link his government to the gas attack": what a verb of
                // linking ties to an act is its doer.
                let linked = words::is_linking_verb(words.word(head))
                    && parse.children(head).any(|c| parse.dep(c) == Dep::Prep && words.word(c) == "to");
                // "emails showed DNC staff favoring Clinton", "saw soldiers firing": the object
                // of a verb of showing or seeing whose participle tells what it was doing is
                // that participle's subject.
                let shown_doing = words::is_showing_verb(words.word(head))
                    && parse.children(w).any(|c| parse.dep(c) == Dep::Acl && parse.tag(c) == Tag::VBG);
                if answerable || blamed || linked || shown_doing { Role::Doer } else { Role::Undergoer }
            }
            Dep::Dative => Role::Undergoer,
            // "this was the Assad regime", "it was Russia": the attribute of a copula whose
            // subject only points is the doer.
            Dep::Attr => {
                let pointing = parse
                    .children(head)
                    .any(|c| parse.dep(c) == Dep::Nsubj && matches!(words.word(c), "this" | "that" | "it"));
                if pointing { Role::Doer } else { Role::Unknown }
            }
            _ => Role::Unknown,
        }
    }

    /// Whether word `w` is the subject of a passive verb that names its own doer ("by …").
    fn passive_with_agent(&self, w: usize) -> bool {
        let parse = self.parse;
        let passive = matches!(parse.dep(w), Dep::Nsubjpass | Dep::Csubjpass);
        passive
            && parse
                .head(w)
                .is_some_and(|v| parse.children(v).any(|c| parse.dep(c) == Dep::Agent || self.words.word(c) == "by"))
    }

    /// The role of `object`, the object of preposition `prep`.
    fn object_of_preposition(&self, object: usize, prep: usize, depth: usize) -> Role {
        let (parse, words) = (self.parse, self.words);
        let word = words.word(prep);
        // "came from a Russian brigade", "supplied from the army's stocks": a body something
        // came from is where it was sent from, unlike a place ("from eastern Ukraine").
        if word == "from" && words::is_acting_body(words.word(object)) {
            return Role::Doer;
        }
        // The `by` of a passive ("was dropped by regime aircraft") or of an action noun ("the
        // attack by the regime") introduces the doer.
        if parse.dep(prep) == Dep::Agent || word == "by" {
            return Role::Doer;
        }
        let Some(governor) = parse.head(prep) else { return Role::Oblique };
        // "belonged to a Ukrainian unit": the object of a verb of possession owns the thing;
        // "blamed the attack on Assad", "attributed it to government forces": the blamed.
        let possession = word == "to" && words::is_possession_verb(words.word(governor));
        // The parse may hang the "on" on the object ("blamed [the attack on Assad]").
        let blaming = |v: usize| self.blaming.contains(&v);
        let object_of_blaming = parse.dep(governor) == Dep::Dobj && parse.head(governor).is_some_and(blaming);
        let after_object = parse.children(governor).any(|c| parse.dep(c) == Dep::Dobj && c < prep) || object_of_blaming;
        let blamed = matches!(word, "on" | "to") && (blaming(governor) || object_of_blaming) && after_object;
        if possession || blamed {
            return Role::Doer;
        }
        // "forces loyal to President Assad", "militias allied with Damascus": the one a body
        // is loyal to owns it, as "Assad's forces" does.
        if matches!(word, "to" | "with")
            && words::is_allegiance(words.word(governor))
            && parse.dep(governor) == Dep::Amod
            && let Some(body) = parse.head(governor).filter(|&b| words::is_acting_body(words.word(b)))
        {
            return self.modifier(body, depth);
        }
        // "a missile system of the Russian armed forces": a genitive `of` on a doer is a
        // possessor; on anything else ("the poisoning of Skripal") the object undergoes it.
        // "none of its missiles": the partitive's noun is the subject itself, which the
        // parse leaves to the quantifier.
        if word == "of" && words::is_quantifier(words.word(governor)) {
            return Role::Unknown;
        }
        if word == "of" && parse.tag(governor).is_noun() {
            return match self.at(governor, depth + 1) {
                Role::Doer => Role::Doer,
                Role::Unknown => Role::Unknown,
                _ => Role::Undergoer,
            };
        }
        Role::Oblique
    }

    /// The role of a possessor or modifier of noun `noun`: the doer when the noun is a doer,
    /// or when the noun is an act rather than a body ("Assad's plan", "the American
    /// strike"); a body in any other place is not ("expelled Russian diplomats").
    fn modifier(&self, noun: usize, depth: usize) -> Role {
        let word = self.words.word(noun);
        let parse = self.parse;
        // "in Syria's Idlib province": the owner of a named place is where, not who.
        let named_place =
            || parse.children(noun).any(|c| parse.dep(c) == Dep::Compound && parse.tag(c).is_proper_noun());
        match self.at(noun, depth + 1) {
            Role::Doer => Role::Doer,
            Role::Oblique if named_place() => Role::Oblique,
            // "the army's firepower had not been affected by the strike": the owner of what a
            // passive verb with a doer of its own acted on is no doer.
            Role::Undergoer if !words::is_acting_body(word) && self.passive_with_agent(noun) => Role::Undergoer,
            Role::Unknown if words::is_acting_body(word) => Role::Unknown,
            Role::Oblique if words::is_acting_body(word) => Role::Oblique,
            _ if words::is_acting_body(word) => Role::Undergoer,
            _ => Role::Doer,
        }
    }
}

/// Whether word `w` is the object of a `by` ("was dropped by the army", "the attack by the
/// regime").
pub(super) fn is_agent(parse: &Parse, words: &Words, w: usize) -> bool {
    parse.dep(w) == Dep::Pobj && parse.head(w).is_some_and(|p| parse.dep(p) == Dep::Agent || words.word(p) == "by")
}

/// Whether blaming verb `verb` names whom it blames with "on" or "to" ("blamed the attack on
/// Assad", "attributed it to government forces").
fn blames_on(parse: &Parse, words: &Words, verb: usize) -> bool {
    // After the object, not before it ("blamed on Tuesday the government of …").
    let Some(object) = parse.children(verb).find(|&c| parse.dep(c) == Dep::Dobj) else { return false };
    let on = |at: usize| {
        parse.children(at).any(|c| {
            let timed = parse.children(c).any(|o| parse.dep(o) == Dep::Pobj && is_time_word(words.word(o)));
            c > object && parse.dep(c) == Dep::Prep && matches!(words.word(c), "on" | "to") && !timed
        })
    };
    on(verb) || on(object)
}

/// Whether `verb` is a copula whose predicate is only a phrase of place ("are at their
/// locations", "was in Moscow"), unlike "was behind the attack" or "is responsible".
fn is_where_it_is(parse: &Parse, words: &Words, verb: usize) -> bool {
    let place = |c: usize| parse.dep(c) == Dep::Prep && matches!(words.word(c), "at" | "in" | "on" | "near" | "inside");
    let predicate = |c: usize| matches!(parse.dep(c), Dep::Acomp | Dep::Attr | Dep::Dobj | Dep::Ccomp | Dep::Xcomp);
    words::is_be(words.word(verb))
        && parse.children(verb).any(place)
        && !parse.children(verb).any(|c| predicate(c) || (parse.dep(c) == Dep::Prep && words.word(c) == "behind"))
}

/// Whether `word` (lower case) names a day or a month ("on Tuesday", "in April").
fn is_time_word(word: &str) -> bool {
    parse::date::is_weekday(word)
        || parse::date::is_month_name(word)
        || matches!(word, "today" | "yesterday" | "tonight")
}

/// Whether an adjective makes the object of its verb the one who did it.
fn is_answerable(word: &str) -> bool {
    matches!(word, "responsible" | "accountable" | "culpable" | "liable" | "guilty")
}

/// The words a negator heading `neg` reaches: the clause of the verb it negates ("did not
/// use"), the clause whose subject it quantifies ("not a single system crossed", "none of
/// its missiles was fired"), or the phrase it stands in ("not in the early morning", "no
/// chemical weapons").
pub(super) fn negation_scope(parse: &Parse, neg: usize) -> Range<usize> {
    let Some(head) = parse.head(neg) else { return parse.subtree(neg) };
    if matches!(parse.dep(neg), Dep::Nsubj | Dep::Nsubjpass) {
        return parse.subtree(head);
    }
    let verb = parse.tag(head).is_verb() || parse.tag(head) == Tag::MD;
    if !verb && matches!(parse.dep(head), Dep::Nsubj | Dep::Nsubjpass) {
        return parse.head(head).map_or_else(|| parse.subtree(head), |clause| parse.subtree(clause));
    }
    let mut scope = parse.subtree(head);
    if !verb {
        return scope;
    }
    let has_subject =
        |v: usize| parse.children(v).any(|c| matches!(parse.dep(c), Dep::Nsubj | Dep::Nsubjpass | Dep::Csubj));
    // A clause coordinated after the negated verb with a subject of its own is not negated:
    // "did not consider it unconditional, but that it was unacceptable to …" asserts the second.
    if let Some(next) = parse.children(head).find(|&c| c > head && parse.dep(c) == Dep::Conj && has_subject(c)) {
        scope.end = scope.end.min(parse.subtree(next).start);
    }
    // A negated verb denies what its clause says of the subject, not the subject itself:
    // "the evidence of the regime's attack was not fabricated" leaves the attack standing.
    let subject = parse.children(head).find(|&c| matches!(parse.dep(c), Dep::Nsubj | Dep::Nsubjpass | Dep::Csubj));
    match subject.map(|s| parse.subtree(s)) {
        Some(s) if s.end <= head => s.end..scope.end,
        _ => scope,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parse::Span;

    /// The words and parse of one sentence, and the index of each word given by its text.
    fn parsed(text: &str) -> (Words, Parse) {
        let words = Words::new(text, Span::new(0, text.len()));
        let written: Vec<&str> = words.toks.iter().map(|t| t.span.text(text)).collect();
        let parse = syntax::parser().parse(&written);
        (words, parse)
    }

    fn at(words: &Words, word: &str) -> usize {
        (0..words.len()).find(|&i| words.word(i) == word).unwrap_or(usize::MAX)
    }

    fn check(text: &str, word: &str, want: Role) {
        let (words, parse) = parsed(text);
        // The reporting verbs, as the engine's cues would name them.
        let blaming: Vec<usize> =
            (0..words.len()).filter(|&i| matches!(words.word(i), "blamed" | "accused" | "attributed")).collect();
        let all: Vec<usize> = (0..words.len())
            .filter(|&i| matches!(words.word(i), "blamed" | "accused" | "attributed" | "said" | "say"))
            .collect();
        let reporting = Reporting { all: &all, blaming: &blaming };
        assert_eq!(role(&parse, &words, reporting, at(&words, word)), want, "`{word}` in {text:?}");
    }

    #[test]
    fn subjects_do_and_objects_undergo() {
        check("Russia used a nerve agent against two people in Salisbury.", "russia", Role::Doer);
        check("Britain expelled 23 Russian diplomats after the poisoning.", "diplomats", Role::Undergoer);
        check("Britain expelled 23 Russian diplomats after the poisoning.", "britain", Role::Doer);
    }

    #[test]
    fn being_somewhere_is_not_doing() {
        check("All the missile units of the army are at their permanent locations.", "units", Role::Undergoer);
        check("Russia was behind the attack.", "russia", Role::Doer);
        check("Russia was responsible for the attack.", "russia", Role::Doer);
    }

    #[test]
    fn a_body_something_came_from_sent_it() {
        check("The missile came from Russia's 53rd brigade.", "russia's", Role::Doer);
        check("The missile came from eastern Ukraine.", "ukraine", Role::Oblique);
    }

    #[test]
    fn places_are_never_doers() {
        check(
            "The launcher that downed the airliner over eastern Ukraine came from a brigade.",
            "ukraine",
            Role::Oblique,
        );
        check("The army dropped sarin on Khan Shaykhun.", "shaykhun", Role::Oblique);
    }

    #[test]
    fn passive_agents_and_action_nouns() {
        check("The bomb was dropped by Syrian aircraft.", "aircraft", Role::Doer);
        check("The town was bombed by the regime.", "town", Role::Undergoer);
        check("Turkey said tests showed the attack by the regime used sarin.", "regime", Role::Doer);
    }

    #[test]
    fn possessors_and_modifiers_of_acts_and_doers() {
        check("Assad's forces dropped the gas.", "assad's", Role::Doer);
        check("The American strike destroyed twenty aircraft.", "american", Role::Doer);
        // A possessor of a body that undergoes is no doer.
        check("Britain expelled Russia's diplomats.", "russia's", Role::Undergoer);
    }

    #[test]
    fn answerable_objects_and_conjuncts() {
        check("The ministry held the terrorist groups and their sponsors fully responsible.", "groups", Role::Doer);
        check("The ministry held the terrorist groups and their sponsors fully responsible.", "sponsors", Role::Doer);
        check("The ministry thanked the groups and their sponsors.", "sponsors", Role::Undergoer);
    }

    #[test]
    fn the_blamed_is_the_doer() {
        check("The White House blamed the government of Bashar al-Assad for the attack.", "government", Role::Doer);
        // The engine asks for a name's head word ("al-Assad"), not for its first word.
        check("The White House blamed the government of Bashar al-Assad for the attack.", "al-assad", Role::Doer);
        check("Activists blamed the attack on government forces.", "forces", Role::Doer);
        check("Activists blamed the attack on government forces.", "attack", Role::Undergoer);
        check("The US accused Russia of covering up the attack.", "russia", Role::Doer);
        // Not a blaming verb: its object only undergoes.
        check("The US warned Russia against covering up the attack.", "russia", Role::Undergoer);
    }

    #[test]
    fn a_name_as_noun_modifier_is_a_place_unless_it_modifies_a_body() {
        check("Assad's forces bombarded the Damascus suburbs after the gas attack.", "damascus", Role::Oblique);
        check("The team checked in to a Damascus hotel on Monday.", "damascus", Role::Oblique);
        check("The Assad regime used sarin against the rebels.", "assad", Role::Doer);
        check("The American strike destroyed six aircraft.", "american", Role::Doer);
    }

    #[test]
    fn blaming_on_a_day_is_not_blaming_on_someone() {
        let text = "The White House on Tuesday blamed the government of Bashar al-Assad for the attack.";
        check(text, "government", Role::Doer);
        check(text, "tuesday", Role::Oblique);
    }

    #[test]
    fn partitives_and_instruments_are_left_to_the_words() {
        check("The military said none of its missiles had been fired at the airliner.", "its", Role::Unknown);
        check("The military said its missiles had been fired at the airliner.", "missiles", Role::Unknown);
    }

    #[test]
    fn a_speaker_is_not_a_doer() {
        let text = "Fabius said Assad was behind a massacre that the rebels say killed hundreds.";
        check(text, "rebels", Role::Speaker);
        check(text, "assad", Role::Doer);
    }

    #[test]
    fn a_passive_subject_shared_with_an_active_verb_does_it() {
        check("Zakharova said Russia had not been warned of the attack and did not know of it.", "russia", Role::Doer);
        check("Peskov said the town had been bombed and burned from the air.", "town", Role::Undergoer);
    }

    #[test]
    fn taking_part_is_doing() {
        check("Peskov said Russia had not been involved in the poisoning.", "russia", Role::Unknown);
        check("Peskov said the town had been bombed from the air.", "town", Role::Undergoer);
    }

    #[test]
    fn the_owner_of_a_named_place_is_where() {
        check("the incident in Syria's Idlib province was a crime", "syria's", Role::Oblique);
        check("Syria's Idlib offensive killed hundreds", "syria's", Role::Doer);
    }

    #[test]
    fn the_owner_of_what_a_passive_with_its_own_doer_acted_on_is_no_doer() {
        check("the army's firepower was not affected by the strike", "army's", Role::Undergoer);
        check("the army's firepower was not affected", "army's", Role::Doer);
    }

    #[test]
    fn the_one_a_body_is_loyal_to_owns_it() {
        check("Forces loyal to President Assad fired sarin into Zamalka.", "assad", Role::Doer);
        check("Rebels attacked forces loyal to President Assad in Zamalka.", "assad", Role::Undergoer);
        // Loyal to a cause, not to anyone's body: the parse gives no owner.
        check("The minister said he stayed loyal to the truce.", "truce", Role::Oblique);
    }

    #[test]
    fn genitive_of_a_doer() {
        check("Not a single system of the Russian armed forces has ever crossed the border.", "forces", Role::Doer);
        check("Police are investigating the poisoning of Skripal.", "skripal", Role::Undergoer);
    }

    fn scope(text: &str, neg: &str) -> String {
        let (words, parse) = parsed(text);
        let r = negation_scope(&parse, at(&words, neg));
        r.map(|i| words.word(i).to_owned()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn negation_reaches_the_verb_it_governs() {
        assert!(scope("The Syrian army did not use chemical weapons.", "not").contains("chemical weapons"));
        let early = scope("The first air raid took place at eleven, not in the early morning.", "not");
        assert!(!early.contains("raid"), "{early}");
        assert!(scope("Syria has no chemical weapons.", "no").contains("chemical weapons"));
        let evidence = scope("The evidence of the regime's attack was not fabricated.", "not");
        assert!(!evidence.contains("attack"), "{evidence}");
        // A negated subject negates its clause.
        let single = scope("Not a single system has ever crossed the border.", "not");
        assert!(single.contains("crossed"), "{single}");
        // A coordinated clause with its own subject is outside the negation.
        let text = "Peskov said Moscow did not consider its support to be unconditional, but that it was unacceptable to draw conclusions.";
        let both = scope(text, "not");
        assert!(both.contains("consider") && !both.contains("unacceptable"), "{both}");
        let shared = scope("The army did not bomb the town and did not use gas.", "not");
        assert!(shared.contains("bomb the town"), "{shared}");
    }
}
