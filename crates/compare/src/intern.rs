//! Interning for the claim store: each distinct string (or list of symbols) gets a small
//! integer, assigned in parallel while claims are added and then renumbered by sorted order,
//! so that comparing two symbols compares their strings.

use hashbrown::HashTable;
use rayon::prelude::*;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};
use std::num::NonZeroU32;
use std::sync::{Mutex, PoisonError};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// An interned string. Once the store is finished, symbols are ordered as their strings
/// are, and equal symbols are equal strings; before that they are arbitrary ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Sym(NonZeroU32);

impl Sym {
    pub(crate) fn of(index: u32) -> Sym {
        // `index + 1` is never zero: indices stay below u32::MAX (see `Shards::id`).
        Sym(NonZeroU32::MIN.saturating_add(index))
    }

    pub(crate) fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

/// The hasher of interned keys: one-shot xxh3 of each byte slice written (a string is one
/// slice), integers mixed in, a final avalanche. Streaming xxh3 costs several times more
/// on the short strings of claims.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl KeyHasher {
    fn mix(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(26) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // splitmix64's finaliser: every bit of the state reaches the top and bottom bits.
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.mix(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }
}

/// Hash maps keyed by strings or lists of symbols.
pub(crate) type KeyHash = BuildHasherDefault<KeyHasher>;

/// Interned strings and lists are spread over this many locked maps so that threads adding
/// claims rarely wait for each other.
const SHARDS: usize = 64;

/// The shard of a key's hash: bits from the middle, because the map inside a shard reads
/// the top seven bits (its tag, checked before any key is compared) and the low bits (the
/// slot). Taking the shard from the top bits, as this did before, left the tags of one
/// shard two values: every lookup compared about half the keys of each group it probed,
/// a cache miss each, and the cost grew with the table.
fn shard_of(hash: u64) -> usize {
    (hash >> 32) as usize % SHARDS
}

/// A map from keys to ids, in shards. The id of a key is `local * SHARDS + shard`.
struct Shards<K> {
    shards: Vec<Mutex<HashMap<K, u32, KeyHash>>>,
    hasher: KeyHash,
}

impl<K: Hash + Eq> Shards<K> {
    fn new() -> Shards<K> {
        Shards {
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::with_hasher(KeyHash::default()))).collect(),
            hasher: KeyHash::default(),
        }
    }

    fn id<Q>(&self, key: &Q, own: impl FnOnce(&Q) -> K) -> u32
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let shard = shard_of(self.hasher.hash_one(key));
        // A panic while a shard is locked cannot leave the map half-updated: keep using it.
        let mut map = self.shards[shard].lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(&id) = map.get(key) {
            return id;
        }
        // More than 2^32 distinct strings would not fit in memory long before this wraps.
        let id = (map.len() * SHARDS + shard).min(u32::MAX as usize - 1) as u32;
        map.insert(own(key), id);
        id
    }

    fn into_entries(self) -> Vec<(K, u32)> {
        self.shards
            .into_iter()
            .flat_map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner).into_iter())
            .collect()
    }
}

/// Strings being interned in one shard: their text appended to one buffer (so a run of
/// millions of distinct strings makes a few large allocations, not millions of small ones
/// among the short-lived strings of the claims being added), looked up by hash.
#[derive(Default)]
struct Arena {
    text: String,
    table: HashTable<Entry>,
}

/// A string of an arena: its hash, where its text is, and its id.
#[derive(Clone, Copy)]
struct Entry {
    hash: u64,
    start: usize,
    len: u32,
    id: u32,
}

impl Entry {
    fn text(self, text: &str) -> &str {
        text.get(self.start..self.start + self.len as usize).unwrap_or("")
    }
}

/// Interned strings, in locked arenas. The id of a string is `local * SHARDS + shard`.
struct StringShards {
    shards: Vec<Mutex<Arena>>,
    hasher: KeyHash,
}

impl StringShards {
    fn new() -> StringShards {
        StringShards { shards: (0..SHARDS).map(|_| Mutex::new(Arena::default())).collect(), hasher: KeyHash::default() }
    }

    fn id(&self, key: &str) -> u32 {
        let hash = self.hasher.hash_one(key);
        let shard = shard_of(hash);
        // A panic while a shard is locked cannot leave it half-updated: keep using it.
        let mut arena = self.shards[shard].lock().unwrap_or_else(PoisonError::into_inner);
        let Arena { text, table } = &mut *arena;
        if let Some(entry) = table.find(hash, |e| e.hash == hash && e.text(text) == key) {
            return entry.id;
        }
        // More than 2^32 distinct strings would not fit in memory long before this wraps;
        // a string over 4 GiB is cut (no claim field comes near).
        let id = (table.len() * SHARDS + shard).min(u32::MAX as usize - 1) as u32;
        let len = key.len().min(u32::MAX as usize) as u32;
        let entry = Entry { hash, start: text.len(), len, id };
        text.push_str(key);
        table.insert_unique(hash, entry, |e| e.hash);
        id
    }
}

