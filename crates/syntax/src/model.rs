//! The linear models: hashed features, sparse class weights quantised to `i16`, an
//! open-addressing table for look-up, and the byte format the trainer writes.

use crate::{dense, packed};
use std::borrow::Cow;
use zerocopy::{FromBytes, Immutable, KnownLayout};

/// Mixes a feature template and up to three values into a 32-bit feature key (never 0,
/// which marks an empty slot). Two features may share a key; among the model's million or
/// so features that is rare, and it costs a little accuracy, not correctness.
#[inline]
pub(crate) fn key(template: u32, a: u64, b: u64, c: u64) -> u32 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = u64::from(template).wrapping_add(1).wrapping_mul(K);
    h = (h ^ a).wrapping_mul(K).rotate_left(29);
    h = (h ^ b).wrapping_mul(K).rotate_left(29);
    h = (h ^ c).wrapping_mul(K);
    h ^= h >> 31;
    ((h ^ (h >> 32)) as u32).max(1)
}

/// A hasher for map keys that are hashes already (feature keys, [`hash_str`] values): the
/// key is its own hash, so maps over them skip hashing again.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A string's hash (FNV-1a, then mixed), stable across platforms and runs.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(s.bytes())
}

/// The hash of a byte sequence, as [`hash_str`].
#[inline]
pub(crate) fn hash_bytes(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ (h >> 29)
}

/// A trained linear model: for each feature key, the classes it votes for and by how much.
///
/// Scoring is bound by memory latency (a parser step looks up 76 features in a table of
/// megabytes), so a look-up reads one 16-byte slot: the key and up to four (class, weight)
/// entries inline, which holds every feature of the parser's four-class transition model.
/// A feature with more entries keeps them in `overflow`; its slot says where.
///
/// The table and the overflow list are either built here (decoded, or from features) or
/// read in place from the tables the build embeds in the binary (`tables.rs`). The
/// labeller's model is held instead in 64-byte buckets ([`packed`], [`Model::packed`]).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Model {
    /// Number of classes scored.
    pub classes: usize,
    mask: usize,
    /// Open-addressing table, linear probing; key 0 marks an empty slot.
    slots: Cow<'static, [Slot]>,
    /// Entries of the features with more than [`INLINE`].
    overflow: Cow<'static, [Entry]>,
    features: usize,
    /// A feature every call scores (the bias): its key, and its weights per class, added
    /// up front instead of looked up.
    constant: (u32, [i32; 256]),
    /// Whether every slot holds its weights by class (`weight[c]` is class `c`'s): a model
    /// of at most [`INLINE`] classes (the parser's transition model), whose features are
    /// then added as four straight additions instead of four indexed ones.
    dense: bool,
    /// The table packed in buckets ([`Model::packed`]; `slots` and `overflow` then empty).
    packed: Option<packed::Table>,
    /// A dense model's table packed in five-key buckets ([`Model::packed`]; `slots` then
    /// empty).
    grid: Option<dense::Table>,
}

/// Entries a slot holds inline.
const INLINE: usize = 4;

/// The class byte that marks a slot whose entries are in the overflow list.
const SPILLED: u8 = u8::MAX;

/// One feature: its key and inline entries (unused ones are class 0, weight 0, which add
/// nothing), or, when `class[0]` is [`SPILLED`], the start (`weight[0..2]`) and count
/// (`weight[2]`) of its entries in the overflow list. In a dense model (see `Model::dense`)
/// entry `j` is class `j`'s weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, FromBytes, Immutable, KnownLayout)]
#[repr(C, align(16))]
pub(crate) struct Slot {
    key: u32,
    class: [u8; INLINE],
    weight: [i16; INLINE],
}

/// One entry of a spilled feature: a class and its weight (`pad` is always 0; it makes the
/// layout one the embedded tables can be read in place as).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, FromBytes, Immutable, KnownLayout)]
#[repr(C)]
pub(crate) struct Entry {
    class: u8,
    pad: u8,
    weight: i16,
}

impl Entry {
    fn new((class, weight): (u8, i16)) -> Entry {
        Entry { class, pad: 0, weight }
    }

    /// The entry's class and weight.
    #[inline]
    pub(crate) fn pair(self) -> (u8, i16) {
        (self.class, self.weight)
    }
}

