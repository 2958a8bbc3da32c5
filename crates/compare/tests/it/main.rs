//! Integration tests of the comparator: one binary, data-driven helpers.

mod events;
mod kinds;
mod seed;
mod stable;

use claim::{ActorRef, Claim, Evidence, FrameRef, PropositionRef, Stance, Value, ValueKind, Voice};
use parse::{Bound, Date, DocOrdinal, Interval, Span};

/// A claim built field by field for tests.
#[derive(Clone)]
pub struct C {
    claim: Claim,
}

/// An actor whose name is its id.
pub fn actor(id: &str) -> ActorRef {
    ActorRef { id: id.to_owned(), name: id.to_owned() }
}

/// An actor-voice claim by `principal` on `proposition` in document `doc` (ordinal and
/// source `outlet`), sentence `sentence`.
pub fn claim(principal: &str, stance: Stance, proposition: Option<&str>, doc: u32, sentence: &str) -> C {
    C {
        claim: Claim {
            actor: actor(principal),
            principal: actor(principal),
            blocs: Vec::new(),
            voice: Voice::Actor,
            relay: None,
            stance,
            proposition: proposition.map(|p| PropositionRef { id: p.to_owned(), statement: format!("{p} holds") }),
            value: None,
            content: sentence.to_lowercase(),
            date: None,
            attribution: "alias".to_owned(),
            reasons: vec![],
            evidence: Evidence {
                document: format!("doc{doc}"),
                source: "outlet-a".to_owned(),
                path: format!("doc{doc}.txt"),
                published: None,
                ordinal: DocOrdinal { file: doc, record: 0 },
                span: Span::new(sentence.len() * doc as usize, sentence.len() * (doc as usize + 1)),
                line: 1,
                column: 1,
                sentence: sentence.to_owned(),
                cue: None,
                speaker: None,
            },
        },
    }
}

impl C {
    /// Who spoke, the principal kept.
    pub fn speaker(mut self, id: &str) -> C {
        self.claim.actor = actor(id);
        self
    }
    /// Blocs of the principal.
    pub fn blocs(mut self, blocs: &[&str]) -> C {
        self.claim.blocs = blocs.iter().map(|b| (*b).to_owned()).collect();
        self
    }
    /// The outlet that reported it.
    pub fn source(mut self, source: &str) -> C {
        self.claim.evidence.source = source.to_owned();
        self
    }
    /// Relayed to the outlet by `id` ("…, according to a diplomat").
    pub fn relay(mut self, id: &str) -> C {
        self.claim.relay = Some(actor(id));
        self
    }
    /// In the outlet's own voice.
    pub fn outlet_voice(mut self) -> C {
        self.claim.voice = Voice::Outlet;
        self
    }
    /// By a speaker no pack lists.
    pub fn unlisted_voice(mut self) -> C {
        self.claim.voice = Voice::Unlisted;
        self
    }
    /// Said and published on this day.
    pub fn date(mut self, y: i32, m: u32, d: u32) -> C {
        let date = Date::new(y, m, d);
        self.claim.date = date;
        self.claim.evidence.published = date;
        self
    }
    /// Gives a count for `frame`.
    pub fn count(mut self, frame: &str, low: Bound, high: Bound, raw: &str) -> C {
        self.claim.value = Some(Value {
            frame: FrameRef { id: frame.to_owned(), quantity: format!("{frame} quantity") },
            kind: ValueKind::Count,
            interval: Interval { low, high },
            raw: raw.to_owned(),
            date: None,
            event: None,
        });
        self
    }
    /// Ties the value to an event: `place` inside `within` (nearest first), on a day, of a
    /// kind compatible with `compatible`.
    pub fn event(mut self, place: &str, within: &[&str], day: (i32, u32, u32), kind: Option<(&str, &[&str])>) -> C {
        let named = |id: &str| claim::Named { id: id.to_owned(), name: id.to_owned() };
        if let Some(v) = self.claim.value.as_mut() {
            v.event = Some(claim::Event {
                place: Some(claim::PlaceRef {
                    id: place.to_owned(),
                    name: place.to_owned(),
                    within: within.iter().map(|p| named(p)).collect(),
                    kind: if within.len() <= 1 { "governorate" } else { "town" }.to_owned(),
                }),
                place_from: None,
                date: Date::new(day.0, day.1, day.2),
                date_from: None,
                kind: kind.map(|(id, compatible)| claim::EventKindRef {
                    id: id.to_owned(),
                    name: format!("a {id}"),
                    compatible: compatible.iter().map(|c| (*c).to_owned()).collect(),
                    many_a_day: false,
                }),
            });
        }
        self
    }
    /// Gives an event day for `frame`.
    pub fn day(mut self, frame: &str, y: i32, m: u32, d: u32) -> C {
        let days = Date::new(y, m, d).map_or(0, Date::days_since_epoch) as f64;
        self.claim.value = Some(Value {
            frame: FrameRef { id: frame.to_owned(), quantity: format!("{frame} day") },
            kind: ValueKind::Date,
            interval: Interval::exact(days),
            raw: format!("{y}-{m}-{d}"),
            date: Date::new(y, m, d).map(parse::DateValue::Day),
            event: None,
        });
        self
    }
    /// The claim.
    pub fn build(self) -> Claim {
        self.claim
    }
}
