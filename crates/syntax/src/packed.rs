//! The labeller's look-up table: 64-byte buckets of four features each, their entries
//! sharing the bucket's 13 (class, weight) units, so that one look-up reads one cache line.
//!
//! The labeller's features vote for up to 45 labels, and the ones an arc looks up most carry
//! more than the four entries a 16-byte slot holds ([`crate::model`]): on FA-KES sentences
//! 55 % of its found keys spilled to the overflow list, a second, dependent cache miss. A
//! bucket holds as many features as four 16-byte slots, in the same bytes (so the table is
//! no larger), but a feature of up to 13 entries fits when its neighbours are short (most
//! have two); only longer lists spill. A look-up compares the bucket's four keys at once.
//!
//! A feature whose home bucket is full lies in a later one; the flag [`CONTINUES`] of every
//! bucket passed over says that a look-up that misses there goes on to the next bucket.

use crate::model::{Entry, ModelError, home};
use std::borrow::Cow;
use zerocopy::{FromBytes, Immutable, KnownLayout};

/// Bytes of a bucket.
pub(crate) const BUCKET: usize = 64;

/// Features a bucket holds.
const KEYS: usize = 4;

/// Entry units a bucket holds.
const UNITS: usize = 13;

/// The count of a spilled feature: its first unit's class is its length, its first two
/// units' weights the start of its entries in the overflow list.
const SPILL: u8 = u8::MAX;

/// The flag of a bucket: a look-up that misses here goes on to the next.
const CONTINUES: u8 = 1;

/// One bucket: four keys (0: none), each one's entry count and first unit, the units'
/// classes, the flags, and the units' weights. No padding: 16 + 4 + 4 + 13 + 1 + 26 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, FromBytes, Immutable, KnownLayout)]
#[repr(C, align(64))]
pub(crate) struct Bucket {
    key: [u32; KEYS],
    count: [u8; KEYS],
    first: [u8; KEYS],
    class: [u8; UNITS],
    flags: u8,
    weight: [i16; UNITS],
}

/// A table of buckets and its overflow list.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Table {
    mask: usize,
    buckets: Cow<'static, [Bucket]>,
    /// Entries of the features with more than [`UNITS`].
    overflow: Cow<'static, [Entry]>,
    features: usize,
}

/// Units a feature of `count` entries takes in a bucket.
fn units(count: usize) -> usize {
    if count > UNITS { 2 } else { count }
}

impl Table {
    /// A table of `features` (key and entries, no key twice), built in the order of their
    /// home buckets, each in the first bucket from its home with a key and units free: as
    /// many buckets as 16-byte slots would take, at most half full.
    pub fn build(features: &[(u32, Vec<Entry>)]) -> Result<Table, ModelError> {
        let buckets = (features.len() * 2 / KEYS).next_power_of_two().max(16);
        let mask = buckets - 1;
        let mut order: Vec<(usize, usize)> = features.iter().enumerate().map(|(i, f)| (home(f.0, mask), i)).collect();
        order.sort_unstable();
        let mut table = vec![Bucket::default(); buckets];
        let mut used = vec![(0usize, 0usize); buckets];
        let mut overflow = Vec::new();
        for (at, i) in order {
            let (key, entries) = &features[i];
            let need = units(entries.len());
            let mut b = at;
            for _ in 0..buckets {
                if used[b].0 < KEYS && used[b].1 + need <= UNITS {
                    break;
                }
                table[b].flags |= CONTINUES;
                b = (b + 1) & mask;
            }
            let (k, u) = used[b];
            if k == KEYS || u + need > UNITS {
                return Err(ModelError("table full"));
            }
            let bucket = &mut table[b];
            (bucket.key[k], bucket.first[k]) = (*key, u as u8);
            if entries.len() > UNITS {
                let start = u32::try_from(overflow.len()).map_err(|_| ModelError("too many weights"))?;
                bucket.count[k] = SPILL;
                bucket.class[u] = u8::try_from(entries.len()).map_err(|_| ModelError("too many weights"))?;
                bucket.weight[u] = start as u16 as i16;
                bucket.weight[u + 1] = (start >> 16) as u16 as i16;
                overflow.extend_from_slice(entries);
            } else {
                bucket.count[k] = entries.len() as u8;
                for (j, entry) in entries.iter().enumerate() {
                    (bucket.class[u + j], bucket.weight[u + j]) = entry.pair();
                }
            }
            used[b] = (k + 1, u + need);
        }
        Ok(Table { mask, buckets: Cow::Owned(table), overflow: Cow::Owned(overflow), features: features.len() })
    }