/// A model that does not decode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad syntax model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// Reads little-endian values from a byte slice.
#[derive(Clone)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError("length overflows"))?;
        let slice = self.bytes.get(self.at..end).ok_or(ModelError("truncated"))?;
        self.at = end;
        Ok(slice)
    }

    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let mut b = [0u8; 4];
        b.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(b))
    }

    pub fn i16(&mut self) -> Result<i16, ModelError> {
        let mut b = [0u8; 2];
        b.copy_from_slice(self.take(2)?);
        Ok(i16::from_le_bytes(b))
    }

    /// Bytes not read yet.
    pub fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// Bytes read so far.
    pub fn position(&self) -> usize {
        self.at
    }
}

impl Model {
    /// Builds the look-up table from features, each with its entries (at most 255).
    pub fn from_features(classes: usize, features: Vec<(u32, Vec<(u8, i16)>)>) -> Result<Model, ModelError> {
        let mut model = Model::with_room(classes, features.len())?;
        for (key, list) in features {
            model.insert(key, list.iter().copied())?;
        }
        Ok(model)
    }

    /// An empty table with room for `features` features.
    fn with_room(classes: usize, features: usize) -> Result<Model, ModelError> {
        if classes > usize::from(SPILLED) {
            return Err(ModelError("too many classes"));
        }
        let capacity = capacity(features);
        Ok(Model {
            classes,
            mask: capacity - 1,
            slots: Cow::Owned(vec![Slot::default(); capacity]),
            overflow: Cow::Owned(Vec::new()),
            features: 0,
            constant: (0, [0; 256]),
            dense: classes <= INLINE,
            packed: None,
            grid: None,
        })
    }

    /// The same model with its table packed in 64-byte buckets ([`packed`]): the
    /// labeller's, whose often-read features carry more than four entries. The same sums;
    /// a dense model stays as it is.
    pub fn packed(self) -> Result<Model, ModelError> {
        if self.packed.is_some() || self.grid.is_some() {
            return Ok(self);
        }
        if self.dense {
            let features: Vec<_> = self.slots.iter().filter(|s| s.key != 0).map(|s| (s.key, s.weight)).collect();
            return Ok(Model::with_grid(self.classes, dense::Table::build(&features)?));
        }
        let mut features = Vec::with_capacity(self.features);
        for slot in self.slots.iter().filter(|s| s.key != 0) {
            let entries = if slot.class[0] == SPILLED {
                let (start, len) = spilled(slot);
                self.overflow.get(start..start + len).ok_or(ModelError("table inconsistent"))?.to_vec()
            } else {
                // An inline entry of weight 0 (an unused one) adds nothing: left out.
                let pairs = slot.class.iter().zip(&slot.weight).filter(|(_, w)| **w != 0);
                pairs.map(|(&class, &weight)| Entry::new((class, weight))).collect()
            };
            features.push((slot.key, entries));
        }
        Ok(Model::with_table(self.classes, packed::Table::build(&features)?))
    }

    /// A model of a packed table, its constant feature unset.
    pub(crate) fn with_table(classes: usize, table: packed::Table) -> Model {
        let features = table.feature_count();
        Model { packed: Some(table), ..Model::without_slots(classes, features, false) }
    }

    /// A dense model of a table of five-key buckets, its constant feature unset.
    pub(crate) fn with_grid(classes: usize, table: dense::Table) -> Model {
        let features = table.feature_count();
        Model { grid: Some(table), ..Model::without_slots(classes, features, true) }
    }

    /// A model of `features` features with no table yet: the bucketed layouts' common part.
    fn without_slots(classes: usize, features: usize, dense: bool) -> Model {
        Model {
            classes,
            mask: 0,
            slots: Cow::Owned(Vec::new()),
            overflow: Cow::Owned(Vec::new()),
            features,
            constant: (0, [0; 256]),
            dense,
            packed: None,
            grid: None,
        }
    }

