//! The claim record: who claims what, with the evidence. Its JSON form is a contract:
//! `claimcheck claims --format jsonl` writes it and `claimcheck compare` reads it back, so
//! extraction and comparison can run in different processes or on different machines.
//!
//! [`check`] names the conflict kinds and severities; [`trace`] holds what `explain` shows;
//! [`text`] writes claims and reads values as fixtures and gold files do.

pub mod check;
pub mod text;
pub mod trace;

pub use check::{Checks, ConflictKind, Severity};
pub use trace::Explanation;

use parse::{Date, DocOrdinal, Interval, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What an actor does with a proposition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Holds it true.
    Assert,
    /// Holds it false.
    Deny,
    /// Suggests it without committing ("may", "suggested").
    Hedge,
}

impl Stance {
    /// The name used in packs and reports.
    pub const fn name(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Deny => "deny",
            Stance::Hedge => "hedge",
        }
    }

    /// The opposite stance: a negated assert is a deny and the other way round; a negated
    /// hedge ("did not suggest") commits to nothing and stays a hedge.
    pub const fn negated(self) -> Stance {
        match self {
            Stance::Assert => Stance::Deny,
            Stance::Deny => Stance::Assert,
            Stance::Hedge => Stance::Hedge,
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whose voice a claim is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    /// An actor the text reports ("Lavrov said …").
    Actor,
    /// The outlet itself, in the article's own voice ("the attack killed 74 people").
    Outlet,
    /// The article's headline, written again at the head of its text: no claim (the body
    /// makes it with its source), but its figures name the article's main event and toll.
    Headline,
    /// A speaker no pack lists, named or described, that accuses someone by name ("Syrian
    /// activists accused President Assad's forces of …") or says what a pack's actor says:
    /// its stances and figures are claims, and it is its own principal of an opposed stance,
    /// but never of a self-contradiction or report conflict, since one description
    /// ("activists") gathers people who need not share a position.
    Unlisted,
}

impl Voice {
    /// Whether claims in this voice are claims: a headline's figures are kept to find what
    /// the article is about, but are neither scored nor compared.
    pub fn claims(self) -> bool {
        self != Voice::Headline
    }
}

/// An actor by canonical id and display name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActorRef {
    /// Canonical id (`USA`, `rex-tillerson`, or `source:<name>` for an outlet no pack knows).
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A proposition by id, with its one-line statement.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PropositionRef {
    /// Pack id.
    pub id: String,
    /// The statement, for people.
    pub statement: String,
}

/// A value frame by id, with the quantity it measures.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FrameRef {
    /// Pack id.
    pub id: String,
    /// What is measured ("people killed in the Khan Shaykhun attack").
    pub quantity: String,
}

/// Whether a value counts things or names a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    /// A number of things; the interval is in units of the frame.
    Count,
    /// A calendar day; the interval is in days since 1970-01-01.
    Date,
}

/// A value a claim gives for a frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// The quantity.
    pub frame: FrameRef,
    /// Count or date.
    pub kind: ValueKind,
    /// The values it allows: hedges widen it ("at least 70" is `[70, ∞)`).
    pub interval: Interval,
    /// The words as written ("at least 70", "on Wednesday").
    pub raw: String,
    /// For dates: the day or days meant, resolved against the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<parse::DateValue>,
    /// For values of a generic frame: the event the value describes, its key for comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Event>,
}

/// Where a part of an event key was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Found {
    /// The value's own sentence.
    Sentence,
    /// An earlier sentence of its paragraph.
    Paragraph,
    /// The document's first sentence (headline, dateline or lead).
    Lead,
    /// The document's headline, given apart from its body (a CSV column, front matter).
    Title,
    /// The place the document names most often.
    Document,
    /// The publication date.
    Published,
}

/// An id with its display name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Named {
    /// Pack id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A place of a places pack, with the places it lies in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlaceRef {
    /// Pack id (`khan-shaykhun`).
    pub id: String,
    /// Display name ("Khan Shaykhun").
    pub name: String,
    /// The places it lies in, nearest first (district, governorate, country).
    #[serde(default)]
    pub within: Vec<Named>,
    /// What sort of place, as the places pack says (`town`, `city`, `governorate`); empty
    /// when unknown (claims written before it was recorded).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
}

