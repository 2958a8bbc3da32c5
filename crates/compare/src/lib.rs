//! Claims in, positions and conflicts out.
//!
//! Claims are grouped by (proposition, principal) into [`Position`]s; conflicts are found
//! per proposition and per frame in parallel (rayon) and returned in a fixed order, so the
//! same claims give the same conflicts whatever the thread count or input order. The crate
//! knows nothing of how text was parsed: it reads [`rules::Claim`] records only.

mod record;

pub use record::{Comparison, Conflict, Position, PositionStance, Side, SideEvidence};
