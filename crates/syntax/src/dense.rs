//! The transition model's look-up table: 64-byte buckets of five features, each key with
//! its four class weights beside it, so that one look-up reads one cache line.
//!
//! The transition model scores four classes, and every feature holds a weight for each
//! ([`crate::model`]'s dense slots: a key, four class bytes that are always 0 to 3, four
//! weights, 16 bytes). A bucket drops the class bytes and holds five keys and their weights
//! in one line, so the 917,683 features of the committed model fit 262,144 buckets
//! (16.8 MB, 70 % of the places) instead of 2,097,152 slots (33.6 MB, 44 %). A look-up
//! compares the bucket's five keys at once, without a branch each.
//!
//! A feature whose home bucket is full lies in a later one; the flag [`CONTINUES`] of every
//! bucket passed over says that a look-up that misses there goes on to the next bucket.

use crate::model::{ModelError, home};
use std::borrow::Cow;
use zerocopy::{FromBytes, Immutable, KnownLayout};

/// Bytes of a bucket.
pub(crate) const BUCKET: usize = 64;

/// Features a bucket holds.
const KEYS: usize = 5;

/// Classes of a dense model.
pub(crate) const CLASSES: usize = 4;

/// The flag of a bucket: a look-up that misses here goes on to the next.
const CONTINUES: u32 = 1;

/// One bucket: five keys (0: none), the flags, and each key's four weights. No padding:
/// 20 + 4 + 40 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, FromBytes, Immutable, KnownLayout)]
#[repr(C, align(64))]
pub(crate) struct Bucket {
    key: [u32; KEYS],
    flags: u32,
    weight: [[i16; CLASSES]; KEYS],
}

/// A table of buckets.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Table {
    mask: usize,
    buckets: Cow<'static, [Bucket]>,
    features: usize,
}

impl Table {
    /// A table of `features` (key and weights by class, no key twice, no key 0), built in
    /// the order of their home buckets, each in the first bucket from its home with a place
    /// free: a power of two of buckets, at most four fifths of the places taken.
    pub fn build(features: &[(u32, [i16; CLASSES])]) -> Result<Table, ModelError> {
        let buckets = (features.len() * 5 / 4 / KEYS + 1).next_power_of_two().max(16);
        let mask = buckets - 1;
        let mut order: Vec<(usize, usize)> = features.iter().enumerate().map(|(i, f)| (home(f.0, mask), i)).collect();
        order.sort_unstable();
        let mut table = vec![Bucket::default(); buckets];
        let mut used = vec![0usize; buckets];
        for (at, i) in order {
            let (key, weights) = features[i];
            let mut b = at;
            for _ in 0..buckets {
                if used[b] < KEYS {
                    break;
                }
                table[b].flags |= CONTINUES;
                b = (b + 1) & mask;
            }
            let k = used[b];
            if k == KEYS || key == 0 {
                return Err(ModelError("table full"));
            }
            (table[b].key[k], table[b].weight[k]) = (key, weights);
            used[b] = k + 1;
        }
        Ok(Table { mask, buckets: Cow::Owned(table), features: features.len() })
    }

    /// A table of buckets as [`Table::parts`] gave them (the bucket count a power of two),
    /// unchecked ([`Table::check`]).
    pub fn from_parts(features: usize, buckets: Cow<'static, [Bucket]>) -> Result<Table, ModelError> {
        if buckets.len() < 16 || !buckets.len().is_power_of_two() {
            return Err(ModelError("table size out of range"));
        }
        Ok(Table { mask: buckets.len() - 1, buckets, features })
    }

    /// Features and buckets, as held.
    pub fn parts(&self) -> (usize, &[Bucket]) {
        (self.features, &self.buckets)
    }

    /// Whether the buckets are read in place rather than held.
    #[cfg(test)]
    pub fn is_borrowed(&self) -> bool {
        matches!(self.buckets, Cow::Borrowed(_))
    }

    /// Number of features.
    pub fn feature_count(&self) -> usize {
        self.features
    }

    /// Adds the weights of `keys` (at most `N`) but `constant`'s to `sums[..4]`, as
    /// [`crate::model::Model::add_features`] says: read every key's home bucket first
    /// (independent reads, so that the cache misses overlap), then find and add.
    #[inline]
    pub fn add_chunk<const N: usize>(&self, keys: &[u32], constant: u32, sums: &mut [i32; 256]) {
        let mut homes = [0u32; N];
        let mut touched = 0u32;
        for (place, &key) in homes.iter_mut().zip(keys) {
            let home = home(key, self.mask);
            touched ^= self.buckets[home].flags;
            *place = home as u32;
        }
        std::hint::black_box(touched);
        let mut dense = [0i32; CLASSES];
        for (&key, &home) in keys.iter().zip(&homes) {
            if key == constant {
                continue;
            }
            if let Some(weights) = self.find_from(key, home as usize) {
                for (sum, &w) in dense.iter_mut().zip(weights) {
                    *sum += i32::from(w);
                }
            }
        }
        for (sum, add) in sums.iter_mut().zip(dense) {
            *sum += add;
        }
    }

