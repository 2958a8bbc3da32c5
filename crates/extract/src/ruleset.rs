//! The compiled rule set: every pack of a run turned into automata and tables, once.

use crate::actor::{Actor, Directory, Period, Title};
use crate::lexicon::{ActorIdx, CueIdx, Lexicon, LexiconBuilder, Negation, Pronoun, Role, TermIdx, Via};
use crate::matcher::{Matcher, TermRef, Terms};
use crate::place::Gazetteer;
use claim::{Checks, Stance};
use hashbrown::HashMap;
use pack::frame::ValuePattern;
use pack::schema::{ActorKind, CueKind, CuePattern, FrameKind};
use pack::{Origin, PackError, PackSet};
use parse::Date;

/// The lemma of the learned verb cue: no pack cue can be written so.
const LEARNED_VERB: &str = "(learned verb cue)";
/// The lemma of the learned noun cue.
const LEARNED_NOUN: &str = "(learned noun cue)";

/// A compiled reporting cue.
#[derive(Clone, Debug)]
pub struct Cue {
    /// The lemma as the pack wrote it.
    pub lemma: String,
    /// The stance it gives.
    pub stance: Stance,
    /// Part of speech.
    pub kind: CueKind,
    /// Argument layout.
    pub pattern: CuePattern,
    /// Whether its bare and -s forms are as often nouns.
    pub noun_too: bool,
    /// Whether its speaker holds what follows: `false` makes an attribution without a claim.
    pub claims: bool,
}

/// A compiled proposition.
#[derive(Clone, Debug)]
pub struct Proposition {
    /// Pack id.
    pub id: String,
    /// One-line statement.
    pub statement: String,
    /// What the content must mention.
    pub about: Matcher,
    /// Actors whose agency it asserts.
    pub agent: Vec<ActorIdx>,
    /// Rival agents.
    pub rivals: Vec<ActorIdx>,
    /// Terms of the rival account.
    pub counter: Vec<TermRef>,
    /// Publication dates it applies to.
    pub window: Period,
    /// Its own exact terms, sorted: they never count as denial markers against it.
    pub own_terms: Vec<TermIdx>,
    /// Propositions that asserting this one denies.
    pub contradicts: Vec<u32>,
    /// Terms one of which the document must hold; empty when any document will do.
    pub context: Vec<TermRef>,
}

/// A compiled value frame.
#[derive(Clone, Debug)]
pub struct Frame {
    /// Pack id.
    pub id: String,
    /// What it measures.
    pub quantity: String,
    /// Count or date.
    pub kind: FrameKind,
    /// What the paragraph must mention.
    pub about: Matcher,
    /// Patterns around the value.
    pub patterns: Vec<ValuePattern>,
    /// Publication dates it applies to.
    pub window: Period,
    /// Terms one of which the document must hold; empty when any document will do.
    pub context: Vec<TermRef>,
    /// Values are tied to their event and compared per event.
    pub generic: bool,
    /// The total this frame is a part of.
    pub part_of: Option<u32>,
    /// Nouns (lower case) the number must count, for a part.
    pub heads: Vec<String>,
    /// Nouns (lower case) the number must not count: the heads of this frame's parts.
    pub refused_heads: Vec<String>,
    /// Words (lower case) that make a number another generic frame's subject: the last word
    /// of the other frames' `{N} ... word` patterns that none of this frame's family
    /// ends with. "killed 3 civilians, 12 injured": `injured` makes 12 the injured count.
    pub rival_predicates: Vec<String>,
    /// For a frame of one named event: its place, day and kind, as a claim records them.
    pub event: Option<claim::Event>,
}

/// Every pack of a run, compiled.
#[derive(Debug)]
pub struct RuleSet {
    pub(crate) lexicon: Lexicon,
    pub(crate) directory: Directory,
    pub(crate) cues: Vec<Cue>,
    pub(crate) terms: Terms,
    pub(crate) propositions: Vec<Proposition>,
    pub(crate) frames: Vec<Frame>,
    /// For each exact term, the propositions whose matchers use it.
    pub(crate) term_propositions: Vec<Vec<u32>>,
    /// For each exact term, the frames whose matchers use it.
    pub(crate) term_frames: Vec<Vec<u32>>,
    pub(crate) outlets: HashMap<String, ActorIdx>,
    /// The noun of each alias written "the" and one lower-case noun ("the regime"), with its
    /// actor: "the criminal regime" names it too (`engine::sentence::described`).
    pub(crate) definite_heads: HashMap<String, ActorIdx>,
    pub(crate) gazetteer: Gazetteer,
    checks: Checks,
    pack_names: Vec<String>,
    /// Whether the learned cue classifier adds cues (on unless switched off).
    pub(crate) learned_cues: bool,
    /// Whether only sentences that a listed cue, a colon, a closing quotation or a poll
    /// opens are parsed ([`RuleSet::set_fast`]).
    pub(crate) fast: bool,
}

