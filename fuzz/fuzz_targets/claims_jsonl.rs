//! Any bytes as a claims JSON Lines file, then compared: bad lines are errors, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (claims, _errors) = compare::read_claims_jsonl(bytes);
    let _ = compare::compare(&claims, &claim::Checks::default());
});
