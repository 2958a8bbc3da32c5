//! Synthetic claims for benchmarks and scale tests: deterministic from a seed, generated in
//! parallel, shaped like a large corpus (many propositions and actors, most positions
//! agreeing, a few contested, changed or misreported, values with hedges and revisions, and
//! a share of unlisted claims with near-duplicate contents).

use crate::store::ClaimStoreBuilder;
use claim::{ActorRef, Claim, Evidence, FrameRef, PropositionRef, Stance, Value, ValueKind, Voice};
use parse::{Bound, Date, DocOrdinal, Interval, Span};
use rayon::prelude::*;

/// What to generate.
#[derive(Clone, Debug)]
pub struct SynthConfig {
    /// Number of claims.
    pub claims: usize,
    /// Seed: the same seed and sizes give the same claims.
    pub seed: u64,
    /// Number of propositions.
    pub propositions: usize,
    /// Number of states (principals); each has four members who speak for it.
    pub states: usize,
    /// Share of claims matching no proposition, 0 to 1.
    pub unlisted_share: f64,
}

impl SynthConfig {
    /// Sizes that grow with the claim count: one proposition per 100 claims, one state per
    /// 2,000 claims (between 8 and 5,000), 10 % unlisted.
    pub fn new(claims: usize, seed: u64) -> SynthConfig {
        SynthConfig {
            claims,
            seed,
            propositions: (claims / 100).max(1),
            states: (claims / 2000).clamp(8, 5000),
            unlisted_share: 0.1,
        }
    }
}

/// splitmix64: a fast, well-mixed hash of a counter.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn mix2(a: u64, b: u64) -> u64 {
    mix(mix(a) ^ b)
}

const STATES_PER_PROPOSITION: u64 = 6;
const CLAIMS_PER_DOCUMENT: usize = 20;
const OUTLETS: u64 = 50;
const WORDS: u64 = 1 << 20;
const CONTENT_WORDS: u64 = 10;

/// The claims `config` describes, in a fixed order.
pub fn generate(config: &SynthConfig) -> Vec<Claim> {
    (0..config.claims).into_par_iter().map(|i| claim(config, i)).collect()
}

/// The claims `config` describes, added to `store` `batch` at a time (in the order of
/// [`generate`]), so that they are never all held as [`Claim`]s.
pub fn generate_into(config: &SynthConfig, store: &mut ClaimStoreBuilder, batch: usize) {
    let batch = batch.max(1);
    for start in (0..config.claims).step_by(batch) {
        let end = (start + batch).min(config.claims);
        let claims: Vec<Claim> = (start..end).into_par_iter().map(|i| claim(config, i)).collect();
        store.add_owned(claims);
    }
}

/// Claim `i` of the claims `config` describes (as [`generate`] gives it).
pub fn claim_at(config: &SynthConfig, i: usize) -> Claim {
    claim(config, i)
}

fn state(s: u64) -> ActorRef {
    ActorRef { id: format!("S{s}"), name: format!("State {s}") }
}

