//! Closed word classes the engine needs that are grammar, not pack data: auxiliaries,
//! determiners, prepositions. Packs hold the open classes (cues, markers, names).

// sizes.py: a table (one word a line, as rustfmt lays them out).
/// Whether `word` (lower case) may stand between a speaker and its reporting verb:
/// auxiliaries, adverbs, time words and months ("Russia on Wednesday firmly denied").
pub fn is_gap_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "has",
        "have",
        "had",
        "did",
        "does",
        "do",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "is",
        "was",
        "were",
        "are",
        "also",
        "again",
        "then",
        "still",
        "already",
        "just",
        "now",
        "later",
        "earlier",
        "once",
        "twice",
        "further",
        "himself",
        "herself",
        "itself",
        "themselves",
        "on",
        "in",
        "at",
        "late",
        "early",
        "last",
        "this",
        "next",
        "today",
        "yesterday",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "week",
        "month",
        "year",
        "both",
        "all",
        "each",
        "too",
        "even",
        "soon",
        "first",
        "initially",
        "separately",
        "however",
        "meanwhile",
        "instead",
        "not",
        "never",
        "n't",
        "been",
        "being",
        "be",
        "the",
        "a",
        "an",
        "and",
        "continued",
        "continues",
        "continue",
        "to",
        "went",
        "go",
        "goes",
        "tried",
        "try",
        "tries",
        "sought",
        "seemed",
        "appeared",
    ];
    (word.len() > 4 && word.ends_with("ly"))
        || WORDS.contains(&word)
        || parse::date::is_weekday(word)
        || parse::date::is_month(word)
        || word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `word` (lower case) makes the next word a noun: "the claims", "these denials".
pub fn is_determiner(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "the", "a", "an", "these", "those", "this", "that", "such", "his", "her", "their", "its", "our", "your", "my",
        "any", "no", "s", "of", "whose", "every", "similar", "previous", "earlier", "latest", "new", "repeated",
    ];
    WORDS.contains(&word)
}

/// Whether `word` (lower case) is a form of "be", making a following participle passive.
pub fn is_be(word: &str) -> bool {
    matches!(word, "is" | "was" | "were" | "are" | "been" | "being" | "be" | "'s")
}

/// Whether the "'s" written onto `subject`, right before a participle with `after` after it,
/// is "has", not "is": a person's pronoun, with neither the "to" of "he's said to be" nor the
/// "by" of a passive's agent after the participle ("he's said that …", "who's argued for …").
/// "It's said that …" stays a passive with no source.
pub fn contracted_has(subject: &str, after: &str) -> bool {
    matches!(subject, "he's" | "she's" | "who's") && !matches!(after, "to" | "by")
}

/// Whether `word` (lower case) opens a prepositional phrase that can trail a reporting verb
/// without being what was said ("Lavrov said in an interview").
pub fn is_trailing_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "on"
            | "during"
            | "after"
            | "before"
            | "while"
            | "when"
            | "from"
            | "via"
            | "through"
            | "to"
            | "late"
            | "earlier"
            | "later"
            | "last"
            | "this"
            | "without"
    )
}

/// Whether `word` (lower case) ends a list of items in a subset reading of a number:
/// "including 20 children" gives a part, not the total.
pub fn is_subset_marker(word: &str) -> bool {
    matches!(word, "including" | "includes" | "include" | "among" | "whom" | "them")
}

/// Whether a quantity as written is vague ("dozens", "hundreds", "several"): no figure.
pub fn is_vague_quantity(raw: &str) -> bool {
    let last = raw.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    // "several dozen", "a few dozen", "some dozen": no figure ("a dozen" is twelve).
    let first = raw.split(' ').next().unwrap_or("").to_ascii_lowercase();
    if (last == "dozen" && matches!(first.as_str(), "several" | "few" | "some"))
        || raw.eq_ignore_ascii_case("a few dozen")
    {
        return true;
    }
    !raw.bytes().any(|b| b.is_ascii_digit())
        && matches!(
            last.as_str(),
            "dozens"
                | "scores"
                | "hundreds"
                | "thousands"
                | "tens"
                | "millions"
                | "several"
                | "many"
                | "numerous"
                | "few"
        )
}

