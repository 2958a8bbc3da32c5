//! Claims read back from JSON Lines (`claimcheck claims --format jsonl`), so extraction and
//! comparison can run in different processes or on different machines.

use crate::store::ClaimStoreBuilder;
use claim::Claim;
use rayon::prelude::*;
use std::io::BufRead;

/// A line of a claims file that could not be read as a claim.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct JsonlError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Lines parsed together, so parsing runs in parallel while memory stays bounded.
const BATCH: usize = 1 << 16;

/// Reads one claim per line. Blank lines are skipped; a line that is not a claim, or cannot
/// be read, gives an error with its line number and the rest are still read.
pub fn read_claims_jsonl<R: BufRead>(reader: R) -> (Vec<Claim>, Vec<JsonlError>) {
    let mut claims = Vec::new();
    let errors = read_batches(reader, |batch| claims.extend(batch));
    (claims, errors)
}

/// [`read_claims_jsonl`] into a claim store, a batch at a time: the claims are never all
/// held as [`Claim`]s. Returns how many were read, and the errors.
pub fn read_claims_jsonl_into<R: BufRead>(reader: R, store: &mut ClaimStoreBuilder) -> (usize, Vec<JsonlError>) {
    let mut read = 0;
    let errors = read_batches(reader, |batch| {
        read += batch.len();
        store.add_owned(batch);
    });
    (read, errors)
}

/// Parses the lines of `reader` in batches, in parallel, and gives each batch's claims to
/// `sink` in line order.
fn read_batches<R: BufRead>(reader: R, mut sink: impl FnMut(Vec<Claim>)) -> Vec<JsonlError> {
    let mut errors = Vec::new();
    let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<(usize, String)>, errors: &mut Vec<JsonlError>| {
        let parsed: Vec<Result<Claim, JsonlError>> = batch
            .par_iter()
            .map(|(line, text)| {
                serde_json::from_str(text).map_err(|e| JsonlError { line: *line, message: e.to_string() })
            })
            .collect();
        let mut claims = Vec::with_capacity(parsed.len());
        for result in parsed {
            match result {
                Ok(claim) => claims.push(claim),
                Err(error) => errors.push(error),
            }
        }
        sink(claims);
        batch.clear();
    };
    for (index, line) in reader.lines().enumerate() {
        match line {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => batch.push((index + 1, text)),
            Err(e) => {
                let invalid_text = e.kind() == std::io::ErrorKind::InvalidData;
                errors.push(JsonlError { line: index + 1, message: e.to_string() });
                // Invalid UTF-8 consumes its line; any other read error would repeat forever.
                if !invalid_text {
                    break;
                }
            }
        }
        if batch.len() == BATCH {
            flush(&mut batch, &mut errors);
        }
    }
    flush(&mut batch, &mut errors);
    errors.sort_by_key(|e| e.line);
    errors
}
