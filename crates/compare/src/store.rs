//! The claim store: claims held compactly for comparison. Strings that repeat across claims
//! (actor, proposition, frame, source, path and document ids and names, contents,
//! attributions, reasons) are interned once per run as small integers ordered as their
//! strings; sentences sit in shared text chunks; values are kept as they are. A claim costs
//! about 200 bytes plus its sentence instead of its owned strings, and every sort compares
//! integers.
//!
//! Claims go in by batches ([`ClaimStoreBuilder::add`]), so a caller reading or generating
//! millions of claims never holds them all as [`Claim`]s; [`ClaimStoreBuilder::finish`]
//! renumbers the strings and gives the store the comparator reads.

use crate::intern::{Interner, KeyHash, Strings, Sym};
use crate::record::SideEvidence;
use claim::{ActorRef, Claim, Evidence, Marked, PropositionRef, Stance, Value, Voice};
use parse::{Date, DocOrdinal, Span};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// Claims converted together: one text chunk and one task each.
const CHUNK: usize = 4096;

/// A cue or speaker as written, with its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Mark {
    pub(crate) text: Sym,
    pub(crate) span: Span,
}

/// Where a sentence is: a chunk of text and a byte range in it.
#[derive(Clone, Copy, Debug)]
struct Text {
    chunk: u32,
    start: usize,
    end: usize,
}

/// One claim as the store holds it (see [`Claim`] for the fields).
#[derive(Clone, Debug)]
pub(crate) struct StoredClaim {
    pub(crate) actor: Sym,
    pub(crate) actor_name: Sym,
    pub(crate) principal: Sym,
    pub(crate) principal_name: Sym,
    pub(crate) blocs: u32,
    pub(crate) reasons: u32,
    pub(crate) proposition: Option<Sym>,
    pub(crate) statement: Sym,
    /// The frame id of the value, when there is one; `value` indexes it then.
    pub(crate) frame: Option<Sym>,
    pub(crate) value: u32,
    pub(crate) content: Sym,
    pub(crate) attribution: Sym,
    pub(crate) date: Option<Date>,
    pub(crate) voice: Voice,
    /// The relay's id and name (see [`Claim::relay`]), the empty string when the outlet
    /// reports the speaker itself.
    pub(crate) relay: Sym,
    pub(crate) relay_name: Sym,
    pub(crate) stance: Stance,
    pub(crate) document: Sym,
    pub(crate) source: Sym,
    pub(crate) path: Sym,
    pub(crate) published: Option<Date>,
    pub(crate) ordinal: DocOrdinal,
    pub(crate) span: Span,
    pub(crate) line: usize,
    pub(crate) column: usize,
    sentence: Text,
    pub(crate) cue: Option<Mark>,
    pub(crate) speaker: Option<Mark>,
}

impl StoredClaim {
    /// The proposition id, the empty string when there is none (as the claim order reads it).
    pub(crate) fn proposition_key(&self) -> Sym {
        self.proposition.unwrap_or(Strings::EMPTY)
    }

    /// The frame id, the empty string when there is none.
    pub(crate) fn frame_key(&self) -> Sym {
        self.frame.unwrap_or(Strings::EMPTY)
    }
}

/// Claims being added to a store. Values are borrowed from claims added by reference
/// ([`ClaimStoreBuilder::add`], for as long as `'a`) and moved out of claims added by value
/// ([`ClaimStoreBuilder::add_owned`]).
pub struct ClaimStoreBuilder<'a> {
    interner: Interner,
    claims: Vec<StoredClaim>,
    values: Vec<Cow<'a, Value>>,
    chunks: Vec<Box<str>>,
}

impl Default for ClaimStoreBuilder<'_> {
    fn default() -> Self {
        ClaimStoreBuilder::new()
    }
}

/// One chunk of claims converted: the claims (value and text indices local to the chunk)
/// and their sentences.
struct Converted {
    claims: Vec<StoredClaim>,
    text: String,
}