    /// Puts a feature in the table (over an earlier entry of the same key: the later one
    /// wins). The table must have room: [`Model::with_room`] for every feature inserted.
    fn insert<I>(&mut self, key: u32, list: I) -> Result<(), ModelError>
    where
        I: ExactSizeIterator<Item = (u8, i16)> + Clone,
    {
        let count = list.len();
        if count > 255 || key == 0 {
            return Err(ModelError("too many weights"));
        }
        let mut slot = Slot { key, ..Slot::default() };
        if self.dense {
            // Classes are below `INLINE` (the decoder checks them against the class count);
            // a class twice (never written by the trainer) adds up as it would sparse.
            for (class, weight) in list {
                let at = usize::from(class) % INLINE;
                slot.weight[at] = slot.weight[at].saturating_add(weight);
            }
            slot.class = std::array::from_fn(|j| j as u8);
        } else if count <= INLINE {
            for (j, (class, weight)) in list.enumerate() {
                slot.class[j] = class;
                slot.weight[j] = weight;
            }
        } else {
            let at = u32::try_from(self.overflow.len()).map_err(|_| ModelError("too many weights"))?;
            slot.class[0] = SPILLED;
            slot.weight = [at as u16 as i16, (at >> 16) as u16 as i16, count as i16, 0];
            self.overflow.to_mut().extend(list.map(Entry::new));
        }
        self.place(slot)
    }

    /// Puts a built slot in the table, over a slot of the same key.
    fn place(&mut self, slot: Slot) -> Result<(), ModelError> {
        let mut at = home(slot.key, self.mask);
        let slots = self.slots.to_mut();
        for _ in 0..slots.len() {
            if slots[at].key == 0 {
                self.features += 1;
            } else if slots[at].key != slot.key {
                at = (at + 1) & self.mask;
                continue;
            }
            slots[at] = slot;
            return Ok(());
        }
        Err(ModelError("table full"))
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.features
    }

    /// Makes `key` the feature that every call scores (the bias): its weights are added
    /// to every score from the start, and the look-up is skipped (key 0: none).
    pub fn set_constant(&mut self, key: u32) {
        let mut weights = [0i32; 256];
        if let Some(table) = &self.packed {
            table.add_key(key, &mut weights);
        } else if let Some(grid) = &self.grid {
            for (sum, w) in weights.iter_mut().zip(grid.weights(key).unwrap_or_default()) {
                *sum = i32::from(w);
            }
        } else if let Some(at) = self.find(key) {
            self.add(&self.slots[at], &mut weights);
        }
        self.constant = (key, weights);
    }

    /// Sets `scores[c]` to the sum of the weights for class `c` of every feature in `keys`
    /// (one place per class byte, so that adding needs no bounds check; places from
    /// [`Model::classes`] on stay as they are). Integer sums: the result does not depend on
    /// the order of `keys`.
    #[inline]
    pub fn score(&self, keys: &[u32], sums: &mut [i32; 256]) {
        sums[..self.classes].copy_from_slice(&self.constant.1[..self.classes]);
        self.add_features(keys, sums);
    }

    /// The weights of the constant feature per class ([`Model::set_constant`]), which
    /// [`Model::score`] starts from.
    pub fn constant(&self) -> &[i32] {
        &self.constant.1[..self.classes]
    }

    /// Adds to `sums[c]` the weights for class `c` of every feature in `keys` but the
    /// constant one, as [`Model::score`] does after starting from the constant's weights
    /// (so that features scored apart add up to the same sums).
    #[inline]
    pub fn add_features(&self, keys: &[u32], sums: &mut [i32; 256]) {
        for chunk in keys.chunks(CHUNK) {
            self.add_chunk::<CHUNK>(chunk, sums);
        }
    }

    /// [`Model::add_features`] of a number of keys known when compiling (at most
    /// [`CHUNK`]): one batch, its loops of a known length and no longer than the keys.
    #[inline]
    pub fn add_keys<const N: usize>(&self, keys: &[u32; N], sums: &mut [i32; 256]) {
        if N <= CHUNK {
            self.add_chunk::<N>(keys, sums);
        } else {
            self.add_features(keys, sums);
        }
    }

