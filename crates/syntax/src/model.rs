//! The linear models: hashed features, sparse class weights quantised to `i16`, an
//! open-addressing table for look-up, and the byte format the trainer writes.

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
#[derive(Debug)]
pub(crate) struct Model {
    /// Number of classes scored.
    pub classes: usize,
    mask: usize,
    /// Open-addressing table: key (0 = empty) and, packed, the start of its entries
    /// (high 24 bits) and their count (low 8 bits); one cache line answers a look-up.
    slots: Vec<(u32, u32)>,
    /// (class, weight) pairs.
    entries: Vec<(u8, i16)>,
    features: usize,
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

    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

impl Model {
    /// Builds the look-up table from features, each with its entries (at most 255).
    pub fn from_features(classes: usize, features: Vec<(u32, Vec<(u8, i16)>)>) -> Result<Model, ModelError> {
        let mut index = Vec::with_capacity(features.len());
        let mut entries = Vec::with_capacity(features.iter().map(|f| f.1.len()).sum());
        for (key, list) in features {
            index.push((key, entries.len(), list.len()));
            entries.extend(list);
        }
        Model::from_parts(classes, &index, entries)
    }

    /// Builds the look-up table from (key, start, count) triples into `entries`.
    fn from_parts(classes: usize, index: &[(u32, usize, usize)], entries: Vec<(u8, i16)>) -> Result<Model, ModelError> {
        let capacity = (index.len() * 2).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut slots = vec![(0u32, 0u32); capacity];
        for &(key, start, count) in index {
            if start >= 1 << 24 || count > 255 || key == 0 {
                return Err(ModelError("too many weights"));
            }
            let packed = ((start as u32) << 8) | count as u32;
            let mut slot = (key.wrapping_mul(0x9E37_79B9) as usize) & mask;
            while slots[slot].0 != 0 && slots[slot].0 != key {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (key, packed);
        }
        Ok(Model { classes, mask, slots, entries, features: index.len() })
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.features
    }

    /// Adds the weights of every feature in `keys` to `scores`.
    #[inline]
    pub fn score(&self, keys: &[u32], scores: &mut [i32]) {
        scores.fill(0);
        // Two passes: first find every feature's entries, then add them. The look-ups are
        // cache misses and independent of each other; kept apart from the adding, more of
        // them are in flight at once.
        let mut found = [(0u32, 0u32); 128];
        let mut count = 0;
        for chunk in keys.chunks(found.len()) {
            for &key in chunk {
                let packed = self.find(key);
                found[count] = packed;
                count += usize::from(packed.1 != 0);
            }
            for &(start, len) in &found[..count] {
                let (start, len) = (start as usize, len as usize);
                for &(class, weight) in self.entries.get(start..start + len).unwrap_or(&[]) {
                    if let Some(s) = scores.get_mut(usize::from(class)) {
                        *s += i32::from(weight);
                    }
                }
            }
            count = 0;
        }
    }

    /// Start and count of `key`'s entries; count 0 when it has none.
    #[inline]
    fn find(&self, key: u32) -> (u32, u32) {
        let mut slot = (key.wrapping_mul(0x9E37_79B9) as usize) & self.mask;
        loop {
            let (k, packed) = self.slots[slot];
            if k == key {
                return (packed >> 8, packed & 0xff);
            }
            if k == 0 {
                return (0, 0);
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Decodes a model written by [`Model::encode`].
    pub fn decode(r: &mut Reader<'_>) -> Result<Model, ModelError> {
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 256 {
            return Err(ModelError("class count out of range"));
        }
        let count = r.u32()? as usize;
        let mut index = Vec::with_capacity(count.min(1 << 24));
        let mut entries = Vec::with_capacity(count.min(1 << 24) * 2);
        for _ in 0..count {
            let key = r.u32()?;
            if key == 0 {
                return Err(ModelError("zero feature key"));
            }
            let n = usize::from(r.u8()?);
            index.push((key, entries.len(), n));
            for _ in 0..n {
                let class = r.u8()?;
                if usize::from(class) >= classes {
                    return Err(ModelError("class out of range"));
                }
                entries.push((class, r.i16()?));
            }
        }
        Model::from_parts(classes, &index, entries)
    }
}

/// Writes a model: class count, feature count, then each feature's key, entry count and
/// (class, weight) entries. Features must be sorted by key, each with at most 255 entries.
pub(crate) fn encode(out: &mut Vec<u8>, classes: usize, features: &[(u32, Vec<(u8, i16)>)]) {
    out.extend((classes as u32).to_le_bytes());
    out.extend((features.len() as u32).to_le_bytes());
    for (key, list) in features {
        out.extend(key.to_le_bytes());
        out.push(list.len() as u8);
        for &(class, weight) in list {
            out.push(class);
            out.extend(weight.to_le_bytes());
        }
    }
}