impl<'a> ClaimStoreBuilder<'a> {
    /// An empty store.
    pub fn new() -> ClaimStoreBuilder<'a> {
        ClaimStoreBuilder { interner: Interner::new(), claims: Vec::new(), values: Vec::new(), chunks: Vec::new() }
    }

    /// How many claims were added.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// Whether no claim was added.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// Adds `claims`, converting them in parallel (rayon); their values are borrowed, not
    /// copied.
    pub fn add(&mut self, claims: &'a [Claim]) {
        self.convert_all(claims);
        self.values.extend(claims.iter().filter_map(|c| c.value.as_ref().map(Cow::Borrowed)));
    }

    /// Adds `claims`, converting them in parallel (rayon) and moving their values: a caller
    /// can add a batch, let it go and read the next.
    pub fn add_owned(&mut self, mut claims: Vec<Claim>) {
        self.convert_all(&claims);
        let values: Vec<Value> = claims.par_iter_mut().filter_map(|c| c.value.take()).collect();
        self.values.extend(values.into_iter().map(Cow::Owned));
        // Dropped in parallel too: a batch is millions of small strings.
        claims.into_par_iter().for_each(drop);
    }

    /// Converts `claims` into stored claims whose values are numbered from the store's
    /// values so far, in the order of `claims`.
    fn convert_all(&mut self, claims: &[Claim]) {
        let converted: Vec<Converted> = claims.par_chunks(CHUNK).map(|chunk| self.convert(chunk)).collect();
        self.claims.reserve(claims.len());
        let mut values = self.values.len() as u32;
        for part in converted {
            let chunk = self.chunks.len() as u32;
            let first = values;
            for mut c in part.claims {
                if c.frame.is_some() {
                    c.value += first;
                    values += 1;
                }
                c.sentence.chunk = chunk;
                self.claims.push(c);
            }
            self.chunks.push(part.text.into_boxed_str());
        }
    }

    /// Converts a chunk: its strings are interned in a table of the chunk first (no lock),
    /// then each distinct one in the store's interner, so the shared, locked maps see a
    /// string once a chunk rather than once a claim.
    fn convert(&self, chunk: &[Claim]) -> Converted {
        let mut text = String::with_capacity(chunk.iter().map(|c| c.evidence.sentence.len()).sum());
        let mut values = 0;
        let mut local = Local::default();
        let mut claims: Vec<StoredClaim> =
            chunk.iter().map(|claim| stored(&mut local, claim, &mut text, &mut values)).collect();
        let syms: Vec<Sym> = local.strings.iter().map(|s| self.interner.string(s)).collect();
        let global = |sym: Sym| syms.get(sym.index()).copied().unwrap_or(sym);
        let lists: Vec<u32> =
            local.lists.into_iter().map(|list| self.interner.list_of(list.into_iter().map(global).collect())).collect();
        for claim in &mut claims {
            each_sym(claim, global);
            claim.blocs = lists.get(claim.blocs as usize).copied().unwrap_or_default();
            claim.reasons = lists.get(claim.reasons as usize).copied().unwrap_or_default();
        }
        Converted { claims, text }
    }

    /// The store, its strings renumbered so that symbols sort as their strings.
    pub fn finish(self) -> ClaimStore<'a> {
        let (strings, renumber, lists) = self.interner.finish();
        let mut claims = self.claims;
        claims.par_iter_mut().for_each(|c| each_sym(c, |s| renumber.sym(s)));
        ClaimStore { strings, lists, claims, values: self.values, chunks: self.chunks }
    }
}

/// The strings and lists of one chunk of claims, numbered in the order first seen.
#[derive(Default)]
struct Local<'c> {
    ids: HashMap<&'c str, Sym, KeyHash>,
    strings: Vec<&'c str>,
    list_ids: HashMap<&'c [String], u32, KeyHash>,
    lists: Vec<Vec<Sym>>,
}

impl<'c> Local<'c> {
    fn string(&mut self, text: &'c str) -> Sym {
        *self.ids.entry(text).or_insert_with(|| {
            self.strings.push(text);
            Sym::of(self.strings.len() as u32 - 1)
        })
    }