    /// A table of buckets and an overflow list as [`Table::parts`] gave them (the bucket
    /// count a power of two), unchecked ([`Table::check`]).
    pub fn from_parts(
        features: usize,
        buckets: Cow<'static, [Bucket]>,
        overflow: Cow<'static, [Entry]>,
    ) -> Result<Table, ModelError> {
        if buckets.len() < 16 || !buckets.len().is_power_of_two() {
            return Err(ModelError("table size out of range"));
        }
        Ok(Table { mask: buckets.len() - 1, buckets, overflow, features })
    }

    /// Features, buckets and overflow entries, as held.
    pub fn parts(&self) -> (usize, &[Bucket], &[Entry]) {
        (self.features, &self.buckets, &self.overflow)
    }

    /// Number of features.
    pub fn feature_count(&self) -> usize {
        self.features
    }

    /// Adds the weights of `keys` (at most `N`) but `constant`'s to `sums`, as
    /// [`crate::model::Model::add_features`] says: read every key's home bucket first
    /// (independent reads, so that the cache misses overlap), then find the features and
    /// touch the overflow lists of the long ones, then add.
    #[inline]
    pub fn add_chunk<const N: usize>(&self, keys: &[u32], constant: u32, sums: &mut [i32; 256]) {
        let mut homes = [0u32; N];
        let mut found = [0u32; N];
        let mut touched = 0u8;
        for (place, &key) in homes.iter_mut().zip(keys) {
            let home = home(key, self.mask);
            touched ^= self.buckets[home].flags;
            *place = home as u32;
        }
        let mut count = 0;
        for (&key, &home) in keys.iter().zip(&homes) {
            if key == constant {
                continue;
            }
            if let Some(at) = self.find_from(key, home as usize) {
                found[count] = at as u32;
                count += 1;
                if let Some(spilled) = self.spilled(at) {
                    for entry in spilled.iter().step_by(16) {
                        touched ^= entry.pair().0;
                    }
                }
            }
        }
        std::hint::black_box(touched);
        for &at in &found[..count] {
            self.add(at as usize, sums);
        }
    }

    /// Adds feature `key`'s weights to `sums`, if it has any.
    pub fn add_key(&self, key: u32, sums: &mut [i32; 256]) {
        if let Some(at) = self.find_from(key, home(key, self.mask)) {
            self.add(at, sums);
        }
    }

    /// Reads the home bucket of each of `keys` and nothing else.
    pub fn touch(&self, keys: &[u32]) {
        std::hint::black_box(keys.iter().fold(0, |touched, &key| touched ^ self.buckets[home(key, self.mask)].flags));
    }

    /// Where `key` is (its bucket times [`KEYS`] plus its place there), if it is held,
    /// searching from its home bucket `at`.
    #[inline(always)]
    fn find_from(&self, key: u32, mut at: usize) -> Option<usize> {
        for _ in 0..self.buckets.len() {
            let bucket = &self.buckets[at];
            // The four compares without a branch each: which place holds the key, as bits.
            let hits = (0..KEYS).fold(0u32, |hits, k| hits | (u32::from(bucket.key[k] == key) << k));
            if hits != 0 {
                return Some(at * KEYS + hits.trailing_zeros() as usize);
            }
            if bucket.flags & CONTINUES == 0 {
                return None;
            }
            at = (at + 1) & self.mask;
        }
        None
    }

    /// The feature at `at` ([`Table::find_from`]): its bucket, count and first unit.
    #[inline(always)]
    fn feature(&self, at: usize) -> (&Bucket, u8, usize) {
        let bucket = &self.buckets[at / KEYS];
        (bucket, bucket.count[at % KEYS], usize::from(bucket.first[at % KEYS]))
    }

