//! The syntax model in the form the parser holds it: each linear model's open-addressing
//! table and overflow list as their bytes, aligned, so that the model the build embeds
//! (`build.rs` writes it from `model/en.model`) is read in place instead of decoded.
//! Decoding the model file was 0.21 G instructions and a 52 MB table written before the
//! first sentence, two fifths of a one-sentence `check`.
//!
//! Layout, little-endian: [`MAGIC`]; the magic of the model file written from; the length of
//! that file's other sections and those sections (the tag and label names before its
//! models, the clusters and templates after them); then, each from a multiple of
//! [`ALIGN`] bytes, the tagger's, the transition model's and the labeller's tables: class
//! count, feature count, slot count, overflow entry count and slot size (`u32` each) and zero bytes up to a
//! multiple of [`ALIGN`], the slots (16 bytes each, or 64-byte buckets in the labeller's packed table, [`crate::packed`]), the overflow
//! entries (4 bytes each), zero bytes up to the next multiple.

use crate::model::{Entry, Model, ModelError, Reader, Slot};
use crate::{dense, packed};
use std::borrow::Cow;
use zerocopy::FromBytes;

/// First bytes of a tables file.
pub(crate) const MAGIC: &[u8; 8] = b"CCSYNTT3";

/// Where each table starts: a multiple of a cache line, so that no slot straddles two.
pub(crate) const ALIGN: usize = 64;

/// A tables file written from a model file of any version the decoder reads.
pub(crate) fn write(model: &[u8]) -> Result<Vec<u8>, ModelError> {
    let mut r = Reader::new(model);
    let source = r.take(MAGIC.len())?;
    let names_start = r.position();
    skip_names(&mut r)?;
    skip_names(&mut r)?;
    let names = &model[names_start..r.position()];
    let models = [Model::decode(&mut r)?, Model::decode(&mut r)?.packed()?, Model::decode(&mut r)?.packed()?];
    let tail = &model[r.position()..];
    let mut out = Vec::new();
    out.extend(MAGIC);
    out.extend(source);
    let rest = u32::try_from(names.len() + tail.len()).map_err(|_| ModelError("model file too long"))?;
    out.extend(rest.to_le_bytes());
    out.extend(names);
    out.extend(tail);
    for model in &models {
        out.resize(out.len().next_multiple_of(ALIGN), 0);
        let (features, overflow, slots, size) = match (model.packed_table(), model.grid_table()) {
            (_, Some(grid)) => {
                let (features, buckets) = grid.parts();
                (features, &[][..], buckets.iter().flat_map(|b| b.to_le_bytes()).collect(), dense::BUCKET)
            }
            (Some(table), None) => {
                let (features, buckets, overflow) = table.parts();
                (features, overflow, buckets.iter().flat_map(|b| b.to_le_bytes()).collect(), packed::BUCKET)
            }
            (None, None) => {
                let (features, slots, overflow) = model.parts();
                (features, overflow, slots.iter().flat_map(|s| s.to_le_bytes()).collect::<Vec<u8>>(), 16)
            }
        };
        for n in [model.classes, features, slots.len() / size, overflow.len(), size] {
            out.extend(u32::try_from(n).map_err(|_| ModelError("model too large"))?.to_le_bytes());
        }
        out.resize(out.len().next_multiple_of(ALIGN), 0);
        out.extend(slots);
        for entry in overflow.iter() {
            out.extend(entry.to_le_bytes());
        }
    }
    out.resize(out.len().next_multiple_of(ALIGN), 0);
    Ok(out)
}

/// Skips a list of names (a count, then each name's length and bytes).
fn skip_names(r: &mut Reader<'_>) -> Result<(), ModelError> {
    for _ in 0..r.u32()? {
        let len = usize::from(r.u8()?);
        r.take(len)?;
    }
    Ok(())
}

/// The parts of a tables file: the magic of the model file it was written from, that file's
/// other sections (names, then clusters and templates), and a reader at the first table.
pub(crate) fn split(bytes: &[u8]) -> Result<(&[u8], &[u8], Reader<'_>), ModelError> {
    let mut r = Reader::new(bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return Err(ModelError("not a tables file"));
    }
    let source = r.take(MAGIC.len())?;
    let len = r.u32()? as usize;
    let rest = r.take(len)?;
    skip_padding(&mut r)?;
    Ok((source, rest, r))
}

/// Skips the zero bytes up to the next table.
fn skip_padding(r: &mut Reader<'_>) -> Result<(), ModelError> {
    let pad = r.position().next_multiple_of(ALIGN) - r.position();
    if r.take(pad.min(r.left()))?.iter().any(|&b| b != 0) {
        return Err(ModelError("padding is not zero"));
    }
    Ok(())
}