/// Whether `word` (lower case) ends the noun phrase of a number: a preposition, a verb of
/// being, a conjunction, a relative pronoun or a subset marker ("12 people in Douma", "12
/// people including 5 children").
pub fn ends_noun_phrase(word: &str) -> bool {
    is_subset_marker(word)
        || is_relative(word)
        || word.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            word,
            "in" | "on"
                | "at"
                | "of"
                | "from"
                | "by"
                | "with"
                | "for"
                | "to"
                | "after"
                | "during"
                | "near"
                | "and"
                | "or"
                | "but"
                | "were"
                | "was"
                | "are"
                | "is"
                | "have"
                | "has"
                | "had"
                | "been"
                | "that"
                | "as"
                | "when"
                | "while"
        )
}

/// Whether `word` (lower case) is a verb of recovering the dead ("65 bodies were found",
/// "carted away 100 bodies"): a count of bodies with one is a toll, one merely seen is not.
pub fn is_recovery_verb(word: &str) -> bool {
    matches!(
        word,
        "found"
            | "find"
            | "recovered"
            | "recover"
            | "retrieved"
            | "pulled"
            | "carted"
            | "collected"
            | "unearthed"
            | "exhumed"
            | "discovered"
            | "removed"
            | "buried"
    )
}

/// Whether `word` (lower case) opens a non-restrictive relative clause after a comma: the
/// narrator's background, not what the speaker said ("…, which killed 74 people").
pub fn is_relative(word: &str) -> bool {
    matches!(word, "which" | "who" | "whose" | "whom")
}

/// Whether a report's content, as `first` and `second` words (lower case) open it, is an
/// indirect question ("told us what the arms were", "asked whether …", "explained how …"):
/// it asks or tells of something without asserting it. "what" and "who" count only after an
/// object pronoun, since "said what happened was a provocation" asserts.
pub fn opens_question(first: &str, second: &str) -> bool {
    let object = matches!(first, "us" | "me" | "him" | "her" | "them" | "you");
    matches!(first, "whether" | "how" | "why")
        || (object && matches!(second, "whether" | "how" | "why" | "what" | "who" | "where" | "if"))
}

/// Heads of anaphors that refer to a body rather than a person ("the ministry").
/// Whether `word` (lower case) heads a description of a document ("the statement"), which
/// speaks for whoever issued it.
pub fn is_document_head(word: &str) -> bool {
    matches!(
        word,
        "statement" | "report" | "communique" | "communiqué" | "document" | "letter" | "release" | "memo" | "summary"
    )
}

/// Whether `word` (lower case) heads a phrase that shows or tells without being anyone who
/// could hold a position: evidence and its media ("indications suggest", "a video showed",
/// "its own experiments showed", "interviews indicated") and quantified pronouns that name no
/// one ("everything he has seen suggests", "no one can doubt", "none disputed").
pub fn is_evidence_head(word: &str) -> bool {
    is_document_head(word.strip_suffix('s').unwrap_or(word))
        || matches!(
            word,
            "evidence"
                | "indication"
                | "indications"
                | "sign"
                | "signs"
                | "interview"
                | "interviews"
                | "experiment"
                | "experiments"
                | "test"
                | "tests"
                | "finding"
                | "findings"
                | "analysis"
                | "data"
                | "video"
                | "videos"
                | "footage"
                | "photograph"
                | "photographs"
                | "photo"
                | "photos"
                | "image"
                | "images"
                | "picture"
                | "pictures"
                | "account"
                | "accounts"
                | "email"
                | "emails"
                | "e-mails"
                | "message"
                | "messages"
                | "record"
                | "records"
                | "file"
                | "files"
                | "cable"
                | "cables"
                | "recording"
                | "recordings"
                | "everything"
                | "nothing"
                | "anything"
                | "none"
                | "one"
                | "nobody"
                | "anyone"
                | "everyone"
                | "all"
        )
}

