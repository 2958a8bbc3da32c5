//! Plain serde structs that mirror the YAML of a rule pack, field for field.
//!
//! A pack file is a mapping with any of the keys `pack`, `actors`, `cues`, `lexicon`,
//! `propositions`, `frames` and `checks`; the packs of a run are merged. Fixture files
//! (`*.test.yaml`) hold `tests` instead. These structs only describe shape; what the values
//! must mean (ids that exist, dates in order) is checked when packs are validated.

use claim::Stance;
use claim::check::{Checks, ConflictKind, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One pack file.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PackFile {
    /// What the pack is.
    pub pack: Option<PackMeta>,
    /// Actors: states, people, organisations, blocs, outlets.
    pub actors: Vec<ActorDef>,
    /// Reporting cues: verbs, phrases and nouns with a stance.
    pub cues: Vec<CueDef>,
    /// Word lists the engine uses: negators, denial markers, hedges, speaker heads.
    pub lexicon: Option<LexiconDef>,
    /// Propositions claims can be about.
    pub propositions: Vec<PropositionDef>,
    /// Value frames: quantities and dates claims can give.
    pub frames: Vec<FrameDef>,
    /// Which conflicts are reported at which severity.
    pub checks: Option<ChecksDef>,
    /// Places events happen in, with the place each lies in: the keys that tie a value of a
    /// generic frame to its event.
    pub places: Vec<PlaceDef>,
    /// Kinds of event ("airstrike", "car bomb") and the words that name them.
    pub event_kinds: Vec<EventKindDef>,
    /// Words that start another event in a sentence ("in another incident", "elsewhere"):
    /// a value there takes its event's place and kind from its own sentence only, never
    /// from the sentences before it, the lead or the headline.
    pub event_breaks: Vec<String>,
}

/// What a pack is and where its facts come from.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[schemars(extend("x-what" = "the `pack` header"))]
#[serde(default, deny_unknown_fields)]
pub struct PackMeta {
    /// Short name.
    pub name: String,
    /// One paragraph on what it covers.
    pub description: Option<String>,
    /// Where its facts come from.
    pub sources: Vec<String>,
}

/// What sort of actor.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A sovereign state; its id is the ISO 3166-1 alpha-3 code (`RUS`).
    State,
    /// A person.
    Person,
    /// A government body, international body, NGO, company or armed group.
    Organisation,
    /// A group of states or organisations ("the West").
    Bloc,
    /// A news outlet.
    Outlet,
}

/// Grammatical gender, used only to resolve `he` and `she`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Resolves `he`, `him`, `his`.
    Male,
    /// Resolves `she`, `her`.
    Female,
}

/// An actor.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActorDef {
    /// Canonical id: ISO alpha-3 for states (`RUS`), upper-case for bodies (`OPCW`),
    /// lower-case kebab for people (`sergei-lavrov`) and outlets (`reuters`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// What sort of actor.
    pub kind: ActorKind,
    /// Names that mean this actor. An alias written all in capitals (`US`, `UN`) matches
    /// only in capitals; others match in any case.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Places or buildings that stand for the actor (`Moscow`, `the Kremlin`).
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// Adjectives that, before a speaker head ("officials", "defence ministry"), mean the
    /// actor: `Russian` makes "Russian officials" speak for Russia.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Whom the actor speaks for or belongs to, with optional dates.
    #[serde(default)]
    pub member_of: Vec<MembershipDef>,
    /// Titles that mean this person while they hold them ("Secretary of State" of `USA`).
    #[serde(default)]
    pub roles: Vec<RoleDef>,
    /// For people: resolves `he` and `she`.
    #[serde(default)]
    pub gender: Option<Gender>,
}

/// Membership of another actor, for a time.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MembershipDef {
    /// Id of the actor this one belongs to.
    pub actor: String,
    /// First day, `YYYY-MM-DD`; open when absent.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`; open when absent.
    #[serde(default)]
    pub until: Option<String>,
}

/// A title that names a person while they hold it.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleDef {
    /// The title ("foreign minister", "Secretary of State").
    pub title: String,
    /// The actor whose title it is; combined with its names, demonyms and possessives
    /// ("Russia's foreign minister", "the Russian foreign minister").
    #[serde(default)]
    pub of: Option<String>,
    /// First day, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    #[serde(default)]
    pub until: Option<String>,
}

