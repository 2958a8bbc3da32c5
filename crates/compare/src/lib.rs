//! Claims in, positions and conflicts out.
//!
//! Claims are grouped by (proposition, principal) into [`Position`]s; conflicts are found
//! per proposition and per frame in parallel (rayon) and returned in a fixed order, so the
//! same claims give the same conflicts whatever the thread count or input order. The crate
//! knows nothing of how text was parsed: it reads [`rules::Claim`] records only.

mod record;

pub use record::{Comparison, Conflict, Position, PositionStance, Side, SideEvidence};

use rules::Claim;
use rules::schema::ChecksDef;

/// Groups `claims` into positions and finds the conflicts between them, at the severities
/// `checks` sets. The result is the same, byte for byte once serialised, whatever the order
/// of `claims` and whatever the size of the rayon thread pool it runs in.
pub fn compare(claims: &[Claim], checks: &ChecksDef) -> Comparison {
    // Contract for the crates above; the comparator proper lands with issue 4.
    let _ = (claims, checks);
    Comparison::default()
}