/// Whether `word` (lower case) names a state's police, whose bodies speak for the state
/// ("Aleppo Police Command", "the Homs police").
pub fn is_police(word: &str) -> bool {
    matches!(word, "police" | "gendarmerie")
}

/// Whether `word` (lower case), alone before a headline's colon, names a source by its kind:
/// "Poll: …", "Report: …", "Insiders: …" (PolNeAR train marks 12 of 13 such labels).
pub fn is_source_label(word: &str) -> bool {
    matches!(
        word,
        "poll" | "survey" | "study" | "report" | "newspaper" | "insiders" | "historians" | "analysts" | "experts"
    )
}

/// Whether `word` (lower case) is the kind of a body that its name says ("the coalition" of
/// the Syrian National Coalition, "the observatory", "the directorate"): an anaphor of it is
/// that body, not any body named before.
pub fn is_body_kind(word: &str) -> bool {
    matches!(word, "coalition" | "observatory" | "directorate")
}

/// Whether `word` (lower case) is a title the packs give people ("the president", "the
/// spokesman"): an anaphor of it is a person holding it, not any person named before.
pub fn is_personal_title(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "minister"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ambassador"
            | "envoy"
            | "chancellor"
            | "secretary"
    )
}

/// Whether `word` (lower case) heads a description of a body rather than a person.
pub fn is_group_head(word: &str) -> bool {
    matches!(
        word,
        "ministry"
            | "government"
            | "agency"
            | "office"
            | "department"
            | "army"
            | "military"
            | "council"
            | "committee"
            | "organisation"
            | "organization"
            | "group"
            | "coalition"
            | "observatory"
            | "monitor"
            | "directorate"
            | "administration"
            | "kremlin"
            | "side"
            | "mission"
            | "team"
            | "body"
            | "watchdog"
            | "regime"
    )
}

/// Whether `word` (lower case) is a verb or adjective of knowing or believing whose `that`
/// opens what is known ("we know that …", "it is clear that …"), not a relative clause.
pub fn is_knowing(word: &str) -> bool {
    matches!(
        word,
        "know"
            | "knew"
            | "known"
            | "knows"
            | "think"
            | "thinks"
            | "thought"
            | "believe"
            | "believes"
            | "believed"
            | "feel"
            | "felt"
            | "hope"
            | "fear"
            | "sure"
            | "clear"
            | "aware"
            | "certain"
            | "convinced"
            | "learned"
            | "realize"
            | "realized"
            | "understand"
            | "understood"
    )
}

/// Whether `word` (lower case) heads a state's armed body or its rule ("the army", "the
/// military", "the regime"): a group with no state has none of its own.
pub fn is_state_arm(word: &str) -> bool {
    matches!(word, "army" | "military" | "regime" | "troops")
}

/// Whether `word` (lower case) is a verb that ties someone to an act ("link Russia to the
/// attack", "tied the regime to it"): its object is the act's doer.
pub fn is_linking_verb(word: &str) -> bool {
    matches!(
        word,
        "link"
            | "links"
            | "linked"
            | "linking"
            | "tie"
            | "ties"
            | "tied"
            | "tying"
            | "connect"
            | "connects"
            | "connected"
            | "connecting"
            | "implicate"
            | "implicates"
            | "implicated"
            | "implicating"
    )
}