impl PlaceRef {
    /// Whether the place is small enough that two reports of one day there are likely one
    /// event: a town, village or site. A city, district or governorate sees many events a
    /// day (Aleppo city in 2016). Without a recorded kind, a place two divisions down.
    pub fn is_locality(&self) -> bool {
        match self.kind.as_str() {
            "" => self.within.len() >= 2,
            kind => matches!(kind, "town" | "site"),
        }
    }

    /// Whether one of the two places lies in the other, or they are the same.
    pub fn nests_with(&self, other: &PlaceRef) -> bool {
        self.id == other.id
            || self.within.iter().any(|p| p.id == other.id)
            || other.within.iter().any(|p| p.id == self.id)
    }
}

/// A kind of event, with the kinds it may be confused with.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventKindRef {
    /// Pack id (`airstrike`).
    pub id: String,
    /// As a report names it ("an airstrike").
    pub name: String,
    /// Kinds another outlet may call the same event.
    #[serde(default)]
    pub compatible: Vec<String>,
    /// Whether a city or governorate sees many events of this kind a day (air strikes,
    /// shelling): then only a town or a site keys one event.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub many_a_day: bool,
}

/// The event a value describes: where, when and what, each read where the text gives it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Event {
    /// Where, when a places pack knows the place.
    pub place: Option<PlaceRef>,
    /// Where the place was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_from: Option<Found>,
    /// The day, resolved against the publication date.
    pub date: Option<Date>,
    /// Where the day was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<Found>,
    /// What happened, when written.
    pub kind: Option<EventKindRef>,
}

impl Event {
    /// Whether two values can be about this one event: days known and at most one apart
    /// (the same day in a city or governorate);
    /// places known and the same, or two localities ([`PlaceRef::is_locality`]) one inside
    /// the other (a town and its quarter); and kinds that agree. A city, district or
    /// governorate never meets a place inside it: "12 killed in Aleppo" may be any of the
    /// day's events there, so it must not swallow "an airstrike on Bab al-Nairab". Kinds
    /// agree when unwritten, equal or compatible if both name the same locality; otherwise
    /// (a town and its quarter; a city or governorate, where many events happen each day)
    /// both must be written, and equal or compatible, and in a city or governorate neither
    /// may be a kind it sees many of a day ([`EventKindRef::many_a_day`]).
    pub fn same_as(&self, other: &Event) -> bool {
        let (Some(a), Some(b)) = (&self.place, &other.place) else { return false };
        let same_place = a.id == b.id;
        let places = same_place || (a.is_locality() && b.is_locality() && a.nests_with(b));
        // A report written the next day may date the event a day off ("yesterday" read
        // across midnight); in a city or governorate, where another event of the next day is
        // as likely, only the same day is one event.
        // Not for kinds a place sees many of (clashes around Kobani on Sunday and on Monday
        // are two days' fighting).
        let many = |e: &Event| e.kind.as_ref().is_some_and(|k| k.many_a_day);
        let slack = if a.is_locality() && b.is_locality() && !many(self) && !many(other) { 1 } else { 0 };
        let dates = matches!((self.date, other.date),
            (Some(a), Some(b)) if (a.days_since_epoch() - b.days_since_epoch()).abs() <= slack);
        if !places || !dates {
            return false;
        }
        let compatible = |x: &EventKindRef, y: &EventKindRef| {
            x.id == y.id || x.compatible.contains(&y.id) || y.compatible.contains(&x.id)
        };
        match (&self.kind, &other.kind) {
            // Air strikes on a governorate: one of the day's many, unless a town is named.
            (Some(x), Some(y)) => compatible(x, y) && (a.is_locality() || !(x.many_a_day || y.many_a_day)),
            _ => same_place && a.is_locality(),
        }
    }