    /// Adds the weights of `keys` (at most `N`) as [`Model::add_features`] says.
    #[inline]
    fn add_chunk<const N: usize>(&self, keys: &[u32], sums: &mut [i32; 256]) {
        if let Some(table) = &self.packed {
            table.add_chunk::<N>(keys, self.constant.0, sums);
            return;
        }
        if let Some(grid) = &self.grid {
            grid.add_chunk::<N>(keys, self.constant.0, sums);
            return;
        }
        let mut found = [0u32; N];
        let mut homes = [0u32; N];
        // Three passes, so that the cache misses overlap instead of following one another:
        // read every key's home slot (independent, branch-free reads), keeping where it is;
        // probe from there and touch the overflow lists of the features found; then add. A
        // dense model has no overflow: it adds as it probes, into four sums of its own.
        let mut touched = 0u32;
        for (place, &key) in homes.iter_mut().zip(keys) {
            let home = home(key, self.mask);
            touched ^= self.slots[home].key;
            *place = home as u32;
        }
        if self.dense {
            std::hint::black_box(touched);
            let mut dense = [0i32; INLINE];
            for (&key, &home) in keys.iter().zip(&homes) {
                if key == self.constant.0 {
                    continue;
                }
                if let Some(at) = self.find_from(key, home as usize) {
                    let weight = self.slots[at].weight;
                    for (sum, w) in dense.iter_mut().zip(weight) {
                        *sum += i32::from(w);
                    }
                }
            }
            for (sum, add) in sums.iter_mut().zip(dense) {
                *sum += add;
            }
            return;
        }
        let mut count = 0;
        for (&key, &home) in keys.iter().zip(&homes) {
            if key == self.constant.0 {
                continue;
            }
            if let Some(at) = self.find_from(key, home as usize) {
                found[count] = at as u32;
                count += 1;
                let slot = &self.slots[at];
                if slot.class[0] == SPILLED {
                    let (start, len) = spilled(slot);
                    for entry in self.overflow.get(start..start + len).unwrap_or(&[]).iter().step_by(16) {
                        touched ^= u32::from(entry.class);
                    }
                }
            }
        }
        std::hint::black_box(touched);
        for &at in &found[..count] {
            self.add(&self.slots[at as usize], sums);
        }
    }

    /// The weights of feature `key` for classes 0 to 3 in a model of at most four classes,
    /// as [`Model::add_features`] adds them: none for the constant feature (which
    /// [`Model::score`] starts from) or a key without weights.
    pub fn dense_weights(&self, key: u32) -> [i32; INLINE] {
        if !self.dense || key == self.constant.0 {
            return [0; INLINE];
        }
        if let Some(grid) = &self.grid {
            return grid.weights(key).unwrap_or_default().map(i32::from);
        }
        match self.find(key) {
            Some(at) if self.dense && key != self.constant.0 => self.slots[at].weight.map(i32::from),
            _ => [0; INLINE],
        }
    }

    /// Reads the home slot of each of `keys` and nothing else, so that the cache misses of
    /// looking them up next overlap instead of following one another.
    pub fn touch(&self, keys: &[u32]) {
        if let Some(table) = &self.packed {
            return table.touch(keys);
        }
        if let Some(grid) = &self.grid {
            return grid.touch(keys);
        }
        std::hint::black_box(keys.iter().fold(0, |touched, &key| touched ^ self.slots[home(key, self.mask)].key));
    }