/// Whether `word` (lower case) is a verb of showing or seeing, which takes an object and a
/// participle telling what the object was doing ("showed staff favoring", "saw troops firing").
pub fn is_showing_verb(word: &str) -> bool {
    matches!(
        word,
        "show"
            | "shows"
            | "showed"
            | "shown"
            | "showing"
            | "reveal"
            | "reveals"
            | "revealed"
            | "revealing"
            | "depict"
            | "depicts"
            | "depicted"
            | "depicting"
            | "see"
            | "sees"
            | "saw"
            | "seen"
            | "watched"
            | "caught"
            | "found"
    )
}

/// Whether `word` (lower case) heads a body that can do what a proposition is about:
/// "its army", "their forces", "his air force", "its government".
pub fn is_acting_body(word: &str) -> bool {
    is_group_head(word)
        || matches!(
            word,
            "forces"
                | "troops"
                | "jets"
                | "aircraft"
                | "pilots"
                | "soldiers"
                | "planes"
                | "warplanes"
                | "air"
                | "units"
                | "unit"
                | "officials"
                | "agents"
                | "operatives"
                | "services"
                | "brigade"
                | "missiles"
                | "missile"
                | "buk"
                | "own"
                | "delegation"
                | "envoy"
                | "diplomats"
        )
}

/// Whether `word` (lower case) is a preposition whose object is not the doer of a clause
/// ("in Syria", "against the regime"); "by" is left out: it introduces the doer.
pub fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "against"
            | "from"
            | "to"
            | "with"
            | "for"
            | "into"
            | "near"
            | "over"
            | "about"
            | "of"
            | "towards"
            | "toward"
            | "across"
            | "inside"
            | "outside"
            | "around"
            | "between"
            | "under"
            | "after"
            | "before"
            | "than"
            | "within"
            | "upon"
            | "via"
            | "like"
            | "onto"
            | "throughout"
            | "among"
            | "amid"
    )
}

/// Whether a negator followed by `next` (lower case, the next two words) does not negate
/// the clause: "not only", "not just us", "not the first time" (which asserts a repeat).
pub fn is_negation_idiom(next: &str) -> bool {
    const IDIOMS: &[&str] = &["only", "just", "merely", "simply", "the first", "alone", "least", "least of"];
    IDIOMS.iter().any(|i| next == *i || next.starts_with(&format!("{i} ")))
}

/// Whether `word` (lower case) makes the noun after it refer to something already named:
/// "the attack", "this incident", "any such attack".
pub fn is_definite(word: &str) -> bool {
    matches!(word, "the" | "this" | "that" | "these" | "those" | "such" | "its" | "their" | "same")
}

/// Whether `word` (lower case) after a body ties it to an owner ("forces loyal to Assad",
/// "militias allied with Damascus").
pub fn is_allegiance(word: &str) -> bool {
    matches!(word, "loyal" | "allied" | "affiliated" | "subordinate" | "answerable")
}

/// Whether `word` (lower case) before "to" makes its object the owner ("belonged to").
pub fn is_possession_verb(word: &str) -> bool {
    matches!(
        word,
        "belonged"
            | "belonging"
            | "belongs"
            | "belong"
            | "delivered"
            | "supplied"
            | "transferred"
            | "sold"
            | "handed"
            | "issued"
            | "assigned"
    )
}

/// Whether `word` (lower case) modifies a place name without being a verb: "eastern",
/// "rebel-held", "government-controlled", "northwest", "central".
pub fn is_place_modifier(word: &str) -> bool {
    let compass = ["north", "south", "east", "west"];
    let directional = compass.iter().any(|c| word.starts_with(c))
        && (word.ends_with("ern") || word.ends_with("east") || word.ends_with("west") || compass.contains(&word));
    let held =
        word.contains('-') && ["held", "controlled", "occupied", "run", "besieged"].iter().any(|e| word.ends_with(e));
    directional || held || matches!(word, "central" | "occupied" | "besieged" | "neighbouring" | "neighboring")
}

/// Whether `word` (lower case) takes a partitive "of" and stays the head of the phrase:
/// "none of its missiles", "some of their jets".
pub fn is_quantifier(word: &str) -> bool {
    matches!(
        word,
        "none" | "one" | "some" | "any" | "all" | "most" | "several" | "many" | "each" | "few" | "two" | "three"
    )
}

