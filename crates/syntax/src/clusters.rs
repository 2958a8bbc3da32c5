//! Word clusters: a binary tree over word forms (`train/clusters.py`), each form's path in
//! it a bit string, so that a prefix of the path is a coarser cluster. The parser reads
//! prefixes of the paths of the words around the stack top and the buffer front, as Koo,
//! Carreras and Collins (2008) read Brown clusters: a word it saw rarely in training still
//! votes through the words that behave like it.
//!
//! A path is held as a code with a leading 1 bit above it (`0b1_0110` is the path `0110`),
//! so that prefixes of different lengths never share a code; 0 is a form with no cluster,
//! 1 a position outside the sentence.

use crate::model::KeyHasher;
use crate::model::{ModelError, Reader};
use crate::tagger::Word;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The code of a form the tree does not hold.
pub(crate) const UNKNOWN: u32 = 0;

/// The code of a position outside the sentence.
pub(crate) const OUTSIDE: u32 = 1;

/// Longest path kept (bits).
const MAX_BITS: usize = 30;

/// Word forms (lower case) and their cluster codes.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// The forms and codes as the model file lists them.
    forms: Vec<(String, u32)>,
    /// Code by the hash of the lower-cased form ([`Word::lower`]).
    by_hash: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
}

impl Clusters {
    fn from_forms(forms: Vec<(String, u32)>) -> Clusters {
        let by_hash = forms.iter().map(|(form, code)| (Word::new(form).lower, *code)).collect();
        Clusters { forms, by_hash }
    }

    /// Reads Brown clustering's paths file: `bits<TAB>form<TAB>count` lines (the count, and
    /// bits past [`MAX_BITS`], are ignored; a form listed twice keeps its first path).
    pub fn from_paths(text: &str) -> Result<Clusters, String> {
        let mut forms = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let mut fields = line.split('\t');
            let (Some(bits), Some(form)) = (fields.next(), fields.next()) else {
                return Err(format!("line {}: expected `bits<TAB>form`", n + 1));
            };
            if bits.is_empty() || bits.bytes().any(|b| b != b'0' && b != b'1') {
                return Err(format!("line {}: `{bits}` is not a bit string", n + 1));
            }
            let form = form.to_lowercase();
            if form.is_empty() || form.len() > usize::from(u8::MAX) || !seen.insert(form.clone()) {
                continue;
            }
            let code = bits.bytes().take(MAX_BITS).fold(1u32, |code, b| (code << 1) | u32::from(b == b'1'));
            forms.push((form, code));
        }
        Ok(Clusters::from_forms(forms))
    }

    /// Whether the tree holds no form (a model without clusters).
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Number of forms held.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// The code of a word.
    pub(crate) fn code(&self, word: &Word) -> u32 {
        self.by_hash.get(&word.lower).copied().unwrap_or(UNKNOWN)
    }

    /// Gives each word its code.
    pub(crate) fn assign(&self, words: &mut [Word]) {
        if self.is_empty() {
            return;
        }
        for word in words {
            word.cluster = self.code(word);
        }
    }

    /// Reads the section [`Clusters::encode`] writes.
    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Clusters, ModelError> {
        let count = r.u32()? as usize;
        if count > r.left() / 5 {
            return Err(ModelError("cluster count exceeds the file"));
        }
        let mut forms = Vec::with_capacity(count);
        for _ in 0..count {
            let len = usize::from(r.u8()?);
            let form = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError("cluster form is not UTF-8"))?;
            forms.push((form.to_string(), r.u32()?));
        }
        Ok(Clusters::from_forms(forms))
    }

    /// Writes the forms and codes: a count, then each form's length, bytes and code.
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        out.extend((self.forms.len() as u32).to_le_bytes());
        for (form, code) in &self.forms {
            out.push(form.len() as u8);
            out.extend(form.as_bytes());
            out.extend(code.to_le_bytes());
        }
    }
}

/// The first `bits` bits of a code's path as a code (the whole path when shorter); the
/// unknown and outside codes are their own prefixes.
#[inline]
pub(crate) fn prefix(code: u32, bits: u32) -> u64 {
    let depth = 31u32.saturating_sub(code.leading_zeros());
    u64::from(if depth > bits { code >> (depth - bits) } else { code })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_codes_whose_prefixes_are_coarser_clusters() {
        let clusters =
            Clusters::from_paths("0110\tSaid\t40\n0111\tclaimed\t9\n10\tthe\t99\n0110\tsaid\t3\n").unwrap_or_default();
        assert_eq!(clusters.len(), 3, "a form listed twice keeps its first path");
        let said = clusters.code(&Word::new("said"));
        let claimed = clusters.code(&Word::new("Claimed"));
        assert_eq!((said, claimed), (0b1_0110, 0b1_0111));
        assert_eq!(prefix(said, 3), prefix(claimed, 3));
        assert_ne!(prefix(said, 4), prefix(claimed, 4));
        assert_eq!(prefix(said, 6), u64::from(said));
        assert_ne!(prefix(clusters.code(&Word::new("the")), 1), prefix(said, 1));
        assert_eq!(clusters.code(&Word::new("denied")), UNKNOWN);
        assert_eq!((prefix(UNKNOWN, 4), prefix(OUTSIDE, 4)), (0, 1));
        assert!(Clusters::from_paths("01x\tword\t1\n").is_err());
    }

    #[test]
    fn the_section_reads_back_as_written() {
        let clusters = Clusters::from_paths("0\tyes\t1\n10\tno\t1\n11\tmaybe\t1\n").unwrap_or_default();
        let mut bytes = Vec::new();
        clusters.encode(&mut bytes);
        let read = Clusters::decode(&mut Reader::new(&bytes)).unwrap_or_default();
        assert_eq!(read.forms, clusters.forms);
        assert_eq!(read.code(&Word::new("no")), 0b110);
        assert!(Clusters::decode(&mut Reader::new(&bytes[..bytes.len() - 1])).is_err());
    }
}