    /// A spilled feature's entries in the overflow list (none if out of range); `None` for
    /// a feature with its entries inline.
    #[inline(always)]
    fn spilled(&self, at: usize) -> Option<&[Entry]> {
        let (bucket, count, first) = self.feature(at);
        if count != SPILL {
            return None;
        }
        let (Some(&len), Some(&[low, high])) = (bucket.class.get(first), bucket.weight.get(first..first + 2)) else {
            return Some(&[]);
        };
        let start = usize::from(low as u16) | (usize::from(high as u16) << 16);
        Some(self.overflow.get(start..start + usize::from(len)).unwrap_or(&[]))
    }

    /// Adds the entries of the feature at `at` to `sums`. Always inlined: a call per
    /// feature cost more than the adding (the binary's build did not inline it).
    #[inline(always)]
    fn add(&self, at: usize, sums: &mut [i32; 256]) {
        let (bucket, count, first) = self.feature(at);
        if count == SPILL {
            for entry in self.spilled(at).unwrap_or(&[]) {
                let (class, weight) = entry.pair();
                sums[usize::from(class)] += i32::from(weight);
            }
            return;
        }
        let units = first..first + usize::from(count);
        if let (Some(classes), Some(weights)) = (bucket.class.get(units.clone()), bucket.weight.get(units)) {
            for (&class, &weight) in classes.iter().zip(weights) {
                sums[usize::from(class)] += i32::from(weight);
            }
        }
    }

    /// Checks what a look-up relies on: every feature's units lie inside its bucket, its
    /// classes and overflow range are in range, it is found from its home bucket, and the
    /// features are the ones counted.
    pub fn check(&self, classes: usize) -> Result<(), ModelError> {
        let bad = Err(ModelError("table inconsistent"));
        let mut held = 0;
        for (b, bucket) in self.buckets.iter().enumerate() {
            for (k, &key) in bucket.key.iter().enumerate().filter(|(_, key)| **key != 0) {
                let at = b * KEYS + k;
                let (_, count, first) = self.feature(at);
                let wrong = match self.spilled(at) {
                    Some(spilled) => {
                        first + 2 > UNITS
                            || spilled.len() <= UNITS
                            || spilled.iter().any(|e| usize::from(e.pair().0) >= classes)
                    }
                    None => bucket
                        .class
                        .get(first..first + usize::from(count))
                        .is_none_or(|units| units.iter().any(|&c| usize::from(c) >= classes)),
                };
                if wrong || self.find_from(key, home(key, self.mask)) != Some(at) {
                    return bad;
                }
                held += 1;
            }
        }
        if held != self.features || self.buckets.iter().all(|b| b.flags & CONTINUES != 0) {
            return bad;
        }
        Ok(())
    }
}

impl Bucket {
    /// The bucket's bytes as the tables file holds them (little-endian, as in memory).
    pub fn to_le_bytes(self) -> [u8; BUCKET] {
        let mut out = [0u8; BUCKET];
        for (k, key) in self.key.iter().enumerate() {
            out[4 * k..4 * k + 4].copy_from_slice(&key.to_le_bytes());
        }
        out[16..20].copy_from_slice(&self.count);
        out[20..24].copy_from_slice(&self.first);
        out[24..37].copy_from_slice(&self.class);
        out[37] = self.flags;
        for (u, weight) in self.weight.iter().enumerate() {
            out[38 + 2 * u..40 + 2 * u].copy_from_slice(&weight.to_le_bytes());
        }
        out
    }

    /// The bucket [`Bucket::to_le_bytes`] wrote.
    pub fn from_le_bytes(b: &[u8; BUCKET]) -> Bucket {
        Bucket {
            key: std::array::from_fn(|k| u32::from_le_bytes([b[4 * k], b[4 * k + 1], b[4 * k + 2], b[4 * k + 3]])),
            count: std::array::from_fn(|k| b[16 + k]),
            first: std::array::from_fn(|k| b[20 + k]),
            class: std::array::from_fn(|u| b[24 + u]),
            flags: b[37],
            weight: std::array::from_fn(|u| i16::from_le_bytes([b[38 + 2 * u], b[39 + 2 * u]])),
        }
    }
}