    /// The slot index of `key`, if it has one.
    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        self.find_from(key, home(key, self.mask))
    }

    /// The slot index of `key`, if it has one, probing from its home slot `at`.
    #[inline]
    fn find_from(&self, key: u32, mut at: usize) -> Option<usize> {
        loop {
            let k = self.slots[at].key;
            if k == key {
                return Some(at);
            }
            if k == 0 {
                return None;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Adds one feature's entries to `sums`.
    #[inline]
    fn add(&self, slot: &Slot, sums: &mut [i32; 256]) {
        if self.dense {
            for (sum, &weight) in sums.iter_mut().zip(&slot.weight) {
                *sum += i32::from(weight);
            }
            return;
        }
        if slot.class[0] != SPILLED {
            for j in 0..INLINE {
                sums[usize::from(slot.class[j])] += i32::from(slot.weight[j]);
            }
            return;
        }
        let (start, len) = spilled(slot);
        for entry in self.overflow.get(start..start + len).unwrap_or(&[]) {
            sums[usize::from(entry.class)] += i32::from(entry.weight);
        }
    }

    /// Decodes a model written by [`encode`], straight into the table (in the order
    /// [`encode`] writes, the table is filled front to back).
    pub fn decode(r: &mut Reader<'_>) -> Result<Model, ModelError> {
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 256 {
            return Err(ModelError("class count out of range"));
        }
        let count = r.u32()? as usize;
        // Each feature takes at least five bytes: a count beyond the bytes left is a lie.
        if count > r.left() / 5 {
            return Err(ModelError("truncated"));
        }
        let mut model = Model::with_room(classes, count)?;
        for _ in 0..count {
            // A feature's key and entry count, then its entries read straight from the bytes
            // into its slot (decoding is a tenth of a short run's instructions).
            let head: &[u8; 5] = r.take(5)?.first_chunk().ok_or(ModelError("truncated"))?;
            let key = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
            if key == 0 {
                return Err(ModelError("zero feature key"));
            }
            let entries = r.take(3 * usize::from(head[4]))?;
            let slot = model.slot_of(key, entries)?;
            model.place(slot)?;
        }
        Ok(model)
    }

    /// The slot of feature `key` with `entries` as the model file writes them (class byte,
    /// weight in two bytes), its classes checked: one pass over the bytes and no iterator
    /// adapters, since a `check` decodes 1.45 M features and 3.2 M entries before its first
    /// sentence.
    fn slot_of(&mut self, key: u32, entries: &[u8]) -> Result<Slot, ModelError> {
        let mut slot = Slot { key, ..Slot::default() };
        let count = entries.len() / 3;
        let classes = self.classes;
        let entry = |e: &[u8]| match *e {
            [class, a, b] if usize::from(class) < classes => Ok((class, i16::from_le_bytes([a, b]))),
            _ => Err(ModelError("class out of range")),
        };
        if self.dense {
            // A class twice (never written by the trainer) adds up as it would sparse.
            for e in entries.chunks_exact(3) {
                let (class, weight) = entry(e)?;
                let at = usize::from(class) % INLINE;
                slot.weight[at] = slot.weight[at].saturating_add(weight);
            }
            slot.class = std::array::from_fn(|j| j as u8);
        } else if count <= INLINE {
            for (j, e) in entries.chunks_exact(3).enumerate().take(INLINE) {
                (slot.class[j], slot.weight[j]) = entry(e)?;
            }
        } else {
            let at = u32::try_from(self.overflow.len()).map_err(|_| ModelError("too many weights"))?;
            slot.class[0] = SPILLED;
            slot.weight = [at as u16 as i16, (at >> 16) as u16 as i16, count as i16, 0];
            let overflow = self.overflow.to_mut();
            overflow.reserve(count);
            for e in entries.chunks_exact(3) {
                overflow.push(Entry::new(entry(e)?));
            }
        }
        Ok(slot)
    }
}

/// The table as the tables file holds it (`tables.rs`), and checked when read from one.
impl Model {
    /// Features, slots and overflow entries, as held.
    pub(crate) fn parts(&self) -> (usize, &[Slot], &[Entry]) {
        (self.features, &self.slots, &self.overflow)
    }

    /// The five-key buckets, if the dense model is held in them ([`Model::packed`]).
    pub(crate) fn grid_table(&self) -> Option<&dense::Table> {
        self.grid.as_ref()
    }

    /// The packed table, if the model is held in one ([`Model::packed`]).
    pub(crate) fn packed_table(&self) -> Option<&packed::Table> {
        self.packed.as_ref()
    }

    /// A model of a table and overflow list written by [`Model::parts`] (the slot count a
    /// power of two). The caller checks the table ([`Model::check_table`]) unless it is the
    /// one the build embeds, which a test compares with the decoded model file.
    pub(crate) fn from_parts(
        classes: usize,
        features: usize,
        slots: Cow<'static, [Slot]>,
        overflow: Cow<'static, [Entry]>,
    ) -> Result<Model, ModelError> {
        if classes == 0 || classes > 256 {
            return Err(ModelError("class count out of range"));
        }
        if slots.len() < 16 || !slots.len().is_power_of_two() || features >= slots.len() {
            return Err(ModelError("table size out of range"));
        }
        let mask = slots.len() - 1;
        Ok(Model {
            classes,
            mask,
            slots,
            overflow,
            features,
            constant: (0, [0; 256]),
            dense: classes <= INLINE,
            packed: None,
            grid: None,
        })
    }

    /// Checks what a look-up relies on: the features counted are the keys held, each key is
    /// found from its home slot, and every class and overflow range is in range.
    pub(crate) fn check_table(&self) -> Result<(), ModelError> {
        if let Some(table) = &self.packed {
            return table.check(self.classes);
        }
        if let Some(grid) = &self.grid {
            return grid.check();
        }
        let bad = Err(ModelError("table inconsistent"));
        if self.slots.iter().filter(|s| s.key != 0).count() != self.features {
            return bad;
        }
        for (at, slot) in self.slots.iter().enumerate().filter(|(_, s)| s.key != 0) {
            if self.find(slot.key) != Some(at) {
                return bad;
            }
            let classes = if self.dense {
                slot.class != std::array::from_fn(|j| j as u8)
            } else if slot.class[0] == SPILLED {
                let (start, len) = spilled(slot);
                len <= INLINE || slot.weight[3] != 0 || self.overflow.get(start..start + len).is_none()
            } else {
                slot.class.iter().any(|&c| usize::from(c) >= self.classes)
            };
            if classes {
                return bad;
            }
        }
        if self.overflow.iter().any(|e| usize::from(e.class) >= self.classes || e.pad != 0) {
            return bad;
        }
        Ok(())
    }
}

#[cfg(test)]
impl Model {
    /// Whether the table is read in place rather than held.
    pub(crate) fn is_borrowed(&self) -> bool {
        self.grid.as_ref().map_or(matches!(self.slots, Cow::Borrowed(_)), dense::Table::is_borrowed)
    }
}

impl Slot {
    /// The slot's bytes as the tables file holds them (little-endian, as in memory).
    pub(crate) fn to_le_bytes(self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..4].copy_from_slice(&self.key.to_le_bytes());
        out[4..8].copy_from_slice(&self.class);
        for (j, weight) in self.weight.iter().enumerate() {
            out[8 + 2 * j..10 + 2 * j].copy_from_slice(&weight.to_le_bytes());
        }
        out
    }

    /// The slot [`Slot::to_le_bytes`] wrote.
    pub(crate) fn from_le_bytes(b: &[u8; 16]) -> Slot {
        let weight = |j: usize| i16::from_le_bytes([b[8 + 2 * j], b[9 + 2 * j]]);
        Slot {
            key: u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            class: [b[4], b[5], b[6], b[7]],
            weight: std::array::from_fn(weight),
        }
    }
}

impl Entry {
    /// The entry's bytes as the tables file holds them.
    pub(crate) fn to_le_bytes(self) -> [u8; 4] {
        let [a, b] = self.weight.to_le_bytes();
        [self.class, self.pad, a, b]
    }

    /// The entry [`Entry::to_le_bytes`] wrote.
    pub(crate) fn from_le_bytes(b: &[u8; 4]) -> Entry {
        Entry { class: b[0], pad: b[1], weight: i16::from_le_bytes([b[2], b[3]]) }
    }
}

/// Start and length of a spilled slot's entries in the overflow list.
#[inline]
fn spilled(slot: &Slot) -> (usize, usize) {
    let start = usize::from(slot.weight[0] as u16) | (usize::from(slot.weight[1] as u16) << 16);
    (start, usize::from(slot.weight[2] as u16))
}

/// Look-ups scored in one batch: more than any caller scores (the parser's 38), so that a
/// call is one batch, and few, since the batch's list is zeroed on every call (at 128 that
/// was 0.6 % of a `check`'s instructions).
const CHUNK: usize = 64;

/// The slot where the search for `key` starts.
#[inline]
pub(crate) fn home(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9) as usize) & mask
}