/// Reads one table, copying it out of the bytes, and checks it.
pub(crate) fn read(r: &mut Reader<'_>) -> Result<Model, ModelError> {
    let Parts { classes, features, slots, overflow, wide } = read_parts(r)?;
    let overflow = overflow.chunks_exact(4).filter_map(|b| b.first_chunk()).map(Entry::from_le_bytes).collect();
    let model = if wide && classes <= dense::CLASSES {
        let buckets =
            slots.chunks_exact(dense::BUCKET).filter_map(|b| b.first_chunk()).map(dense::Bucket::from_le_bytes);
        Model::with_grid(classes, dense::Table::from_parts(features, Cow::Owned(buckets.collect()))?)
    } else if wide {
        let buckets =
            slots.chunks_exact(packed::BUCKET).filter_map(|b| b.first_chunk()).map(packed::Bucket::from_le_bytes);
        let table = packed::Table::from_parts(features, Cow::Owned(buckets.collect()), Cow::Owned(overflow))?;
        Model::with_table(classes, table)
    } else {
        let slots = slots.chunks_exact(16).filter_map(|b| b.first_chunk()).map(Slot::from_le_bytes).collect();
        Model::from_parts(classes, features, Cow::Owned(slots), Cow::Owned(overflow))?
    };
    model.check_table()?;
    Ok(model)
}

/// Reads one table of the tables the build embeds, in place where the bytes are aligned
/// and the machine little-endian (else as [`read`] does). Trusted: the embedded tables are
/// written by the build from the committed model, which a test compares them with.
pub(crate) fn read_in_place(r: &mut Reader<'static>) -> Result<Model, ModelError> {
    let from = r.clone();
    let parts = read_parts(r)?;
    let (classes, features) = (parts.classes, parts.features);
    let overflow = <[Entry]>::ref_from_bytes(parts.overflow);
    if parts.wide && classes <= dense::CLASSES {
        if let Ok(buckets) = <[dense::Bucket]>::ref_from_bytes(parts.slots)
            && cfg!(target_endian = "little")
        {
            return Ok(Model::with_grid(classes, dense::Table::from_parts(features, Cow::Borrowed(buckets))?));
        }
    } else if parts.wide {
        if let (Ok(slots), Ok(overflow)) = (<[packed::Bucket]>::ref_from_bytes(parts.slots), overflow)
            && cfg!(target_endian = "little")
        {
            let table = packed::Table::from_parts(features, Cow::Borrowed(slots), Cow::Borrowed(overflow))?;
            return Ok(Model::with_table(classes, table));
        }
    } else if let (Ok(slots), Ok(overflow)) = (<[Slot]>::ref_from_bytes(parts.slots), overflow)
        && cfg!(target_endian = "little")
    {
        return Model::from_parts(classes, features, Cow::Borrowed(slots), Cow::Borrowed(overflow));
    }
    *r = from;
    read(r)
}

/// A table as the file holds it: its counts, and the bytes of its slots and of its overflow
/// entries.
struct Parts<'a> {
    classes: usize,
    features: usize,
    slots: &'a [u8],
    overflow: &'a [u8],
    /// Whether the slots are packed buckets ([`crate::packed`]).
    wide: bool,
}