/// Strings and lists of strings being interned.
pub(crate) struct Interner {
    strings: StringShards,
    lists: Shards<Box<[Sym]>>,
}

impl Interner {
    pub(crate) fn new() -> Interner {
        let interner = Interner { strings: StringShards::new(), lists: Shards::new() };
        // The empty string is always there, so it is the smallest symbol once finished and
        // a missing id can sort as "" does (see `Strings::EMPTY`).
        interner.string("");
        interner
    }

    pub(crate) fn string(&self, text: &str) -> Sym {
        Sym::of(self.strings.id(text))
    }

    /// The list `items`, each interned.
    #[cfg(test)]
    pub(crate) fn list<S: AsRef<str>>(&self, items: &[S]) -> u32 {
        self.list_of(items.iter().map(|s| self.string(s.as_ref())).collect())
    }

    /// The list of interned strings `syms`.
    pub(crate) fn list_of(&self, syms: Vec<Sym>) -> u32 {
        self.lists.id(syms.as_slice(), |_| syms.clone().into_boxed_slice())
    }

    /// Renumbers every string by sorted order; `renumber` maps an id given out before to
    /// its final symbol, and lists hold final symbols.
    pub(crate) fn finish(self) -> (Strings, Renumber, Vec<Box<[Sym]>>) {
        let arenas: Vec<Arena> =
            self.strings.shards.into_iter().map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner)).collect();
        let mut entries: Vec<(&str, u32)> =
            arenas.iter().flat_map(|a| a.table.iter().map(|e| (e.text(&a.text), e.id))).collect();
        entries.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
        // Ids are dense per shard, so the largest is about the count plus the shards.
        let ids = entries.iter().map(|e| e.1 as usize + 1).max().unwrap_or(0);
        let mut map = vec![Sym::of(0); ids];
        let mut strings = Strings {
            text: String::with_capacity(entries.iter().map(|e| e.0.len()).sum()),
            ends: Vec::with_capacity(entries.len()),
        };
        for (rank, (text, id)) in entries.into_iter().enumerate() {
            if let Some(slot) = map.get_mut(id as usize) {
                *slot = Sym::of(rank as u32);
            }
            strings.text.push_str(text);
            strings.ends.push(strings.text.len());
        }
        drop(arenas);
        let renumber = Renumber { map };
        let entries = self.lists.into_entries();
        let ids = entries.iter().map(|e| e.1 as usize + 1).max().unwrap_or(0);
        let mut lists: Vec<Box<[Sym]>> = vec![Box::default(); ids];
        for (mut list, id) in entries {
            for sym in list.iter_mut() {
                *sym = renumber.sym(*sym);
            }
            if let Some(slot) = lists.get_mut(id as usize) {
                *slot = list;
            }
        }
        (strings, renumber, lists)
    }
}

/// From ids given out while adding claims to final symbols.
pub(crate) struct Renumber {
    map: Vec<Sym>,
}

impl Renumber {
    pub(crate) fn sym(&self, sym: Sym) -> Sym {
        self.map.get(sym.index()).copied().unwrap_or(sym)
    }
}

/// The finished strings, in sorted order, one after the other in one buffer.
pub(crate) struct Strings {
    text: String,
    /// Where each string ends in `text`; it starts where the one before ends.
    ends: Vec<usize>,
}

impl Strings {
    /// The empty string: the smallest.
    pub(crate) const EMPTY: Sym = Sym(NonZeroU32::MIN);

    pub(crate) fn get(&self, sym: Sym) -> &str {
        let i = sym.index();
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(0) };
        self.ends.get(i).and_then(|&end| self.text.get(start..end)).unwrap_or("")
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Bytes held: the text and where each string ends.
    pub(crate) fn bytes(&self) -> usize {
        self.text.len() + self.ends.len() * size_of::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::{Interner, Strings};

    #[test]
    fn finished_symbols_sort_as_their_strings() {
        let interner = Interner::new();
        let words = ["pear", "apple", "", "Zebra", "apple", "äpfel", "app"];
        let ids: Vec<_> = words.iter().map(|w| interner.string(w)).collect();
        let list = interner.list(&["pear", "app"]);
        let empty = interner.list::<&str>(&[]);
        let (strings, renumber, lists) = interner.finish();
        let syms: Vec<_> = ids.iter().map(|s| renumber.sym(*s)).collect();
        for (i, a) in words.iter().enumerate() {
            assert_eq!(strings.get(syms[i]), *a);
            for (j, b) in words.iter().enumerate() {
                assert_eq!(syms[i].cmp(&syms[j]), a.cmp(b), "{a} vs {b}");
            }
        }
        assert_eq!(renumber.sym(ids[2]), Strings::EMPTY);
        let texts: Vec<&str> = lists[list as usize].iter().map(|s| strings.get(*s)).collect();
        assert_eq!(texts, ["pear", "app"]);
        assert!(lists[empty as usize].is_empty());
        assert_eq!(strings.len(), 6);
    }
}