/// How a cue's arguments are laid out around it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CuePattern {
    /// `X said (that) C`, `C, X said`, `"C," said X`, `X told Y that C`.
    #[default]
    Say,
    /// `according to X, C` and `C, according to X`: the speaker follows the cue.
    AccordingTo,
    /// `X accused Y of C`: C is claimed of Y, who is its agent.
    Accuse,
    /// `X blamed Y for C`, `X blamed C on Y`, `C that X blames on Y`: Y is the agent of C.
    Blame,
    /// `X called C a provocation`: the complement decides the stance.
    Call,
    /// `X's belief that C`, `the accusation that C`: a noun with a clause.
    Noun,
}

/// What part of speech a cue is, which decides how its forms are generated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CueKind {
    /// A verb: `-s`, `-ed`, `-ing` forms are generated unless `forms` are given.
    #[default]
    Verb,
    /// A fixed phrase, matched as written.
    Phrase,
    /// A noun: the plural is generated unless `forms` are given.
    Noun,
}

/// A reporting cue.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CueDef {
    /// The lemma or phrase ("say", "according to", "belief").
    pub cue: String,
    /// The stance it gives its content.
    pub stance: Stance,
    /// Part of speech; verbs by default.
    #[serde(default)]
    pub kind: CueKind,
    /// Inflected forms, when the generated ones would be wrong ("said", "says").
    #[serde(default)]
    pub forms: Vec<String>,
    /// Argument layout; `say` by default.
    #[serde(default)]
    pub pattern: CuePattern,
    /// Whether its bare and -s forms are as often nouns ("the swing states", "his second
    /// term", "the approving comments"): then only a speaker a pack names or a pronoun, or a
    /// parse that reads it as a verb with a subject, makes it a report.
    #[serde(default)]
    pub noun_too: bool,
    /// Whether the speaker holds what follows (a claim with the cue's stance); `false` for
    /// cues that report speech, evaluation or intent without taking a position on a
    /// proposition ("asked", "urged", "praised", "declined to comment"): an attribution
    /// only, whose content gives no claim.
    #[serde(default = "yes")]
    pub claims: bool,
}

fn yes() -> bool {
    true
}

/// Word lists the engine uses. Lists from several packs are merged.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[schemars(extend("x-what" = "the `lexicon`"))]
#[serde(default, deny_unknown_fields)]
pub struct LexiconDef {
    /// Words that negate what follows within their clause ("not", "never", "n't").
    pub negators: Vec<String>,
    /// Words in the content that deny it ("unfounded", "staged", "fabrication").
    pub denial_markers: Vec<String>,
    /// Words in the content that weaken it to a hedge ("may", "possibly").
    pub hedges: Vec<String>,
    /// Nouns that, after a demonym, make a speaker ("officials", "defence ministry").
    pub speaker_heads: Vec<String>,
    /// Definite descriptions that refer back to the last person speaker ("the minister").
    pub anaphors: Vec<String>,
    /// Nouns that refer back to a claim in context ("the accusations", "these allegations").
    pub claim_nouns: Vec<String>,
    /// Words that make a clause hypothetical or a question ("if", "whether", "would").
    pub irrealis: Vec<String>,
}

/// Terms a text must contain: every group of `all` (any term of the group), at least one
/// term of `any` when given, and no term of `none`.
///
/// A term is a word or phrase matched on word boundaries in any case; `~Khan Shaykhun`
/// also matches close spellings (Sheikhoun, Shaykhoun); `chemic*` matches any ending.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct MatcherDef {
    /// Groups of terms; each group must match.
    pub all: Vec<Vec<String>>,
    /// Terms of which one must match.
    pub any: Vec<String>,
    /// Terms of which none may match.
    pub none: Vec<String>,
}

/// A proposition: one statement that actors assert or deny.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PropositionDef {
    /// Id, `topic/name` by convention (`syria-2017/ks-attack-by-government`).
    pub id: String,
    /// The statement in one line.
    pub statement: String,
    /// Terms the claim content must contain to be about this proposition.
    pub about: MatcherDef,
    /// Actors whose agency the statement asserts: a content that names one of them as the
    /// doer matches; one that names a rival instead denies.
    #[serde(default)]
    pub agent: Vec<String>,
    /// Actors whose agency is the rival account ("the rebels", "terrorists").
    #[serde(default)]
    pub rivals: Vec<String>,
    /// Terms of the rival account ("depot", "leaked"): present, they deny the statement.
    #[serde(default)]
    pub counter: Vec<String>,
    /// Propositions that asserting this one denies: asserting that the attack was staged
    /// denies that the government carried it out.
    #[serde(default)]
    pub contradicts: Vec<String>,
    /// Terms the document must hold somewhere for the proposition to apply at all: the
    /// story's places, people and events. Keeps one story's propositions out of another
    /// story's articles ("a provocation" in a Salisbury report is not about Khan Shaykhun).
    #[serde(default)]
    pub context: Vec<String>,
    /// Only documents published on or after this day, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: Option<String>,
    /// Only documents published on or before this day, `YYYY-MM-DD`.
    #[serde(default)]
    pub until: Option<String>,
}