fn date(text: &Option<String>) -> Option<Date> {
    text.as_deref().and_then(Date::parse_published)
}

fn period(from: &Option<String>, until: &Option<String>) -> Period {
    Period { from: date(from), until: date(until) }
}

/// Pronouns every pack set knows.
const PRONOUNS: [(&str, Pronoun); 5] =
    [("he", Pronoun::He), ("she", Pronoun::She), ("they", Pronoun::They), ("it", Pronoun::It), ("we", Pronoun::We)];

/// Negators that quantify the subject ("no one doubts") rather than negate a verb.
const UNIVERSAL_NEGATORS: [&str; 5] = ["no one", "no-one", "nobody", "none", "nothing"];

/// What compiling a pack set accumulates: the patterns of the word automaton, the matcher
/// terms, the actor directory, and every problem found. Each part of a pack compiles in its
/// own method, in a fixed order (the order patterns are added is their index).
struct Compiler<'p> {
    packs: &'p PackSet,
    lexicon: LexiconBuilder,
    terms: Terms,
    directory: Directory,
    outlets: HashMap<String, ActorIdx>,
    definite_heads: HashMap<String, ActorIdx>,
    errors: Vec<PackError>,
}

impl RuleSet {
    /// Compiles validated packs. References come resolved and value patterns compiled from
    /// the loader, which checked them ([`PackSet::actor_refs`] and the like); a position
    /// past the end of a list is left out, so nothing here can panic the engine.
    pub fn compile(packs: &PackSet) -> Result<RuleSet, Vec<PackError>> {
        let mut compiler = Compiler {
            packs,
            lexicon: LexiconBuilder::default(),
            terms: Terms::default(),
            directory: Directory::default(),
            outlets: HashMap::new(),
            definite_heads: HashMap::new(),
            errors: Vec::new(),
        };
        compiler.actors();
        compiler.memberships_and_titles();
        let cues = compiler.cues();
        compiler.word_lists();
        let propositions = compiler.propositions();
        let frames = compiler.frames();
        compiler.finish(cues, propositions, frames)
    }

    /// Switches the learned cue classifier (`cue_model`) on or off: off, only the packs'
    /// cues report (to measure what the classifier adds, and to train it).
    pub fn set_learned_cues(&mut self, on: bool) {
        self.learned_cues = on;
    }

    /// Switches fast reading on or off. On, a sentence is parsed only when a listed cue, a
    /// colon near its start, a closing quotation or a poll opens it, not for a word of the
    /// learned cue classifier alone; the classifier still reads the sentences parsed for
    /// those. About a fifth of news sentences are parsed for the classifier's words alone, and
    /// they give few attributions and no claim of a pack's (BENCHMARKS.md has the figures).
    pub fn set_fast(&mut self, on: bool) {
        self.fast = on;
    }

    /// The learned verb cue (`engine::learned`).
    pub(crate) fn learned_verb(&self) -> Option<CueIdx> {
        self.learned(LEARNED_VERB)
    }

    /// The learned noun cue (`engine::learned`).
    pub(crate) fn learned_noun(&self) -> Option<CueIdx> {
        self.learned(LEARNED_NOUN)
    }

    /// Whether `cue` is one of the learned cues: an attribution only, which no claim,
    /// unit of speech or reported speaker is read from.
    pub(crate) fn is_learned(&self, cue: CueIdx) -> bool {
        let learned = [self.learned_verb(), self.learned_noun()];
        learned.contains(&Some(cue))
    }

    fn learned(&self, lemma: &str) -> Option<CueIdx> {
        let at = self.cues.len().checked_sub(2)?;
        (at..self.cues.len()).find(|&i| self.cues[i].lemma == lemma).map(|i| i as CueIdx)
    }