/// Whether `word` (lower case) is a past participle: regular "-ed" forms and the
/// irregular ones news uses for what is done to someone ("given", "shot down", "told").
pub fn is_participle(word: &str) -> bool {
    // "was involved", "was implicated": a state of taking part, which makes a doer.
    let taking_part = matches!(word, "involved" | "implicated" | "engaged" | "indeed" | "need" | "speed" | "seed");
    (word.len() > 4 && word.ends_with("ed") && !taking_part)
        || matches!(
            word,
            "given"
                | "shown"
                | "known"
                | "told"
                | "taken"
                | "brought"
                | "hit"
                | "shot"
                | "made"
                | "seen"
                | "held"
                | "sent"
                | "built"
                | "struck"
                | "found"
                | "thrown"
                | "driven"
                | "written"
                | "caught"
                | "led"
                | "left"
                | "kept"
                | "put"
                | "set"
                | "hidden"
                | "stolen"
                | "chosen"
                | "forbidden"
                | "beaten"
                | "spoken"
        )
}

/// Whether a token is punctuation only.
pub fn is_punct_str(word: &str) -> bool {
    word.chars().all(|c| !c.is_alphanumeric())
}

/// Whether `word` (lower case) is an honorific or office that may precede a name without
/// changing whom it names ("blamed on President Bashar al-Assad's forces").
pub fn is_honorific(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "president",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "secretary",
        "general",
        "gen",
        "gen.",
        "lt",
        "lt.",
        "colonel",
        "col.",
        "major",
        "maj.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sen.",
        "senator",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "king",
        "queen",
        "sheikh",
        "chancellor",
        "leader",
    ];
    WORDS.contains(&word)
}

/// A name without the honorifics and offices before it ("Sen. Ted Cruz" → "Ted Cruz",
/// "President Obama" → "Obama"), and without a possessive after it.
pub fn strip_honorifics(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 && is_honorific(&words[0].to_lowercase()) {
        words.remove(0);
    }
    let joined = words.join(" ");
    joined.strip_suffix("'s").unwrap_or(&joined).to_owned()
}

/// Whether `word` (lower case) names an office of a state's executive or armed forces, a
/// noun that speaks for the state it belongs to ("the ministry", "officials", "the General
/// Command", "Deputy Foreign Minister").
pub fn is_state_office(word: &str) -> bool {
    matches!(
        word,
        "ministry"
            | "ministries"
            | "minister"
            | "army"
            | "military"
            | "command"
            | "presidency"
            | "government"
            | "administration"
            | "official"
            | "officials"
            | "authorities"
            | "general"
            | "forces"
    )
}

/// Whether `word` (lower case) may stand in the title of a state office besides the office
/// itself: articles, ranks, portfolios and the words that join them ("The Ministry of
/// Foreign Affairs", "a senior administration official", "Lieutenant General").
pub fn is_state_office_modifier(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "and"
            | "senior"
            | "top"
            | "high-ranking"
            | "deputy"
            | "vice"
            | "foreign"
            | "affairs"
            | "defence"
            | "defense"
            | "interior"
            | "armed"
            | "republic"
            | "lieutenant"
            | "major"
            | "colonel"
            | "chief"
            | "staff"
    )
}

/// `word.to_lowercase()`, without the Unicode tables for an ASCII word (nearly every word:
/// `str::to_lowercase` maps a short word character by character through them).
pub fn lowercase(word: &str) -> String {
    if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() }
}

/// Pushes [`lowercase`]`(word)` onto `out`.
pub fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let at = out.len();
        out.push_str(word);
        if let Some(pushed) = out.get_mut(at..) {
            pushed.make_ascii_lowercase();
        }
    } else {
        out.push_str(&word.to_lowercase());
    }
}