    /// The event in words: "an airstrike on Khan Shaykhun, Idlib, 4 April 2017".
    pub fn describe(&self) -> String {
        let mut out = String::new();
        if let Some(kind) = &self.kind {
            out.push_str(&kind.name);
        } else {
            out.push_str("an event");
        }
        if let Some(place) = &self.place {
            out.push_str(" in ");
            out.push_str(&place.name);
            // The first enclosing division that is not the country, for the reader's bearings.
            if let Some(region) = place.within.iter().rev().nth(1) {
                out.push_str(", ");
                out.push_str(&region.name);
            }
        }
        if let Some(date) = self.date {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let month = MONTHS.get(date.month().saturating_sub(1) as usize).copied().unwrap_or("");
            out.push_str(&format!(", {} {month} {}", date.day(), date.year()));
        }
        out
    }
}

/// Text and its span in the original document bytes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Marked {
    /// The text as written.
    pub text: String,
    /// Where it is in the document text, in bytes.
    pub span: Span,
}

/// Where a claim was read: enough to show it to a person without the document.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub document: String,
    /// The outlet.
    pub source: String,
    /// Display path of the file.
    pub path: String,
    /// Publication date of the document.
    pub published: Option<Date>,
    /// Position of the document in the input, for deterministic order.
    pub ordinal: DocOrdinal,
    /// The sentence, in bytes of the document text.
    pub span: Span,
    /// 1-based line of the sentence's start in the file.
    pub line: usize,
    /// 1-based column of the sentence's start in the file.
    pub column: usize,
    /// The sentence as written.
    pub sentence: String,
    /// The reporting cue ("denied", "according to"), when there is one.
    pub cue: Option<Marked>,
    /// The speaker as written ("the Kremlin", "he"), when the sentence names one.
    pub speaker: Option<Marked>,
}

/// One attribution as the text lays it out: a reporting cue, who speaks and what they say,
/// for every speaker the engine finds, whether a pack knows them or not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The reporting cue ("said", "according to", "denied").
    pub cue: Marked,
    /// The stance the cue gives what follows it.
    pub stance: Stance,
    /// The speaker as written, when the sentence names one.
    pub speaker: Option<Marked>,
    /// Who the speaker was resolved to, when they were.
    pub actor: Option<ActorRef>,
    /// How the speaker was found, or why none was.
    pub resolution: String,
    /// What was said, when the layout gives it.
    pub content: Option<Marked>,
    /// How the sentence was read (`X said that C`, `according to X, C`, …).
    pub layout: String,
}

/// One claim: an actor takes a stance on a proposition, or gives a value for a frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Who spoke, resolved (`rex-tillerson`).
    pub actor: ActorRef,
    /// Whom the speaker speaks for at the claim's date (`USA`); the actor itself when it is
    /// a state, bloc, organisation or outlet with no membership.
    pub principal: ActorRef,
    /// Blocs the principal belonged to at the claim's date (`WEST`).
    #[serde(default)]
    pub blocs: Vec<String>,
    /// Reported speech of an actor, or the outlet's own voice.
    pub voice: Voice,
    /// Whom the outlet heard the speaker through, when the text gives the speaker's words
    /// inside another speaker's ("…, according to a Turkish diplomat", "Russian media quoted
    /// Lavrov as saying …"): second-hand evidence of the speaker's position. `None` when the
    /// outlet reports the speaker itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relay: Option<ActorRef>,
    /// Assert, deny or hedge.
    pub stance: Stance,
    /// The proposition matched, when one was.
    pub proposition: Option<PropositionRef>,
    /// The value given, when a frame matched.
    pub value: Option<Value>,
    /// The claim's content, normalised (lower case, words separated by one space), for
    /// matching claims that no proposition covers.
    pub content: String,
    /// When it was said: a date the sentence gives, else the publication date.
    pub date: Option<Date>,
    /// How the speaker was found ("alias `Lavrov`", "pronoun `he` → Nikki Haley, line 9").
    pub attribution: String,
    /// Why the stance is what it is ("cue `denied` is deny", "negated by `never`").
    pub reasons: Vec<String>,
    /// Where it was read.
    pub evidence: Evidence,
}

impl Claim {
    /// The order claims are reported in: by document position, then place in the text.
    pub fn sort_key(&self) -> (DocOrdinal, usize, &str, &str) {
        (
            self.evidence.ordinal,
            self.evidence.span.start,
            self.proposition.as_ref().map_or("", |p| p.id.as_str()),
            self.value.as_ref().map_or("", |v| v.frame.id.as_str()),
        )
    }
}