fn claim(config: &SynthConfig, i: usize) -> Claim {
    let seed = config.seed;
    let r = mix2(seed, i as u64);
    let doc = (i / CLAIMS_PER_DOCUMENT) as u64;
    let outlet = mix2(seed ^ 1, doc) % OUTLETS;
    let base = Date::new(2017, 1, 1).map_or(0, Date::days_since_epoch);
    let published = Date::from_days_since_epoch(base + (mix2(seed ^ 2, doc) % 365) as i64);
    let states = config.states.max(1) as u64;
    let unlisted = (r % 10_000) as f64 / 10_000.0 < config.unlisted_share;

    let (principal_index, stance, proposition, value, content) = if unlisted {
        let templates = ((config.claims as f64 * config.unlisted_share / 2.0) as u64).max(1);
        let template = mix2(seed ^ 3, i as u64) % templates;
        let changed = if r >> 40 & 1 == 1 { Some((r >> 20) % CONTENT_WORDS) } else { None };
        let words: Vec<String> = (0..CONTENT_WORDS)
            .map(|k| {
                let w = if changed == Some(k) { mix2(seed ^ 4, i as u64) } else { mix2(template, k) };
                format!("w{}", w % WORDS)
            })
            .collect();
        let stance = if r >> 41 & 1 == 1 { Stance::Assert } else { Stance::Deny };
        (mix2(seed ^ 5, i as u64) % states, stance, None, None, words.join(" "))
    } else {
        let p = (r >> 8) % config.propositions.max(1) as u64;
        let s = mix2(p, (r >> 32) % STATES_PER_PROPOSITION) % states;
        let position = mix2(p, s);
        // 5 % of propositions are contested: each state takes a side.
        let contested = mix(p).is_multiple_of(20);
        let mut stance = if contested && position & 1 == 1 { Stance::Deny } else { Stance::Assert };
        match position % 100 {
            // A change of position: from mid-year on the state says the opposite.
            0 if published.is_some_and(|d| d.days_since_epoch() >= base + 182) => stance = stance.negated(),
            // Misreported: odd outlets report the opposite of what even outlets report.
            1 if outlet % 2 == 1 => stance = stance.negated(),
            _ => {}
        }
        if r >> 50 & 0xf == 0 {
            stance = Stance::Hedge;
        }
        let proposition = PropositionRef { id: format!("p{p}"), statement: format!("proposition {p} holds") };
        // A fifth of propositions have a value frame; half their claims give a value.
        let disputing = s == mix2(p, 0) % states;
        let value = (p.is_multiple_of(5) && r >> 55 & 1 == 1).then(|| frame_value(p, disputing, published, base, r));
        (s, stance, Some(proposition), value, format!("proposition {p} holds"))
    };

    let principal = state(principal_index);
    let member = (r >> 60) % 5;
    let actor = if member == 0 {
        principal.clone()
    } else {
        ActorRef {
            id: format!("S{principal_index}-m{member}"),
            name: format!("Member {member} of State {principal_index}"),
        }
    };
    let blocs = vec![format!("B{}", principal_index % (states / 10 + 1))];
    let start = (i % CLAIMS_PER_DOCUMENT) * 120;
    let sentence = format!("{} said {} ({i}).", actor.name, content);
    Claim {
        actor,
        principal,
        blocs,
        voice: Voice::Actor,
        relay: None,
        stance,
        proposition,
        value,
        content,
        date: published,
        attribution: "alias".to_owned(),
        reasons: vec![format!("cue `said` is {stance}")],
        evidence: Evidence {
            document: format!("d{doc}"),
            source: format!("outlet-{outlet}"),
            path: format!("corpus/d{doc}.txt"),
            published,
            ordinal: DocOrdinal { file: doc as u32, record: 0 },
            span: Span::new(start, start + sentence.len()),
            line: i % CLAIMS_PER_DOCUMENT + 1,
            column: 1,
            sentence,
            cue: None,
            speaker: None,
        },
    }
}

/// A count for the frame of proposition `p`: mostly the agreed number, sometimes hedged
/// ("at least"), disputed by one state (the first of the proposition) in a third of frames, revised upward late in the
/// year in a tenth of them.
fn frame_value(p: u64, disputing: bool, published: Option<Date>, base: i64, r: u64) -> Value {
    let h = mix(p ^ 0x5eed);
    let mut n = 10.0 + (h % 500) as f64;
    if h.is_multiple_of(3) && disputing {
        n += 12.0;
    }
    if h % 10 == 1 && published.is_some_and(|d| d.days_since_epoch() >= base + 300) {
        n += 5.0;
    }
    let (interval, raw) = if (r >> 56).is_multiple_of(10) {
        (Interval { low: Bound::Inclusive(n - 10.0), high: Bound::Unbounded }, format!("at least {}", n - 10.0))
    } else {
        (Interval::exact(n), format!("{n}"))
    };
    Value {
        frame: FrameRef { id: format!("f{p}"), quantity: format!("people killed in event {p}") },
        kind: ValueKind::Count,
        interval,
        raw,
        date: None,
        event: None,
    }
}