    fn list(&mut self, items: &'c [String]) -> u32 {
        if let Some(&id) = self.list_ids.get(items) {
            return id;
        }
        let list = items.iter().map(|s| self.string(s)).collect();
        self.lists.push(list);
        let id = self.lists.len() as u32 - 1;
        self.list_ids.insert(items, id);
        id
    }
}

/// A claim with its strings numbered in `local`.
/// `values` counts the values of the chunk so far: a value's index in the chunk.
fn stored<'c>(local: &mut Local<'c>, claim: &'c Claim, text: &mut String, values: &mut u32) -> StoredClaim {
    let e = &claim.evidence;
    let start = text.len();
    text.push_str(&e.sentence);
    let value = *values;
    if claim.value.is_some() {
        *values += 1;
    }
    StoredClaim {
        actor: local.string(&claim.actor.id),
        actor_name: local.string(&claim.actor.name),
        principal: local.string(&claim.principal.id),
        principal_name: local.string(&claim.principal.name),
        blocs: local.list(&claim.blocs),
        reasons: local.list(&claim.reasons),
        proposition: claim.proposition.as_ref().map(|p| local.string(&p.id)),
        statement: claim.proposition.as_ref().map_or(Strings::EMPTY, |p| local.string(&p.statement)),
        frame: claim.value.as_ref().map(|v| local.string(&v.frame.id)),
        value,
        content: local.string(&claim.content),
        attribution: local.string(&claim.attribution),
        date: claim.date,
        voice: claim.voice,
        // The empty string, interned as every other, when the outlet reports the speaker.
        relay: local.string(claim.relay.as_ref().map_or("", |r| r.id.as_str())),
        relay_name: local.string(claim.relay.as_ref().map_or("", |r| r.name.as_str())),
        stance: claim.stance,
        document: local.string(&e.document),
        source: local.string(&e.source),
        path: local.string(&e.path),
        published: e.published,
        ordinal: e.ordinal,
        span: e.span,
        line: e.line,
        column: e.column,
        sentence: Text { chunk: 0, start, end: text.len() },
        cue: e.cue.as_ref().map(|m| Mark { text: local.string(&m.text), span: m.span }),
        speaker: e.speaker.as_ref().map(|m| Mark { text: local.string(&m.text), span: m.span }),
    }
}

/// Applies `f` to every symbol of a claim (lists apart).
fn each_sym(c: &mut StoredClaim, f: impl Fn(Sym) -> Sym) {
    for sym in [
        &mut c.actor,
        &mut c.actor_name,
        &mut c.principal,
        &mut c.principal_name,
        &mut c.statement,
        &mut c.content,
        &mut c.attribution,
        &mut c.relay,
        &mut c.relay_name,
        &mut c.document,
        &mut c.source,
        &mut c.path,
    ] {
        *sym = f(*sym);
    }
    for sym in [&mut c.proposition, &mut c.frame].into_iter().flatten() {
        *sym = f(*sym);
    }
    for mark in [&mut c.cue, &mut c.speaker].into_iter().flatten() {
        mark.text = f(mark.text);
    }
}

/// Claims held compactly for comparison; built by [`ClaimStoreBuilder`]. `'a` is the life
/// of the claims whose values it borrows.
pub struct ClaimStore<'a> {
    strings: Strings,
    lists: Vec<Box<[Sym]>>,
    pub(crate) claims: Vec<StoredClaim>,
    values: Vec<Cow<'a, Value>>,
    chunks: Vec<Box<str>>,
}