    /// The weights of `key`, if it is held.
    pub fn weights(&self, key: u32) -> Option<[i16; CLASSES]> {
        self.find_from(key, home(key, self.mask)).copied()
    }

    /// Reads the home bucket of each of `keys` and nothing else.
    pub fn touch(&self, keys: &[u32]) {
        std::hint::black_box(keys.iter().fold(0, |touched, &key| touched ^ self.buckets[home(key, self.mask)].flags));
    }

    /// The weights of `key`, if it is held, searching from its home bucket `at`.
    #[inline(always)]
    fn find_from(&self, key: u32, mut at: usize) -> Option<&[i16; CLASSES]> {
        for _ in 0..self.buckets.len() {
            let bucket = &self.buckets[at];
            // The five compares without a branch each: which place holds the key, as bits.
            let hits = (0..KEYS).fold(0u32, |hits, k| hits | (u32::from(bucket.key[k] == key) << k));
            if hits != 0 {
                return bucket.weight.get(hits.trailing_zeros() as usize);
            }
            if bucket.flags & CONTINUES == 0 {
                return None;
            }
            at = (at + 1) & self.mask;
        }
        None
    }

    /// Checks what a look-up relies on: every key is found from its home bucket at its
    /// place, the features are the ones counted, and some bucket ends a search.
    pub fn check(&self) -> Result<(), ModelError> {
        let mut held = 0;
        for bucket in self.buckets.iter() {
            for (k, &key) in bucket.key.iter().enumerate().filter(|(_, key)| **key != 0) {
                if !self.find_from(key, home(key, self.mask)).is_some_and(|w| std::ptr::eq(w, &bucket.weight[k])) {
                    return Err(ModelError("table inconsistent"));
                }
                held += 1;
            }
        }
        if held != self.features || self.buckets.iter().all(|b| b.flags & CONTINUES != 0) {
            return Err(ModelError("table inconsistent"));
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
        out[20..24].copy_from_slice(&self.flags.to_le_bytes());
        for (k, weights) in self.weight.iter().enumerate() {
            for (c, weight) in weights.iter().enumerate() {
                let at = 24 + 8 * k + 2 * c;
                out[at..at + 2].copy_from_slice(&weight.to_le_bytes());
            }
        }
        out
    }

    /// The bucket [`Bucket::to_le_bytes`] wrote.
    pub fn from_le_bytes(b: &[u8; BUCKET]) -> Bucket {
        let u32_at = |at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
        Bucket {
            key: std::array::from_fn(|k| u32_at(4 * k)),
            flags: u32_at(20),
            weight: std::array::from_fn(|k| {
                std::array::from_fn(|c| i16::from_le_bytes([b[24 + 8 * k + 2 * c], b[25 + 8 * k + 2 * c]]))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every feature is found with its weights, from full buckets too, a key not held is
    /// not, and a chunk adds the weights of the keys held but the constant's.
    #[test]
    fn every_key_is_found_with_its_weights_and_no_other() {
        let mut state = 11u64;
        let mut next = move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((state >> 32) as u32).max(1)
        };
        let mut features: Vec<(u32, [i16; CLASSES])> = (1..=3000).map(|k| (next(), [k, -k, 7, 0])).collect();
        features.sort_unstable_by_key(|f| f.0);
        features.dedup_by_key(|f| f.0);
        let table = Table::build(&features).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.check(), Ok(()));
        assert!(table.buckets.iter().any(|b| b.flags & CONTINUES != 0), "some bucket full");
        for &(key, weights) in &features {
            assert_eq!(table.weights(key), Some(weights));
        }
        let held: std::collections::HashSet<u32> = features.iter().map(|f| f.0).collect();
        let missing: Vec<u32> = (0..5000).map(|_| next()).filter(|k| !held.contains(k)).collect();
        assert!(missing.iter().all(|&k| table.weights(k).is_none()));
        let mut sums = [0i32; 256];
        let keys = [features[0].0, features[1].0, missing[0], features[2].0];
        table.add_chunk::<4>(&keys, features[2].0, &mut sums);
        let expected: [i32; CLASSES] =
            std::array::from_fn(|c| i32::from(features[0].1[c]) + i32::from(features[1].1[c]));
        assert_eq!(sums[..CLASSES], expected);
        assert_eq!(sums[CLASSES..], [0; 256 - CLASSES]);
        for bucket in table.buckets.iter() {
            assert_eq!(Bucket::from_le_bytes(&bucket.to_le_bytes()), *bucket);
        }
    }
}