/// Writes a model: class count, feature count, then each feature's key, entry count and
/// (class, weight) entries, each feature with at most 255 entries and no key twice. The
/// features are written in the order of the places where the decoder's table starts
/// looking for them (their home slots), so that
/// loading writes the table front to back instead of at random; any order decodes to the
/// same model.
pub(crate) fn encode(out: &mut Vec<u8>, classes: usize, features: &[(u32, Vec<(u8, i16)>)]) {
    out.extend((classes as u32).to_le_bytes());
    out.extend((features.len() as u32).to_le_bytes());
    let mask = capacity(features.len()) - 1;
    let mut order: Vec<(usize, u32, usize)> =
        features.iter().enumerate().map(|(i, f)| (home(f.0, mask), f.0, i)).collect();
    order.sort_unstable();
    for (_, _, i) in order {
        let (key, list) = &features[i];
        out.extend(key.to_le_bytes());
        out.push(list.len() as u8);
        for &(class, weight) in list {
            out.push(class);
            out.extend(weight.to_le_bytes());
        }
    }
}

/// Slots of the table for `features` features: a power of two, at most half full (a fuller
/// table, 32 MB for the parser instead of 64, parses 15-25 % slower: a look-up of a key
/// that is not there probes further, more often into a second cache line).
fn capacity(features: usize) -> usize {
    (features * 2).next_power_of_two().max(16)
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
