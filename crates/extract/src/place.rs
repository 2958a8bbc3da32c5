//! Places and event kinds compiled: the gazetteer that ties a value of a generic frame to
//! its event. Names are found with one automaton each; a place name counts only on word
//! boundaries and capitalised in the text ("Duma", not "duma").

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use claim::{EventKindRef, Named, PlaceRef};
use pack::schema::{EventKindDef, PlaceDef, PlaceKind};
use pack::{Located, PackError};
use parse::Span;
use std::sync::OnceLock;

/// A compiled place.
#[derive(Clone, Debug)]
pub struct Place {
    /// Pack id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What sort of place.
    pub kind: PlaceKind,
    /// The place it lies in.
    pub within: Option<u32>,
}

/// A compiled event kind.
#[derive(Clone, Debug)]
pub struct EventKind {
    /// Pack id.
    pub id: String,
    /// As a report names it.
    pub name: String,
    /// Ids of kinds that may be the same event (both ways).
    pub compatible: Vec<String>,
    /// A city or governorate sees many of these a day.
    pub many_a_day: bool,
}

/// Places and event kinds with the automata that find their names.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    place_names: Names,
    /// For each pattern of `place_names`, its place.
    place_of: Vec<u32>,
    kinds: Vec<EventKind>,
    kind_names: Names,
    /// For each pattern of `kind_names`, its kind.
    kind_of: Vec<u32>,
    /// Words that start another event ("in another incident").
    breaks: Names,
    /// For each pattern of `breaks`, itself (0..n): [`named_in`] wants an index.
    break_of: Vec<u32>,
}

/// Names and the automaton that finds them, built when first asked for: only a value's
/// event looks for places and event kinds, and building the three automata was 47 M
/// instructions, a sixth of a `check` of one sentence, which often holds no value.
#[derive(Debug, Default)]
struct Names {
    patterns: Vec<String>,
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl Names {
    fn new(patterns: Vec<String>) -> Names {
        Names { patterns, automaton: OnceLock::new() }
    }

    /// The automaton, built on first use; none when there are no names, or (for names that
    /// no automaton can hold) when it cannot be built.
    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton.get_or_init(|| automaton(&self.patterns, Some(AhoCorasickKind::DFA))).as_ref()
    }
}

/// A DFA: every value's event scans its sentence and the two before it with each automaton,
/// and a contiguous NFA (the default at this size) scans at about half the speed; the three
/// DFAs cost about 33 M instructions more to build, once, which FA-KES's 1.5 MB repays twice.
/// Should the DFA not build, the kind the builder picks.
fn automaton(patterns: &[String], kind: Option<AhoCorasickKind>) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    let built = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(kind)
        .build(patterns);
    match built {
        Ok(automaton) => Some(automaton),
        Err(_) if kind.is_some() => automaton(patterns, None),
        Err(_) => None,
    }
}