impl<'a> ClaimStore<'a> {
    /// A store of `claims`, borrowing their values.
    pub fn of(claims: &'a [Claim]) -> ClaimStore<'a> {
        let mut builder = ClaimStoreBuilder::new();
        builder.add(claims);
        builder.finish()
    }

    /// How many claims it holds.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// How many documents the claims were read in: distinct (path, record) pairs.
    pub fn documents(&self) -> usize {
        let mut documents: Vec<(Sym, u32)> = self.claims.par_iter().map(|c| (c.path, c.ordinal.record)).collect();
        documents.par_sort_unstable();
        documents.dedup();
        documents.len()
    }

    /// Bytes the store holds, roughly: its claims, sentences, values and strings (not the
    /// allocator's overhead, nor the heap parts of values).
    pub fn bytes(&self) -> usize {
        self.claims.capacity() * size_of::<StoredClaim>()
            + self.chunks.iter().map(|c| c.len()).sum::<usize>()
            + self.values.iter().filter(|v| matches!(v, Cow::Owned(_))).count() * size_of::<Value>()
            + self.strings.bytes()
            + self.lists.iter().map(|l| 16 + 4 * l.len()).sum::<usize>()
    }

    /// Distinct strings interned.
    pub fn distinct_strings(&self) -> usize {
        self.strings.len()
    }

    pub(crate) fn str(&self, sym: Sym) -> &str {
        self.strings.get(sym)
    }

    pub(crate) fn list(&self, list: u32) -> &[Sym] {
        self.lists.get(list as usize).map_or(&[], |l| l)
    }

    pub(crate) fn strings_of(&self, list: u32) -> Vec<String> {
        self.list(list).iter().map(|s| self.str(*s).to_owned()).collect()
    }

    pub(crate) fn value(&self, claim: &StoredClaim) -> Option<&Value> {
        claim.frame.and_then(|_| self.values.get(claim.value as usize)).map(|v| &**v)
    }

    pub(crate) fn sentence(&self, claim: &StoredClaim) -> &str {
        let t = claim.sentence;
        self.chunks.get(t.chunk as usize).and_then(|c| c.get(t.start..t.end)).unwrap_or("")
    }

    fn marked(&self, mark: Option<Mark>) -> Option<Marked> {
        mark.map(|m| Marked { text: self.str(m.text).to_owned(), span: m.span })
    }

    pub(crate) fn actor_ref(&self, id: Sym, name: Sym) -> ActorRef {
        ActorRef { id: self.str(id).to_owned(), name: self.str(name).to_owned() }
    }

    pub(crate) fn proposition_ref(&self, claim: &StoredClaim) -> Option<PropositionRef> {
        claim
            .proposition
            .map(|p| PropositionRef { id: self.str(p).to_owned(), statement: self.str(claim.statement).to_owned() })
    }

    /// The evidence of a claim, as it was added.
    pub(crate) fn evidence(&self, c: &StoredClaim) -> Evidence {
        Evidence {
            document: self.str(c.document).to_owned(),
            source: self.str(c.source).to_owned(),
            path: self.str(c.path).to_owned(),
            published: c.published,
            ordinal: c.ordinal,
            span: c.span,
            line: c.line,
            column: c.column,
            sentence: self.sentence(c).to_owned(),
            cue: self.marked(c.cue),
            speaker: self.marked(c.speaker),
        }
    }

    /// The evidence a side of a conflict shows for a claim.
    pub(crate) fn side_evidence(&self, c: &StoredClaim) -> SideEvidence {
        SideEvidence {
            evidence: self.evidence(c),
            speaker_id: self.str(c.actor).to_owned(),
            speaker_name: self.str(c.actor_name).to_owned(),
            attribution: self.str(c.attribution).to_owned(),
            reasons: self.strings_of(c.reasons),
            date: c.date,
        }
    }

    /// Claim `index` as it was added.
    pub fn claim(&self, index: usize) -> Option<Claim> {
        let c = self.claims.get(index)?;
        Some(Claim {
            actor: self.actor_ref(c.actor, c.actor_name),
            principal: self.actor_ref(c.principal, c.principal_name),
            blocs: self.strings_of(c.blocs),
            voice: c.voice,
            relay: (!self.str(c.relay).is_empty()).then(|| self.actor_ref(c.relay, c.relay_name)),
            stance: c.stance,
            proposition: self.proposition_ref(c),
            value: self.value(c).cloned(),
            content: self.str(c.content).to_owned(),
            date: c.date,
            attribution: self.str(c.attribution).to_owned(),
            reasons: self.strings_of(c.reasons),
            evidence: self.evidence(c),
        })
    }
}