/// Whether a frame counts things or names a day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FrameKind {
    /// A number of things.
    #[default]
    Count,
    /// A calendar day.
    Date,
}

/// A value frame: a quantity, and the patterns that give it.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameDef {
    /// Id, `topic/name` by convention (`syria-2017/ks-deaths`).
    pub id: String,
    /// What is measured, in words.
    pub quantity: String,
    /// Count or date; count by default.
    #[serde(default)]
    pub kind: FrameKind,
    /// Unit of a count ("people", "missiles").
    #[serde(default)]
    pub unit: Option<String>,
    /// Terms the sentence (or its paragraph) must contain for the frame to apply.
    pub about: MatcherDef,
    /// Patterns around the value: `{N}` stands for a number (hedge included), `{DATE}`
    /// for a date, `...` for up to four other words: `killed {N}`, `{N} ... dead`.
    pub patterns: Vec<String>,
    /// Terms the document must hold somewhere for the frame to apply at all.
    #[serde(default)]
    pub context: Vec<String>,
    /// Only documents published on or after this day.
    #[serde(default)]
    pub from: Option<String>,
    /// Only documents published on or before this day.
    #[serde(default)]
    pub until: Option<String>,
    /// A frame of any event rather than of one named event: each value is tied to the event
    /// its sentence describes (place, date, kind) and compared only with values of the same
    /// event. A named-event frame that reads the same number takes precedence.
    #[serde(default)]
    pub generic: bool,
    /// The frame whose total this one is a part of (`casualties/killed` for the children
    /// among the killed). A part is never compared with its total.
    #[serde(default)]
    pub part_of: Option<String>,
    /// Nouns the number must count for a part ("children", "civilians"): "killed 12
    /// civilians" is a part, "killed 12 people" the total. The heads of a frame's parts are
    /// refused by the frame itself.
    #[serde(default)]
    pub heads: Vec<String>,
    /// For a frame of one named event: where, when and what it was. A number the frame's
    /// patterns read is that event's only when the event its sentence describes does not
    /// contradict these (another town, another day written, another kind); otherwise it is
    /// left to the generic frames, tied to its own event.
    #[serde(default)]
    pub event: Option<FrameEventDef>,
}

/// The one event a named-event frame counts for.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct FrameEventDef {
    /// A place of a places pack (`khan-shaykhun`).
    pub place: Option<String>,
    /// The day, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// An event kind (`chemical-attack`).
    pub kind: Option<String>,
}

/// What sort of place.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A state.
    Country,
    /// A first-level division (a Syrian governorate, *muhafazah*).
    Governorate,
    /// A second-level division (*mantiqah*).
    District,
    /// A third-level division (*nahiyah*).
    Subdistrict,
    /// A city.
    City,
    /// A town or village.
    Town,
    /// A neighbourhood, camp, air base or other named site.
    Site,
}

impl PlaceKind {
    /// The kind as packs write it (`governorate`).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Governorate => "governorate",
            PlaceKind::District => "district",
            PlaceKind::Subdistrict => "subdistrict",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Site => "site",
        }
    }
}

/// A place.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceDef {
    /// Id, lower-case kebab (`khan-shaykhun`), unique across packs.
    pub id: String,
    /// Display name ("Khan Shaykhun").
    pub name: String,
    /// What sort of place.
    pub kind: PlaceKind,
    /// Id of the place this one lies in (its district, governorate or country).
    #[serde(default, rename = "in")]
    pub within: Option<String>,
    /// Other spellings ("Khan Sheikhoun", "Khan Cheikhoun"), matched as written in any case,
    /// capitalised in the text.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A kind of event.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventKindDef {
    /// Id (`airstrike`).
    pub id: String,
    /// How a report names it after "killed in" ("an airstrike").
    pub name: String,
    /// Words and phrases that name it ("air strike", "air raid", "warplanes").
    pub terms: Vec<String>,
    /// Kinds that may be one event with this one under another name (an "explosion" may be
    /// the "car bomb" another outlet names): both ways.
    #[serde(default)]
    pub compatible: Vec<String>,
    /// Whether a city or governorate sees many events of this kind a day (air strikes and
    /// shelling on Aleppo in 2016): two reports of one there, keyed only to the city or
    /// governorate, cannot be told to be the same event.
    #[serde(default)]
    pub many_a_day: bool,
}