    /// The merged `checks` of the packs, compiled.
    pub fn checks(&self) -> &Checks {
        &self.checks
    }

    /// Names of the packs, in load order.
    pub fn pack_names(&self) -> &[String] {
        &self.pack_names
    }

    /// Number of distinct patterns scanned for.
    pub fn pattern_count(&self) -> usize {
        self.lexicon.len()
    }

    /// Proposition ids and statements, in pack order.
    pub fn propositions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.propositions.iter().map(|p| (p.id.as_str(), p.statement.as_str()))
    }

    /// Frame ids and quantities, in pack order.
    pub fn frames(&self) -> impl Iterator<Item = (&str, &str)> {
        self.frames.iter().map(|f| (f.id.as_str(), f.quantity.as_str()))
    }

    /// Ids of the blocs the actor `id` belongs to on `date` (empty for unknown ids).
    pub fn blocs_of(&self, id: &str, date: Option<Date>) -> Vec<String> {
        self.directory.find(id).map_or_else(Vec::new, |a| self.directory.blocs(a, date))
    }

    /// The principal id the actor `id` speaks for on `date` (itself when unknown).
    pub fn principal_of(&self, id: &str, date: Option<Date>) -> String {
        self.directory
            .find(id)
            .map_or_else(|| id.to_owned(), |a| self.directory.get(self.directory.principal(a, date)).id.clone())
    }
}

/// The actors at `positions` that exist in a directory of `len` actors.
fn actors_at(positions: &[usize], len: usize) -> Vec<ActorIdx> {
    positions.iter().filter(|&&i| i < len).map(|&i| i as ActorIdx).collect()
}

/// Whether `name` is a proper name: every word, past a leading "the", capitalised (or a
/// particle such as "of", "and", "al-").
fn is_proper_name(name: &str) -> bool {
    let name = name.strip_prefix("the ").unwrap_or(name);
    name.split([' ', '-']).all(|w| {
        matches!(w, "of" | "and" | "the" | "al" | "el" | "de") || w.chars().next().is_some_and(char::is_uppercase)
    })
}

/// A proper name's possessive as text stripped of apostrophes writes it ("Syrias
/// opposition", "Assads forces"): the name and an `s`. None for names that end in `s` or
/// are not proper names, whose `s` form would be another word.
fn bare_possessive(name: &str) -> Option<String> {
    let last = name.chars().last()?;
    let ends_in_s = matches!(last, 's' | 'S');
    (is_proper_name(name) && last.is_alphabetic() && !ends_in_s && !name.chars().all(|c| !c.is_lowercase()))
        .then(|| format!("{name}s"))
}