/// Reads a table's parts, leaving the reader at the next table.
fn read_parts<'a>(r: &mut Reader<'a>) -> Result<Parts<'a>, ModelError> {
    let classes = r.u32()? as usize;
    let features = r.u32()? as usize;
    let slots = r.u32()? as usize;
    let overflow = r.u32()? as usize;
    let size = r.u32()? as usize;
    if size != 16 && size != packed::BUCKET {
        return Err(ModelError("slot size unknown"));
    }
    skip_padding(r)?;
    let slots = r.take(slots.checked_mul(size).ok_or(ModelError("table too large"))?)?;
    let overflow = r.take(overflow.checked_mul(4).ok_or(ModelError("table too large"))?)?;
    skip_padding(r)?;
    Ok(Parts { classes, features, slots, overflow, wide: size == packed::BUCKET })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Parser, model, picked};

    /// Both readings of `a` and `b`: the same tables, names, clusters and templates.
    fn assert_same(a: &Parser, b: &Parser) {
        assert!(a.tagger.model == b.tagger.model, "tagger");
        assert!(a.moves == b.moves, "transitions");
        assert!(a.labels.model == b.labels.model, "labeller");
        assert_eq!(a.templates, b.templates);
        assert_eq!(a.clusters.len(), b.clusters.len());
    }

    /// A model file of random features for each of the three models (the transition model
    /// dense, the others with spilled features too).
    fn random_model_file() -> Vec<u8> {
        let mut state = 5u64;
        let mut next = move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        let mut out = Vec::new();
        crate::write_header(&mut out);
        for classes in [crate::Tag::ALL.len(), crate::parser::MOVES, crate::parser::LABELS] {
            let mut features: Vec<(u32, Vec<(u8, i16)>)> = (0..700)
                .map(|f| {
                    let n = 1 + (next() % if f % 4 == 0 { 12 } else { 4 }) as usize;
                    let mut list: Vec<(u8, i16)> =
                        (0..n).map(|_| ((next() % classes as u64) as u8, next() as i16)).collect();
                    list.sort_by_key(|e| e.0);
                    list.dedup_by_key(|e| e.0);
                    ((next() as u32).max(1), list)
                })
                .collect();
            features.push((model::key(0, 0, 0, 0), vec![(0, 3)]));
            features.sort_by_key(|f| f.0);
            features.dedup_by_key(|f| f.0);
            model::encode(&mut out, classes, &features);
        }
        crate::clusters::Clusters::default().encode(&mut out);
        picked::Templates::default_for(false).encode(&mut out);
        out
    }

    #[test]
    fn a_model_file_and_its_tables_read_as_the_same_parser() {
        let file = random_model_file();
        let decoded = Parser::from_bytes(&file).unwrap_or_else(|e| panic!("{e}"));
        let tables = write(&file).unwrap_or_else(|e| panic!("{e}"));
        assert_same(&decoded, &Parser::from_bytes(&tables).unwrap_or_else(|e| panic!("{e}")));
        let words = ["Lavrov", "said", "the", "report", "was", "a", "lie", "."];
        assert_eq!(
            decoded.parse(&words),
            Parser::from_bytes(&tables).map(|p| p.parse(&words)).unwrap_or_else(|e| panic!("{e}"))
        );
    }

    #[test]
    fn broken_tables_are_errors_not_panics_or_endless_look_ups() {
        let tables = write(&random_model_file()).unwrap_or_else(|e| panic!("{e}"));
        for end in (0..tables.len()).step_by(97) {
            assert!(Parser::from_bytes(&tables[..end]).is_err(), "cut at {end}");
        }
        // The first table's header: its feature count, then its slot count.
        let (_, _, r) = split(&tables).unwrap_or_else(|e| panic!("{e}"));
        let header = r.position();
        let mut miscounted = tables.clone();
        miscounted[header + 4] ^= 1;
        assert_eq!(Parser::from_bytes(&miscounted).err(), Some(ModelError("table inconsistent")));
        // Every slot taken: no look-up of a missing key would end.
        let mut full = tables.clone();
        let slots = u32::from_le_bytes([full[header + 8], full[header + 9], full[header + 10], full[header + 11]]);
        full[header + 4..header + 8].copy_from_slice(&slots.to_le_bytes());
        assert_eq!(Parser::from_bytes(&full).err(), Some(ModelError("table size out of range")));
        // A key moved past the empty slot that ends its probe run: a look-up would miss it.
        let mut moved = tables.clone();
        let is_empty = |bytes: &[u8], at: usize| bytes[at..at + 4] == [0; 4];
        let first = (header + ALIGN..).step_by(16).find(|&at| !is_empty(&moved, at)).unwrap_or(header + ALIGN);
        let key = moved[first..first + 4].to_vec();
        moved[first..first + 4].fill(0);
        let empty = (first + 16..).step_by(16).find(|&at| is_empty(&moved, at)).unwrap_or(first);
        moved[empty..empty + 4].copy_from_slice(&key);
        assert!(Parser::from_bytes(&moved).is_err(), "a key out of its probe run");
    }

    /// The build's conversion is lossless: the tables read in place are the committed model
    /// file decoded, and give the same parses.
    #[test]
    fn the_embedded_tables_are_the_committed_model_decoded() {
        let decoded = Parser::from_bytes(include_bytes!("../model/en.model")).unwrap_or_else(|e| panic!("{e}"));
        let embedded = crate::parser();
        assert_same(&decoded, embedded);
        if cfg!(target_endian = "little") {
            assert!(embedded.moves.is_borrowed(), "the transition table is read in place");
        }
        for sentence in ["Officials said on Tuesday that the strike had failed .", "Lavrov's remarks didn't help ."] {
            let words: Vec<&str> = sentence.split(' ').collect();
            assert_eq!(decoded.parse(&words), embedded.parse(&words), "{sentence}");
        }
    }
}