/// Matches of `names` in `span` of `text` on word boundaries (and capitalised when asked), each
/// with the index `index_of` gives its pattern, in text order.
fn named_in(
    names: Option<&AhoCorasick>,
    index_of: &[u32],
    text: &str,
    span: Span,
    capitalised: bool,
) -> Vec<(Span, u32)> {
    let Some(ac) = names else { return Vec::new() };
    let bytes = text.as_bytes();
    let Some(region) = text.get(span.start..span.end) else { return Vec::new() };
    ac.find_iter(region)
        .filter_map(|m| {
            let (start, end) = (span.start + m.start(), span.start + m.end());
            let bounded =
                (start == 0 || !is_word_byte(bytes[start - 1])) && (end == bytes.len() || !is_word_byte(bytes[end]));
            let cased = !capitalised || bytes[start].is_ascii_uppercase();
            (bounded && cased).then(|| (Span::new(start, end), index_of[m.pattern().as_usize()]))
        })
        .collect()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

impl Gazetteer {
    /// Compiles places and event kinds; references the loader checked are checked again.
    pub fn compile(
        places: &[Located<PlaceDef>],
        kinds: &[Located<EventKindDef>],
        breaks: &[String],
        errors: &mut Vec<PackError>,
    ) -> Gazetteer {
        let index = |id: &str| places.iter().position(|p| p.value.id == id).map(|i| i as u32);
        let mut out = Gazetteer::default();
        let mut names = Vec::new();
        for (i, def) in places.iter().enumerate() {
            let p = &def.value;
            let within = p.within.as_deref().and_then(|id| {
                let found = index(id);
                if found.is_none() {
                    errors.push(PackError {
                        origin: def.origin.clone(),
                        message: format!("unknown place `{id}` in `in`"),
                        help: None,
                    });
                }
                found
            });
            out.places.push(Place { id: p.id.clone(), name: p.name.clone(), kind: p.kind, within });
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                let name = crate::lexicon::normalise_term(name);
                if !name.is_empty() {
                    names.push(name);
                    out.place_of.push(i as u32);
                }
            }
        }
        let mut kind_names = Vec::new();
        for (i, def) in kinds.iter().enumerate() {
            let k = &def.value;
            out.kinds.push(EventKind {
                id: k.id.clone(),
                name: k.name.clone(),
                compatible: k.compatible.clone(),
                many_a_day: k.many_a_day,
            });
            for term in &k.terms {
                for form in crate::inflect::noun_forms(&crate::lexicon::normalise_term(term)) {
                    if !form.is_empty() {
                        kind_names.push(form);
                        out.kind_of.push(i as u32);
                    }
                }
            }
        }
        let breaks: Vec<String> =
            breaks.iter().map(|b| crate::lexicon::normalise_term(b)).filter(|b| !b.is_empty()).collect();
        out.break_of = (0..breaks.len() as u32).collect();
        out.place_names = Names::new(names);
        out.kind_names = Names::new(kind_names);
        out.breaks = Names::new(breaks);
        out
    }

    /// Places named in `span` of `text`, in text order: capitalised, on word boundaries.
    pub fn places_in(&self, text: &str, span: Span) -> Vec<(Span, u32)> {
        named_in(self.place_names.automaton(), &self.place_of, text, span, true)
    }

    /// Whether `span` of `text` holds a word that starts another event, on word boundaries.
    pub fn breaks_in(&self, text: &str, span: Span) -> bool {
        !named_in(self.breaks.automaton(), &self.break_of, text, span, false).is_empty()
    }

    /// Event kinds named in `span` of `text`, in text order, on word boundaries.
    pub fn kinds_in(&self, text: &str, span: Span) -> Vec<(Span, u32)> {
        named_in(self.kind_names.automaton(), &self.kind_of, text, span, false)
    }

    /// How many places enclose place `i`.
    pub fn depth(&self, i: u32) -> usize {
        self.ancestors(i).count()
    }

    /// The place's kind.
    pub fn kind_of_place(&self, i: u32) -> Option<PlaceKind> {
        self.places.get(i as usize).map(|p| p.kind)
    }

    fn ancestors(&self, i: u32) -> impl Iterator<Item = &Place> {
        let mut at = self.places.get(i as usize).and_then(|p| p.within);
        // Bounded by the number of places: a cycle the loader missed cannot loop forever.
        (0..self.places.len()).map_while(move |_| {
            let place = self.places.get(at? as usize)?;
            at = place.within;
            Some(place)
        })
    }

    /// The record of place `i` for a claim.
    pub fn place_ref(&self, i: u32) -> Option<PlaceRef> {
        let p = self.places.get(i as usize)?;
        Some(PlaceRef {
            id: p.id.clone(),
            name: p.name.clone(),
            within: self.ancestors(i).map(|a| Named { id: a.id.clone(), name: a.name.clone() }).collect(),
            kind: p.kind.as_str().to_owned(),
        })
    }

    /// The name of the country place `i` lies in (or is).
    pub fn country_of(&self, i: u32) -> Option<&str> {
        let own = self.places.get(i as usize)?;
        std::iter::once(own).chain(self.ancestors(i)).find(|p| p.kind == PlaceKind::Country).map(|p| p.name.as_str())
    }

    /// The place with pack id `id`.
    pub fn place_named(&self, id: &str) -> Option<u32> {
        self.places.iter().position(|p| p.id == id).map(|i| i as u32)
    }

    /// The event kind with pack id `id`.
    pub fn kind_named(&self, id: &str) -> Option<u32> {
        self.kinds.iter().position(|k| k.id == id).map(|i| i as u32)
    }

    /// The record of event kind `i` for a claim.
    pub fn kind_ref(&self, i: u32) -> Option<EventKindRef> {
        let k = self.kinds.get(i as usize)?;
        Some(EventKindRef {
            id: k.id.clone(),
            name: k.name.clone(),
            compatible: k.compatible.clone(),
            many_a_day: k.many_a_day,
        })
    }
}