impl Compiler<'_> {
    /// Actors: the directory, and their names, aliases, metonyms and demonyms as patterns.
    fn actors(&mut self) {
        for def in &self.packs.actors {
            let actor = &def.value;
            let idx = self.directory.push(Actor {
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
                gender: actor.gender,
                memberships: Vec::new(),
            });
            for alias in actor.aliases.iter().chain(std::iter::once(&actor.name)) {
                self.lexicon.add(alias, Role::Actor(idx, Via::Alias));
                if let Some(noun) = alias.strip_prefix("the ").filter(|n| n.chars().all(|c| c.is_ascii_lowercase())) {
                    self.definite_heads.entry(noun.to_owned()).or_insert(idx);
                }
                if let Some(possessive) = bare_possessive(alias) {
                    self.lexicon.add(&possessive, Role::Actor(idx, Via::Alias));
                }
                if actor.kind == ActorKind::Outlet {
                    self.outlets.insert(alias.to_lowercase(), idx);
                }
            }
            if actor.kind == ActorKind::Outlet {
                self.outlets.insert(actor.id.to_lowercase(), idx);
            }
            for metonym in &actor.metonyms {
                self.lexicon.add(metonym, Role::Actor(idx, Via::Metonym));
                if let Some(possessive) = bare_possessive(metonym) {
                    self.lexicon.add(&possessive, Role::Actor(idx, Via::Metonym));
                }
            }
            for demonym in &actor.demonyms {
                self.lexicon.add(demonym, Role::Actor(idx, Via::Demonym));
            }
        }
    }

    /// Memberships and titles, once every actor is in the directory.
    fn memberships_and_titles(&mut self) {
        let packs = self.packs;
        let mut memberships = Vec::new();
        let mut titles = Vec::new();
        let count = packs.actors.len();
        for (idx, def) in packs.actors.iter().enumerate() {
            let refs = packs.actor_refs(idx);
            for (m, &parent) in def.value.member_of.iter().zip(&refs.member_of).filter(|(_, p)| **p < count) {
                memberships.push((idx as ActorIdx, parent as ActorIdx, period(&m.from, &m.until)));
            }
            for (k, role) in def.value.roles.iter().enumerate() {
                let of = refs.roles_of.get(k).copied().flatten().filter(|&i| i < count).map(|i| i as ActorIdx);
                titles.push((
                    role.title.clone(),
                    Title {
                        title: role.title.to_lowercase(),
                        person: idx as ActorIdx,
                        of,
                        period: period(&role.from, &role.until),
                    },
                ));
            }
        }
        for (member, parent, period) in memberships {
            self.directory.get_mut(member).memberships.push((parent, period));
        }
        for (title, t) in titles {
            let at = self.directory.titles.len() as u32;
            for pattern in title_patterns(&title, t.of.map(|of| &packs.actors[of as usize].value)) {
                self.lexicon.add(&pattern, Role::Actor(t.person, Via::Title(at)));
            }
            self.directory.titles.push(t);
        }
    }

    /// Reporting cues, each with its inflected forms.
    fn cues(&mut self) -> Vec<Cue> {
        let mut cues = Vec::new();
        for def in &self.packs.cues {
            let cue = &def.value;
            let idx = cues.len() as u32;
            let mut forms = match (cue.forms.is_empty(), cue.kind) {
                (false, _) => cue.forms.clone(),
                (true, CueKind::Verb) => crate::inflect::verb_forms(&cue.cue),
                (true, CueKind::Noun) => crate::inflect::noun_forms(&cue.cue),
                (true, CueKind::Phrase) => Vec::new(),
            };
            forms.push(cue.cue.clone());
            for form in &forms {
                self.lexicon.add(form, Role::Cue(idx));
            }
            cues.push(Cue {
                lemma: cue.cue.clone(),
                stance: cue.stance,
                kind: cue.kind,
                pattern: cue.pattern,
                noun_too: cue.noun_too,
                claims: cue.claims,
            });
        }
        // The learned cues (`engine::learned`): no word of the lexicon, always the last two,
        // attributions without claims.
        for (lemma, kind, pattern) in
            [(LEARNED_VERB, CueKind::Verb, CuePattern::Say), (LEARNED_NOUN, CueKind::Noun, CuePattern::Noun)]
        {
            cues.push(Cue {
                lemma: lemma.to_owned(),
                stance: Stance::Assert,
                kind,
                pattern,
                noun_too: false,
                claims: false,
            });
        }
        cues
    }

    /// The lexicon's word lists (negators, denial markers, hedges, heads, anaphors, claim
    /// nouns, irrealis) and the pronouns every pack set knows.
    fn word_lists(&mut self) {
        let lex = &self.packs.lexicon;
        for word in &lex.negators {
            let kind = if UNIVERSAL_NEGATORS.contains(&word.to_lowercase().as_str()) {
                Negation::Universal
            } else {
                Negation::Plain
            };
            self.lexicon.add(word, Role::Negator(kind));
        }
        let lists: [(&[String], Role); 6] = [
            (&lex.denial_markers, Role::DenialMarker),
            (&lex.hedges, Role::Hedge),
            (&lex.speaker_heads, Role::Head),
            (&lex.anaphors, Role::Anaphor),
            (&lex.claim_nouns, Role::ClaimNoun),
            (&lex.irrealis, Role::Irrealis),
        ];
        for (words, role) in lists {
            for word in words {
                self.lexicon.add(word, role);
            }
        }
        for (word, pronoun) in PRONOUNS {
            self.lexicon.add(word, Role::Pronoun(pronoun));
        }
    }

    /// Propositions: matchers, agents and rivals resolved, counter-terms, contexts, and
    /// which others each contradicts.
    fn propositions(&mut self) -> Vec<Proposition> {
        let packs = self.packs;
        let mut propositions = Vec::new();
        let (actors, count) = (packs.actors.len(), packs.propositions.len());
        for (i, def) in packs.propositions.iter().enumerate() {
            let p = &def.value;
            let refs = packs.proposition_refs(i);
            let about = Matcher::compile(&p.about, &mut self.terms, &mut self.lexicon);
            let mut own_terms: Vec<TermIdx> = about.exact_terms().collect();
            own_terms.sort_unstable();
            own_terms.dedup();
            propositions.push(Proposition {
                id: p.id.clone(),
                statement: p.statement.clone(),
                about,
                agent: actors_at(&refs.agent, actors),
                rivals: actors_at(&refs.rivals, actors),
                counter: p.counter.iter().filter_map(|t| self.terms.add(t, &mut self.lexicon)).collect(),
                window: period(&p.from, &p.until),
                own_terms,
                contradicts: refs.contradicts.iter().filter(|&&j| j < count).map(|&j| j as u32).collect(),
                context: p.context.iter().filter_map(|t| self.terms.add(t, &mut self.lexicon)).collect(),
            });
        }
        propositions
    }

    /// Value frames: matchers, value patterns, contexts.
    fn frames(&mut self) -> Vec<Frame> {
        let packs = self.packs;
        let mut frames = Vec::new();
        for (i, def) in packs.frames.iter().enumerate() {
            let f = &def.value;
            let patterns = packs.frame_refs(i).patterns.clone();
            frames.push(Frame {
                id: f.id.clone(),
                quantity: f.quantity.clone(),
                kind: f.kind,
                about: Matcher::compile(&f.about, &mut self.terms, &mut self.lexicon),
                patterns,
                window: period(&f.from, &f.until),
                context: f.context.iter().filter_map(|t| self.terms.add(t, &mut self.lexicon)).collect(),
                generic: f.generic,
                part_of: None,
                heads: f.heads.iter().map(|h| crate::lexicon::normalise_term(h).to_lowercase()).collect(),
                refused_heads: Vec::new(),
                rival_predicates: Vec::new(),
                event: None,
            });
        }
        // A part's heads are refused by its total: "killed 12 civilians" is not the toll.
        for i in 0..frames.len() {
            let Some(j) = packs.frame_refs(i).part_of.filter(|&j| j != i && j < frames.len()) else { continue };
            frames[i].part_of = Some(j as u32);
            let heads = frames[i].heads.clone();
            frames[j].refused_heads.extend(heads);
        }
        rival_predicates(&mut frames);
        frames
    }

    /// Builds the automaton and the term indexes, or gives every problem found.
    fn finish(
        self,
        cues: Vec<Cue>,
        propositions: Vec<Proposition>,
        frames: Vec<Frame>,
    ) -> Result<RuleSet, Vec<PackError>> {
        let mut errors = self.errors;
        let gazetteer =
            Gazetteer::compile(&self.packs.places, &self.packs.event_kinds, &self.packs.event_breaks, &mut errors);
        let mut frames = frames;
        for (frame, def) in frames.iter_mut().zip(&self.packs.frames) {
            if let Some(named) = &def.value.event {
                frame.event = Some(named_event(&gazetteer, named, &def.origin, &mut errors));
            }
        }
        let lexicon = match self.lexicon.build() {
            Ok(lexicon) => lexicon,
            Err(err) => {
                let origin = Origin { file: Default::default(), line: 1, column: 1 };
                errors.push(PackError { origin, message: format!("cannot compile the word lists: {err}"), help: None });
                return Err(errors);
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let terms = self.terms;
        let term_count = terms.exact_len();
        let mut term_propositions = vec![Vec::new(); term_count];
        for (i, p) in propositions.iter().enumerate() {
            for t in &p.own_terms {
                term_propositions[*t as usize].push(i as u32);
            }
        }
        let mut term_frames = vec![Vec::new(); term_count];
        for (i, f) in frames.iter().enumerate() {
            for t in f.about.exact_terms() {
                let list = &mut term_frames[t as usize];
                if !list.contains(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let packs = self.packs;
        Ok(RuleSet {
            lexicon,
            directory: self.directory,
            cues,
            terms,
            propositions,
            frames,
            term_propositions,
            term_frames,
            outlets: self.outlets,
            definite_heads: self.definite_heads,
            gazetteer,
            checks: packs.checks.compile(),
            pack_names: packs
                .files
                .iter()
                .map(|f| f.meta.as_ref().map_or_else(|| f.path.display().to_string(), |m| m.name.clone()))
                .collect(),
            learned_cues: true,
            fast: false,
        })
    }
}

/// The phrases a title is written as: the bare title when it names no actor, else the
/// title combined with the actor's names and demonyms ("Russia's foreign minister",
/// "the Russian foreign minister", "foreign minister of Russia", "U.S. Secretary of State").
fn title_patterns(title: &str, of: Option<&pack::schema::ActorDef>) -> Vec<String> {
    let Some(of) = of else { return vec![title.to_owned()] };
    let mut out = Vec::new();
    // Only proper names combine with a title: "the Trump administration's foreign
    // minister" or "government forces foreign minister" are never written, and each such
    // alias would add three patterns to the automaton.
    for name in of.aliases.iter().chain(std::iter::once(&of.name)).filter(|n| is_proper_name(n)) {
        out.push(format!("{name}'s {title}"));
        out.push(format!("{name} {title}"));
        out.push(format!("{title} of {name}"));
    }
    for demonym in &of.demonyms {
        out.push(format!("{demonym} {title}"));
    }
    out
}

/// The last word of each `{N} ... word` pattern of `frame`: what follows a number it counts.
fn predicates(frame: &Frame) -> impl Iterator<Item = &String> {
    frame.patterns.iter().filter(|p| p.before.is_empty()).filter_map(|p| match p.after.last() {
        Some(pack::frame::Elem::Word(w)) => Some(w),
        _ => None,
    })
}

/// Fills each generic frame's [`Frame::rival_predicates`]: the predicates of the generic
/// frames outside its family (a total and its parts are one family).
fn rival_predicates(frames: &mut [Frame]) {
    let family = |frames: &[Frame], i: usize| frames[i].part_of.map_or(i, |t| t as usize);
    let mut out = Vec::with_capacity(frames.len());
    for i in 0..frames.len() {
        let mut rivals: Vec<String> = Vec::new();
        if frames[i].generic {
            let own: Vec<&String> = (0..frames.len())
                .filter(|&j| family(frames, j) == family(frames, i))
                .flat_map(|j| predicates(&frames[j]))
                .collect();
            for j in (0..frames.len()).filter(|&j| frames[j].generic && family(frames, j) != family(frames, i)) {
                rivals.extend(predicates(&frames[j]).filter(|w| !own.contains(w)).cloned());
            }
            rivals.sort_unstable();
            rivals.dedup();
        }
        out.push(rivals);
    }
    for (frame, rivals) in frames.iter_mut().zip(out) {
        frame.rival_predicates = rivals;
    }
}

/// The event of a named-event frame, its place and kind looked up in the gazetteer; an
/// unknown id or a day that is not `YYYY-MM-DD` is an error at `origin`.
fn named_event(
    gazetteer: &Gazetteer,
    named: &pack::schema::FrameEventDef,
    origin: &Origin,
    errors: &mut Vec<PackError>,
) -> claim::Event {
    let mut error = |message: String| errors.push(PackError { origin: origin.clone(), message, help: None });
    let place = named.place.as_deref().and_then(|id| {
        let found = gazetteer.place_named(id).and_then(|p| gazetteer.place_ref(p));
        if found.is_none() {
            error(format!("unknown place `{id}` in the frame's `event`"));
        }
        found
    });
    let kind = named.kind.as_deref().and_then(|id| {
        let found = gazetteer.kind_named(id).and_then(|k| gazetteer.kind_ref(k));
        if found.is_none() {
            error(format!("unknown event kind `{id}` in the frame's `event`"));
        }
        found
    });
    let date = named.date.as_deref().and_then(|d| {
        let found = Date::parse_published(d);
        if found.is_none() {
            error(format!("the frame's event date `{d}` is not YYYY-MM-DD"));
        }
        found
    });
    claim::Event { place, place_from: None, date, date_from: None, kind }
}

#[cfg(test)]
mod tests {
    use super::bare_possessive;

    #[test]
    fn bare_possessives_of_proper_names_only() {
        assert_eq!(bare_possessive("Syria").as_deref(), Some("Syrias"));
        assert_eq!(bare_possessive("Bashar al-Assad").as_deref(), Some("Bashar al-Assads"));
        // An `s` form of a name ending in `s`, of a common noun or of an acronym is another word.
        assert_eq!(bare_possessive("Damascus"), None);
        assert_eq!(bare_possessive("the rebels"), None);
        assert_eq!(bare_possessive("government forces"), None);
        assert_eq!(bare_possessive("OPCW"), None);
    }
}
