//! Which of the transition templates a model reads. A model without clusters reads the
//! first [`BASE_FEATURES`] of [`parser::features`]' table, one with clusters all
//! [`FEATURES`] of them (model versions `CCSYNTX2` and `CCSYNTX3`); a model of version
//! `CCSYNTX4` lists the ones it reads, so that cluster templates can take the place of weak
//! word templates and a step still looks up as many keys.

use crate::labels::Tag;
use crate::model::{ModelError, Reader};
use crate::parser::{self, BASE_FEATURES, FEATURES, State};
use crate::tagger::Word;

/// The templates a transition model reads, in the order its keys are looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Templates {
    /// How many keys a step looks up.
    len: usize,
    /// Positions in [`parser::features`]' table, when they are not its first `len`.
    picked: Option<[u8; FEATURES]>,
}

impl Templates {
    /// The first `len` templates of the table (at most [`FEATURES`]).
    pub fn first(len: usize) -> Templates {
        Templates { len: len.min(FEATURES), picked: None }
    }

    /// The templates of a model with word clusters or without, as versions before
    /// `CCSYNTX4` read them.
    pub(crate) fn default_for(clusters: bool) -> Templates {
        Templates::first(if clusters { FEATURES } else { BASE_FEATURES })
    }

    /// The templates at `positions` of the table, in that order; `None` when a position is
    /// past the table or listed twice.
    pub fn picked(positions: &[u8]) -> Option<Templates> {
        let mut seen = [false; FEATURES];
        let mut picked = [0u8; FEATURES];
        if positions.len() > FEATURES {
            return None;
        }
        for (j, &p) in positions.iter().enumerate() {
            let slot = seen.get_mut(usize::from(p))?;
            if std::mem::replace(slot, true) {
                return None;
            }
            picked[j] = p;
        }
        let first = positions.iter().enumerate().all(|(j, &p)| usize::from(p) == j);
        Some(Templates { len: positions.len(), picked: (!first).then_some(picked) })
    }

    /// How many keys a step looks up.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether a step looks up no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The positions read, in order.
    pub fn positions(&self) -> Vec<u8> {
        match &self.picked {
            Some(picked) => picked[..self.len].to_vec(),
            None => (0..self.len as u8).collect(),
        }
    }

    /// Fills `out[..self.len()]` with the keys of `state`.
    #[inline]
    pub(crate) fn keys(&self, state: &State, words: &[Word], tags: &[Tag], out: &mut [u32; FEATURES]) {
        let Some(picked) = &self.picked else {
            parser::features(state, words, tags, self.len, out);
            return;
        };
        let mut all = [0u32; FEATURES];
        parser::features(state, words, tags, FEATURES, &mut all);
        for (slot, &p) in out.iter_mut().zip(&picked[..self.len]) {
            *slot = all[usize::from(p)];
        }
    }

    /// Reads the list a `CCSYNTX4` model file ends with: a count, then positions.
    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Templates, ModelError> {
        let count = usize::from(r.u8()?);
        let positions = r.take(count)?;
        Templates::picked(positions).ok_or(ModelError("template list is not positions of the feature table"))
    }

    /// Writes the list ([`Templates::decode`]).
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        let positions = self.positions();
        out.push(positions.len() as u8);
        out.extend(positions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_the_first_positions_reads_as_the_first_templates() {
        assert_eq!(Templates::picked(&[0, 1, 2]), Some(Templates::first(3)));
        let picked = Templates::picked(&[0, 5, 40]).unwrap_or_else(|| Templates::first(0));
        assert_eq!((picked.len(), picked.positions()), (3, vec![0, 5, 40]));
        assert_eq!(Templates::picked(&[0, 5, 5]), None);
        assert_eq!(Templates::picked(&[0, FEATURES as u8]), None);
        let mut bytes = Vec::new();
        picked.encode(&mut bytes);
        assert_eq!(Templates::decode(&mut Reader::new(&bytes)).ok(), Some(picked));
    }
}