/// Severities per conflict kind, with overrides per proposition or frame.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[schemars(extend("x-what" = "the `checks`"))]
#[serde(default, deny_unknown_fields)]
pub struct ChecksDef {
    /// Severity of each kind; kinds left out keep their default.
    #[schemars(extend("propertyNames" = {"$ref": "#/$defs/ConflictKind"}))]
    pub severity: BTreeMap<ConflictKind, SeverityOrOff>,
    /// Severities for one proposition or frame.
    pub overrides: Vec<OverrideDef>,
    /// Settings of the near-duplicate check.
    pub unlisted: Option<UnlistedDef>,
}

impl ChecksDef {
    /// The compiled checks: each kind's severity, the overrides in load order (a later one
    /// of the same target and kind wins), the unlisted similarity.
    pub fn compile(&self) -> Checks {
        let mut checks = Checks::default();
        for (kind, value) in &self.severity {
            checks.set(*kind, value.severity());
        }
        for def in &self.overrides {
            checks.set_override(&def.target, def.kind, def.severity.severity());
        }
        if let Some(unlisted) = &self.unlisted {
            checks.set_similarity(unlisted.similarity);
        }
        checks
    }
}

/// A severity, or `off` to not report the kind at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[schemars(extend("x-what" = "severity"))]
#[serde(untagged)]
pub enum SeverityOrOff {
    /// Report at this severity.
    Severity(Severity),
    /// Do not report.
    Off(Off),
}

impl SeverityOrOff {
    /// The severity, `None` when off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            SeverityOrOff::Severity(s) => Some(s),
            SeverityOrOff::Off(_) => None,
        }
    }
}

/// The word `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Off {
    /// Not reported.
    Off,
}

/// A severity for one proposition or frame.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OverrideDef {
    /// Proposition or frame id.
    pub target: String,
    /// Kind of conflict; all kinds when absent.
    #[serde(default)]
    pub kind: Option<ConflictKind>,
    /// The severity, or `off`.
    pub severity: SeverityOrOff,
}

/// Settings of the near-duplicate check for claims no proposition covers.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[schemars(extend("x-what" = "the `unlisted` settings"))]
#[serde(deny_unknown_fields)]
pub struct UnlistedDef {
    /// Smallest similarity (0 to 1) of two contents to count as the same claim.
    pub similarity: f64,
}

/// A fixture file (`*.test.yaml`): sentences and the claims they must and must not yield.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct FixtureFile {
    /// The cases.
    pub tests: Vec<FixtureCase>,
}

/// One fixture case.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FixtureCase {
    /// What it checks, in a few words.
    pub name: String,
    /// The text, one or more paragraphs.
    pub text: String,
    /// Publication date, for relative dates and dated memberships.
    #[serde(default)]
    pub published: Option<String>,
    /// The outlet, for claims in its own voice.
    #[serde(default)]
    pub source: Option<String>,
    /// The headline, when given apart from the text (a CSV column, front matter).
    #[serde(default)]
    pub title: Option<String>,
    /// Claims that must be found.
    #[serde(default)]
    pub claims: Vec<ExpectedClaim>,
    /// Claims that must not be found.
    #[serde(default)]
    pub not_claims: Vec<ExpectedClaim>,
    /// A known failure: `rules test` reports it as TODO and does not fail on it (and says
    /// so when it passes, so the marker can go).
    #[serde(default)]
    pub todo: bool,
}

/// A claim a fixture expects; fields left out match anything.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ExpectedClaim {
    /// Actor or principal id.
    pub actor: Option<String>,
    /// Stance.
    pub stance: Option<Stance>,
    /// Proposition id.
    pub proposition: Option<String>,
    /// Frame id.
    pub frame: Option<String>,
    /// The value as an interval or number: `74`, `[70, inf)`, `2017-04-12`.
    pub value: Option<String>,
    /// For a generic frame's value: the id of its event's place (`khan-shaykhun`).
    pub place: Option<String>,
    /// For a generic frame's value: its event's day, `YYYY-MM-DD`.
    pub day: Option<String>,
    /// For a generic frame's value: its event's kind (`airstrike`).
    pub event_kind: Option<String>,
}

/// The JSON Schema of a pack file, for editors (`# yaml-language-server: $schema=…`) and
/// for checking packs outside claimcheck; generated from these types, so it cannot drift.
pub fn pack_json_schema() -> String {
    let schema = schemars::schema_for!(PackFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of a fixture file (`*.test.yaml`).
pub fn fixture_json_schema() -> String {
    let schema = schemars::schema_for!(FixtureFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
